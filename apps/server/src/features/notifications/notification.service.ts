import { randomUUID } from 'node:crypto';
import {
  insertNotification,
  listInbox,
  markNotificationRead,
  type Db,
  type InboxOwner,
  type NewNotification,
  type StoredNotification,
} from '@daowei/db';
import {
  DEFAULT_NOTIFY_POLICY,
  DEFAULT_POLICY_PACK,
  DomainError,
  type MessageChannel,
  type NotifyPolicy,
  type PolicyPack,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import type { JobQueue } from '../../platform/jobs.js';
import { localChannelAdapter, type ChannelAdapter, type ChannelMessage } from './channel-adapter.js';
import { createCustomerNotices } from './customer-notices.js';
import type { DeliveryAdapter } from './delivery-adapter.js';
import type { InboxQueryInput } from './notification.schemas.js';
import { readNotifyConfig, type NotifyConfig } from './notify-config.js';
import { createOutboxConsole } from './outbox-console.service.js';
import { createOutbox } from './outbox.service.js';
import { createTemplatesService } from './templates.service.js';

export type NotificationService = ReturnType<typeof createNotificationService>;

/** What a feature hands to `notify`; `at` defaults to the server clock. */
export type NotifyInput = Omit<NewNotification, 'at'> & { at?: Date };

/**
 * The shared inbox and channel sends. Other features call `notify` / `send` inside their own
 * transaction (pass the `tx`), so a notification exists exactly when the fact it reports committed;
 * a `dedupeKey` makes a retried or doubly delivered trigger notify once.
 *
 * A position-addressed notification reaches whoever works in that position in that very unit (the
 * session's position, the person's own unit): a coordinator of station A never sees station B's.
 */
export function createNotificationService({
  db,
  clock,
  channel = localChannelAdapter,
  jobs,
  policy = DEFAULT_POLICY_PACK,
  notifyPolicy = DEFAULT_NOTIFY_POLICY,
  notifyConfig,
  adapters,
}: {
  db: Db;
  clock: Clock;
  channel?: ChannelAdapter;
  /** INT-01: the delivery job is inserted with each queued customer message (without it nothing is delivered). */
  jobs?: JobQueue | undefined;
  policy?: PolicyPack;
  notifyPolicy?: NotifyPolicy;
  /** Channel adapters and outbox overrides; read from the environment when absent. */
  notifyConfig?: NotifyConfig;
  /** Tests: adapters per channel, replacing the configured ones. */
  adapters?: Partial<Record<MessageChannel, DeliveryAdapter>>;
}) {
  const config = notifyConfig ?? readNotifyConfig();
  const outboxPolicy: NotifyPolicy = { ...notifyPolicy, ...config.policy };
  const outbox = createOutbox({
    db,
    clock,
    policy: outboxPolicy,
    jobs,
    adapterFor: (c) => adapters?.[c] ?? config.adapters[c],
  });
  const customerNotices = createCustomerNotices({ policy, notifyPolicy: outboxPolicy, outbox });
  const templates = createTemplatesService({ db, clock, policy: outboxPolicy });
  const outboxConsole = createOutboxConsole({ db, policy: outboxPolicy, outbox });

  const ownerOf = (auth: AuthContext): InboxOwner => ({
    personId: auth.personId,
    position: auth.position,
    unitId: auth.unitIds[0] ?? '',
  });

  return {
    /** Adds a notification (null when its dedupe key was already used: notified before). */
    notify(tx: Db, tenantId: string, input: NotifyInput): Promise<StoredNotification | null> {
      return insertNotification(tx, tenantId, { ...input, at: input.at ?? clock.now() });
    },

    /**
     * INT-01: hands a message to the channel adapter; the send is logged in the same transaction. A
     * message carrying its final wording (`params.text`, e.g. a desk script already checked) is also
     * queued in the outbox for delivery, once per `dedupeKey` when one is given.
     */
    async send(tx: Db, tenantId: string, message: ChannelMessage & { dedupeKey?: string }) {
      const text = typeof message.params.text === 'string' ? message.params.text : null;
      const queued = text
        ? await outbox.enqueue(
            tx,
            tenantId,
            {
              event: message.template,
              channel: message.channel,
              to: message.to,
              orderId: message.orderId ?? null,
              occurrence: message.dedupeKey ?? `${message.template}:${randomUUID()}`,
              params: { orderNo: typeof message.params.number === 'string' ? message.params.number : null },
              text: { subject: null, body: text },
            },
            { logQueued: false },
          )
        : null;
      if (queued?.duplicate) return { id: queued.id, status: 'recorded' as const };
      return channel.deliver(
        tx,
        tenantId,
        { ...message, outboxId: queued?.id ?? message.outboxId ?? null },
        clock.now(),
      );
    },

    /** INT-01: queues a customer message in the caller's transaction (see outbox.service.ts). */
    enqueue: outbox.enqueue,
    /** INT-01: the business changes customers hear about (lifecycle, carry-in, self-service). */
    customerNotices,
    /** Job handlers: one try of one message; the minute sweep. */
    deliver: outbox.deliver,
    sweep: (opts?: Parameters<typeof outbox.sweep>[0]) => outbox.sweep(opts),
    templates,
    outbox: outboxConsole,

    async inbox(auth: AuthContext, q: InboxQueryInput) {
      const cursor = q.cursor ? decodeCursor(q.cursor) : null;
      const page = await listInbox(db, auth.tenantId, ownerOf(auth), { unreadOnly: q.unread, cursor, limit: q.limit });
      const last = page.items.at(-1);
      return {
        items: page.items.map(notificationView),
        unread: page.unread,
        nextCursor: page.hasMore && last ? encodeCursor(last) : null,
      };
    },

    async markRead(auth: AuthContext, id: string) {
      const n = await markNotificationRead(db, auth.tenantId, ownerOf(auth), id, clock.now());
      if (!n) throw new DomainError('NOT_FOUND', 'Notification not found', { id });
      return notificationView(n);
    },
  };
}

export function notificationView(n: StoredNotification) {
  return {
    id: n.id,
    kind: n.kind,
    orderId: n.orderId,
    recipient: n.recipient,
    payload: n.payload,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
    readBy: n.readBy,
  };
}

const encodeCursor = (n: StoredNotification) =>
  Buffer.from(JSON.stringify([n.createdAt.toISOString(), n.id])).toString('base64url');

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const createdAt = new Date(String(parsed[0]));
      const id = String(parsed[1]);
      const y = createdAt.getUTCFullYear();
      if (/^[0-9a-f-]{36}$/i.test(id) && y >= 1900 && y <= 9999) return { createdAt, id };
    }
  } catch {
    // fall through
  }
  throw new DomainError('VALIDATION_FAILED', 'The page cursor is not valid', { field: 'cursor' });
}
