import { createHmac } from 'node:crypto';
import type { DeliveryAdapter } from './delivery-adapter.js';

export interface WebhookOptions {
  url: string;
  /** HMAC-SHA256 key; the receiver recomputes the signature to know the POST is ours. */
  secret: string;
  timeoutMs: number;
}

export const SIGNATURE_HEADER = 'x-daowei-signature';
export const TIMESTAMP_HEADER = 'x-daowei-timestamp';

/** `sha256=<hex>` of `<timestamp>.<raw body>`: the timestamp is signed so an old POST cannot be replayed as new. */
export function webhookSignature(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/**
 * INT-01 webhook channel: POSTs the rendered message as JSON to the tenant's gateway (their SMS
 * platform, CRM or WeChat bridge). A 2xx answer means delivered; any other answer, a timeout or a
 * network error is a failed try that the outbox retries with back-off. The message id doubles as
 * `Idempotency-Key`, so a gateway that saw a try whose answer got lost can ignore the repeat.
 */
export function webhookAdapter(o: WebhookOptions, now: () => Date = () => new Date()): DeliveryAdapter {
  return {
    name: 'webhook',
    async send(m) {
      const body = JSON.stringify({
        id: m.id,
        dedupeKey: m.dedupeKey,
        event: m.event,
        channel: m.channel,
        to: m.to,
        subject: m.subject,
        text: m.body,
        locale: m.locale,
        orderId: m.orderId,
        orderNo: m.orderNo,
        attempt: m.attempt,
      });
      const timestamp = String(Math.floor(now().getTime() / 1000));
      try {
        const res = await fetch(o.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': m.id,
            [TIMESTAMP_HEADER]: timestamp,
            [SIGNATURE_HEADER]: webhookSignature(o.secret, timestamp, body),
          },
          body,
          signal: AbortSignal.timeout(o.timeoutMs),
          redirect: 'error',
        });
        // Drain the answer so the connection is reused; its content is not ours to interpret.
        await res.arrayBuffer().catch(() => undefined);
        if (res.ok) return { ok: true, detail: `HTTP ${res.status}` };
        return { ok: false, error: `HTTP ${res.status}`, retryable: true };
      } catch (e) {
        const err = e as Error;
        const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
        const cause = (err as { cause?: { code?: string } }).cause?.code;
        return {
          ok: false,
          error: timedOut
            ? `timed out after ${o.timeoutMs} ms`
            : `network error${cause ? ` ${cause}` : ''}: ${err.message}`,
          retryable: true,
        };
      }
    },
  };
}
