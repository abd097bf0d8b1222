import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Position } from '@daowei/domain';
import type { Db } from '../client.js';
import { notificationSends, notifications } from '../schema/notifications.js';
import { clampLimit, isUuid } from './helpers.js';

/**
 * The in-app inbox and the channel send log (INT-01). A notification is addressed to a person or to a
 * position in an org unit; "mine" is both, matched in SQL so a page is one indexed query.
 */

export type NotificationRecipient = { personId: string } | { position: Position; unitId: string };

export interface StoredNotification {
  id: string;
  tenantId: string;
  recipient: NotificationRecipient;
  kind: string;
  orderId: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
  readBy: string | null;
}

type Row = typeof notifications.$inferSelect;

function toStored(r: Row): StoredNotification {
  return {
    id: r.id,
    tenantId: r.tenantId,
    recipient: r.recipientPersonId
      ? { personId: r.recipientPersonId }
      : { position: r.recipientPosition!, unitId: r.recipientUnitId! },
    kind: r.kind,
    orderId: r.orderId,
    payload: r.payload,
    createdAt: r.createdAt,
    readAt: r.readAt,
    readBy: r.readBy,
  };
}

export interface NewNotification {
  recipient: NotificationRecipient;
  kind: string;
  orderId?: string | null;
  payload: Record<string, unknown>;
  /** Same key (per tenant) = same notification: a second insert changes nothing and returns null. */
  dedupeKey?: string | null;
  at: Date;
}

/** Inserts a notification; null when its dedupe key was used before (it was already sent). */
export async function insertNotification(db: Db, tenantId: string, n: NewNotification) {
  const personal = 'personId' in n.recipient;
  const [row] = await db
    .insert(notifications)
    .values({
      tenantId,
      recipientPersonId: personal ? (n.recipient as { personId: string }).personId : null,
      recipientPosition: personal ? null : (n.recipient as { position: Position }).position,
      recipientUnitId: personal ? null : (n.recipient as { unitId: string }).unitId,
      kind: n.kind,
      orderId: n.orderId ?? null,
      payload: n.payload,
      dedupeKey: n.dedupeKey ?? null,
      createdAt: n.at,
    })
    .onConflictDoNothing({ target: [notifications.tenantId, notifications.dedupeKey] })
    .returning();
  return row ? toStored(row) : null;
}

/** Who is asking: the person, and the position they work in with their own unit. */
export interface InboxOwner {
  personId: string;
  position: Position;
  unitId: string;
}

const addressedTo = (o: InboxOwner): SQL =>
  or(
    eq(notifications.recipientPersonId, o.personId),
    and(eq(notifications.recipientPosition, o.position), eq(notifications.recipientUnitId, o.unitId)),
  )!;

export interface InboxQuery {
  unreadOnly?: boolean;
  cursor?: { createdAt: Date; id: string } | null;
  limit?: number;
}

/** A page of the owner's inbox, newest first, keyset-paginated on (created_at, id) descending. */
export async function listInbox(db: Db, tenantId: string, owner: InboxOwner, q: InboxQuery) {
  const limit = clampLimit(q.limit);
  const where: (SQL | undefined)[] = [eq(notifications.tenantId, tenantId), addressedTo(owner)];
  if (q.unreadOnly) where.push(isNull(notifications.readAt));
  if (q.cursor) {
    where.push(
      sql`(${notifications.createdAt}, ${notifications.id}) < (${q.cursor.createdAt.toISOString()}::timestamptz, ${q.cursor.id}::uuid)`,
    );
  }
  const rows = await db
    .select()
    .from(notifications)
    .where(and(...where))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map(toStored);
  const [unread] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.tenantId, tenantId), addressedTo(owner), isNull(notifications.readAt)));
  return { items, hasMore: rows.length > limit, unread: unread?.n ?? 0 };
}

/** Marks a notification of the owner read (first reader wins); null when it is not theirs. */
export async function markNotificationRead(
  db: Db,
  tenantId: string,
  owner: InboxOwner,
  id: string,
  at: Date,
): Promise<StoredNotification | null> {
  if (!isUuid(id)) return null;
  const mine = and(eq(notifications.tenantId, tenantId), eq(notifications.id, id), addressedTo(owner));
  const [updated] = await db
    .update(notifications)
    .set({ readAt: at, readBy: owner.personId })
    .where(and(mine, isNull(notifications.readAt)))
    .returning();
  if (updated) return toStored(updated);
  const [already] = await db.select().from(notifications).where(mine);
  return already ? toStored(already) : null;
}

/** Notifications about one order (tests, the order's history of escalations). */
export async function listNotificationsOfOrder(db: Db, tenantId: string, orderIds: readonly string[]) {
  const ids = orderIds.filter(isUuid);
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.tenantId, tenantId), inArray(notifications.orderId, ids)))
    .orderBy(desc(notifications.createdAt), desc(notifications.id));
  return rows.map(toStored);
}

export interface ChannelSendRecord {
  notificationId?: string | null;
  orderId?: string | null;
  channel: string;
  adapter: string;
  recipient: string;
  template: string;
  params: Record<string, unknown>;
  status: 'recorded' | 'sent' | 'failed';
  at: Date;
  /** INT-01 outbox: the message and its try (0 = queued), with the failure's reason. */
  outboxId?: string | null;
  attempt?: number | null;
  error?: string | null;
}

/** INT-01: logs a message handed to a channel adapter. */
export async function recordChannelSend(db: Db, tenantId: string, s: ChannelSendRecord) {
  const [row] = await db
    .insert(notificationSends)
    .values({ tenantId, ...s, notificationId: s.notificationId ?? null, orderId: s.orderId ?? null })
    .returning();
  return row!;
}

export async function listChannelSends(db: Db, tenantId: string, opts: { orderId?: string; limit?: number } = {}) {
  const where: (SQL | undefined)[] = [eq(notificationSends.tenantId, tenantId)];
  if (opts.orderId) where.push(eq(notificationSends.orderId, opts.orderId));
  return db
    .select()
    .from(notificationSends)
    .where(and(...where))
    .orderBy(desc(notificationSends.at), desc(notificationSends.id))
    .limit(clampLimit(opts.limit));
}
