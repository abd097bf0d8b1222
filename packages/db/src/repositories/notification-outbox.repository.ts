import { and, asc, desc, eq, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { notificationOutbox, notificationTemplates, type OutboxState } from '../schema/notification-outbox.js';
import { notificationSends } from '../schema/notifications.js';
import { workOrders } from '../schema/work-orders.js';
import { clampLimit, isUuid } from './helpers.js';

/**
 * INT-01: the customer-message outbox, its delivery tries and the tenant's template versions. Rows are
 * claimed for delivery with FOR UPDATE SKIP LOCKED and a "sending" lease, so two workers (or a job and
 * a "retry now") never send one message twice at the same time.
 */

export type StoredOutboxMessage = typeof notificationOutbox.$inferSelect;
export type StoredTemplateVersion = typeof notificationTemplates.$inferSelect;

export interface NewOutboxMessage {
  event: string;
  channel: string;
  recipient: string;
  orderId: string | null;
  dedupeKey: string;
  locale: string;
  templateVersion: number;
  subject: string | null;
  body: string;
  params: Record<string, string | null>;
  status: 'pending' | 'held';
  maxAttempts: number;
  lastError: string | null;
  at: Date;
}

/** Queues a message; null when its dedupe key was queued before (the message exists already). */
export async function insertOutboxMessage(db: Db, tenantId: string, m: NewOutboxMessage) {
  const { at, ...fields } = m;
  const [row] = await db
    .insert(notificationOutbox)
    .values({ tenantId, ...fields, attempts: 0, nextAttemptAt: at, queuedAt: at, updatedAt: at })
    .onConflictDoNothing({ target: [notificationOutbox.tenantId, notificationOutbox.dedupeKey] })
    .returning();
  return row ?? null;
}

export async function getOutboxMessage(db: Db, tenantId: string, id: string, opts: { forUpdate?: boolean } = {}) {
  if (!isUuid(id)) return null;
  const q = db
    .select()
    .from(notificationOutbox)
    .where(and(eq(notificationOutbox.tenantId, tenantId), eq(notificationOutbox.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function getOutboxByDedupeKey(db: Db, tenantId: string, dedupeKey: string) {
  const [row] = await db
    .select()
    .from(notificationOutbox)
    .where(and(eq(notificationOutbox.tenantId, tenantId), eq(notificationOutbox.dedupeKey, dedupeKey)));
  return row ?? null;
}

/**
 * Takes a due pending message for one try: it becomes "sending" with the try counted and a lease.
 * null when it is not due, not pending, or another worker holds it right now (SKIP LOCKED).
 */
export async function claimOutboxMessage(db: Db, tenantId: string, id: string, now: Date, leaseUntil: Date) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(notificationOutbox)
    .where(
      and(
        eq(notificationOutbox.tenantId, tenantId),
        eq(notificationOutbox.id, id),
        eq(notificationOutbox.status, 'pending'),
        lte(notificationOutbox.nextAttemptAt, now),
      ),
    )
    .for('update', { skipLocked: true });
  if (!row) return null;
  const [claimed] = await db
    .update(notificationOutbox)
    .set({ status: 'sending', attempts: row.attempts + 1, lockedUntil: leaseUntil, updatedAt: now })
    .where(and(eq(notificationOutbox.tenantId, tenantId), eq(notificationOutbox.id, id)))
    .returning();
  return claimed ?? null;
}

export async function updateOutboxMessage(
  db: Db,
  tenantId: string,
  id: string,
  changes: Partial<
    Pick<
      StoredOutboxMessage,
      | 'status'
      | 'nextAttemptAt'
      | 'lockedUntil'
      | 'lastError'
      | 'sentAt'
      | 'maxAttempts'
      | 'subject'
      | 'body'
      | 'templateVersion'
    >
  > & { updatedAt: Date },
) {
  const [row] = await db
    .update(notificationOutbox)
    .set(changes)
    .where(and(eq(notificationOutbox.tenantId, tenantId), eq(notificationOutbox.id, id)))
    .returning();
  return row ?? null;
}

/**
 * Messages due for a try (pending and due, or "sending" past its lease), oldest first: every tenant's,
 * or one tenant's. `graceSeconds` skips rows written less than that long ago by the database's own
 * clock: their delivery job normally runs within a second, and the sweep is only the safety net.
 */
export async function listDueOutbox(
  db: Db,
  now: Date,
  limit: number,
  opts: { tenantId?: string; graceSeconds?: number } = {},
) {
  const grace = Math.max(0, Math.floor(opts.graceSeconds ?? 0));
  return db
    .select({ id: notificationOutbox.id, tenantId: notificationOutbox.tenantId, status: notificationOutbox.status })
    .from(notificationOutbox)
    .where(
      and(
        opts.tenantId ? eq(notificationOutbox.tenantId, opts.tenantId) : undefined,
        grace > 0 ? sql`${notificationOutbox.createdAt} < now() - (${grace} * interval '1 second')` : undefined,
        or(
          and(eq(notificationOutbox.status, 'pending'), lte(notificationOutbox.nextAttemptAt, now)),
          and(eq(notificationOutbox.status, 'sending'), lte(notificationOutbox.lockedUntil, now)),
        ),
      ),
    )
    .orderBy(asc(notificationOutbox.nextAttemptAt))
    .limit(limit);
}

/** A "sending" row whose lease ran out (the process died mid-try) goes back to pending, once. */
export async function releaseExpiredLease(db: Db, tenantId: string, id: string, now: Date) {
  const [row] = await db
    .update(notificationOutbox)
    .set({ status: 'pending', lockedUntil: null, nextAttemptAt: now, updatedAt: now, lastError: 'interrupted' })
    .where(
      and(
        eq(notificationOutbox.tenantId, tenantId),
        eq(notificationOutbox.id, id),
        eq(notificationOutbox.status, 'sending'),
        lte(notificationOutbox.lockedUntil, now),
      ),
    )
    .returning();
  return row ?? null;
}

export interface OutboxQuery {
  status?: OutboxState;
  orderId?: string;
  /** Vendor staff see the messages of their vendor's orders only. */
  vendorId?: string | null;
  cursor?: { queuedAt: Date; id: string } | null;
  limit?: number;
}

/** The send log page: newest first, keyset-paginated on (queued_at, id). */
export async function listOutbox(db: Db, tenantId: string, q: OutboxQuery) {
  const limit = clampLimit(q.limit);
  const where: (SQL | undefined)[] = [eq(notificationOutbox.tenantId, tenantId)];
  if (q.status) where.push(eq(notificationOutbox.status, q.status));
  if (q.orderId) where.push(eq(notificationOutbox.orderId, q.orderId));
  if (q.vendorId) {
    where.push(
      sql`exists (select 1 from ${workOrders} w where w.tenant_id = ${notificationOutbox.tenantId}
        and w.id = ${notificationOutbox.orderId} and w.vendor_id = ${q.vendorId})`,
    );
  }
  if (q.cursor) {
    where.push(
      sql`(${notificationOutbox.queuedAt}, ${notificationOutbox.id}) < (${q.cursor.queuedAt.toISOString()}::timestamptz, ${q.cursor.id}::uuid)`,
    );
  }
  const rows = await db
    .select({ m: notificationOutbox, orderNumber: workOrders.number, vendorId: workOrders.vendorId })
    .from(notificationOutbox)
    .leftJoin(
      workOrders,
      and(eq(workOrders.tenantId, notificationOutbox.tenantId), eq(workOrders.id, notificationOutbox.orderId)),
    )
    .where(and(...where))
    .orderBy(desc(notificationOutbox.queuedAt), desc(notificationOutbox.id))
    .limit(limit + 1);
  return { items: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** Counts per state (the page's filter tabs). */
export async function countOutboxByStatus(db: Db, tenantId: string, vendorId: string | null) {
  const where: (SQL | undefined)[] = [eq(notificationOutbox.tenantId, tenantId)];
  if (vendorId) {
    where.push(
      sql`exists (select 1 from ${workOrders} w where w.tenant_id = ${notificationOutbox.tenantId}
        and w.id = ${notificationOutbox.orderId} and w.vendor_id = ${vendorId})`,
    );
  }
  const rows = await db
    .select({ status: notificationOutbox.status, n: sql<number>`count(*)::int` })
    .from(notificationOutbox)
    .where(and(...where))
    .groupBy(notificationOutbox.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<OutboxState, number>>;
}

/** The queue and delivery log lines of one message, oldest first. */
export async function listSendsOfOutbox(db: Db, tenantId: string, outboxId: string) {
  return db
    .select()
    .from(notificationSends)
    .where(and(eq(notificationSends.tenantId, tenantId), eq(notificationSends.outboxId, outboxId)))
    .orderBy(asc(notificationSends.at), asc(notificationSends.createdAt));
}

export async function getOrderVendor(db: Db, tenantId: string, orderId: string) {
  const [row] = await db
    .select({ vendorId: workOrders.vendorId, number: workOrders.number })
    .from(workOrders)
    .where(and(eq(workOrders.tenantId, tenantId), eq(workOrders.id, orderId)));
  return row ?? null;
}

// ---- templates ----

/** The version in use of every (event, channel, locale) the tenant has edited (the highest of each). */
export async function listCurrentTemplates(db: Db, tenantId: string): Promise<StoredTemplateVersion[]> {
  const t = notificationTemplates;
  return db
    .selectDistinctOn([t.event, t.channel, t.locale])
    .from(t)
    .where(eq(t.tenantId, tenantId))
    .orderBy(t.event, t.channel, t.locale, desc(t.version));
}

export interface TemplateKey {
  event: string;
  channel: string;
  locale: string;
}

const keyIs = (tenantId: string, k: TemplateKey) =>
  and(
    eq(notificationTemplates.tenantId, tenantId),
    eq(notificationTemplates.event, k.event),
    eq(notificationTemplates.channel, k.channel),
    eq(notificationTemplates.locale, k.locale),
  );

export async function getCurrentTemplate(db: Db, tenantId: string, k: TemplateKey) {
  const [row] = await db
    .select()
    .from(notificationTemplates)
    .where(keyIs(tenantId, k))
    .orderBy(desc(notificationTemplates.version))
    .limit(1);
  return row ?? null;
}

export async function listTemplateVersions(db: Db, tenantId: string, k: TemplateKey) {
  return db.select().from(notificationTemplates).where(keyIs(tenantId, k)).orderBy(desc(notificationTemplates.version));
}

/**
 * Adds the next version when the current one is still `expectedVersion` (0: the shipped default);
 * null when someone saved meanwhile. The unique (key, version) settles two saves racing.
 */
export async function insertTemplateVersion(
  db: Db,
  tenantId: string,
  k: TemplateKey & { subject: string | null; body: string; enabled: boolean; createdBy: string; at: Date },
  expectedVersion: number,
) {
  const current = await getCurrentTemplate(db, tenantId, k);
  if ((current?.version ?? 0) !== expectedVersion) return null;
  const [row] = await db
    .insert(notificationTemplates)
    .values({
      tenantId,
      event: k.event,
      channel: k.channel,
      locale: k.locale,
      version: expectedVersion + 1,
      subject: k.subject,
      body: k.body,
      enabled: k.enabled,
      createdBy: k.createdBy,
      createdAt: k.at,
    })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}
