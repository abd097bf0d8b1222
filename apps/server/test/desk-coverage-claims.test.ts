import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@daowei/db';
import { DEFAULT_DESK_POLICY } from '@daowei/domain';
import { createCoverageClaimsService } from '../src/features/desk/coverage-claims.service.js';
import { createScriptsService } from '../src/features/desk/scripts.service.js';
import { createTenantCalendars } from '../src/features/calendar/tenant-calendar.js';
import { createNotificationService } from '../src/features/notifications/notification.service.js';
import { call, MINUTE, startHarness, tokensOf, type Body, type Harness, type Tokens } from './harness.js';
import { deskOrderTaken } from './desk-setup.js';

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
  const { id, token } = await deskOrderTaken(h, tk, {
    type: 'fault',
    requestKind: 'fault',
    symptom: 'no_service',
    description: '装机地址没有线路',
  });
  return { id, token };
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

  it('WO-09 WO-10 the supervisor’s queue filters by state, kind and vendor and names the order, vendor and engineer', async () => {
    const { id } = await takenOrder();
    const filed = await claim(tk.engineer, id, { kind: 'uncovered_address', reason: '楼里没有分线箱' });
    const order = await call(h.app, tk.admin, 'GET', `/api/work-orders/${id}`);
    const vendorId = h.t.vendor.id;
    const ids = async (query: string) =>
      ((await call(h.app, tk.admin, 'GET', `/api/coverage-claims?${query}`)).body.items as Body[]).map((c) => c.id);
    const [row] = (
      (await call(h.app, tk.admin, 'GET', `/api/coverage-claims?kind=uncovered_address&vendorId=${vendorId}&limit=200`))
        .body.items as Body[]
    ).filter((c) => c.id === filed.body.id);
    expect(row).toMatchObject({
      orderNumber: order.body.order.number,
      vendorId,
      reason: '楼里没有分线箱',
      claimedByName: h.t.engineer.name,
      vendorName: h.t.vendor.name,
    });
    expect(await ids('kind=network_supplement&limit=200')).not.toContain(filed.body.id);
    expect(await ids(`vendorId=${randomUUID()}&limit=200`)).toEqual([]);
    expect(await ids('state=rejected&limit=200')).not.toContain(filed.body.id);
    expect((await call(h.app, tk.admin, 'GET', '/api/coverage-claims?kind=nonsense')).status).toBe(400);
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

describe('the 7-day clock of a confirmed claim (WO-09/WO-10)', () => {
  it('WO-09 at the deadline an unclosed claim tells the station manager once; early or closed claims tell nobody', async () => {
    const { id } = await takenOrder();
    const filed = await claim(tk.engineer, id, { kind: 'uncovered_address', reason: '无覆盖' });
    const confirmed = await decide(tk.admin, filed.body.id, 'confirm');
    const claims = createCoverageClaimsService({
      db: h.database.db,
      clock: h.clock,
      notifications: createNotificationService({ db: h.database.db, clock: h.clock }),
      scripts: createScriptsService({ db: h.database.db, clock: h.clock, deskPolicy: DEFAULT_DESK_POLICY }),
      calendarOf: createTenantCalendars(),
    });
    const data = { tenantId: h.t.tenant.id, claimId: filed.body.id as string };
    const overdue = async () =>
      (
        await h.database.db
          .select()
          .from(schema.notifications)
          .where(
            and(eq(schema.notifications.orderId, id), eq(schema.notifications.kind, 'desk.uncovered_address_overdue')),
          )
      ).length;
    await claims.fireDue(data); // early delivery
    expect(await overdue()).toBe(0);
    h.clock.set(new Date(new Date(confirmed.body.dueAt).getTime() + MINUTE).toISOString());
    tk = await tokensOf(h);
    await claims.fireDue(data);
    await claims.fireDue(data); // a repeated delivery
    expect(await overdue()).toBe(1);
    const listed = await call(h.app, tk.admin, 'GET', `/api/work-orders/${id}/coverage-claims`);
    expect(listed.body.items.find((c: Body) => c.id === filed.body.id).overdue).toBe(true);

    const other = await takenOrder();
    const f2 = await claim(tk.engineer, other.id, { kind: 'uncovered_address', reason: '无覆盖' });
    const c2 = await decide(tk.admin, f2.body.id, 'confirm');
    await call(h.app, tk.hotline, 'POST', `/api/coverage-claims/${f2.body.id}/close`, { note: '已联系' });
    h.clock.set(new Date(new Date(c2.body.dueAt).getTime() + MINUTE).toISOString());
    await claims.fireDue({ tenantId: h.t.tenant.id, claimId: f2.body.id });
    const told = await h.database.db
      .select()
      .from(schema.notifications)
      .where(eq(schema.notifications.orderId, other.id));
    expect(told.filter((n) => n.kind === 'desk.uncovered_address_overdue')).toHaveLength(0);
  });
});
