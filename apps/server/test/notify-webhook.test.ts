import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFY_POLICY } from '@daowei/domain';
import { createNotificationService } from '../src/features/notifications/notification.service.js';
import { readNotifyConfig } from '../src/features/notifications/notify-config.js';
import {
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  webhookAdapter,
  webhookSignature,
} from '../src/features/notifications/webhook-adapter.js';
import { call, createOrderVia, startHarness, type Body, type Harness } from './harness.js';

/**
 * INT-01 webhook channel against a real HTTP server on loopback, started here: the POST is JSON with an
 * HMAC-SHA256 signature; a gateway that fails and recovers gets the message after the back-off; one
 * that never recovers gets exactly N tries and the message is dead.
 */
const SECRET = 'test-secret-0123456789abcdef';

interface Received {
  headers: IncomingMessage['headers'];
  raw: string;
  json: Body;
}

/** A gateway on 127.0.0.1 that answers each POST with the next status of its script (the last repeats). */
async function gateway() {
  const received: Received[] = [];
  let script: (number | 'hang')[] = [200];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      received.push({ headers: req.headers, raw, json: JSON.parse(raw) });
      const answer = script[received.length - 1] ?? script.at(-1)!;
      if (answer === 'hang') return; // never answers: the adapter's timeout ends the try
      res.writeHead(answer, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/sms`,
    received,
    answer(next: (number | 'hang')[]) {
      script = next;
      received.length = 0;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

let h: Harness;
let gw: Awaited<ReturnType<typeof gateway>>;
let svc: ReturnType<typeof createNotificationService>;

beforeAll(async () => {
  h = await startHarness();
  gw = await gateway();
  svc = createNotificationService({
    db: h.database.db,
    clock: h.clock,
    adapters: { sms: webhookAdapter({ url: gw.url, secret: SECRET, timeoutMs: 400 }, () => h.clock.now()) },
    notifyPolicy: { ...DEFAULT_NOTIFY_POLICY, maxAttempts: 4 },
    notifyConfig: { adapters: {} as never, policy: {} },
  });
});
afterAll(async () => {
  await gw?.close();
  await h?.close();
});

async function queued(tag: string) {
  // A fresh session: the tests move the clock by hours (back-off), past the idle timeout.
  const order = (await createOrderVia(h, await h.tokenFor(h.t.hotline))).order;
  const r = await h.database.db.transaction((tx) =>
    svc.enqueue(tx, h.t.tenant.id, {
      event: 'engineer_en_route',
      channel: 'sms',
      to: order.contactPhone,
      orderId: order.id,
      occurrence: `engineer_en_route:${order.id}:${tag}`,
      params: { customerName: '王先生', orderNo: order.number, engineerName: '李明', eta: '10:30' },
    }),
  );
  return { id: r!.id, job: { tenantId: h.t.tenant.id, id: r!.id }, order };
}
/** This file's tenant only, without the sweep's grace (the database is shared with other suites). */
const mine = () => ({ tenantId: h.t.tenant.id, graceSeconds: 0 });
const detail = async (id: string) =>
  (await call(h.app, await h.tokenFor(h.t.admin), 'GET', `/api/notify/outbox/${id}`)).body;

describe('INT-01 webhook adapter on a real local HTTP server', () => {
  it('INT-01 the message is POSTed as JSON with an HMAC-SHA256 signature over timestamp and body; 2xx = sent', async () => {
    gw.answer([204]);
    const { id, job, order } = await queued('signed');
    expect(await svc.deliver(job)).toBe('sent');
    expect(gw.received).toHaveLength(1);
    const [r] = gw.received;
    expect(r!.headers['content-type']).toBe('application/json');
    expect(r!.headers['idempotency-key']).toBe(id);
    const ts = String(r!.headers[TIMESTAMP_HEADER]);
    expect(ts).toBe(String(Math.floor(h.clock.now().getTime() / 1000)));
    expect(r!.headers[SIGNATURE_HEADER]).toBe(webhookSignature(SECRET, ts, r!.raw));
    expect(r!.headers[SIGNATURE_HEADER]).not.toBe(webhookSignature('another-secret-xxxxxxxx', ts, r!.raw));
    expect(r!.json).toMatchObject({
      id,
      event: 'engineer_en_route',
      channel: 'sms',
      to: order.contactPhone,
      orderNo: order.number,
      attempt: 1,
      text: `王先生您好，工程师李明已出发前往您处，预计10:30左右到达（服务单${order.number}）。请保持电话畅通，谢谢您。`,
    });
    expect((await detail(id)).tries.map((t: Body) => [t.attempt, t.status, t.adapter])).toEqual([
      [0, 'recorded', 'outbox'],
      [1, 'sent', 'webhook'],
    ]);
  });

  it('INT-01 a gateway that fails (503, 500) and recovers gets the message on the third try, after 30 s and 60 s', async () => {
    gw.answer([503, 500, 200]);
    const { id, job } = await queued('recovers');
    expect(await svc.deliver(job)).toBe('pending');
    expect(await svc.deliver(job)).toBe('skipped'); // the back-off is not over
    h.clock.advance(30_000);
    expect(await svc.deliver(job)).toBe('pending');
    h.clock.advance(59_000);
    expect(await svc.sweep(mine())).toBe(0);
    h.clock.advance(1_000);
    expect(await svc.sweep(mine())).toBe(1);
    expect(gw.received.map((r) => r.json.attempt)).toEqual([1, 2, 3]);
    expect(new Set(gw.received.map((r) => r.json.id))).toEqual(new Set([id]));
    const d = await detail(id);
    expect(d).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(d.tries.map((t: Body) => [t.attempt, t.status, t.error])).toEqual([
      [0, 'recorded', null],
      [1, 'failed', 'HTTP 503'],
      [2, 'failed', 'HTTP 500'],
      [3, 'sent', null],
    ]);
  });

  it('INT-01 a gateway that never recovers gets exactly N tries; then the message is dead and nobody tries again', async () => {
    gw.answer([502]);
    const { id, job } = await queued('never');
    let outcome = await svc.deliver(job);
    for (let i = 0; i < 10 && outcome !== 'dead'; i++) {
      h.clock.advance(3_600_000);
      outcome = await svc.deliver(job);
    }
    expect(outcome).toBe('dead');
    h.clock.advance(86_400_000);
    expect(await svc.sweep(mine())).toBe(0);
    expect(gw.received).toHaveLength(4);
    const d = await detail(id);
    expect(d).toMatchObject({ status: 'dead', attempts: 4, lastError: 'HTTP 502', canRetry: true });
    expect(d.tries.filter((t: Body) => t.status === 'failed')).toHaveLength(4);
  });

  it('INT-01 a gateway that does not answer in time is a failed try (timeout), retried later', async () => {
    gw.answer(['hang', 200]);
    const { id, job } = await queued('timeout');
    expect(await svc.deliver(job)).toBe('pending');
    expect((await detail(id)).lastError).toBe('timed out after 400 ms');
    h.clock.advance(30_000);
    expect(await svc.deliver(job)).toBe('sent');
  });

  it('INT-01 an unreachable gateway (connection refused) is a failed try too', async () => {
    const closed = await gateway();
    await closed.close();
    const down = webhookAdapter({ url: closed.url, secret: SECRET, timeoutMs: 400 });
    const r = await down.send({
      id: 'x',
      tenantId: 't',
      dedupeKey: 'k',
      event: 'visit_completed',
      channel: 'sms',
      to: '13800000000',
      subject: null,
      body: 'hi',
      locale: 'zh-CN',
      orderId: null,
      orderNo: null,
      attempt: 1,
    });
    expect(r).toMatchObject({ ok: false, retryable: true });
  });
});

describe('INT-01 channel configuration from the environment', () => {
  it('INT-01 every channel logs by default; SMS and e-mail providers are off unless chosen', () => {
    const c = readNotifyConfig({});
    expect([c.adapters.sms.name, c.adapters.email.name, c.adapters.wechat.name, c.adapters.webhook.name]).toEqual([
      'log',
      'log',
      'log',
      'log',
    ]);
    expect(readNotifyConfig({ DAOWEI_NOTIFY_SMS: 'sms' }).adapters.sms.name).toBe('sms');
  });

  it('INT-01 the webhook needs a URL and a secret of 16+ characters; bad numbers stop the start', () => {
    expect(() => readNotifyConfig({ DAOWEI_NOTIFY_SMS: 'webhook' })).toThrow(/DAOWEI_NOTIFY_WEBHOOK_URL/);
    expect(() =>
      readNotifyConfig({ DAOWEI_NOTIFY_SMS: 'webhook', DAOWEI_NOTIFY_WEBHOOK_URL: 'http://127.0.0.1:9/x' }),
    ).toThrow(/SECRET/);
    const ok = readNotifyConfig({
      DAOWEI_NOTIFY_SMS: 'webhook',
      DAOWEI_NOTIFY_WEBHOOK_URL: 'http://127.0.0.1:9/x',
      DAOWEI_NOTIFY_WEBHOOK_SECRET: SECRET,
      DAOWEI_NOTIFY_MAX_ATTEMPTS: '8',
    });
    expect(ok.adapters.sms.name).toBe('webhook');
    expect(ok.policy).toEqual({ maxAttempts: 8 });
    expect(() => readNotifyConfig({ DAOWEI_NOTIFY_MAX_ATTEMPTS: '0' })).toThrow(/MAX_ATTEMPTS/);
    expect(() => readNotifyConfig({ DAOWEI_NOTIFY_SMS: 'carrier-pigeon' })).toThrow(/DAOWEI_NOTIFY_SMS/);
  });

  it('INT-01 a provider adapter that is switched off fails the message at once, visibly (no retries)', async () => {
    const off = createNotificationService({
      db: h.database.db,
      clock: h.clock,
      notifyConfig: readNotifyConfig({ DAOWEI_NOTIFY_SMS: 'sms' }),
    });
    const order = (await createOrderVia(h, await h.tokenFor(h.t.hotline))).order;
    const r = await h.database.db.transaction((tx) =>
      off.enqueue(tx, h.t.tenant.id, {
        event: 'visit_completed',
        channel: 'sms',
        to: order.contactPhone,
        orderId: order.id,
        occurrence: `visit_completed:${order.id}`,
        params: { customerName: '王先生', orderNo: order.number, engineerName: '李明' },
      }),
    );
    expect(await off.deliver({ tenantId: h.t.tenant.id, id: r!.id })).toBe('dead');
    expect((await detail(r!.id)).lastError).toMatch(/switched off/);
  });
});
