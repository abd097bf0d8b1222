import {
  insertNotification,
  listInbox,
  markNotificationRead,
  type Db,
  type InboxOwner,
  type NewNotification,
  type StoredNotification,
} from '@daowei/db';
import { DomainError } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import { localChannelAdapter, type ChannelAdapter, type ChannelMessage } from './channel-adapter.js';
import type { InboxQueryInput } from './notification.schemas.js';

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
}: {
  db: Db;
  clock: Clock;
  channel?: ChannelAdapter;
}) {
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

    /** INT-01: hands a message to the channel adapter; the send is logged in the same transaction. */
    send(tx: Db, tenantId: string, message: ChannelMessage) {
      return channel.deliver(tx, tenantId, message, clock.now());
    },

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
