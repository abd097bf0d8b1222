import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@daowei/db';
import { DEFAULT_DESK_POLICY } from '@daowei/domain';
import {
  act,
  actOk,
  call,
  completeBody,
  createOrderVia,
  dispatchToPerson,
  getOrder,
  MINUTE,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';
import { deskIntake, deskOrderTaken } from './desk-setup.js';

let h: Harness;
let tk: Tokens;
beforeAll(async () => {
  h = await startHarness();
  tk = await tokensOf(h);
});
afterAll(async () => h?.close());

const HOUR = 60 * MINUTE;
const window = (fromNowHours: number, hours = 2) => {
  const start = new Date(h.clock.now().getTime() + fromNowHours * HOUR);
  return { start: start.toISOString(), end: new Date(start.getTime() + hours * HOUR).toISOString() };
};

/** An on-site fault taken in at the desk (with its link), held by the engineer with an agreed visit. */
async function agreedVisit(visitInHours = 48) {
  const { id, token } = await deskOrderTaken(h, tk, {
    type: 'fault',
    requestKind: 'fault',
    symptom: 'no_service',
    description: '断网',
  });
  await actOk(h, tk.engineer, id, 'confirm_appointment', { window: window(visitInHours) });
  return { id, token };
}

describe('forbidden phrases are refused on the server (DESK-04)', () => {
  it('DESK-04 a lifecycle remark or reason with a forbidden phrase is 409 naming the field and phrase; nothing changes', async () => {
    const { order } = await createOrderVia(h, tk.hotline, 'fault');
    await dispatchToPerson(h, tk.coordinator, order.id, h.t.engineer.id);
    await actOk(h, tk.engineer, order.id, 'take');
    const rude = await act(h, tk.engineer, order.id, 'complete', {
      ...completeBody(),
      remark: '这 不是我的事，找别人',
    });
    expect(rude.status).toBe(409);
    expect(rude.body).toMatchObject({
      code: 'DESK_FORBIDDEN_PHRASE',
      details: { field: 'body.remark', phrase: '这不是我的事', confirmable: false },
    });
    expect(rude.body.details.suggestions.length).toBeGreaterThan(0);
    const moved = await act(h, tk.hotline, order.id, 'reschedule', {
      reason: '等着吧',
      window: window(30),
      askedBy: 'us',
      confirmFlagged: true,
    });
    expect(moved.status).toBe(409);
    expect(moved.body.details).toMatchObject({ field: 'body.reason', confirmable: false });
    expect((await getOrder(h, tk.hotline, order.id)).order.status).toBe('taken');
  });

  it('DESK-04 a position the policy permits may send a flagged text after confirming it; without confirming it is refused too', async () => {
    expect(DEFAULT_DESK_POLICY.flaggedTextConfirmPositions).toContain('admin');
    const { order } = await createOrderVia(h, tk.hotline, 'fault');
    const unconfirmed = await act(h, tk.admin, order.id, 'cancel', { reason: '这是规定，客户要求取消' });
    expect(unconfirmed.body).toMatchObject({ code: 'DESK_FORBIDDEN_PHRASE', details: { confirmable: true } });
    const confirmed = await act(h, tk.admin, order.id, 'cancel', {
      reason: '这是规定，客户要求取消',
      confirmFlagged: true,
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.order.status).toBe('cancelled');
  });

  it('DESK-04 DESK-06 a note to the customer is checked; a clean one shows on their self-service page', async () => {
    const { id, token } = await agreedVisit();
    const url = `/api/work-orders/${id}/customer-messages`;
    const bad = await call(h.app, tk.hotline, 'POST', url, { text: '跟你说过多少遍了，重启一下' });
    expect(bad.status).toBe(409);
    expect(bad.body.details.phrase).toBe('跟你说过多少遍了');
    const kept = await call(h.app, tk.admin, 'POST', url, {
      text: '说了你也不懂 这句是客户原话',
      confirmFlagged: true,
    });
    expect(kept.status).toBe(201);
    expect(kept.body.confirmedFlags).toHaveLength(1);
    const ok = await call(h.app, tk.hotline, 'POST', url, { text: '您好，工程师明天上午会先电话联系您' });
    expect(ok.status).toBe(201);
    const page = await call(h.app, null, 'GET', `/api/public/orders/${token}`);
    expect(page.body.messages[0].text).toBe('您好，工程师明天上午会先电话联系您');
  });

  it("DESK-04 the tenant's own phrase list applies once saved; saving needs the current version and an admin position", async () => {
    const lib = await call(h.app, tk.hotline, 'GET', '/api/desk/library');
    expect(lib.body).toMatchObject({ isDefault: true, version: 0 });
    const body = {
      version: 0,
      scripts: lib.body.scripts,
      phrases: [...lib.body.phrases, { id: 'stop-urging', phrase: '别催了', suggest: 'appointment_call' }],
    };
    expect((await call(h.app, tk.hotline, 'PUT', '/api/desk/library', body)).status).toBe(403);
    const saved = await call(h.app, tk.admin, 'PUT', '/api/desk/library', body);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.version).toBe(1);
    expect((await call(h.app, tk.admin, 'PUT', '/api/desk/library', body)).status).toBe(409);
    const { id } = await agreedVisit();
    const hit = await call(h.app, tk.hotline, 'POST', `/api/work-orders/${id}/customer-messages`, {
      text: '别 催 了！',
    });
    expect(hit.body).toMatchObject({ code: 'DESK_FORBIDDEN_PHRASE', details: { phraseId: 'stop-urging' } });
    const selfHit = await call(h.app, tk.admin, 'PUT', '/api/desk/library', {
      ...body,
      version: 1,
      scripts: [...lib.body.scripts, { id: 'x', situation: 'farewell', title: 'x', text: '别催了，再见' }],
    });
    expect(selfHit.status).toBe(409);
  });
});

describe('customer reschedule through the self-service link (DESK-06, SLA-07, APT-02)', () => {
  it('DESK-06 the customer moves the agreed visit; the order shows the new window and a reschedule event asked by the customer', async () => {
    const { id, token } = await agreedVisit(48);
    const progress = await call(h.app, null, 'GET', `/api/public/orders/${token}`);
    expect(progress.body.reschedule).toEqual({ allowed: true, noticeMinutes: 120 });
    const to = window(72);
    const res = await call(h.app, null, 'POST', `/api/public/orders/${token}/reschedule`, {
      window: to,
      reason: '那天要出差',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const detail = await getOrder(h, tk.coordinator, id);
    expect(detail.order.appointment).toEqual(to);
    const last = detail.events.at(-1);
    expect(last).toMatchObject({ action: 'reschedule', actorId: null });
    expect(last.payload).toMatchObject({ askedBy: 'customer', reason: '那天要出差', via: 'self_service' });
    const inbox = await call(h.app, tk.coordinator, 'GET', '/api/notifications');
    const told = inbox.body.items.filter((x: Body) => x.kind === 'desk.customer_rescheduled' && x.orderId === id);
    expect(told).toHaveLength(1);
    expect(told[0].payload.appointment).toEqual(to);
  });

  it('SLA-07 a visit less than the notice away, or a new window inside it, cannot be moved through the link', async () => {
    const { token } = await agreedVisit(48);
    const soon = await call(h.app, null, 'POST', `/api/public/orders/${token}/reschedule`, {
      window: window(1),
      reason: '提前一点',
    });
    expect(soon.status).toBe(409);
    expect(soon.body).toMatchObject({ code: 'DESK_RESCHEDULE_TOO_LATE', details: { noticeMinutes: 120 } });
    const close = await agreedVisit(3);
    h.clock.set(new Date(h.clock.now().getTime() + 90 * MINUTE).toISOString()); // the visit is 1.5 h away
    tk = await tokensOf(h);
    const late = await call(h.app, null, 'POST', `/api/public/orders/${close.token}/reschedule`, {
      window: window(48),
      reason: '临时有事',
    });
    expect(late.body.code).toBe('DESK_RESCHEDULE_TOO_LATE');
  });

  it('DESK-06 an order nobody has taken yet cannot be moved through the link; a blank reason is refused', async () => {
    const { token } = await deskIntake(h, tk.hotline, {
      type: 'fault',
      requestKind: 'fault',
      symptom: 'slow',
      description: '网速慢',
    });
    expect((await call(h.app, null, 'GET', `/api/public/orders/${token}`)).body.reschedule.allowed).toBe(false);
    const refused = await call(h.app, null, 'POST', `/api/public/orders/${token}/reschedule`, {
      window: window(48),
      reason: '改天',
    });
    expect(refused.body.code).toBe('WO_INVALID_TRANSITION');
    const blank = await call(h.app, null, 'POST', `/api/public/orders/${token}/reschedule`, {
      window: window(48),
      reason: ' ',
    });
    expect(blank.status).toBe(400);
  });

  it("DESK-06 an urge tells the station's coordinator; repeated urges reach the station manager too", async () => {
    const { id, token } = await agreedVisit(48);
    expect((await call(h.app, null, 'POST', `/api/public/orders/${token}/urge`)).status).toBe(200);
    const inbox = await call(h.app, tk.coordinator, 'GET', '/api/notifications');
    expect(inbox.body.items.some((n: Body) => n.kind === 'desk.urged' && n.orderId === id)).toBe(true);
    h.clock.set(new Date(h.clock.now().getTime() + DEFAULT_DESK_POLICY.urgeMinIntervalMinutes * MINUTE).toISOString());
    expect((await call(h.app, null, 'POST', `/api/public/orders/${token}/urge`)).status).toBe(200);
    const rows = await h.database.db
      .select()
      .from(schema.notifications)
      .where(and(eq(schema.notifications.orderId, id), eq(schema.notifications.kind, 'desk.urge_escalated')));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.recipientPosition).toBe('station_manager');
    tk = await tokensOf(h);
  });
});
