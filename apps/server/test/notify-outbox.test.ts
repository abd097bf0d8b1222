import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, type TestTenant } from '@daowei/db/testing';
import {
  DEFAULT_SCRIPTS_ZH,
  DEFAULT_FORBIDDEN_PHRASES_ZH,
  DEFAULT_NOTIFY_POLICY,
  etaFrom,
  formatClock,
  localParts,
} from '@daowei/domain';
import { saveDeskLibrary } from '@daowei/db';
import { speedModel } from '@daowei/dispatch';
import { createNotificationService } from '../src/features/notifications/notification.service.js';
import type { DeliveryAdapter, OutboundMessage } from '../src/features/notifications/delivery-adapter.js';
import {
  act,
  actOk,
  call,
  createOrderVia,
  dispatchToPerson,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';

/** 09:00–11:00 Shanghai the day after the harness clock's start (2026-11-23T02:00Z). */
const FUTURE_WINDOW_FOR_NOTIFY = { start: '2026-11-24T01:00:00.000Z', end: '2026-11-24T03:00:00.000Z' };

/**
 * INT-01 customer messages through the outbox: queued in the business change's transaction, delivered
 * by the job through the channel's adapter, retried with back-off, dead after the last try, logged try
 * by try, sent once per (occurrence, channel, recipient) however often a request or a job comes again.
 */
let h: Harness;
let tk: Tokens;
let tB: TestTenant;
let tokenB: string;

/** A channel adapter we control: answers from a script, records what it was handed. */
function scripted(answers: ('ok' | 'fail')[] | 'ok' | 'fail') {
  const got: OutboundMessage[] = [];
  const adapter: DeliveryAdapter = {
    name: 'scripted',
    async send(m) {
      got.push(m);
      const a = Array.isArray(answers) ? (answers[m.attempt - 1] ?? answers.at(-1)!) : answers;
      return a === 'ok' ? { ok: true } : { ok: false, error: `gateway said no (${m.attempt})`, retryable: true };
    },
  };
  return { adapter, got };
}

const serviceWith = (adapter: DeliveryAdapter, maxAttempts = 3) =>
  createNotificationService({
    db: h.database.db,
    clock: h.clock,
    adapters: { sms: adapter },
    notifyPolicy: { ...DEFAULT_NOTIFY_POLICY, maxAttempts },
    notifyConfig: { adapters: {} as never, policy: {} },
  });

beforeAll(async () => {
  h = await startHarness();
  tk = await tokensOf(h);
  tB = await createTestTenant(h.database.db);
  tokenB = await h.tokenFor(tB.admin);
});
afterAll(async () => h?.close());

const outboxOf = async (orderId: string, token = tk.admin) => {
  const res = await call(h.app, token, 'GET', `/api/notify/outbox?orderId=${orderId}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as Body[];
};
const detailOf = async (id: string) => {
  const res = await call(h.app, tk.admin, 'GET', `/api/notify/outbox/${id}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

/** 3 km east of the customer (at 10:00 local the planner's speed model drives 25 km/h). */
const CUSTOMER = { lat: 39.99, lng: 116.47 };
const FROM = { lat: 39.99, lng: 116.47 + 3 / (111.32 * Math.cos((39.99 * Math.PI) / 180)) };

async function takenOrder() {
  const created = await createOrderVia(h, tk.hotline, 'fault', CUSTOMER);
  const id = created.order.id as string;
  await dispatchToPerson(h, tk.coordinator, id, h.t.engineer.id);
  await actOk(h, tk.engineer, id, 'take');
  return { id, number: created.order.number as string, phone: created.order.contactPhone as string };
}

describe('INT-01 the engineer departs: the customer is told he is on the way, with the ETA', () => {
  it('INT-01 ENG-02 the depart queues one SMS in its transaction; the ETA is now + the travel time from the reported position by the planner’s speed model', async () => {
    const { id, number } = await takenOrder();
    await actOk(h, tk.engineer, id, 'depart', { position: FROM });

    const [m, ...more] = await outboxOf(id);
    expect(more).toEqual([]);
    const now = h.clock.now();
    const p = localParts(now);
    const minutes = Math.ceil(
      speedModel()
        .matrix([FROM, CUSTOMER])
        .minutes(0, 1, p.hour * 60 + p.minute),
    );
    const eta = formatClock(etaFrom(DEFAULT_NOTIFY_POLICY, now, minutes));
    expect(minutes).toBeGreaterThan(5);
    expect(eta).not.toBe(formatClock(etaFrom(DEFAULT_NOTIFY_POLICY, now, 30))); // not the default travel time
    expect(m).toMatchObject({
      event: 'engineer_en_route',
      channel: 'sms',
      status: 'pending',
      attempts: 0,
      orderNo: number,
    });
    expect(m.body).toContain(`工程师${h.t.engineer.name}已出发`);
    expect(m.body).toContain(`预计${eta}左右到达`);
    expect(m.body).toContain(number);
    expect(m.body).not.toMatch(/[{}]/);
  });

  it('INT-01 without a position in the depart his last reported position is used; without any, the policy’s default travel time', async () => {
    const now = h.clock.now();
    const p = localParts(now);
    const minutes = Math.ceil(
      speedModel()
        .matrix([FROM, CUSTOMER])
        .minutes(0, 1, p.hour * 60 + p.minute),
    );
    const mine = await takenOrder();
    await actOk(h, tk.engineer, mine.id, 'depart'); // he reported FROM with his last departure
    expect((await outboxOf(mine.id))[0].body).toContain(
      `预计${formatClock(etaFrom(DEFAULT_NOTIFY_POLICY, now, minutes))}左右到达`,
    );

    const created = await createOrderVia(h, tk.hotline, 'fault', CUSTOMER);
    const id = created.order.id as string;
    await dispatchToPerson(h, tk.coordinator, id, h.t.engineer2.id);
    await actOk(h, tk.engineer2, id, 'take');
    await actOk(h, tk.engineer2, id, 'depart'); // never reported a position, has no base
    const [m] = await outboxOf(id);
    expect(m.body).toContain(`预计${formatClock(etaFrom(DEFAULT_NOTIFY_POLICY, now, 30))}左右到达`);
  });

  it('INT-01 a depart retried with the same Idempotency-Key queues one message; a refused depart queues none', async () => {
    const { id } = await takenOrder();
    const other = await act(h, tk.engineer2, id, 'depart', {});
    expect([403, 404]).toContain(other.status); // not his order: rolled back, nothing queued
    expect(await outboxOf(id)).toEqual([]);
    const key = { 'idempotency-key': `dep-${id}` };
    const first = await act(h, tk.engineer, id, 'depart', { position: FROM }, key);
    const again = await act(h, tk.engineer, id, 'depart', { position: FROM }, key);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect((await outboxOf(id)).map((m) => m.event)).toEqual(['engineer_en_route']);
  });

  it('INT-01 the customer hears of the booked visit and of a new time (appointment confirmed / changed)', async () => {
    const { id } = await takenOrder();
    await actOk(h, tk.engineer, id, 'confirm_appointment', { window: FUTURE_WINDOW_FOR_NOTIFY });
    h.clock.advance(60_000);
    const later = {
      start: new Date(new Date(FUTURE_WINDOW_FOR_NOTIFY.start).getTime() + 86_400_000).toISOString(),
      end: new Date(new Date(FUTURE_WINDOW_FOR_NOTIFY.end).getTime() + 86_400_000).toISOString(),
    };
    await actOk(h, tk.engineer, id, 'reschedule', { reason: '客户临时出差', window: later, askedBy: 'customer' });
    const items = await outboxOf(id);
    expect(items.map((m) => m.event)).toEqual(['appointment_changed', 'appointment_confirmed']);
    expect(items[1].body).toContain('11月24日 09:00–11:00');
    expect(items[0].body).toContain('11月25日 09:00–11:00');
  });
});

describe('INT-01 delivery: once, retried with back-off, dead after the last try, every try logged', () => {
  it('INT-01 a redelivered or doubled delivery job hands the message to the adapter once', async () => {
    const { adapter, got } = scripted('ok');
    const svc = serviceWith(adapter);
    const { id } = await takenOrder();
    await actOk(h, tk.engineer, id, 'depart');
    const [m] = await outboxOf(id);
    const job = { tenantId: h.t.tenant.id, id: m.id };
    const outcomes = await Promise.all([svc.deliver(job), svc.deliver(job)]);
    expect(outcomes.sort()).toEqual(['sent', 'skipped']);
    expect(await svc.deliver(job)).toBe('skipped'); // the job delivered once more, later
    await svc.sweep({ tenantId: h.t.tenant.id, graceSeconds: 0 }); // never this one again
    expect(got.filter((x) => x.id === m.id)).toHaveLength(1);
    expect(got[0]).toMatchObject({ id: m.id, channel: 'sms', attempt: 1 });
    const d = await detailOf(m.id);
    expect(d).toMatchObject({ status: 'sent', attempts: 1, lastError: null, canRetry: false });
    expect(d.tries.map((t: Body) => [t.attempt, t.status])).toEqual([
      [0, 'recorded'],
      [1, 'sent'],
    ]);
  });

  it('INT-01 the same occurrence queued twice (a trigger that fired again) is one message', async () => {
    const { adapter } = scripted('ok');
    const svc = serviceWith(adapter);
    const { id, phone } = await takenOrder();
    const input = {
      event: 'visit_completed',
      channel: 'sms' as const,
      to: phone,
      orderId: id,
      occurrence: `visit_completed:${id}:test`,
      params: { customerName: '王先生', orderNo: 'WO-X', engineerName: '李明' },
    };
    const a = await h.database.db.transaction((tx) => svc.enqueue(tx, h.t.tenant.id, input));
    const b = await h.database.db.transaction((tx) => svc.enqueue(tx, h.t.tenant.id, input));
    expect(a).toMatchObject({ duplicate: false, status: 'pending' });
    expect(b).toMatchObject({ duplicate: true, id: a!.id });
    expect((await outboxOf(id)).length).toBe(1);
  });

  it('INT-01 a failing channel is tried again after 30 s, 60 s …, the message is dead after the last try; "retry now" gives it one more', async () => {
    const { adapter, got } = scripted('fail');
    const svc = serviceWith(adapter, 3);
    const { id, phone } = await takenOrder();
    await h.database.db.transaction((tx) =>
      svc.enqueue(tx, h.t.tenant.id, {
        event: 'engineer_en_route',
        channel: 'sms',
        to: phone,
        orderId: id,
        occurrence: `engineer_en_route:${id}:retry-test`,
        params: { customerName: '王先生', orderNo: 'WO-R', engineerName: '李明', eta: '10:30' },
      }),
    );
    const [m] = await outboxOf(id);
    const job = { tenantId: h.t.tenant.id, id: m.id };

    expect(await svc.deliver(job)).toBe('pending');
    let d = await detailOf(m.id);
    expect(d).toMatchObject({ status: 'pending', attempts: 1, lastError: 'gateway said no (1)' });
    expect(d.nextAttemptAt).toBe(new Date(h.clock.now().getTime() + 30_000).toISOString());
    expect(await svc.deliver(job)).toBe('skipped'); // not due yet
    h.clock.advance(30_000);
    await svc.sweep({ tenantId: h.t.tenant.id }); // queued < 1 min ago (database time): its job's, not the sweep's
    expect((await detailOf(m.id)).attempts).toBe(1);
    await svc.sweep({ tenantId: h.t.tenant.id, graceSeconds: 0 }); // the sweep as a safety net finds it due
    d = await detailOf(m.id);
    expect(d.attempts).toBe(2);
    expect(d.nextAttemptAt).toBe(new Date(h.clock.now().getTime() + 60_000).toISOString());
    h.clock.advance(60_000);
    expect(await svc.deliver(job)).toBe('dead');
    h.clock.advance(3_600_000);
    await svc.sweep({ tenantId: h.t.tenant.id, graceSeconds: 0 }); // dead stays dead
    expect(got.filter((x) => x.id === m.id)).toHaveLength(3);
    d = await detailOf(m.id);
    expect(d).toMatchObject({ status: 'dead', attempts: 3, maxAttempts: 3, canRetry: true, nextAttemptAt: null });
    expect(d.tries.map((t: Body) => [t.attempt, t.status, t.error])).toEqual([
      [0, 'recorded', null],
      [1, 'failed', 'gateway said no (1)'],
      [2, 'failed', 'gateway said no (2)'],
      [3, 'failed', 'gateway said no (3)'],
    ]);
    const list = await call(h.app, tk.admin, 'GET', '/api/notify/outbox?status=dead');
    expect(list.body.items.map((x: Body) => x.id)).toContain(m.id);
    expect(list.body.counts.dead).toBeGreaterThanOrEqual(1);

    // The gateway is fixed (the app's own adapter is the log one): one more try, now.
    const retried = await call(
      h.app,
      tk.hotline,
      'POST',
      `/api/notify/outbox/${m.id}/retry`,
      {},
      {
        'idempotency-key': `retry-${m.id}`,
      },
    );
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(retried.body).toMatchObject({ status: 'sent', attempts: 4 });
    expect(retried.body.tries.at(-1)).toMatchObject({ attempt: 4, status: 'sent', adapter: 'log' });
    const again = await call(h.app, tk.admin, 'POST', `/api/notify/outbox/${m.id}/retry`);
    expect(again.status).toBe(409);
  });

  it('INT-01 SEC-02 the send log is the desk’s and admins’: an engineer is refused, another tenant sees none of it', async () => {
    const { id } = await takenOrder();
    await actOk(h, tk.engineer, id, 'depart');
    const [m] = await outboxOf(id);
    expect((await call(h.app, tk.engineer, 'GET', '/api/notify/outbox')).status).toBe(403);
    expect((await call(h.app, tk.coordinator, 'POST', `/api/notify/outbox/${m.id}/retry`)).status).toBe(403);
    expect((await call(h.app, tokenB, 'GET', `/api/notify/outbox/${m.id}`)).status).toBe(404);
    expect((await call(h.app, tokenB, 'POST', `/api/notify/outbox/${m.id}/retry`)).status).toBe(404);
    const theirs = await call(h.app, tokenB, 'GET', `/api/notify/outbox?orderId=${id}`);
    expect(theirs.body.items).toEqual([]);
    // The admin is not a phone-calling position: the number is masked for him (SEC-01), not for the desk.
    const hotline = await call(h.app, tk.hotline, 'GET', `/api/notify/outbox/${m.id}`);
    expect(m.recipient).toMatch(/\*/);
    expect(hotline.body.recipient).toMatch(/^1\d{10}$/);
  });
});

describe('INT-01 templates per event, channel and language; DESK-04 on every message', () => {
  const url = '/api/notify/templates/visit_completed/sms/zh-CN';

  it('INT-01 every event × channel × language is listed, ours until edited, with a filled preview', async () => {
    const res = await call(h.app, tk.admin, 'GET', '/api/notify/templates');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(6 * 4 * 2);
    const t = res.body.items.find(
      (x: Body) => x.event === 'engineer_en_route' && x.channel === 'sms' && x.locale === 'zh-CN',
    );
    expect(t).toMatchObject({ version: 0, isDefault: true, enabled: true, subject: null });
    expect(t.placeholders).toEqual(['customerName', 'orderNo', 'engineerName', 'eta']);
    expect(t.preview.body).toContain('王女士您好，工程师李明已出发');
    expect((await call(h.app, tk.engineer, 'GET', '/api/notify/templates')).status).toBe(403);
  });

  it('INT-01 an edit is a new version and the next message uses it; unknown placeholders, stale versions and non-admins are refused', async () => {
    const body = '{customerName}您好，服务单{orderNo}已经完成，工程师{engineerName}感谢您的耐心配合。';
    expect((await call(h.app, tk.hotline, 'PUT', url, { body, enabled: true, version: 0 })).status).toBe(403);
    const typo = await call(h.app, tk.admin, 'PUT', url, { body: '{customerNmae}您好', enabled: true, version: 0 });
    expect(typo.status).toBe(400);
    expect(typo.body).toMatchObject({
      code: 'NOTIFY_TEMPLATE_PLACEHOLDER',
      details: { field: 'body.body', unknown: ['customerNmae'] },
    });
    const saved = await call(h.app, tk.admin, 'PUT', url, { body, enabled: true, version: 0 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, isDefault: false, body });
    const stale = await call(h.app, tk.admin, 'PUT', url, { body: `${body} `, enabled: true, version: 0 });
    expect(stale.status).toBe(409);
    const history = await call(h.app, tk.admin, 'GET', `${url}/versions`);
    expect(history.body.items.map((x: Body) => x.version)).toEqual([1, 0]);

    const { adapter } = scripted('ok');
    const svc = serviceWith(adapter);
    const { id, phone } = await takenOrder();
    await h.database.db.transaction((tx) =>
      svc.enqueue(tx, h.t.tenant.id, {
        event: 'visit_completed',
        channel: 'sms',
        to: phone,
        orderId: id,
        occurrence: `visit_completed:${id}`,
        params: { customerName: '王先生', orderNo: 'WO-9', engineerName: '李明' },
      }),
    );
    const [m] = await outboxOf(id);
    expect(m).toMatchObject({
      templateVersion: 1,
      body: '王先生您好，服务单WO-9已经完成，工程师李明感谢您的耐心配合。',
    });
  });

  it('DESK-04 a template with a forbidden phrase is not saved', async () => {
    const res = await call(h.app, tk.admin, 'PUT', '/api/notify/templates/callback_promised/sms/zh-CN', {
      body: '{customerName}您好，{orderNo}我们会回电，等着吧。',
      enabled: true,
      version: 0,
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'DESK_FORBIDDEN_PHRASE',
      details: { field: 'body.body', excerpt: '等着吧' },
    });
  });

  it('DESK-04 INT-01 a message whose text hits the tenant’s list is held, never sent; fixed template + "retry now" sends it', async () => {
    await saveDeskLibrary(h.database.db, h.t.tenant.id, {
      scripts: [...DEFAULT_SCRIPTS_ZH],
      phrases: [
        ...DEFAULT_FORBIDDEN_PHRASES_ZH,
        { id: 'keep-phone-on', phrase: '保持电话畅通', suggest: 'appointment_call' },
      ],
      updatedBy: h.t.admin.id,
      updatedAt: h.clock.now(),
      expectedVersion: 0,
    });
    const { adapter, got } = scripted('ok');
    const svc = serviceWith(adapter);
    const { id } = await takenOrder();
    await actOk(h, tk.engineer, id, 'depart'); // the change itself goes through
    const [m] = await outboxOf(id);
    expect(m).toMatchObject({ status: 'held', canRetry: true });
    expect(m.lastError).toContain('保持电话畅通');
    expect(await svc.deliver({ tenantId: h.t.tenant.id, id: m.id })).toBe('skipped');
    expect(got).toHaveLength(0);

    const still = await call(h.app, tk.admin, 'POST', `/api/notify/outbox/${m.id}/retry`);
    expect(still.status).toBe(409);
    expect(still.body.code).toBe('DESK_FORBIDDEN_PHRASE');
    const fixed = await call(h.app, tk.admin, 'PUT', '/api/notify/templates/engineer_en_route/sms/zh-CN', {
      body: '{customerName}您好，工程师{engineerName}已出发，预计{eta}左右到达（服务单{orderNo}）。',
      enabled: true,
      version: 0,
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    const sent = await call(h.app, tk.admin, 'POST', `/api/notify/outbox/${m.id}/retry`);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body).toMatchObject({ status: 'sent', templateVersion: 1 });
    expect(sent.body.body).not.toContain('保持电话畅通');
  });
});
