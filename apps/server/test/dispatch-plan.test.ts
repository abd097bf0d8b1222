import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCertificate, addShift, createSkill, verifyAllChains, type NewStoredWorkOrder } from '@daowei/db';
import { addTestVendor, createTestOrder } from '@daowei/db/testing';
import { actions, call, getOrder, startHarness, tokensOf, type Body, type Harness, type Tokens } from './harness.js';

/** Local (Asia/Shanghai, UTC+8) wall-clock time on a day, as an instant. */
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const PLAN_DAY = '2026-11-24';
const CHECK_DAY = '2026-11-25';

describe('dispatch: day plan, apply and the DSP-04 check over HTTP', () => {
  let h: Harness;
  let tk: Tokens;
  const ids: Record<string, string> = {};

  /** An order of the test station with an appointment window on `day` at a point inside its area. */
  async function order(name: string, day: string, from: string, to: string, over: Partial<NewStoredWorkOrder> = {}) {
    const o = await createTestOrder(h.database.db, h.t, {
      appointment: { start: at(day, from), end: at(day, to) },
      ...over,
    });
    ids[name] = o.id;
    return o;
  }

  beforeAll(async () => {
    h = await startHarness();
    tk = await tokensOf(h);
    const db = h.database.db;
    const tenantId = h.t.tenant.id;
    const { engineer, engineer2 } = h.t;
    for (const day of [PLAN_DAY, CHECK_DAY]) {
      for (const p of [engineer, engineer2]) {
        await addShift(db, tenantId, { personId: p.id, start: at(day, '08:00'), end: at(day, '18:00'), kind: 'day' });
      }
    }
    for (const code of ['fault_repair', 'iptv', 'enterprise_line'])
      await createSkill(db, tenantId, { code, name: code });
    const cert = (personId: string, skillCode: string) =>
      addCertificate(db, tenantId, { personId, skillCode, certificateNo: `C-${skillCode}`, validUntil: '2027-12-31' });
    await cert(engineer.id, 'fault_repair');
    await cert(engineer.id, 'iptv');
    await cert(engineer2.id, 'fault_repair');

    // The plan day: an IPTV fault only `engineer` may do, two plain faults, one needing a skill nobody holds.
    await order('iptv', PLAN_DAY, '09:00', '11:00', { product: 'IPTV', lat: 39.95, lng: 116.45 });
    await order('plain1', PLAN_DAY, '09:00', '12:00', { lat: 39.92, lng: 116.42 });
    await order('plain2', PLAN_DAY, '13:00', '16:00', { lat: 39.98, lng: 116.48 });
    await order('line', PLAN_DAY, '10:00', '12:00', { product: '政企专线', lat: 39.93, lng: 116.47 });

    // The check day: engineer2 holds a confirmed visit at the north-east corner at 08:30–09:00.
    await order('held', CHECK_DAY, '08:30', '09:00', {
      status: 'appointment_confirmed',
      holderId: engineer2.id,
      lat: 39.995,
      lng: 116.495,
    });
    await order('tight', CHECK_DAY, '09:00', '09:10', { lat: 39.905, lng: 116.405 });
  });
  afterAll(async () => {
    // AUD-01: every order's history, including the plan's dispatches, is complete and its chain verifies.
    if (h) expect(await verifyAllChains(h.database.db, h.t.tenant.id)).toEqual([]);
    await h?.close();
  });

  const plan = (token: string, body: Body) => call(h.app, token, 'POST', '/api/dispatch/plan', body);

  it('DSP-03 a plan gives a skilled order only to a qualified engineer and says why the others are unassigned', async () => {
    const res = await plan(tk.coordinator, { stationId: h.t.units.station.id, date: PLAN_DAY });
    expect(res.status).toBe(200);
    const where = new Map<string, string>();
    for (const r of res.body.routes as Body[]) for (const s of r.stops) where.set(s.orderId, r.engineerId);
    expect(where.get(ids.iptv!)).toBe(h.t.engineer.id);
    expect(where.has(ids.plain1!) && where.has(ids.plain2!)).toBe(true);
    expect(res.body.unassigned).toEqual([
      expect.objectContaining({ orderId: ids.line, reason: 'no_qualified_engineer', text: expect.any(String) }),
    ]);
    // Stop times are minutes of the local day, inside the appointment windows (09:00 = 540).
    const iptvStop = (res.body.routes as Body[]).flatMap((r) => r.stops).find((s: Body) => s.orderId === ids.iptv);
    expect(iptvStop.start).toBeGreaterThanOrEqual(540);
    expect(iptvStop.start).toBeLessThanOrEqual(660);
    expect(iptvStop.explanation).not.toBe('');
    expect(res.body.map.areas).toHaveLength(1);
    // Planning changes nothing.
    expect((await getOrder(h, tk.coordinator, ids.iptv!)).order.status).toBe('created');
  });

  it('DSP-03 only coordinators and station managers plan, and only their own vendor’s stations', async () => {
    expect((await plan(tk.engineer, { stationId: h.t.units.station.id, date: PLAN_DAY })).status).toBe(403);
    const other = await addTestVendor(h.database.db, h.t, 'vb');
    const foreign = await h.tokenFor(other.coordinator);
    expect((await plan(foreign, { stationId: h.t.units.station.id, date: PLAN_DAY })).status).toBe(404);
  });

  it('DSP-03 applying a plan dispatches each order to its engineer with the remark auto-plan', async () => {
    const proposed = await plan(tk.coordinator, { stationId: h.t.units.station.id, date: PLAN_DAY });
    const assignments = (proposed.body.routes as Body[]).flatMap((r) =>
      r.stops.map((s: Body) => ({ orderId: s.orderId, engineerId: r.engineerId })),
    );
    const res = await call(h.app, tk.coordinator, 'POST', '/api/dispatch/plan/apply', {
      stationId: h.t.units.station.id,
      date: PLAN_DAY,
      assignments,
    });
    expect(res.status).toBe(200);
    expect(res.body.dispatched).toHaveLength(3);
    const iptv = await getOrder(h, tk.coordinator, ids.iptv!);
    expect(iptv.order).toMatchObject({ status: 'assigned', offeredToPersonId: h.t.engineer.id });
    expect(actions(iptv)).toEqual(['create', 'dispatch']);
    expect(iptv.events.at(-1).payload).toMatchObject({ toPersonId: h.t.engineer.id, remark: 'auto-plan' });
    // The engineer sees it offered to him.
    expect((await getOrder(h, tk.engineer, ids.iptv!)).order.offeredToPersonId).toBe(h.t.engineer.id);
  });

  it('DSP-03 a plan naming an engineer of no shift that day is refused whole', async () => {
    const res = await call(h.app, tk.coordinator, 'POST', '/api/dispatch/plan/apply', {
      stationId: h.t.units.station.id,
      date: PLAN_DAY,
      assignments: [{ orderId: ids.line, engineerId: h.t.coordinator.id }],
    });
    expect(res.status).toBe(400);
    expect((await getOrder(h, tk.coordinator, ids.line!)).order.status).toBe('created');
  });

  it('DSP-04 a slot the engineer cannot reach after his previous job is refused; a free engineer can', async () => {
    const check = (engineerId: string) =>
      call(h.app, tk.coordinator, 'POST', '/api/dispatch/check', { orderId: ids.tight, engineerId, date: CHECK_DAY });
    const busy = await check(h.t.engineer2.id);
    expect(busy.status).toBe(200);
    expect(busy.body.feasible).toBe(false);
    expect(['window_unreachable', 'delays_later_visits']).toContain(busy.body.reason);
    const free = await check(h.t.engineer.id);
    expect(free.body).toMatchObject({ feasible: true, reason: 'ok' });
    expect(free.body.start).toBeGreaterThanOrEqual(540);
  });
});
