import type { CustomerEvent, MessageChannel, MessageLocale } from '@daowei/domain';
import { apiRequest } from './http';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'dead' | 'held';

/** INT-01 a message template as GET /api/notify/templates lists it (docs/api.md). */
export interface MessageTemplate {
  event: CustomerEvent;
  channel: MessageChannel;
  locale: MessageLocale;
  version: number;
  isDefault: boolean;
  enabled: boolean;
  subject: string | null;
  body: string;
  placeholders: string[];
  preview: { subject: string | null; body: string };
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface OutboxMessage {
  id: string;
  event: string;
  channel: MessageChannel;
  recipient: string;
  orderId: string | null;
  orderNo: string | null;
  status: OutboxStatus;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  subject: string | null;
  body: string;
  locale: string;
  templateVersion: number;
  queuedAt: string;
  sentAt: string | null;
  canRetry: boolean;
}

export interface OutboxDetail extends OutboxMessage {
  tries: {
    attempt: number;
    status: 'recorded' | 'sent' | 'failed';
    adapter: string;
    error: string | null;
    at: string;
  }[];
}

const tpl = (t: Pick<MessageTemplate, 'event' | 'channel' | 'locale'>) =>
  `/notify/templates/${t.event}/${t.channel}/${encodeURIComponent(t.locale)}`;

export const notifyApi = {
  templates: () =>
    apiRequest<{ items: MessageTemplate[]; channelsInUse: MessageChannel[]; defaultLocale: MessageLocale }>(
      'GET',
      '/notify/templates',
    ),
  history: (t: Pick<MessageTemplate, 'event' | 'channel' | 'locale'>) =>
    apiRequest<{ items: MessageTemplate[] }>('GET', `${tpl(t)}/versions`),
  saveTemplate: (
    t: Pick<MessageTemplate, 'event' | 'channel' | 'locale'>,
    body: { body: string; subject?: string | null; enabled: boolean; version: number },
    idempotencyKey?: string,
  ) => apiRequest<MessageTemplate>('PUT', tpl(t), { body, ...(idempotencyKey ? { idempotencyKey } : {}) }),
  outbox: (q: { status?: OutboxStatus; orderId?: string; cursor?: string | null }) =>
    apiRequest<{ items: OutboxMessage[]; counts: Partial<Record<OutboxStatus, number>>; nextCursor: string | null }>(
      'GET',
      '/notify/outbox',
      { query: { status: q.status ?? null, orderId: q.orderId ?? null, cursor: q.cursor ?? null } },
    ),
  message: (id: string) => apiRequest<OutboxDetail>('GET', `/notify/outbox/${encodeURIComponent(id)}`),
  retry: (id: string, idempotencyKey?: string) =>
    apiRequest<OutboxDetail>('POST', `/notify/outbox/${encodeURIComponent(id)}/retry`, {
      ...(idempotencyKey ? { idempotencyKey } : {}),
    }),
};
