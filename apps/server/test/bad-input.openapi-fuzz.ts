import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { encodeSegment, nastyString, notIn, notUuid, qs, TYPES, valueOfType } from './bad-input.generators.js';
import type { Sent } from './bad-input.probe.js';
import type { Body } from './harness.js';

/**
 * Bad requests for a route without hand-written generators, derived from its OpenAPI operation (SEC-03):
 * `strict` ones are certainly invalid (a malformed id, an unknown enum value, a string over its limit, a
 * field of the wrong type, a missing required field); `nasty` puts nasty strings in every string
 * parameter and body field (null when there is none). `token` is whose request it is.
 */
export function derivedRequests(
  route: string,
  operation: Body,
  body: Body,
  token: string,
): { strict: fc.Arbitrary<Sent>[]; nasty: fc.Arbitrary<Sent> | null } {
  const [method, path] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE', string];
  const o = operation;
  const ps: Body[] = o.parameters ?? [];
  const validValue = (schema: Body) => (schema?.format === 'uuid' ? randomUUID() : (schema?.enum?.[0] ?? 'x'));
  const url = (over: Record<string, string> = {}, query: Record<string, string> = {}) => {
    let u = path;
    for (const p of ps.filter((x) => x.in === 'path'))
      u = u.replace(`{${p.name}}`, over[p.name] ?? validValue(p.schema));
    const q = qs(query);
    return q ? `${u}?${q}` : u;
  };
  const badFor = (schema: Body): fc.Arbitrary<string> | null => {
    if (schema?.format === 'uuid') return notUuid;
    if (schema?.enum) return notIn(schema.enum);
    if (schema?.type === 'integer' || schema?.type === 'number') return fc.constantFrom('abc', 'NaN', '1e999', '-');
    // Dates and patterned strings (e.g. a calendar day in the path): values that cannot match.
    if (schema?.format === 'date' || typeof schema?.pattern === 'string') {
      return fc.constantFrom('not-a-date', '2026-13-45', '２０２６-０１-０１', '2026-1-1', "1' OR '1'='1");
    }
    if (typeof schema?.maxLength === 'number' && schema.maxLength < 50_000) {
      return fc.constant('x'.repeat(schema.maxLength + 1));
    }
    return null;
  };
  const strict: fc.Arbitrary<Sent>[] = [];
  for (const p of ps) {
    const bad = badFor(p.schema);
    if (!bad) continue;
    strict.push(
      bad.map((v) => ({
        method,
        url: p.in === 'path' ? url({ [p.name]: encodeSegment(v) }) : url({}, { [p.name]: v }),
        token: token,
        ...(body ? { json: {} } : {}),
      })),
    );
  }
  if (body?.type === 'object') {
    const props = Object.entries<Body>(body.properties ?? {}).filter(([, sc]) => typeof sc.type === 'string');
    strict.push(
      fc.oneof(fc.constant(null), fc.constant([]), fc.integer(), nastyString).map((json) => ({
        method,
        url: url(),
        token: token,
        json,
      })),
    );
    if (props.length) {
      strict.push(
        fc.constantFrom(...props).chain(([name, sc]) =>
          fc
            .constantFrom(...TYPES.filter((t) => t !== sc.type && !(sc.type === 'integer' && t === 'number')))
            .filter((t) => !(sc.type === 'number' && t === 'number'))
            .chain(valueOfType)
            .map((v) => ({ method, url: url(), token: token, json: { [name]: v } })),
        ),
      );
    }
    if (body.required?.length) strict.push(fc.constant({ method, url: url(), token: token, json: {} }));
  }
  // Nasty strings in every string parameter and body field: never a 5xx.
  const stringParams = ps.filter((p) => p.schema?.type === 'string');
  const stringProps = Object.entries<Body>(body?.properties ?? {}).filter(([, sc]) => sc.type === 'string');
  if (!stringParams.length && !stringProps.length) return { strict, nasty: null };
  const nasty = fc
    .tuple(fc.constantFrom(...stringParams.map((p) => p.name), ...stringProps.map(([k]) => `body.${k}`)), nastyString)
    .map(([name, v]): Sent => {
      const p = stringParams.find((x) => x.name === name);
      if (p?.in === 'path')
        return { method, url: url({ [name]: encodeSegment(v) }), token: token, ...(body ? { json: {} } : {}) };
      if (p) return { method, url: url({}, { [name]: v }), token: token, ...(body ? { json: {} } : {}) };
      return { method, url: url(), token: token, json: { [name.slice(5)]: v } };
    });
  return { strict, nasty };
}
