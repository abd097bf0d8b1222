import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCertificate, addShift, createSkill } from '@daowei/db';
import { createTestOrder } from '@daowei/db/testing';
import { actions, call, getOrder, startHarness, tokensOf, type Body, type Harness, type Tokens } from './harness.js';

/** Local (Asia/Shanghai, UTC+8) wall-clock time on a day, as an instant. */
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
/** The harness clock starts at 2026-11-23 10:00 local; offers are asked for the next day. */
const TODAY = '2026-11-23';
const NEXT = '2026-11-24';

describe('appointments: windows from capacity, calls, reschedules (APT-01/02, SLA-07)', () => {
  let h: Harness;
  let tk: Tokens;

  beforeAll(async () => {
    h = await startHarness({ jobs: { schema: `apt_${randomUUID().slice(0, 8)}`, pollingIntervalSeconds: 0.5 } });
    tk = await tokensOf(h);
    const db = h.database.db;
    const tenantId = h.t.tenant.id;
    // Only `engineer` works on NEXT, 08:00–12:00; he already has a 2-hour visit at 08:00.
    await addShift(db, tenantId, {
      personId: h.t.engineer.id,
      start: at(NEXT, '08:00'),
      end: at(NEXT, '12:00'),
      kind: 'day',
    });
    await createSkill(db, tenantId, { code: 'fault_repair', name: 'fault repair' });
    await addCertificate(db, tenantId, {
      personId: h.t.engineer.id,
      skillCode: 'fault_repair',
      certificateNo: 'C-F',
      validUntil: '2027-12-31',
    });
    await createTestOrder(db, h.t, {
      status: 'appointment_confirmed',
      holderId: h.t.engineer.id,
      appointment: { start: at(NEXT, '08:00'), end: at(NEXT, '08:10') },
      lat: 39.99,
      lng: 116.47,
    });
  });
  afterAll(async () => h?.close());

  const offers = async (orderId: string) => {
    const res = await call(h.app, tk.coordinator, 'GET', `/api/work-orders/${orderId}/appointment-offers?date=${NEXT}`);
    expect(res.status).toBe(200);
    return res.body.windows as Body[];
  };

  it('APT-01 offers only windows a qualified engineer on shift has room for', async () => {
    const o = await createTestOrder(h.database.db, h.t, { lat: 39.99, lng: 116.47 });
    const windows = await offers(o.id);
    const byStart = new Map(windows.map((w) => [w.start, w]));
    // 08:00–10:00 is taken by the held visit (60 min on site) only partly: after it there is room.
    expect(byStart.get(at(NEXT, '10:00').toISOString())).toMatchObject({ available: true, engineers: 1 });
    // 12:00 on: nobody is on shift.
    expect(byStart.get(at(NEXT, '12:00').toISOString())).toMatchObject({ available: false, engineers: 0 });
    expect(byStart.get(at(NEXT, '18:00').toISOString())).toMatchObject({ available: false });
  });

  it('APT-01 an order needing a skill nobody holds gets no window at all', async () => {
    const o = await createTestOrder(h.database.db, h.t, { product: 'IPTV', lat: 39.99, lng: 116.47 });
    expect((await offers(o.id)).filter((w) => w.available)).toEqual([]);
  });

  it('APT-01 call attempts are logged; "call back at T" becomes a task fired at T into the caller’s inbox', async () => {
    const o = await createTestOrder(h.database.db, h.t, { status: 'taken', holderId: h.t.engineer.id });
    const log = (body: Body) => call(h.app, tk.engineer, 'POST', `/api/work-orders/${o.id}/appointment-calls`, body);
    expect((await log({ outcome: 'no_answer' })).status).toBe(200);
    expect((await log({ outcome: 'busy' })).status).toBe(200);
    // The server clock is set to the real time so pg-boss (database clock) fires at T.
    h.clock.set(new Date().toISOString());
    tk = await tokensOf(h);
    const when = new Date(Date.now() + 1_500).toISOString();
    const res = await call(h.app, tk.engineer, 'POST', `/api/work-orders/${o.id}/appointment-calls`, {
      outcome: 'call_back',
      callBackAt: when,
      note: '客户在开会，下午回电',
    });
    expect(res.status).toBe(200);
    expect(res.body.followUp).toMatchObject({ dueAt: when });
    // A call-back time in the past is refused.
    expect((await log({ outcome: 'call_back', callBackAt: '2020-01-01T00:00:00Z' })).status).toBe(400);

    let inbox: Body[] = [];
    for (let i = 0; i < 40 && inbox.length === 0; i++) {
      await sleep(250);
      const r = await call(h.app, tk.engineer, 'GET', '/api/notifications');
      inbox = (r.body.items as Body[]).filter((n) => n.kind === 'appointment.call_back_due' && n.orderId === o.id);
    }
    expect(inbox).toHaveLength(1);
    const history = await call(h.app, tk.engineer, 'GET', `/api/work-orders/${o.id}/appointment-history`);
    expect((history.body.calls as Body[]).map((c) => c.outcome)).toEqual(['no_answer', 'busy', 'call_back']);
    expect(history.body.followUps).toEqual([expect.objectContaining({ state: 'open', firedAt: expect.any(String) })]);
    // The next call closes the call-back task.
    await log({ outcome: 'reached' });
    const after = await call(h.app, tk.engineer, 'GET', `/api/work-orders/${o.id}/appointment-history`);
    expect(after.body.followUps).toEqual([expect.objectContaining({ state: 'done' })]);
    h.clock.set('2026-11-23T02:00:00Z');
    tk = await tokensOf(h);
  }, 30_000);

  it('APT-01 APT-02 SLA-07 the holder books the chosen window; our late change is a breach, the customer’s is not', async () => {
    const o = await createTestOrder(h.database.db, h.t, { status: 'taken', holderId: h.t.engineer.id });
    const book = (token: string, body: Body) =>
      call(h.app, token, 'POST', `/api/work-orders/${o.id}/appointment`, body);
    const first = await book(tk.engineer, {
      window: { start: at(TODAY, '11:00').toISOString(), end: at(TODAY, '13:00').toISOString() },
      askedBy: 'customer',
      reason: '客户选择的时段',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ action: 'confirm_appointment', notice: null });

    // 10:00 now, the visit at 11:00: we move it → 60 min short of the 120 min notice, a breach.
    const ours = await book(tk.coordinator, {
      window: { start: at(TODAY, '15:00').toISOString(), end: at(TODAY, '17:00').toISOString() },
      askedBy: 'us',
      reason: '工程师前一单超时',
    });
    expect(ours.status).toBe(200);
    expect(ours.body).toMatchObject({
      action: 'reschedule',
      notice: { requiredMinutes: 120, inTime: false, shortByMinutes: 60 },
    });
    expect(ours.body.notice.breach).toBe(true);
    // The customer asks to move the 15:00 visit: 5 h ahead, in time and no breach either way.
    const theirs = await book(tk.coordinator, {
      window: { start: at(NEXT, '09:00').toISOString(), end: at(NEXT, '11:00').toISOString() },
      askedBy: 'customer',
      reason: '客户临时有事',
    });
    expect(theirs.body.notice).toMatchObject({ inTime: true, breach: false });

    const history = await call(h.app, tk.coordinator, 'GET', `/api/work-orders/${o.id}/appointment-history`);
    expect((history.body.changes as Body[]).map((c) => [c.askedBy, c.breach])).toEqual([
      ['customer', false],
      ['us', true],
      ['customer', false],
    ]);
    const order = await getOrder(h, tk.coordinator, o.id);
    expect(actions(order)).toEqual(['create', 'confirm_appointment', 'reschedule', 'reschedule']);
    expect(order.events.at(-2).payload).toMatchObject({ reason: '工程师前一单超时', askedBy: 'us' });
  });

  it('APT-01 another vendor’s order is not found', async () => {
    const o = await createTestOrder(h.database.db, h.t, {});
    const { addTestVendor } = await import('@daowei/db/testing');
    const other = await addTestVendor(h.database.db, h.t, 'vx');
    const foreign = await h.tokenFor(other.coordinator);
    const res = await call(h.app, foreign, 'GET', `/api/work-orders/${o.id}/appointment-offers?date=${NEXT}`);
    expect(res.status).toBe(404);
  });
});
