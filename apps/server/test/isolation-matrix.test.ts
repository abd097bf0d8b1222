import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getWorkOrder, linkExternalAccount, listEvents, listExternalAccounts } from '@daowei/db';
import { addTestVendor, createTestTenant, type TestTenant, type TestVendor } from '@daowei/db/testing';
import type { Person, Position } from '@daowei/domain';
import { actOk, createOrderVia, dispatchToPerson, getOrder, startHarness, type Body, type Harness } from './harness.js';
import {
  ISOLATION_MATRIX,
  type Actor,
  type Expectation,
  type Foreign,
  type Probe,
  type ProbeRequest,
  type Scope,
} from './isolation-matrix.js';

/**
 * Issue 9 item 1 — the isolation matrix. Tenant A (operator staff + vendor A) and, as foreign
 * objects, a second tenant B, a second vendor B inside tenant A, and an order of vendor A held by
 * another engineer. Every route of /api/docs/json is called as every position of tenant A / vendor A
 * with every probe of isolation-matrix.ts; the answer must have the expected status and must not
 * contain any foreign id, number, serial, phone or external id.
 */

interface Outcome {
  route: string;
  probe: string;
  actor: string;
  scope: Scope;
  status: number;
  problem: string | null;
}

const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

describe('isolation matrix over every OpenAPI route (SEC-02, SEC-01)', () => {
  let h: Harness;
  let tB: TestTenant;
  let vb: TestVendor;
  let described: string[];
  const foreign = new Map<Scope, Foreign>();
  /** Strings that may never appear in an answer to a caller of that scope. */
  const markers = new Map<Scope, string[]>();
  const actors: (Actor & { token: string; person: Person; vendorStaff: boolean })[] = [];
  const outcomes: Outcome[] = [];
  /** The foreign orders' versions and history lengths, to prove no probe changed them. */
  const before = new Map<string, { tenantId: string; version: number; events: number }>();
  let externalBefore: { tenantId: string; count: number }[] = [];

  beforeAll(async () => {
    h = await startHarness();
    const { db } = h.database;
    const docRes = await h.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(docRes.statusCode).toBe(200);
    const doc = docRes.json();
    described = Object.entries<Record<string, unknown>>(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => routeKey(m, path)))
      .sort();

    // --- tenant A: the callers ---
    const a = h.t;
    const tok = (p: Person, pos?: Position) => h.tokenFor(p, pos);
    const hotlineA = await tok(a.hotline);
    const coordinatorA = await tok(a.coordinator);
    const engineer2A = await tok(a.engineer2, 'onsite_engineer');

    // --- vendor B in tenant A ---
    vb = await addTestVendor(db, a, 'vb');
    const vbCoordinator = await tok(vb.coordinator);
    const vbEngineer = await tok(vb.engineer);
    const vbOrder = await createOrderVia(h, vbCoordinator, 'fault', { areaId: vb.area.id });
    await dispatchToPerson(h, vbCoordinator, vbOrder.order.id, vb.engineer.id);
    await actOk(h, vbEngineer, vbOrder.order.id, 'take');
    const vbLink = await linkExternalAccount(db, a.tenant.id, {
      personId: vb.engineer.id,
      system: 'BSS',
      externalId: `vb-ext-${a.suffix}`,
    });

    // --- tenant B ---
    tB = await createTestTenant(db);
    const tbHotline = await tok(tB.hotline);
    const tbCoordinator = await tok(tB.coordinator);
    const tbEngineer = await tok(tB.engineer);
    const tbOrder = await call(tbHotline, {
      method: 'POST',
      url: '/api/work-orders',
      body: {
        type: 'fault',
        acceptanceSerial: `TB-${tB.suffix}`,
        product: 'broadband',
        business: 'home broadband',
        productNumber: `TB-BB-${tB.suffix}`,
        customer: { name: '孙女士', phone: '13611112222', address: 'B 区 9 号' },
        faultDescription: 'No signal',
        areaId: tB.area.id,
      },
    });
    expect(tbOrder.status, JSON.stringify(tbOrder.body)).toBe(201);
    await dispatchToPerson(h, tbCoordinator, tbOrder.body.order.id, tB.engineer.id);
    await actOk(h, tbEngineer, tbOrder.body.order.id, 'take');
    const tbLink = await linkExternalAccount(db, tB.tenant.id, {
      personId: tB.engineer.id,
      system: 'BSS',
      externalId: `tb-ext-${tB.suffix}`,
    });

    // --- vendor A: an order held by engineer2 (foreign to the other on-site engineer) ---
    const heldOrder = await createOrderVia(h, hotlineA, 'fault');
    await dispatchToPerson(h, coordinatorA, heldOrder.order.id, a.engineer2.id);
    await actOk(h, engineer2A, heldOrder.order.id, 'take');

    // Positive controls: each foreign order is really there for its own people.
    expect((await getOrder(h, tbHotline, tbOrder.body.order.id)).order.id).toBe(tbOrder.body.order.id);
    expect((await getOrder(h, vbCoordinator, vbOrder.order.id)).order.id).toBe(vbOrder.order.id);
    expect((await getOrder(h, engineer2A, heldOrder.order.id)).order.holderId).toBe(a.engineer2.id);

    const orderOf = (o: Body, phone: string) => ({
      id: o.id as string,
      number: o.number as string,
      acceptanceSerial: o.acceptanceSerial as string,
      phone,
      holderId: o.holderId as string,
    });
    const tbFull = tbOrder.body.order;
    const tbOrderAfter = (await getOrder(h, tbHotline, tbFull.id)).order;
    const vbOrderAfter = (await getOrder(h, vbCoordinator, vbOrder.order.id)).order;
    const heldAfter = (await getOrder(h, coordinatorA, heldOrder.order.id)).order;
    const personOf = (p: Person) => ({ id: p.id, name: p.name, login: p.login, staffNo: p.staffNo, phone: p.phone });

    foreign.set('tenant', {
      scope: 'tenant',
      order: orderOf(tbOrderAfter, '13611112222'),
      person: personOf(tB.engineer),
      areaId: tB.area.id,
      unitId: tB.units.team.id,
      vendorId: tB.vendor.id,
      externalId: tbLink.externalId,
    });
    foreign.set('vendor', {
      scope: 'vendor',
      order: orderOf(vbOrderAfter, vbOrder.order.contactPhone),
      person: personOf(vb.engineer),
      areaId: vb.area.id,
      unitId: vb.units.team.id,
      vendorId: vb.vendor.id,
      externalId: vbLink.externalId,
    });
    foreign.set('engineer', { scope: 'engineer', order: orderOf(heldAfter, heldOrder.order.contactPhone) });

    // Markers: everything that identifies the foreign objects. Tenant B's order number is left out
    // when tenant A happens to have an order with the same number (numbers are per tenant and day).
    const ownNumbers = new Set([heldAfter.number, vbOrderAfter.number]);
    const tbPeople = [tB.admin, tB.hotline, tB.coordinator, tB.engineer, tB.engineer2];
    const vbPeople = [vb.coordinator, vb.engineer, vb.engineer2];
    markers.set('tenant', [
      tB.tenant.id,
      tB.vendor.id,
      tB.area.id,
      tB.operatorUnit.id,
      ...Object.values(tB.units).map((u) => u.id),
      ...tbPeople.flatMap((p) => [p.id, p.phone, p.login]),
      tB.customer.id,
      tB.customer.phone,
      tbOrderAfter.id,
      tbOrderAfter.acceptanceSerial,
      tbOrderAfter.customerId,
      '13611112222',
      tbLink.externalId,
      ...(ownNumbers.has(tbOrderAfter.number) ? [] : [tbOrderAfter.number]),
    ]);
    markers.set('vendor', [
      vb.vendor.id,
      vb.area.id,
      ...Object.values(vb.units).map((u) => u.id),
      ...vbPeople.flatMap((p) => [p.id, p.phone, p.login]),
      vbOrderAfter.id,
      vbOrderAfter.number,
      vbOrderAfter.acceptanceSerial,
      vbOrder.order.contactPhone,
      vbLink.externalId,
    ]);
    markers.set('engineer', [heldAfter.id, heldAfter.number, heldAfter.acceptanceSerial, heldOrder.order.contactPhone]);

    // --- the callers: every position tenant A / vendor A offers ---
    const ownOrder = async () => (await createOrderVia(h, hotlineA, 'fault')).order.id as string;
    const add = async (name: string, person: Person, position: Position, notHeld: Position) =>
      actors.push({
        name,
        person,
        position,
        notHeld,
        token: await tok(person, position),
        ownOrderId: await ownOrder(),
        vendorStaff: person.vendorId !== null,
      });
    await add('admin', a.admin, 'admin', 'onsite_engineer');
    await add('hotline_agent', a.hotline, 'hotline_agent', 'admin');
    await add('coordinator', a.coordinator, 'coordinator', 'admin');
    await add('team_lead', a.engineer2, 'team_lead', 'admin');
    await add('onsite_engineer', a.engineer, 'onsite_engineer', 'admin');

    for (const f of foreign.values()) {
      const tenantId = f.scope === 'tenant' ? tB.tenant.id : a.tenant.id;
      const order = (await getWorkOrder(db, tenantId, f.order.id))!;
      before.set(f.order.id, {
        tenantId,
        version: order.version,
        events: (await listEvents(db, tenantId, f.order.id)).length,
      });
    }
    for (const actor of actors) {
      const order = (await getWorkOrder(db, a.tenant.id, actor.ownOrderId))!;
      before.set(actor.ownOrderId, { tenantId: a.tenant.id, version: order.version, events: 1 });
    }
    externalBefore = [
      { tenantId: a.tenant.id, count: (await listExternalAccounts(db, a.tenant.id, { vendorId: null })).length },
      { tenantId: tB.tenant.id, count: (await listExternalAccounts(db, tB.tenant.id, { vendorId: null })).length },
    ];

    // --- run the matrix ---
    for (const route of described) {
      for (const probe of ISOLATION_MATRIX[route] ?? []) {
        for (const actor of actors) {
          for (const scope of scopesOf(actor)) {
            if (!probe.scopes.includes(scope)) continue;
            const f = foreign.get(scope)!;
            const req = probe.build(f, actor);
            if (!req) continue;
            expect(routeKey(req.method, openApiPath(req.url, described)), `${route}: ${probe.name}`).toBe(route);
            const token = probe.freshSession ? await tok(actor.person, actor.position) : actor.token;
            const res = await call(token, req);
            outcomes.push({
              route,
              probe: probe.name,
              actor: actor.name,
              scope,
              status: res.status,
              problem: judge(probe, f, actor, req, res),
            });
          }
        }
      }
    }
  }, 240_000);
  afterAll(async () => h?.close());

  function scopesOf(actor: { vendorStaff: boolean; position: Position }): Scope[] {
    const s: Scope[] = ['tenant'];
    if (actor.vendorStaff) s.push('vendor');
    if (actor.position === 'onsite_engineer') s.push('engineer');
    return s;
  }

  async function call(token: string, req: ProbeRequest) {
    const res = await h.app.inject({
      method: req.method,
      url: req.url,
      headers: { authorization: `Bearer ${token}`, ...req.headers },
      ...(req.body !== undefined ? { payload: req.body as object } : {}),
    });
    // A file answer (CSV export) is judged by its raw text; everything else is JSON.
    const json = String(res.headers['content-type'] ?? '').includes('json');
    return { status: res.statusCode, raw: res.body, body: res.body && json ? (JSON.parse(res.body) as Body) : null };
  }

  /** null when the answer is right, else what is wrong with it. */
  function judge(
    probe: Probe,
    f: Foreign,
    actor: Actor,
    req: ProbeRequest,
    res: { status: number; raw: string; body: Body },
  ): string | null {
    if (res.status >= 500) return `server error ${res.status}`;
    // What the caller sent may come back (e.g. the id in a 404's details); nothing else of theirs may.
    const sent = `${req.url} ${JSON.stringify(req.body ?? null)}`;
    const decoded = decodeURIComponent(sent);
    const leaked = markers
      .get(f.scope)!
      .filter((m) => m && !sent.includes(m) && !decoded.includes(m) && res.raw.includes(m));
    if (leaked.length) return `foreign data in the answer: ${leaked.join(', ')}`;
    const exp: Expectation = typeof probe.expect === 'function' ? probe.expect(f, actor) : probe.expect;
    if (res.status >= 400 && (typeof res.body?.code !== 'string' || typeof res.body?.message !== 'string')) {
      return `error without { code, message }: ${res.raw.slice(0, 200)}`;
    }
    const extra = probe.check?.(res, f) ?? null;
    if (extra) return extra;
    switch (exp.kind) {
      case 'denied':
        return [403, 404].includes(res.status) ? null : `expected 403/404, got ${res.status}`;
      case 'status':
        return exp.statuses.includes(res.status) ? null : `expected ${exp.statuses.join('/')}, got ${res.status}`;
      case 'list':
      case 'empty':
        if (res.status === 403) return null;
        if (res.status !== 200 || !Array.isArray(res.body?.items)) return `expected a list, got ${res.status}`;
        return exp.kind === 'empty' && res.body.items.length > 0
          ? `expected an empty list, got ${res.body.items.length} item(s)`
          : null;
    }
  }

  it('SEC-02 every route of the OpenAPI description has an entry in the isolation matrix', () => {
    expect(described.length).toBeGreaterThanOrEqual(14);
    const missing = described.filter((r) => !ISOLATION_MATRIX[r]?.length);
    expect(missing, `add it to the matrix (apps/server/test/isolation-matrix.ts): ${missing.join(', ')}`).toEqual([]);
    const stale = Object.keys(ISOLATION_MATRIX).filter((r) => !described.includes(r));
    expect(stale, 'matrix entries for routes the API no longer describes').toEqual([]);
  });

  it('SEC-02 every position of tenant A / vendor A is refused the objects of tenant B and vendor B, and sees none of their data', () => {
    const ran = outcomes.filter((o) => o.scope !== 'engineer');
    // Every route was probed, by every position, against the other tenant.
    for (const route of described) {
      const probed = new Set(ran.filter((o) => o.route === route && o.scope === 'tenant').map((o) => o.actor));
      expect([...probed].sort(), route).toEqual(actors.map((a) => a.name).sort());
    }
    expect(ran.filter((o) => o.scope === 'vendor').length).toBeGreaterThan(50);
    const failures = ran
      .filter((o) => o.problem)
      .map((o) => `${o.actor} ${o.scope} ${o.route} — ${o.probe}: ${o.problem}`);
    expect(failures).toEqual([]);
  });

  it("SEC-01 an on-site engineer is refused another engineer's order and never sees its number or phone", () => {
    const ran = outcomes.filter((o) => o.scope === 'engineer');
    expect(new Set(ran.map((o) => o.route)).size).toBeGreaterThanOrEqual(10);
    const failures = ran.filter((o) => o.problem).map((o) => `${o.actor} ${o.route} — ${o.probe}: ${o.problem}`);
    expect(failures).toEqual([]);
  });

  it('SEC-02 no probe changed a foreign order, an own order it aimed at, or anyone’s external accounts', async () => {
    const { db } = h.database;
    for (const [id, was] of before) {
      const now = (await getWorkOrder(db, was.tenantId, id))!;
      expect({ id, version: now.version }).toEqual({ id, version: was.version });
      expect((await listEvents(db, was.tenantId, id)).length).toBe(was.events);
    }
    for (const { tenantId, count } of externalBefore) {
      expect((await listExternalAccounts(db, tenantId, { vendorId: null })).length).toBe(count);
    }
  });
});

/** The OpenAPI path template a concrete URL belongs to ("/api/work-orders/{id}"). */
function openApiPath(url: string, described: readonly string[]): string {
  const path = url.split('?')[0]!;
  for (const route of described) {
    const template = route.slice(route.indexOf(' ') + 1);
    const re = new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`);
    if (re.test(path)) {
      // Prefer the exact literal match ("/api/work-orders" over a template).
      if (template === path) return template;
      if (!described.some((r) => r.slice(r.indexOf(' ') + 1) === path)) return template;
    }
  }
  return path;
}
