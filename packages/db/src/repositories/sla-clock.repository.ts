import { and, asc, eq, gt, isNull, or, sql, type SQL } from 'drizzle-orm';
import { DomainError, type SlaClock, type WorkOrderType } from '@daowei/domain';
import type { Db } from '../client.js';
import { clockColumns, toStoredSlaClock, type StoredSlaClock } from '../mappers/sla-clock.mapper.js';
import { slaClockEvents, slaClocks } from '../schema/sla-clocks.js';
import { workOrders } from '../schema/work-orders.js';
import { clampLimit, isUuid } from './helpers.js';

/**
 * SLA-02/09: stored clocks. The service computes clocks with the pure engine and hands them here whole;
 * this module only keeps the indexed columns in step with the engine state (clockColumns) and answers
 * the at-risk question with SQL over instants — warning and breach are comparisons with `now`.
 */

export interface NewSlaClock {
  orderId: string;
  vendorId: string;
  stationId: string | null;
  orderType: WorkOrderType;
  clock: SlaClock;
}

/** Inserts clocks; a kind the order already has is skipped (one clock per promise). Returns the new ones. */
export async function insertSlaClocks(db: Db, tenantId: string, clocks: readonly NewSlaClock[]) {
  if (clocks.length === 0) return [];
  const rows = await db
    .insert(slaClocks)
    .values(
      clocks.map((c) => ({
        tenantId,
        orderId: c.orderId,
        vendorId: c.vendorId,
        stationId: c.stationId,
        orderType: c.orderType,
        ...clockColumns(c.clock),
      })),
    )
    .onConflictDoNothing({ target: [slaClocks.orderId, slaClocks.kind] })
    .returning();
  return rows.map(toStoredSlaClock);
}

/** Writes a clock's new engine state (after a pause, resume, stop…). The order lock serialises writers. */
export async function updateSlaClock(db: Db, tenantId: string, id: string, clock: SlaClock): Promise<StoredSlaClock> {
  const [row] = await db
    .update(slaClocks)
    .set({ ...clockColumns(clock), version: sql`${slaClocks.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(slaClocks.tenantId, tenantId), eq(slaClocks.id, id)))
    .returning();
  if (!row) throw new DomainError('NOT_FOUND', 'Clock not found', { id });
  return toStoredSlaClock(row);
}

export async function getSlaClock(db: Db, tenantId: string, id: string): Promise<StoredSlaClock | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(slaClocks)
    .where(and(eq(slaClocks.tenantId, tenantId), eq(slaClocks.id, id)));
  return row ? toStoredSlaClock(row) : null;
}

/** Every clock of an order, oldest start first (then by kind, for a stable answer). */
export async function listSlaClocksOfOrder(db: Db, tenantId: string, orderId: string): Promise<StoredSlaClock[]> {
  if (!isUuid(orderId)) return [];
  const rows = await db
    .select()
    .from(slaClocks)
    .where(and(eq(slaClocks.tenantId, tenantId), eq(slaClocks.orderId, orderId)))
    .orderBy(asc(slaClocks.startedAt), asc(slaClocks.kind));
  return rows.map(toStoredSlaClock);
}

export interface AtRiskFilter {
  now: Date;
  /** warning = running and past its warning instant but not due; breached = past due; omitted = both. */
  state?: 'warning' | 'breached';
  /** SEC-02: vendor staff see their vendor only; null/omitted = all vendors. */
  vendorId?: string | null;
  stationId?: string;
  type?: WorkOrderType;
  /** The order's area: a semi-join on work_orders (areas are not copied onto clocks). */
  areaId?: string;
  kind?: string;
  cursor?: string | null;
  limit?: number;
}

export interface AtRiskPage {
  items: StoredSlaClock[];
  nextCursor: string | null;
}

/**
 * Open clocks at risk, most urgent (earliest due) first, keyset-paginated on (due_at, id). Mirrors
 * domain clockStatus: a running clock warns from warn_at and breaches after due_at; a paused clock is
 * breached only if its pause began after the due time (waiting does not undo lateness).
 */
export async function listAtRiskSlaClocks(db: Db, tenantId: string, f: AtRiskFilter): Promise<AtRiskPage> {
  const limit = clampLimit(f.limit);
  const now = f.now.toISOString();
  const running = eq(slaClocks.state, 'running');
  const warning = and(
    running,
    sql`${slaClocks.warnAt} <= ${now}::timestamptz`,
    sql`${slaClocks.dueAt} >= ${now}::timestamptz`,
  );
  const pausedLate = and(eq(slaClocks.state, 'paused'), sql`${slaClocks.pausedAt} > ${slaClocks.dueAt}`);
  const breached = or(and(running, sql`${slaClocks.dueAt} < ${now}::timestamptz`), pausedLate);
  // Both: a running clock past its warning instant (warn_at <= due_at, so breached ones too), or paused late.
  const either = or(and(running, sql`${slaClocks.warnAt} <= ${now}::timestamptz`), pausedLate);
  // Open clocks only, in the words of the partial indexes' predicate, so the planner can use them.
  const open = sql`${slaClocks.state} <> 'stopped'`;
  const where: (SQL | undefined)[] = [
    eq(slaClocks.tenantId, tenantId),
    open,
    f.state === 'warning' ? warning : f.state === 'breached' ? breached : either,
  ];
  if (f.vendorId) where.push(eq(slaClocks.vendorId, f.vendorId));
  if (f.stationId) where.push(eq(slaClocks.stationId, f.stationId));
  if (f.type) where.push(eq(slaClocks.orderType, f.type));
  if (f.kind) where.push(eq(slaClocks.kind, f.kind));
  if (f.areaId) {
    // Correlated EXISTS: a primary-key probe per candidate clock, so the ordered scan still stops at a page.
    where.push(
      sql`exists (select 1 from ${workOrders} where ${workOrders.tenantId} = ${slaClocks.tenantId} and ${workOrders.id} = ${slaClocks.orderId} and ${workOrders.areaId} = ${f.areaId}::uuid)`,
    );
  }
  if (f.cursor) {
    const c = decodeAtRiskCursor(f.cursor);
    where.push(sql`(${slaClocks.dueAt}, ${slaClocks.id}) > (${c.dueAt.toISOString()}::timestamptz, ${c.id}::uuid)`);
  }
  const rows = await db
    .select()
    .from(slaClocks)
    .where(and(...where))
    .orderBy(asc(slaClocks.dueAt), asc(slaClocks.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map(toStoredSlaClock);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeAtRiskCursor(last) : null };
}

function encodeAtRiskCursor(c: StoredSlaClock): string {
  return Buffer.from(JSON.stringify([c.clock.dueAt.toISOString(), c.id])).toString('base64url');
}

/** Whether a cursor could have come from listAtRiskSlaClocks (the API checks before querying). */
export function isWellFormedAtRiskCursor(cursor: string): boolean {
  try {
    decodeAtRiskCursor(cursor);
    return true;
  } catch {
    return false;
  }
}

function decodeAtRiskCursor(cursor: string): { dueAt: Date; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [at, id] = parsed as unknown[];
      const dueAt = new Date(String(at));
      // Only instants PostgreSQL can store: a forged year 0 must be a 400, not a database error.
      const y = dueAt.getUTCFullYear();
      if (typeof id === 'string' && isUuid(id) && y >= 1900 && y <= 9999) return { dueAt, id };
    }
  } catch {
    // fall through
  }
  throw new DomainError('VALIDATION_FAILED', 'The page cursor is not valid', { field: 'cursor' });
}

/** SLA-04: the reason an order is late, noted by a coordinator (replaces an earlier note). */
export async function setSlaOverdueReason(
  db: Db,
  tenantId: string,
  id: string,
  note: { reason: string; by: string; at: Date },
): Promise<StoredSlaClock | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .update(slaClocks)
    .set({ overdueReason: note.reason, overdueReasonBy: note.by, overdueReasonAt: note.at, updatedAt: sql`now()` })
    .where(and(eq(slaClocks.tenantId, tenantId), eq(slaClocks.id, id)))
    .returning();
  return row ? toStoredSlaClock(row) : null;
}

export interface NewClockEvent {
  clockId: string;
  orderId: string;
  kind: 'warning' | 'breach' | 'escalation' | 'reevaluated';
  /** '' for warning and breach; the trigger of an escalation; the clock version of a re-evaluation. */
  occurrence?: string;
  at: Date;
  payload: Record<string, unknown>;
}

/**
 * Records a clock's warning / breach / escalation / re-evaluation once: a second delivery of the same
 * timer (or a second server process) hits the unique (clock_id, kind, occurrence) and changes nothing. Returns whether this
 * call recorded it, so only the first one notifies. Marks the clock's warned_at / breached_at too.
 */
export async function recordSlaClockEvent(db: Db, tenantId: string, e: NewClockEvent): Promise<boolean> {
  const inserted = await db
    .insert(slaClockEvents)
    .values({ tenantId, ...e })
    .onConflictDoNothing({ target: [slaClockEvents.clockId, slaClockEvents.kind, slaClockEvents.occurrence] })
    .returning({ id: slaClockEvents.id });
  if (inserted.length === 0) return false;
  const mark = e.kind === 'warning' ? { warnedAt: e.at } : e.kind === 'breach' ? { breachedAt: e.at } : null;
  if (mark) {
    await db
      .update(slaClocks)
      .set(mark)
      .where(and(eq(slaClocks.tenantId, tenantId), eq(slaClocks.id, e.clockId)));
  }
  return true;
}

export async function listSlaClockEvents(db: Db, tenantId: string, clockId: string) {
  if (!isUuid(clockId)) return [];
  return db
    .select()
    .from(slaClockEvents)
    .where(and(eq(slaClockEvents.tenantId, tenantId), eq(slaClockEvents.clockId, clockId)))
    .orderBy(asc(slaClockEvents.at), asc(slaClockEvents.kind), asc(slaClockEvents.occurrence));
}

/**
 * Open clocks whose breach is not recorded yet, across tenants: at start-up the server re-schedules
 * their timers (idempotent keys), which covers a job lost between a commit and a crash.
 */
export async function listUnbreachedOpenSlaClocks(db: Db, limit = 10_000): Promise<StoredSlaClock[]> {
  const rows = await db
    .select()
    .from(slaClocks)
    .where(and(eq(slaClocks.state, 'running'), isNull(slaClocks.breachedAt)))
    .orderBy(asc(slaClocks.dueAt))
    .limit(limit);
  return rows.map(toStoredSlaClock);
}

/**
 * SLA-02 tenant-wide re-evaluate: the next page of orders with an open clock, by order id after
 * `after` (keyset, so a batch that moved clocks never shifts the next page).
 */
export async function listOrderIdsWithOpenSlaClocks(
  db: Db,
  tenantId: string,
  page: { after: string | null; limit: number },
): Promise<string[]> {
  const where = [eq(slaClocks.tenantId, tenantId), sql`${slaClocks.state} <> 'stopped'`];
  if (page.after) where.push(gt(slaClocks.orderId, page.after));
  const rows = await db
    .selectDistinct({ orderId: slaClocks.orderId })
    .from(slaClocks)
    .where(and(...where))
    .orderBy(asc(slaClocks.orderId))
    .limit(page.limit);
  return rows.map((r) => r.orderId);
}
