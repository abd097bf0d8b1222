import { and, asc, desc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { OnsiteReportKind, OnsiteReportState } from '@daowei/domain';
import type { Db } from '../client.js';
import { onsiteReports } from '../schema/onsite-reports.js';
import { isUuid } from './helpers.js';

/** APT-03 / WO-15 / SLA-08 reports a visit leaves for another position. */
export type StoredOnsiteReport = typeof onsiteReports.$inferSelect;
export type NewOnsiteReport = Omit<typeof onsiteReports.$inferInsert, 'tenantId' | 'id' | 'createdAt'>;

export async function insertOnsiteReport(db: Db, tenantId: string, r: NewOnsiteReport): Promise<StoredOnsiteReport> {
  const [row] = await db
    .insert(onsiteReports)
    .values({ ...r, tenantId })
    .returning();
  return row!;
}

export async function getOnsiteReport(db: Db, tenantId: string, id: string, opts: { forUpdate?: boolean } = {}) {
  if (!isUuid(id)) return null;
  const q = db
    .select()
    .from(onsiteReports)
    .where(and(eq(onsiteReports.tenantId, tenantId), eq(onsiteReports.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** The order's reports, newest first. */
export async function listOrderOnsiteReports(db: Db, tenantId: string, orderId: string) {
  if (!isUuid(orderId)) return [];
  return db
    .select()
    .from(onsiteReports)
    .where(and(eq(onsiteReports.tenantId, tenantId), eq(onsiteReports.orderId, orderId)))
    .orderBy(desc(onsiteReports.raisedAt), desc(onsiteReports.id));
}

/**
 * A position's list: reports of some kinds in a state, earliest due first. Scoped like the order data
 * (SEC-02): vendor staff see their vendor's only; `unitIds` (when given) limits station-addressed reports
 * to the caller's own units, tenant-wide ones (no unit) are always in.
 */
export async function listOnsiteReports(
  db: Db,
  tenantId: string,
  q: {
    kinds: readonly OnsiteReportKind[];
    state: OnsiteReportState;
    vendorId: string | null;
    unitIds: readonly string[] | null;
    limit: number;
  },
) {
  if (q.kinds.length === 0) return [];
  const where: SQL[] = [
    eq(onsiteReports.tenantId, tenantId),
    inArray(onsiteReports.kind, [...q.kinds]),
    eq(onsiteReports.state, q.state),
  ];
  if (q.vendorId) where.push(eq(onsiteReports.vendorId, q.vendorId));
  if (q.unitIds) {
    const units = q.unitIds.filter(isUuid);
    where.push(
      units.length
        ? or(isNull(onsiteReports.forUnitId), inArray(onsiteReports.forUnitId, units))!
        : isNull(onsiteReports.forUnitId),
    );
  }
  return db
    .select()
    .from(onsiteReports)
    .where(and(...where))
    .orderBy(q.state === 'open' ? asc(onsiteReports.dueAt) : desc(onsiteReports.closedAt), asc(onsiteReports.id))
    .limit(q.limit);
}

/** Closes an open report (the caller holds its row lock); null when it was not open any more. */
export async function closeOnsiteReport(
  db: Db,
  tenantId: string,
  id: string,
  c: { closedBy: string; closedAt: Date; closeNote: string | null; compensationFen: number | null },
): Promise<StoredOnsiteReport | null> {
  const [row] = await db
    .update(onsiteReports)
    .set({ ...c, state: 'closed' })
    .where(and(eq(onsiteReports.tenantId, tenantId), eq(onsiteReports.id, id), eq(onsiteReports.state, 'open')))
    .returning();
  return row ?? null;
}

/** The order's open reports of a kind (APT-03: a rebook closes the open no-access follow-ups). */
export async function listOpenOrderReportsOfKind(db: Db, tenantId: string, orderId: string, kind: OnsiteReportKind) {
  return db
    .select()
    .from(onsiteReports)
    .where(
      and(
        eq(onsiteReports.tenantId, tenantId),
        eq(onsiteReports.orderId, orderId),
        eq(onsiteReports.kind, kind),
        eq(onsiteReports.state, 'open'),
      ),
    );
}
