import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSlaClockEvents } from '@daowei/db';
import { DEFAULT_POLICY_PACK, parseSlaPolicy, type PolicyPack } from '@daowei/domain';
import { buildApp, type App } from '../src/app.js';
import { call, createOrderVia, startHarness, tokensOf, type Body, type Harness, type Tokens } from './harness.js';

/**
 * SLA-02: a clock carries the policy version it was started with. Running the server with a newer
 * policy (version 2: faults reported before 18:00 due by 20:00 instead of 24:00) leaves existing
 * deadlines where they were; only the explicit re-evaluate command moves them, and it records what
 * moved as a clock event.
 */
const v2: PolicyPack = {
  ...DEFAULT_POLICY_PACK,
  sla: parseSlaPolicy({
    ...DEFAULT_POLICY_PACK.sla,
    version: 2,
    clocks: DEFAULT_POLICY_PACK.sla.clocks.map((c) =>
      c.kind === 'fault_repair' && c.deadline.kind === 'cutoff'
        ? { ...c, deadline: { ...c.deadline, sameDayBy: '20:00' } }
        : c,
    ),
  }),
};

let h: Harness;
let tk: Tokens;
let appV2: App;
let orderId: string;

beforeAll(async () => {
  h = await startHarness();
  h.clock.set('2026-11-23T02:00:00Z'); // Monday 10:00 Beijing
  tk = await tokensOf(h);
  orderId = (await createOrderVia(h, tk.hotline, 'fault')).order.id; // v1: due 24:00 Beijing = 16:00Z
  appV2 = await buildApp({ database: h.database, clock: h.clock, policy: v2 });
});
afterAll(async () => {
  await appV2?.close();
  await h?.close();
});

const faultClock = async (app: App, id: string): Promise<Body> => {
  const res = await call(app, tk.coordinator, 'GET', `/api/work-orders/${id}/clocks`);
  expect(res.status).toBe(200);
  return res.body.items.find((c: Body) => c.kind === 'fault_repair');
};

describe('SLA re-evaluate', () => {
  it('SLA-02 a newer policy never moves an existing deadline; new orders get the new version', async () => {
    const before = await faultClock(appV2, orderId);
    expect(before).toMatchObject({ policy: { version: 1 }, dueAt: '2026-11-23T16:00:00.000Z' });
    const fresh = (await createOrderVia({ ...h, app: appV2 }, tk.hotline, 'fault')).order;
    expect(await faultClock(appV2, fresh.id)).toMatchObject({
      policy: { version: 2 },
      dueAt: '2026-11-23T12:00:00.000Z',
    });
  });

  it('SLA-02 re-evaluate re-stamps open clocks with the current version, says what moved and records it once', async () => {
    const url = `/api/work-orders/${orderId}/clocks/re-evaluate`;
    expect((await call(appV2, tk.engineer, 'POST', url)).status).toBe(403);

    const res = await call(appV2, tk.coordinator, 'POST', url, undefined, { 'idempotency-key': 'reeval-0001' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.changed).toEqual([
      expect.objectContaining({
        kind: 'fault_repair',
        fromVersion: 1,
        toVersion: 2,
        fromDueAt: '2026-11-23T16:00:00.000Z',
        toDueAt: '2026-11-23T12:00:00.000Z',
      }),
    ]);
    const clock = res.body.items.find((c: Body) => c.kind === 'fault_repair');
    expect(clock).toMatchObject({ policy: { version: 2 }, dueAt: '2026-11-23T12:00:00.000Z' });
    expect(clock.explain.text.en.join(' ')).toMatch(/re-evaluat/i);

    // The same submission again answers the first answer; a new one finds nothing to move.
    const retry = await call(appV2, tk.coordinator, 'POST', url, undefined, { 'idempotency-key': 'reeval-0001' });
    expect(retry.body.changed).toHaveLength(1);
    const again = await call(appV2, tk.coordinator, 'POST', url);
    expect(again.body.changed).toEqual([]);

    const events = await listSlaClockEvents(h.database.db, h.t.tenant.id, clock.id);
    expect(events.filter((e) => e.kind === 'reevaluated')).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ fromVersion: 1, toVersion: 2, by: h.t.coordinator.id });
    // The old server (policy v1) reads the re-stamped clock as stored: it does not move it back.
    expect(await faultClock(h.app, orderId)).toMatchObject({
      policy: { version: 2 },
      dueAt: '2026-11-23T12:00:00.000Z',
    });
  });
});
