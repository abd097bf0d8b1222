import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSlaClockEvents, listSlaClocksOfOrder } from '@daowei/db';
import { DEFAULT_POLICY_PACK } from '@daowei/domain';
import type { AuthContext } from '../src/http/auth-context.js';
import { createSlaService } from '../src/features/sla/sla.service.js';
import { call, createOrderVia, startHarness, tokensOf, type Body, type Harness, type Tokens } from './harness.js';
import { saveSlaPolicy } from './sla-policy-save.js';

/**
 * SLA-02 tenant-wide re-evaluate: after an admin edits the policy, one command moves every open clock
 * of the tenant to the current version, in batches, with a clock event per moved clock and a report of
 * how many moved; running it again moves nothing. Orders are installs accepted Monday 2026-11-23 10:00
 * Beijing (02:00Z): 3 days → Thursday 10:00, 2 days → Wednesday 10:00, 4 days → Friday 10:00.
 */
let h: Harness;
let tk: Tokens;
const orderIds: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  h.clock.set('2026-11-23T02:00:00Z');
  tk = await tokensOf(h);
  for (let i = 0; i < 5; i++) orderIds.push((await createOrderVia(h, tk.hotline, 'install')).order.id);
});
afterAll(async () => h?.close());

/** The admin saves the install promise as `days` calendar days (a new version). */
async function saveInstallDays(days: number): Promise<number> {
  const saved = await saveSlaPolicy(h, tk.admin, (policy) => ({
    ...policy,
    clocks: policy.clocks.map((c: Body) =>
      c.kind === 'install_complete' ? { ...c, deadline: { ...c.deadline, days } } : c,
    ),
  }));
  return saved.version as number;
}

const installClocks = async () =>
  (await Promise.all(orderIds.map((id) => listSlaClocksOfOrder(h.database.db, h.t.tenant.id, id))))
    .flat()
    .filter((s) => s.clock.kind === 'install_complete');

const url = '/api/sla/clocks/re-evaluate';

describe('SLA-02 tenant-wide re-evaluate', () => {
  it('SLA-02 only the operator’s admins run it', async () => {
    expect((await call(h.app, tk.coordinator, 'POST', url)).status).toBe(403);
    expect((await call(h.app, tk.engineer, 'POST', url)).status).toBe(403);
  });

  it('SLA-02 after install 3 → 2 days every open clock moves to version 2, one event each, with a report', async () => {
    expect((await installClocks()).map((s) => s.clock.dueAt.toISOString())).toEqual(
      Array(5).fill('2026-11-26T02:00:00.000Z'),
    );
    expect(await saveInstallDays(2)).toBe(2);
    const res = await call(h.app, tk.admin, 'POST', url, undefined, { 'idempotency-key': 'tenant-reeval-01' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // Both install clocks of each order are re-stamped (the 7-day spot check moves version only).
    expect(res.body).toMatchObject({
      policyVersion: 2,
      orders: 5,
      batches: 1,
      moved: 10,
      movedByKind: { install_complete: 5, install_spot_check: 5 },
    });
    const clocks = await installClocks();
    expect(clocks.map((s) => [s.clock.policyVersion, s.clock.dueAt.toISOString()])).toEqual(
      Array(5).fill([2, '2026-11-25T02:00:00.000Z']),
    );
    for (const s of clocks) {
      const events = (await listSlaClockEvents(h.database.db, h.t.tenant.id, s.id)).filter(
        (e) => e.kind === 'reevaluated',
      );
      expect(events).toHaveLength(1);
      expect(events[0]!.payload).toMatchObject({
        fromVersion: 1,
        toVersion: 2,
        fromDueAt: '2026-11-26T02:00:00.000Z',
        toDueAt: '2026-11-25T02:00:00.000Z',
      });
    }
    // The order page explains the move.
    const view = await call(h.app, tk.coordinator, 'GET', `/api/work-orders/${orderIds[0]}/clocks`);
    const install = view.body.items.find((c: Body) => c.kind === 'install_complete');
    expect(install.explain.text['zh-CN'].join(' ')).toContain('按策略第 2 版重新计算');
  });

  it('SLA-02 a retry with the same key answers the first report; a new run moves nothing and records nothing', async () => {
    const first = await call(h.app, tk.admin, 'POST', url, undefined, { 'idempotency-key': 'tenant-reeval-01' });
    expect(first.body).toMatchObject({ policyVersion: 2, moved: 10 });
    const again = await call(h.app, tk.admin, 'POST', url);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ policyVersion: 2, orders: 5, moved: 0, movedByKind: {} });
    for (const s of await installClocks()) {
      const events = await listSlaClockEvents(h.database.db, h.t.tenant.id, s.id);
      expect(events.filter((e) => e.kind === 'reevaluated')).toHaveLength(1);
    }
  });

  it('SLA-02 in batches of 2 the five orders take three transactions and all move (install 2 → 4 days)', async () => {
    expect(await saveInstallDays(4)).toBe(3);
    const sla = createSlaService({ db: h.database.db, clock: h.clock, policy: DEFAULT_POLICY_PACK });
    const admin: AuthContext = {
      tenantId: h.t.tenant.id,
      personId: h.t.admin.id,
      personName: h.t.admin.name,
      position: 'admin',
      positions: ['admin'],
      unitIds: [],
      vendorId: null,
      sessionId: 'test',
    };
    const report = await sla.reevaluateTenant(admin, null, 2);
    expect(report).toMatchObject({ policyVersion: 3, orders: 5, batches: 3, moved: 10 });
    expect((await installClocks()).map((s) => [s.clock.policyVersion, s.clock.dueAt.toISOString()])).toEqual(
      Array(5).fill([3, '2026-11-27T02:00:00.000Z']),
    );
  });
});
