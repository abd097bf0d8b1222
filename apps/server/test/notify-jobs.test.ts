import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTIFY_DELIVER_JOB } from '../src/features/notifications/outbox.service.js';
import { webhookSignature } from '../src/features/notifications/webhook-adapter.js';
import {
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

/**
 * INT-01 end to end through pg-boss: the server is configured from the environment to send SMS through
 * the webhook; the engineer departs; the delivery job inserted with the depart POSTs the message to a
 * gateway on loopback once — also when the job is delivered a second time.
 */
const SECRET = 'jobs-secret-0123456789abcdef';
let h: Harness;
let tk: Tokens;
let server: Server;
const received: { raw: string; signature: string; timestamp: string; json: Body }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      received.push({
        raw,
        signature: String(req.headers['x-daowei-signature']),
        timestamp: String(req.headers['x-daowei-timestamp']),
        json: JSON.parse(raw),
      });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  // Read by the app's notification service when it is built (notify-config.ts).
  process.env.DAOWEI_NOTIFY_SMS = 'webhook';
  process.env.DAOWEI_NOTIFY_WEBHOOK_URL = `http://127.0.0.1:${port}/sms`;
  process.env.DAOWEI_NOTIFY_WEBHOOK_SECRET = SECRET;
  h = await startHarness({ jobs: { schema: `notify_${randomUUID().slice(0, 8)}`, pollingIntervalSeconds: 0.5 } });
  tk = await tokensOf(h);
});
afterAll(async () => {
  delete process.env.DAOWEI_NOTIFY_SMS;
  delete process.env.DAOWEI_NOTIFY_WEBHOOK_URL;
  delete process.env.DAOWEI_NOTIFY_WEBHOOK_SECRET;
  await h?.close();
  server?.closeAllConnections();
  await new Promise<void>((r) => server?.close(() => r()));
});

async function until<T>(what: string, probe: () => Promise<T | null | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('INT-01 the pg-boss job delivers the queued message', () => {
  it('INT-01 the depart’s message reaches the webhook once, signed; a second delivery of the job sends nothing', async () => {
    const created = await createOrderVia(h, tk.hotline);
    const id = created.order.id as string;
    await dispatchToPerson(h, tk.coordinator, id, h.t.engineer.id);
    await actOk(h, tk.engineer, id, 'take');
    await actOk(h, tk.engineer, id, 'depart');

    const sent = await until('the message to be sent', async () => {
      const res = await call(h.app, tk.admin, 'GET', `/api/notify/outbox?orderId=${id}`);
      const m = res.body.items[0];
      return m?.status === 'sent' ? m : null;
    });
    expect(received).toHaveLength(1);
    expect(received[0]!.json).toMatchObject({ id: sent.id, event: 'engineer_en_route', orderNo: created.order.number });
    expect(received[0]!.signature).toBe(webhookSignature(SECRET, received[0]!.timestamp, received[0]!.raw));

    // The same job delivered again (pg-boss is at-least-once): it finds the message sent and stops.
    await h.jobs!.schedule(NOTIFY_DELIVER_JOB, { tenantId: h.t.tenant.id, id: sent.id });
    await new Promise((r) => setTimeout(r, 2_500));
    expect(received).toHaveLength(1);
    const d = await call(h.app, tk.admin, 'GET', `/api/notify/outbox/${sent.id}`);
    expect(d.body.tries.map((t: Body) => t.status)).toEqual(['recorded', 'sent']);
  });
});
