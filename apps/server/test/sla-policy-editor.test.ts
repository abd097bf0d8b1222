import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSlaClockEvents } from '@daowei/db';
import { call, createOrderVia, startHarness, tokensOf, type Body, type Harness, type Tokens } from './harness.js';

/**
 * SLA-02 per-tenant policy editor: an admin edits numbers of the current version (install 3 → 2 days,
 * warning share 80 % → 70 %) and saves a new version; the old one is kept; clocks already running keep
 * the version they were stamped with until the explicit re-evaluate, which records what moved.
 */
let h: Harness;
let tk: Tokens;
let oldOrder: string;

beforeAll(async () => {
  h = await startHarness();
  h.clock.set('2026-11-23T02:00:00Z'); // Monday 10:00 Beijing
  tk = await tokensOf(h);
  oldOrder = (await createOrderVia(h, tk.hotline, 'install')).order.id;
});
afterAll(async () => h?.close());

async function installClock(orderId: string): Promise<Body> {
  const res = await call(h.app, tk.coordinator, 'GET', `/api/work-orders/${orderId}/clocks`);
  expect(res.status).toBe(200);
  return res.body.items.find((c: Body) => c.kind === 'install_complete');
}

/** The admin's edit of a policy body: install days and the warning share. */
function edit(policy: Body, days: number, warnShare: number): Body {
  return {
    ...policy,
    warnShare,
    clocks: policy.clocks.map((c: Body) =>
      c.kind === 'install_complete' ? { ...c, deadline: { ...c.deadline, days } } : c,
    ),
  };
}

describe('SLA-02 policy editor', () => {
  it('SLA-02 supervisors read the current version and its JSON schema; engineers do not', async () => {
    const res = await call(h.app, tk.coordinator, 'GET', '/api/sla/policy');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 1, editable: false, policy: { id: 'sla-default', warnShare: 0.8 } });
    expect(res.body.versions).toEqual([expect.objectContaining({ version: 1, shipped: true })]);
    expect((await call(h.app, tk.admin, 'GET', '/api/sla/policy')).body.editable).toBe(true);
    expect((await call(h.app, tk.engineer, 'GET', '/api/sla/policy')).status).toBe(403);
    const schema = await call(h.app, tk.coordinator, 'GET', '/api/sla/policy/schema');
    expect(schema.status).toBe(200);
    expect(schema.body.properties.warnShare).toMatchObject({ type: 'number' });
  });

  it('SLA-02 an admin saves install 3 → 2 days and warning 80 % → 70 % as version 2; the old version is kept', async () => {
    const current = (await call(h.app, tk.admin, 'GET', '/api/sla/policy')).body;
    const body = { basedOnVersion: 1, note: '装机时限缩短为2天', policy: edit(current.policy, 2, 0.7) };
    expect((await call(h.app, tk.coordinator, 'POST', '/api/sla/policy/versions', body)).status).toBe(403);

    const broken = await call(h.app, tk.admin, 'POST', '/api/sla/policy/versions', {
      ...body,
      policy: edit(current.policy, 2, 1.5),
    });
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'warnShare' } });

    const saved = await call(h.app, tk.admin, 'POST', '/api/sla/policy/versions', body, {
      'idempotency-key': 'policy-v2-0001',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.version).toBe(2);
    expect(saved.body.changes).toEqual([
      { path: 'warnShare', before: 0.8, after: 0.7 },
      { path: 'clocks.install_complete.deadline.days', before: 3, after: 2 },
    ]);
    // The same submission again answers the same version; a second edit from version 1 is a conflict.
    const retry = await call(h.app, tk.admin, 'POST', '/api/sla/policy/versions', body, {
      'idempotency-key': 'policy-v2-0001',
    });
    expect(retry.body.version).toBe(2);
    const stale = await call(h.app, tk.admin, 'POST', '/api/sla/policy/versions', body);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'CONFLICT', details: { basedOnVersion: 1, currentVersion: 2 } });

    const after = (await call(h.app, tk.coordinator, 'GET', '/api/sla/policy')).body;
    expect(after.version).toBe(2);
    expect(after.versions.map((v: Body) => [v.version, v.note])).toEqual([
      [2, '装机时限缩短为2天'],
      [1, null],
    ]);
    const v1 = await call(h.app, tk.coordinator, 'GET', '/api/sla/policy/versions/1');
    expect(v1.body.policy.clocks.find((c: Body) => c.kind === 'install_complete').deadline.days).toBe(3);
    const diff = await call(h.app, tk.coordinator, 'GET', '/api/sla/policy/diff?from=1&to=2');
    expect(diff.body.changes).toHaveLength(2);
    expect((await call(h.app, tk.coordinator, 'GET', '/api/sla/policy/versions/7')).status).toBe(404);
  });

  it('SLA-02 the running clock keeps version 1; a new order gets version 2 (2 days, warning at 70 %)', async () => {
    expect(await installClock(oldOrder)).toMatchObject({
      policy: { version: 1 },
      dueAt: '2026-11-26T02:00:00.000Z',
      warnAt: '2026-11-25T11:36:00.000Z', // 80 % of 72 h
    });
    const fresh = (await createOrderVia(h, tk.hotline, 'install')).order.id;
    expect(await installClock(fresh)).toMatchObject({
      policy: { version: 2 },
      dueAt: '2026-11-25T02:00:00.000Z',
      warnAt: '2026-11-24T11:36:00.000Z', // 70 % of 48 h
    });
  });

  it('SLA-02 re-evaluate moves the old clock to version 2 and records the move as an event', async () => {
    const res = await call(h.app, tk.coordinator, 'POST', `/api/work-orders/${oldOrder}/clocks/re-evaluate`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.changed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'install_complete',
          fromVersion: 1,
          toVersion: 2,
          fromDueAt: '2026-11-26T02:00:00.000Z',
          toDueAt: '2026-11-25T02:00:00.000Z',
        }),
      ]),
    );
    const clock = await installClock(oldOrder);
    expect(clock).toMatchObject({ policy: { version: 2 }, dueAt: '2026-11-25T02:00:00.000Z' });
    const events = await listSlaClockEvents(h.database.db, h.t.tenant.id, clock.id);
    expect(events.filter((e) => e.kind === 'reevaluated')).toHaveLength(1);
  });
  it('SLA-02 a tenant’s version can add a promise selected by area and priority; only matching orders get it', async () => {
    const current = (await call(h.app, tk.admin, 'GET', '/api/sla/policy')).body;
    const vip = {
      ...current.policy.clocks.find((c: Body) => c.kind === 'urgent_arrival'),
      kind: 'urgent_area_arrival',
      label: { 'zh-CN': '本片区紧急工单2小时到场', en: 'Urgent orders of this area: on site in 2 h' },
      when: { areaIds: [h.t.area.id], priorities: ['urgent'], orderTypes: ['fault'] },
      deadline: { kind: 'elapsed', minutes: 120 },
    };
    const saved = await call(h.app, tk.admin, 'POST', '/api/sla/policy/versions', {
      basedOnVersion: current.version,
      policy: { ...current.policy, clocks: [...current.policy.clocks, vip] },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.changes).toEqual([expect.objectContaining({ path: 'clocks.urgent_area_arrival' })]);
    const kindsOf = async (priority: string) => {
      const o = (await createOrderVia(h, tk.hotline, 'fault', { priority })).order.id;
      const res = await call(h.app, tk.coordinator, 'GET', `/api/work-orders/${o}/clocks`);
      return res.body.items.map((c: Body) => c.kind);
    };
    expect(await kindsOf('urgent')).toContain('urgent_area_arrival');
    expect(await kindsOf('normal')).not.toContain('urgent_area_arrival');
  });
});
