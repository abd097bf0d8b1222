import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORK_ORDER_ACTIONS } from '@daowei/domain';
import type { App } from '../src/app.js';
import { startHarness, type Body, type Harness } from './harness.js';

const API_MD = new URL('../../../docs/api.md', import.meta.url);

/** "POST /api/people/{id}/external-accounts" for every route the app really serves under /api. */
function servedRoutes(app: App): string[] {
  const lines = app.printRoutes({ commonPrefix: false }).split('\n');
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of lines) {
    const m = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const path = (stack[depth - 1] ?? '') + m[2]!;
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of m[3]!.split(',').map((s) => s.trim())) {
      if (method !== 'HEAD') routes.push(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return routes.filter((r) => / \/api(\/|$)/.test(r) && !/ \/api\/(docs|health)\b/.test(r)).sort();
}

/** The routes docs/api.md promises, from its tables. */
async function documentedRoutes(): Promise<string[]> {
  const md = await readFile(API_MD, 'utf8');
  const routes = [...md.matchAll(/^\|\s*(GET|POST|PUT|DELETE|PATCH)\s*\|\s*(\/api\/\S+)\s*\|/gm)].map(
    (m) => `${m[1]} ${m[2]!.replace(/\?.*$/, '').replace(/:(\w+)/g, '{$1}')}`,
  );
  return [...new Set(routes)].sort();
}

describe('OpenAPI description (INT-02)', () => {
  let h: Harness;
  let doc: Body;
  beforeAll(async () => {
    h = await startHarness();
    const res = await h.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });
  afterAll(async () => h?.close());

  const described = () =>
    Object.entries<Record<string, unknown>>(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
  const op = (method: string, path: string) => doc.paths[path]?.[method.toLowerCase()];
  const params = (method: string, path: string, where: string) =>
    (op(method, path).parameters ?? []).filter((p: Body) => p.in === where).map((p: Body) => p.name);

  it('INT-02 /api/docs/json is an OpenAPI 3 document describing every route the app serves under /api', () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    const served = servedRoutes(h.app);
    expect(served.length).toBeGreaterThanOrEqual(14);
    expect(described()).toEqual(served);
  });

  it('INT-02 the description and docs/api.md list the same routes', async () => {
    expect(described()).toEqual(await documentedRoutes());
  });

  it('INT-02 every path parameter is described, required, with its type', () => {
    for (const route of described()) {
      const [method, path] = route.split(' ') as [string, string];
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(params(method, path, 'path'), route).toEqual(inPath);
      for (const p of op(method, path).parameters?.filter((x: Body) => x.in === 'path') ?? []) {
        expect(p.required, `${route} ${p.name}`).toBe(true);
        expect(p.schema.type).toBe('string');
      }
    }
    const action = op('POST', '/api/work-orders/{id}/actions/{action}').parameters.find(
      (p: Body) => p.name === 'action',
    );
    expect(action.schema.enum).toEqual([...WORK_ORDER_ACTIONS]);
    const id = op('GET', '/api/work-orders/{id}').parameters.find((p: Body) => p.name === 'id');
    expect(id.schema.format).toBe('uuid');
  });

  it('INT-02 query parameters of the list and search routes are described', () => {
    expect(params('GET', '/api/work-orders', 'query').sort()).toEqual(
      ['scope', 'type', 'status', 'areaId', 'engineerId', 'from', 'to', 'q', 'cursor', 'limit'].sort(),
    );
    const scope = op('GET', '/api/work-orders').parameters.find((p: Body) => p.name === 'scope');
    expect(scope.schema.enum).toEqual(['todo', 'done', 'all']);
    expect(params('GET', '/api/people', 'query')).toEqual(['q']);
    expect(op('GET', '/api/people').parameters[0].required).toBe(true);
    expect(params('GET', '/api/external-accounts', 'query')).toEqual(['q']);
  });

  it('INT-02 request bodies are described with their required fields', () => {
    const create = op('POST', '/api/work-orders').requestBody.content['application/json'].schema;
    expect(create.required).toEqual(
      expect.arrayContaining(['type', 'acceptanceSerial', 'product', 'business', 'customer']),
    );
    expect(create.properties.type.enum).toContain('paid_service');
    expect(create.properties.customer.required).toEqual(expect.arrayContaining(['name', 'phone']));
    const login = op('POST', '/api/auth/login');
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['login', 'password']);
    expect(login.security).toEqual([]); // the one route needing no token
    const link = op('POST', '/api/people/{id}/external-accounts').requestBody.content['application/json'].schema;
    expect(link.required).toEqual(['system', 'externalId']);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('INT-02 the description is well-formed for Swagger UI: refs resolve, operation ids unique, operations tagged', () => {
    const problems: string[] = [];
    // A JSON pointer inside this document ("#/components/schemas/X"); undefined when it leads nowhere.
    const resolve = (ref: string): unknown =>
      ref.startsWith('#/')
        ? ref
            .slice(2)
            .split('/')
            .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
            .reduce<Body>((node, key) => node?.[key], doc)
        : undefined;
    const walk = (node: Body, at: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}/${i}`));
      if (!node || typeof node !== 'object') return;
      if (typeof node.$ref === 'string' && resolve(node.$ref) === undefined) problems.push(`${at}: $ref ${node.$ref}`);
      if (Array.isArray(node.required) && node.properties && typeof node.properties === 'object') {
        for (const name of node.required) if (!(name in node.properties)) problems.push(`${at}: required ${name}`);
      }
      for (const [key, value] of Object.entries(node)) walk(value, `${at}/${key}`);
    };
    walk(doc, '#');

    const seenIds = new Map<string, string>();
    for (const [path, methods] of Object.entries<Record<string, Body>>(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const route = `${method.toUpperCase()} ${path}`;
        if (!['get', 'put', 'post', 'delete', 'patch'].includes(method)) problems.push(`${route}: method`);
        // Swagger UI groups by the first tag; an untagged route lands in a "default" section of its own.
        if (!Array.isArray(operation.tags) || operation.tags.length === 0) problems.push(`${route}: no tag`);
        if (Object.keys(operation.responses ?? {}).length === 0) problems.push(`${route}: no response`);
        const id = operation.operationId;
        if (id !== undefined && seenIds.has(id)) problems.push(`${route}: operationId ${id} also ${seenIds.get(id)}`);
        if (id !== undefined) seenIds.set(id, route);
      }
    }
    expect(problems).toEqual([]);
  });

  it('INT-02 the interactive page is served at /api/docs', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});
