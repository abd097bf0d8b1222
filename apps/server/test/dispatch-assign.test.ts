import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCertificate, addShift, createSkill, verifyAllChains, type NewStoredWorkOrder } from '@daowei/db';
import { createTestOrder } from '@daowei/db/testing';
import { actions, call, getOrder, startHarness, tokensOf, type Body, type Harness, type Tokens } from './harness.js';

/** Local (Asia/Shanghai, UTC+8) wall-clock time on a day, as an instant. */
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
/** The harness clock stands at 2026-11-23 10:00 local: this is "today". */
const TODAY = '2026-11-23';
const YESTERDAY = '2026-11-22';
/** A short day (08:00–11:00, one engineer) with room for two of three one-hour visits. */
const SHORT_DAY = '2026-11-28';

describe('dispatch: drag to assign, the engineer’s day in sequence, start of day, urgent notice', () => {
  let h: Harness;
  let tk: Tokens;
  const ids: Record<string, string> = {};
  const station = () => h.t.units.station.id;

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
    for (const p of [engineer, engineer2]) {
      await addShift(db, tenantId, { personId: p.id, start: at(TODAY, '08:00'), end: at(TODAY, '20:00'), kind: 'day' });
    }
    for (const code of ['fault_repair', 'iptv']) await createSkill(db, tenantId, { code, name: code });
    const cert = (personId: string, skillCode: string) =>
      addCertificate(db, tenantId, { personId, skillCode, certificateNo: `C-${skillCode}`, validUntil: '2027-12-31' });
    await cert(engineer.id, 'fault_repair');
    await cert(engineer.id, 'iptv');
    await cert(engineer2.id, 'fault_repair');
    await order('a', TODAY, '13:00', '15:00', { lat: 39.92, lng: 116.42 });
    await order('b', TODAY, '15:00', '17:00', { lat: 39.93, lng: 116.43 });
    await order('c', TODAY, '13:00', '19:00', { lat: 39.94, lng: 116.44 });
    await order('iptv', TODAY, '16:00', '18:00', { product: 'IPTV', lat: 39.95, lng: 116.45 });
    await order('urgent', TODAY, '11:00', '19:00', { priority: 'urgent', lat: 39.91, lng: 116.41 });
    await addShift(db, tenantId, {
      personId: engineer.id,
      start: at(SHORT_DAY, '08:00'),
      end: at(SHORT_DAY, '11:00'),
      kind: 'day',
    });
    await order('n1', SHORT_DAY, '08:00', '11:00', { lat: 39.92, lng: 116.42 });
    await order('n2', SHORT_DAY, '08:00', '11:00', { lat: 39.925, lng: 116.425 });
    await order('u', SHORT_DAY, '08:00', '09:30', { priority: 'urgent', lat: 39.93, lng: 116.43 });
    // DSP-02: yesterday's visit never happened; the order is still open.
    await order('leftover', YESTERDAY, '14:00', '16:00', { lat: 39.96, lng: 116.46 });
  });
  afterAll(async () => {
    if (h) expect(await verifyAllChains(h.database.db, h.t.tenant.id)).toEqual([]);
    await h?.close();
  });

  const myDay = async (token: string) => {
    const res = await call(h.app, token, 'GET', `/api/dispatch/my-day?date=${TODAY}`);
    expect(res.status).toBe(200);
    return (res.body.items as Body[]).map((i) => [i.seq, i.orderId]);
  };
  const assign = (orderId: string, engineerId: string, position?: number) =>
    call(h.app, tk.coordinator, 'POST', '/api/dispatch/assign', {
      orderId,
      engineerId,
      date: TODAY,
      ...(position === undefined ? {} : { position }),
    });

  it('DSP-03 ENG-01 an applied plan stores each engineer’s sequence; his phone lists his day in that order', async () => {
    const res = await call(h.app, tk.coordinator, 'POST', '/api/dispatch/plan/apply', {
      stationId: station(),
      date: TODAY,
      assignments: [
        { orderId: ids.a, engineerId: h.t.engineer.id },
        { orderId: ids.b, engineerId: h.t.engineer.id },
        { orderId: ids.c, engineerId: h.t.engineer2.id },
      ],
    });
    expect(res.status).toBe(200);
    expect(await myDay(tk.engineer)).toEqual([
      [1, ids.a],
      [2, ids.b],
    ]);
    expect(await myDay(tk.engineer2)).toEqual([[1, ids.c]]);
    const day = await call(h.app, tk.coordinator, 'POST', '/api/dispatch/day', { stationId: station(), date: TODAY });
    const route = (day.body.routes as Body[]).find((r) => r.engineerId === h.t.engineer.id)!;
    expect(route.stops.map((s: Body) => s.orderId)).toEqual([ids.a, ids.b]);
  });

  it('DSP-01 DSP-04 a confirmed drag dispatches the order to the engineer and places it in his day', async () => {
    const res = await assign(ids.c!, h.t.engineer.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ feasible: true, dispatched: true });
    const seq = (res.body.sequence as Body[]).map((s) => s.orderId);
    expect(seq).toHaveLength(3);
    expect(seq).toContain(ids.c);
    // The phone shows exactly the stored sequence; the other engineer's day no longer has it.
    expect((await myDay(tk.engineer)).map(([, id]) => id)).toEqual(seq);
    expect(await myDay(tk.engineer2)).toEqual([]);
    const c = await getOrder(h, tk.coordinator, ids.c!);
    expect(c.order).toMatchObject({ status: 'assigned', offeredToPersonId: h.t.engineer.id });
    expect(actions(c)).toEqual(['create', 'dispatch', 'dispatch']);
    expect(c.events.at(-1).payload).toMatchObject({ remark: 'board' });
  });

  it('DSP-04 a drag the engineer cannot take is refused with the reason, and nothing changes', async () => {
    const res = await assign(ids.iptv!, h.t.engineer2.id);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'DSP_INSERTION_REFUSED', details: { reason: 'not_qualified' } });
    expect((await getOrder(h, tk.coordinator, ids.iptv!)).order.status).toBe('created');
    expect(await myDay(tk.engineer2)).toEqual([]);
  });

  it('DSP-05 same-day urgent work dispatched to an engineer is in his inbox at once, once', async () => {
    expect((await assign(ids.urgent!, h.t.engineer2.id)).status).toBe(200);
    const inbox = await call(h.app, tk.engineer2, 'GET', '/api/notifications');
    expect(inbox.status).toBe(200);
    const urgent = (inbox.body.items as Body[]).filter((n) => n.kind === 'dispatch.urgent_today');
    expect(urgent).toHaveLength(1);
    expect(urgent[0]).toMatchObject({ orderId: ids.urgent });
    // A normal order dispatched today notifies nobody.
    const mine = await call(h.app, tk.engineer, 'GET', '/api/notifications');
    expect((mine.body.items as Body[]).filter((n) => n.kind === 'dispatch.urgent_today')).toEqual([]);
  });

  it('DSP-02 the start of the day lists yesterday’s outstanding order first and plans it at raised priority', async () => {
    const res = await call(h.app, tk.coordinator, 'POST', '/api/dispatch/plan', { stationId: station(), date: TODAY });
    expect(res.status).toBe(200);
    expect(res.body.carriedOver).toEqual([expect.objectContaining({ orderId: ids.leftover })]);
    const planned = (res.body.routes as Body[]).flatMap((r) => r.stops).find((s: Body) => s.orderId === ids.leftover);
    expect(planned).toMatchObject({ carriedOver: true });
  });

  it('DSP-01 only planners drag; another engineer cannot', async () => {
    const res = await call(h.app, tk.engineer, 'POST', '/api/dispatch/assign', {
      orderId: ids.b,
      engineerId: h.t.engineer.id,
      date: TODAY,
    });
    expect(res.status).toBe(403);
  });

  it('DSP-03 an urgent order that does not fit displaces one normal visit, and only one', async () => {
    const applied = await call(h.app, tk.coordinator, 'POST', '/api/dispatch/plan/apply', {
      stationId: station(),
      date: SHORT_DAY,
      assignments: [
        { orderId: ids.n1, engineerId: h.t.engineer.id },
        { orderId: ids.n2, engineerId: h.t.engineer.id },
      ],
    });
    expect(applied.status).toBe(200);
    const check = await call(h.app, tk.coordinator, 'POST', '/api/dispatch/check', {
      orderId: ids.u,
      engineerId: h.t.engineer.id,
      date: SHORT_DAY,
    });
    expect(check.body.feasible).toBe(false);
    const res = await call(h.app, tk.coordinator, 'POST', '/api/dispatch/urgent', { orderId: ids.u, date: SHORT_DAY });
    expect(res.status).toBe(200);
    expect(res.body.engineerId).toBe(h.t.engineer.id);
    expect(res.body.displaced).toHaveLength(1);
    const day = await call(h.app, tk.engineer, 'GET', `/api/dispatch/my-day?date=${SHORT_DAY}`);
    const listed = (day.body.items as Body[]).map((i) => i.orderId);
    expect(listed).toContain(ids.u);
    expect(listed).toHaveLength(2);
    expect(listed).not.toContain(res.body.displaced[0].orderId);
    expect((await getOrder(h, tk.coordinator, ids.u!)).order.offeredToPersonId).toBe(h.t.engineer.id);
  });
});
