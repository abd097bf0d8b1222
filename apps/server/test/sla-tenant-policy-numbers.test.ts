import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrder } from '@daowei/db/testing';
import {
  actOk,
  call,
  createOrderVia,
  dispatchToPerson,
  MINUTE,
  newPhone,
  orderBody,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';
import { saveSlaPolicy } from './sla-policy-save.js';

/**
 * SLA-02/07: the numbers of the tenant's current SLA policy version are the ones the checks use — an
 * admin's edit (reschedule notice 2 h → 4 h, arrive 5 → 15 min early)
 * takes effect on the next booking, check-in and customer reschedule, without a restart.
 */
let h: Harness;
let tk: Tokens;
const HOUR = 60 * MINUTE;

beforeAll(async () => {
  h = await startHarness();
  h.clock.set('2026-11-23T02:00:00Z'); // Monday 10:00 Beijing
  tk = await tokensOf(h);
  await saveSlaPolicy(
    h,
    tk.admin,
    (policy) => ({
      ...policy,
      appointment: { ...policy.appointment, rescheduleNoticeMinutes: 240, arriveEarlyMinutes: 15 },
    }),
    '改约提前4小时，提前15分钟到达',
  );
});
afterAll(async () => h?.close());

/** Now plus hours, as an ISO window of two hours. */
const window = (fromNowHours: number) => {
  const start = new Date(h.clock.now().getTime() + fromNowHours * HOUR);
  return { start: start.toISOString(), end: new Date(start.getTime() + 2 * HOUR).toISOString() };
};

describe("the tenant's edited SLA numbers take effect", () => {
  it('SLA-07 APT-02 our change 3 h before the visit is short of the edited 4 h notice (was in time at 2 h)', async () => {
    const o = await createTestOrder(h.database.db, h.t, { status: 'taken', holderId: h.t.engineer.id });
    const book = (token: string, body: Body) =>
      call(h.app, token, 'POST', `/api/work-orders/${o.id}/appointment`, body);
    const first = await book(tk.engineer, { window: window(3), askedBy: 'customer', reason: '客户选的时段' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const ours = await book(tk.coordinator, { window: window(6), askedBy: 'us', reason: '前一单拖延' });
    expect(ours.status, JSON.stringify(ours.body)).toBe(200);
    expect(ours.body.notice).toMatchObject({ requiredMinutes: 240, inTime: false, shortByMinutes: 60, breach: true });
  });

  it('SLA-07 DESK-06 the customer link shows the edited 4 h notice and refuses a visit 3 h away', async () => {
    const { type: _t, ...order } = orderBody(h, 'fault');
    const res = await call(h.app, tk.hotline, 'POST', '/api/desk/intakes', {
      callerPhone: newPhone(),
      requestKind: 'fault',
      symptom: 'no_service',
      description: '断网',
      order,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.order.id as string;
    const token = res.body.link.token as string;
    await dispatchToPerson(h, tk.coordinator, id, h.t.engineer.id);
    await actOk(h, tk.engineer, id, 'take');
    await actOk(h, tk.engineer, id, 'confirm_appointment', { window: window(3) });
    const progress = await call(h.app, null, 'GET', `/api/public/orders/${token}`);
    expect(progress.body.reschedule).toEqual({ allowed: true, noticeMinutes: 240 });
    const moved = await call(h.app, null, 'POST', `/api/public/orders/${token}/reschedule`, {
      window: window(48),
      reason: '临时出差',
    });
    expect(moved.status).toBe(409);
    expect(moved.body).toMatchObject({ code: 'DESK_RESCHEDULE_TOO_LATE', details: { noticeMinutes: 240 } });
  });

  it('SLA-07 ENG-02 arriving 7 min early is not on time under the edited 15 min; the phone is told 15', async () => {
    const { order } = await createOrderVia(h, tk.hotline, 'fault');
    const id = order.id as string;
    const visit = { start: '2026-11-23T05:00:00.000Z', end: '2026-11-23T07:00:00.000Z' }; // 13:00 Beijing
    await dispatchToPerson(h, tk.coordinator, id, h.t.engineer.id);
    await actOk(h, tk.engineer, id, 'take');
    await actOk(h, tk.engineer, id, 'confirm_appointment', { window: visit });
    await actOk(h, tk.engineer, id, 'depart');
    const checklist = await call(h.app, tk.engineer, 'GET', `/api/work-orders/${id}/checklist`);
    expect(checklist.body.departure.arriveEarlyMinutes).toBe(15);
    h.clock.set('2026-11-23T04:53:00Z'); // 7 min before the window
    const arrived = await actOk(h, tk.engineer, id, 'arrive');
    expect(arrived.events.at(-1).payload).toMatchObject({ minutesEarly: 7, lateMinutes: 0, onTime: false });
    h.clock.set('2026-11-23T02:00:00Z');
  });
});
