import { and, asc, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client.js';
import { assessmentCaseHistory, assessmentCases, type AssessmentCaseState } from '../schema/assessment.js';
import { slaClockEvents, slaClocks } from '../schema/sla-clocks.js';
import { tenants } from '../schema/tenants.js';
import { workOrders } from '../schema/work-orders.js';
import { isUuid } from './helpers.js';

export type StoredAssessmentCase = typeof assessmentCases.$inferSelect;
export type StoredCaseHistory = typeof assessmentCaseHistory.$inferSelect;
export type NewAssessmentCase = Omit<typeof assessmentCases.$inferInsert, 'id' | 'tenantId' | 'state' | 'version'>;

/** VND-01: inserts a case unless one exists for its source event; returns the new row or null. */
export async function insertAssessmentCase(
  tx: Db,
  tenantId: string,
  c: NewAssessmentCase,
): Promise<StoredAssessmentCase | null> {
  const [row] = await tx
    .insert(assessmentCases)
    .values({ ...c, tenantId })
    .onConflictDoNothing({ target: [assessmentCases.tenantId, assessmentCases.sourceKey] })
    .returning();
  return row ?? null;
}

export async function getAssessmentCaseForUpdate(tx: Tx, tenantId: string, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await tx
    .select()
    .from(assessmentCases)
    .where(and(eq(assessmentCases.tenantId, tenantId), eq(assessmentCases.id, id)))
    .for('update');
  return row ?? null;
}

export async function getAssessmentCase(db: Db, tenantId: string, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(assessmentCases)
    .where(and(eq(assessmentCases.tenantId, tenantId), eq(assessmentCases.id, id)));
  return row ?? null;
}

/** Appends one dispute step with the next number and moves the case's state, in the caller's transaction. */
export async function appendCaseStep(
  tx: Tx,
  tenantId: string,
  caseId: string,
  step: { kind: StoredCaseHistory['kind']; at: Date; byPersonId: string; note: string },
  state: AssessmentCaseState,
): Promise<void> {
  const [{ next }] = (await tx
    .select({ next: sql<number>`coalesce(max(${assessmentCaseHistory.seq}), 0) + 1` })
    .from(assessmentCaseHistory)
    .where(and(eq(assessmentCaseHistory.tenantId, tenantId), eq(assessmentCaseHistory.caseId, caseId)))) as [
    { next: number },
  ];
  await tx.insert(assessmentCaseHistory).values({ tenantId, caseId, seq: Number(next), ...step });
  await tx
    .update(assessmentCases)
    .set({ state, version: sql`${assessmentCases.version} + 1` })
    .where(and(eq(assessmentCases.tenantId, tenantId), eq(assessmentCases.id, caseId)));
}

export async function listCaseHistory(db: Db, tenantId: string, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return db
    .select()
    .from(assessmentCaseHistory)
    .where(and(eq(assessmentCaseHistory.tenantId, tenantId), inArray(assessmentCaseHistory.caseId, [...caseIds])))
    .orderBy(asc(assessmentCaseHistory.caseId), asc(assessmentCaseHistory.seq));
}

/**
 * Cases that belong in a ledger of [from, to): those that happened then, and older ones reversed then
 * (a reversal is credited in the month of the decision). `vendorId` null: every vendor of the tenant.
 */
export async function listCasesForLedger(
  db: Db,
  tenantId: string,
  s: { vendorId: string | null; from: Date; to: Date },
): Promise<StoredAssessmentCase[]> {
  const reversedThen = db
    .select({ id: assessmentCaseHistory.caseId })
    .from(assessmentCaseHistory)
    .where(
      and(
        eq(assessmentCaseHistory.tenantId, tenantId),
        eq(assessmentCaseHistory.kind, 'reversed'),
        gte(assessmentCaseHistory.at, s.from),
        lt(assessmentCaseHistory.at, s.to),
      ),
    );
  return db
    .select()
    .from(assessmentCases)
    .where(
      and(
        eq(assessmentCases.tenantId, tenantId),
        s.vendorId ? eq(assessmentCases.vendorId, s.vendorId) : undefined,
        or(
          and(gte(assessmentCases.occurredAt, s.from), lt(assessmentCases.occurredAt, s.to)),
          inArray(assessmentCases.id, reversedThen),
        ),
      ),
    )
    .orderBy(asc(assessmentCases.occurredAt), asc(assessmentCases.id));
}

/**
 * SLA breach events that have no assessment case yet (VND-01 sweep), with what the mapping needs:
 * the clock kind, its overdue reason, the order's vendor and holder.
 */
/**
 * SLA breach events with no case yet, oldest first; per clock kind only those recorded up to its
 * cutoff (the scheduled sweep's grace for reason notes, SLA-04).
 */
export async function listUnassessedBreaches(
  db: Db,
  tenantId: string,
  cutoffs: readonly { clockKind: string; notAfter: Date }[],
  limit: number,
) {
  if (cutoffs.length === 0) return [];
  return db
    .select({
      eventId: slaClockEvents.id,
      at: slaClockEvents.at,
      orderId: slaClockEvents.orderId,
      clockId: slaClocks.id,
      clockKind: slaClocks.kind,
      ruleId: slaClocks.ruleId,
      dueAt: slaClocks.dueAt,
      overdueReason: slaClocks.overdueReason,
      vendorId: workOrders.vendorId,
      holderId: workOrders.holderId,
    })
    .from(slaClockEvents)
    .innerJoin(
      slaClocks,
      and(eq(slaClocks.tenantId, slaClockEvents.tenantId), eq(slaClocks.id, slaClockEvents.clockId)),
    )
    .innerJoin(
      workOrders,
      and(eq(workOrders.tenantId, slaClockEvents.tenantId), eq(workOrders.id, slaClockEvents.orderId)),
    )
    .leftJoin(
      assessmentCases,
      and(
        eq(assessmentCases.tenantId, slaClockEvents.tenantId),
        eq(assessmentCases.sourceKey, sql`'sla:' || ${slaClockEvents.id}::text`),
      ),
    )
    .where(
      and(
        eq(slaClockEvents.tenantId, tenantId),
        eq(slaClockEvents.kind, 'breach'),
        or(...cutoffs.map((c) => and(eq(slaClocks.kind, c.clockKind), lte(slaClockEvents.at, c.notAfter)))),
        isNull(assessmentCases.id),
      ),
    )
    .orderBy(asc(slaClockEvents.at))
    .limit(limit);
}

/** Every tenant's id (the scheduled VND-01 sweep visits each). */
export async function listTenantIdsForSweep(db: Db): Promise<string[]> {
  const rows = await db.select({ id: tenants.id }).from(tenants);
  return rows.map((r) => r.id);
}
