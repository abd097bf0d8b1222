import type { MessageChannel } from '@daowei/domain';

/**
 * INT-01: the one interface every channel adapter implements — log (development), webhook (HTTP POST
 * to the tenant's gateway), SMS and e-mail providers. An adapter is called after the outbox row
 * committed, outside any transaction, and answers whether the message left; the outbox decides about
 * retries and logs the try. `id` and `dedupeKey` travel with the message so a receiver can drop a
 * repeat of a try it did receive but whose answer got lost.
 */
export interface OutboundMessage {
  id: string;
  tenantId: string;
  dedupeKey: string;
  event: string;
  channel: MessageChannel;
  to: string;
  subject: string | null;
  body: string;
  locale: string;
  orderId: string | null;
  orderNo: string | null;
  attempt: number;
}

export type DeliveryResult =
  | { ok: true; detail?: string }
  /** `retryable: false` means trying again cannot help (e.g. the adapter is switched off). */
  | { ok: false; error: string; retryable: boolean };

export interface DeliveryAdapter {
  readonly name: string;
  send(message: OutboundMessage): Promise<DeliveryResult>;
}

/**
 * Development and air-gapped installs: the message is "delivered" to the server log (and the send
 * log row the outbox writes for every try). Never fails.
 */
export function logAdapter(write: (line: string) => void = (l) => console.info(l)): DeliveryAdapter {
  return {
    name: 'log',
    async send(m) {
      write(
        `[notify] ${m.channel} → ${m.to} (${m.event}, ${m.dedupeKey}): ${m.subject ? `${m.subject} — ` : ''}${m.body}`,
      );
      return { ok: true, detail: 'logged' };
    },
  };
}

/**
 * A provider adapter that is not configured in this installation: SMS and e-mail providers are wired
 * by the operator (off by default). Choosing it without configuring it fails each message at once,
 * visibly, instead of pretending to send.
 */
export function switchedOffAdapter(name: 'sms' | 'email'): DeliveryAdapter {
  return {
    name,
    async send() {
      return {
        ok: false,
        error: `The ${name} provider adapter is switched off in this installation`,
        retryable: false,
      };
    },
  };
}
