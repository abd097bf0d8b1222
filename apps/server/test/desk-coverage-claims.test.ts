import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@daowei/db';
import {
  actOk,
  call,
  dispatchToPerson,
  MINUTE,
  newPhone,
  orderBody,
  startHarness,
  tokensOf,
  type Harness,
  type Tokens,
} from './harness.js';

let h: Harness;
let tk: Tokens;
beforeAll(async () => {
  h = await startHarness();
  tk = await tokensOf(h);
});
afterAll(async () => h?.close());

const DAY = 24 * 60 * MINUTE;

/** An on-site fault taken in at the desk (with the customer's link), taken by the engineer. */
async function takenOrder() {
  const { type: _t, ...order } = orderBody(h, 'fault');
  const res = await call(h.app, tk.hotline, 'POST', '/api/desk/intakes', {
    callerPhone: newPhone(),
    requestKind: 'fault',
    symptom: 'no_service',
    description: '装机地址没有线路',
    order,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id = res.body.order.id as string;
  await dispatchToPerson(h, tk.coordinator, id, h.t.engineer.id);
  await actOk(h, tk.engineer, id, 'take');
  return { id, token: res.body.link.token as string };
}

const claim = (token: string, id: string, body: unknown) =>
  call(h.app, token, 'POST', `/api/work-orders/${id}/coverage-claims`, body);
const decide = (token: string, claimId: string, decision: 'confirm' | 'reject', note = '已核实') =>
  call(h.app, token, 'POST', `/api/coverage-claims/${claimId}/decision`, { decision, note });

describe('uncovered address (WO-09)', () => {
  it('WO-09 the engineer claims, the supervisor confirms: 7-day deadline, the customer reads the script on their page and gets an SMS', async () => {
    const { id, token } = await takenOrder();
    const filed = await claim(tk.engineer, id, { kind: 'uncovered_address', reason: '小区没有我们的光缆' });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(filed.body).toMatchObject({ state: 'claimed', dueAt: null });

    const queue = await call(h.app, tk.admin, 'GET', '/api/coverage-claims?state=claimed');
    expect(queue.body.items.map((c: { id: string }) => c.id)).toContain(filed.body.id);

    const confirmed = await decide(tk.admin, filed.body.id, 'confirm');
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.state).toBe('confirmed');
    expect(new Date(confirmed.body.dueAt).getTime() - h.clock.now().getTime()).toBe(7 * DAY);
    expect(confirmed.body.assessmentCaseId).toBeNull();

    const page = await call(h.app, null, 'GET', `/api/public/orders/${token}`);
    expect(page.body.messages.map((m: { text: string }) => m.text).join('\n')).toContain('没有我们的网络覆盖');
    const sms = await h.database.db
      .select()
      .from(schema.notificationSends)
      .where(
        and(eq(schema.notificationSends.orderId, id), eq(schema.notificationSends.template, 'desk.uncovered_address')),
      );
    expect(sms).toHaveLength(1);

    const again = await decide(tk.admin, filed.body.id, 'reject');
    expect(again.status).toBe(409);

    const closed = await call(h.app, tk.hotline, 'POST', `/api/coverage-claims/${filed.body.id}/close`, {
      note: '营业厅已电话联系用户',
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', closeNote: '营业厅已电话联系用户' });
  });

  it('WO-09 a claim found false is recorded against the vendor as a VND-01 case; the customer is not told', async () => {
    const { id, token } = await takenOrder();
    const filed = await claim(tk.engineer, id, { kind: 'uncovered_address', reason: '说没有覆盖' });
    const rejected = await decide(tk.admin, filed.body.id, 'reject', '现场核查：楼内有分线箱，地址在覆盖范围内');
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    expect(rejected.body).toMatchObject({ state: 'rejected', dueAt: null });
    const [kase] = await h.database.db
      .select()
      .from(schema.assessmentCases)
      .where(eq(schema.assessmentCases.id, rejected.body.assessmentCaseId));
    expect(kase).toMatchObject({ eventKind: 'uncovered_claim_false', orderId: id, personId: h.t.engineer.id });
    const page = await call(h.app, null, 'GET', `/api/public/orders/${token}`);
    expect(page.body.messages).toHaveLength(0);
    // A rejected claim is not open: the engineer may file again with better evidence.
    expect((await claim(tk.engineer, id, { kind: 'uncovered_address', reason: '再次核实' })).status).toBe(201);
  });

  it('WO-09 only a supervisor decides; one open claim per order; another engineer cannot claim for the order', async () => {
    const { id } = await takenOrder();
    const filed = await claim(tk.engineer, id, { kind: 'uncovered_address', reason: '无覆盖' });
    expect((await decide(tk.engineer, filed.body.id, 'confirm')).status).toBe(403);
    expect((await decide(tk.hotline, filed.body.id, 'confirm')).status).toBe(403);
    expect((await claim(tk.engineer, id, { kind: 'uncovered_address', reason: '再报一次' })).status).toBe(409);
    expect([403, 404]).toContain((await claim(tk.engineer2, id, { kind: 'uncovered_address', reason: 'x' })).status);
  });
});

describe('network supplement (WO-10)', () => {
  it('WO-10 a supplement needs a drop cable past the policy limit and confirmed demand', async () => {
    const { id } = await takenOrder();
    const short = await claim(tk.engineer, id, {
      kind: 'network_supplement',
      reason: '距离分线箱较远',
      dropCableM: 250,
      demandConfirmed: true,
    });
    expect(short.status).toBe(400);
    expect(short.body.details).toMatchObject({ refusal: 'drop_cable_not_too_long' });
    const noDemand = await claim(tk.engineer, id, { kind: 'network_supplement', reason: '远', dropCableM: 320 });
    expect(noDemand.body.details).toMatchObject({ refusal: 'demand_not_confirmed' });
  });

  it('WO-10 approval starts the 7-day supplement deadline and tells the customer; a rejection is not a false claim', async () => {
    const { id, token } = await takenOrder();
    const filed = await claim(tk.engineer, id, {
      kind: 'network_supplement',
      reason: '需从300米外引线',
      dropCableM: 300,
      demandConfirmed: true,
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const approved = await decide(tk.admin, filed.body.id, 'confirm', '联合确认，批准增补');
    expect(approved.body.state).toBe('confirmed');
    const due = approved.body.dueAt as string;
    expect(new Date(due).getTime() - h.clock.now().getTime()).toBe(7 * DAY);
    const page = await call(h.app, null, 'GET', `/api/public/orders/${token}`);
    const text = page.body.messages.map((m: { text: string }) => m.text).join('\n');
    expect(text).toContain('分线箱');
    expect(text).toContain(due.slice(0, 10));

    const other = await takenOrder();
    const f2 = await claim(tk.engineer, other.id, {
      kind: 'network_supplement',
      reason: '远',
      dropCableM: 400,
      demandConfirmed: true,
    });
    const no = await decide(tk.admin, f2.body.id, 'reject', '暂不批准');
    expect(no.body).toMatchObject({ state: 'rejected', assessmentCaseId: null });
  });
});
