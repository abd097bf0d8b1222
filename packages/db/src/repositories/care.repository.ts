import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { careAgreements, careVisitCalls, careVisits, type CareAgreementStatus } from '../schema/care-agreements.js';
import { workOrders } from '../schema/work-orders.js';
import { isUuid } from './helpers.js';

/** WO-16 service agreements, their generated visits and the confirmation calls. */
export type StoredCareAgreement = typeof careAgreements.$inferSelect;
export type NewCareAgreement = Omit<typeof careAgreements.$inferInsert, 'tenantId' | 'id' | 'createdAt' | 'version'>;
export type StoredCareVisit = typeof careVisits.$inferSelect;
export type NewCareVisit = Omit<typeof careVisits.$inferInsert, 'tenantId' | 'id' | 'createdAt'>;
export type StoredCareVisitCall = typeof careVisitCalls.$inferSelect;

export async function insertCareAgreement(db: Db, tenantId: string, a: NewCareAgreement) {
  const [row] = await db
    .insert(careAgreements)
    .values({ ...a, tenantId })
    .returning();
  return row!;
}

export async function getCareAgreement(db: Db, tenantId: string, id: string, opts: { forUpdate?: boolean } = {}) {
  if (!isUuid(id)) return null;
  const q = db
    .select()
    .from(careAgreements)
    .where(and(eq(careAgreements.tenantId, tenantId), eq(careAgreements.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** A vendor's (or, with null, the tenant's) agreements, newest first, bounded. */
export async function listCareAgreements(
  db: Db,
  tenantId: string,
  f: { vendorId: string | null; status?: CareAgreementStatus | undefined; limit: number },
) {
  return db
    .select()
    .from(careAgreements)
    .where(
      and(
        eq(careAgreements.tenantId, tenantId),
        f.vendorId ? eq(careAgreements.vendorId, f.vendorId) : undefined,
        f.status ? eq(careAgreements.status, f.status) : undefined,
      ),
    )
    .orderBy(sql`${careAgreements.createdAt} desc`, asc(careAgreements.id))
    .limit(f.limit);
}

/** Every active agreement of every tenant (the daily generation job). */
export async function listActiveCareAgreementIds(db: Db) {
  return db
    .select({ tenantId: careAgreements.tenantId, id: careAgreements.id })
    .from(careAgreements)
    .where(eq(careAgreements.status, 'active'));
}

export async function updateCareAgreement(
  db: Db,
  tenantId: string,
  id: string,
  patch: Partial<Pick<StoredCareAgreement, 'status' | 'statusReason' | 'statusChangedAt' | 'carerId'>>,
) {
  const [row] = await db
    .update(careAgreements)
    .set({ ...patch, version: sql`${careAgreements.version} + 1` })
    .where(and(eq(careAgreements.tenantId, tenantId), eq(careAgreements.id, id)))
    .returning();
  return row!;
}

/** A new visit row, or null when (agreement, occurrence date) exists already (generation is idempotent). */
export async function insertCareVisit(db: Db, tenantId: string, v: NewCareVisit): Promise<StoredCareVisit | null> {
  const [row] = await db
    .insert(careVisits)
    .values({ ...v, tenantId })
    .onConflictDoNothing({ target: [careVisits.tenantId, careVisits.agreementId, careVisits.occurrenceDate] })
    .returning();
  return row ?? null;
}

export async function listAgreementVisitDates(db: Db, tenantId: string, agreementId: string) {
  const rows = await db
    .select({ d: careVisits.occurrenceDate })
    .from(careVisits)
    .where(and(eq(careVisits.tenantId, tenantId), eq(careVisits.agreementId, agreementId)));
  return new Set(rows.map((r) => r.d));
}

const visitWithOrder = {
  visit: careVisits,
  order: {
    id: workOrders.id,
    number: workOrders.number,
    status: workOrders.status,
    holderId: workOrders.holderId,
    appointmentStart: workOrders.appointmentStart,
    appointmentEnd: workOrders.appointmentEnd,
  },
};

/** An agreement's visits with their orders' number and status, in date order. */
export async function listAgreementVisits(db: Db, tenantId: string, agreementId: string) {
  return db
    .select(visitWithOrder)
    .from(careVisits)
    .leftJoin(workOrders, and(eq(workOrders.tenantId, careVisits.tenantId), eq(workOrders.id, careVisits.orderId)))
    .where(and(eq(careVisits.tenantId, tenantId), eq(careVisits.agreementId, agreementId)))
    .orderBy(asc(careVisits.occurrenceDate));
}

/** Planned visits between two dates across agreements (the upcoming-visits page), bounded. */
export async function listUpcomingCareVisits(
  db: Db,
  tenantId: string,
  f: { vendorId: string | null; from: string; to: string; limit: number; timeZone: string },
) {
  // A visit moved through its order's appointment (APT-01/02) counts on the day it now takes place.
  const day = sql<string>`coalesce((${workOrders.appointmentStart} at time zone ${f.timeZone})::date, ${careVisits.plannedDate})`;
  return db
    .select({
      ...visitWithOrder,
      agreement: {
        id: careAgreements.id,
        contactName: careAgreements.contactName,
        address: careAgreements.address,
        carerId: careAgreements.carerId,
      },
    })
    .from(careVisits)
    .innerJoin(
      careAgreements,
      and(eq(careAgreements.tenantId, careVisits.tenantId), eq(careAgreements.id, careVisits.agreementId)),
    )
    .leftJoin(workOrders, and(eq(workOrders.tenantId, careVisits.tenantId), eq(workOrders.id, careVisits.orderId)))
    .where(
      and(
        eq(careVisits.tenantId, tenantId),
        eq(careVisits.state, 'planned'),
        sql`${day} between ${f.from} and ${f.to}`,
        f.vendorId ? eq(careAgreements.vendorId, f.vendorId) : undefined,
      ),
    )
    .orderBy(asc(day), asc(careVisits.id))
    .limit(f.limit);
}

export async function getCareVisitByOrder(
  db: Db,
  tenantId: string,
  orderId: string,
  opts: { forUpdate?: boolean } = {},
) {
  if (!isUuid(orderId)) return null;
  const q = db
    .select()
    .from(careVisits)
    .where(and(eq(careVisits.tenantId, tenantId), eq(careVisits.orderId, orderId)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function updateCareVisit(
  db: Db,
  tenantId: string,
  id: string,
  patch: Partial<Omit<NewCareVisit, 'agreementId' | 'occurrenceDate'>>,
) {
  const [row] = await db
    .update(careVisits)
    .set(patch)
    .where(and(eq(careVisits.tenantId, tenantId), eq(careVisits.id, id)))
    .returning();
  return row!;
}

/** The agreement's planned visits from a date on whose orders are in one of these states (cancel on pause/end). */
export async function listPlannedVisitsFrom(db: Db, tenantId: string, agreementId: string, from: string) {
  return db
    .select(visitWithOrder)
    .from(careVisits)
    .leftJoin(workOrders, and(eq(workOrders.tenantId, careVisits.tenantId), eq(workOrders.id, careVisits.orderId)))
    .where(
      and(
        eq(careVisits.tenantId, tenantId),
        eq(careVisits.agreementId, agreementId),
        eq(careVisits.state, 'planned'),
        gte(careVisits.plannedDate, from),
      ),
    )
    .orderBy(asc(careVisits.plannedDate));
}

export async function insertCareVisitCall(
  db: Db,
  tenantId: string,
  c: Omit<typeof careVisitCalls.$inferInsert, 'tenantId' | 'id'>,
) {
  const [row] = await db
    .insert(careVisitCalls)
    .values({ ...c, tenantId })
    .returning();
  return row!;
}

export async function listCareVisitCalls(db: Db, tenantId: string, visitIds: readonly string[]) {
  if (visitIds.length === 0) return [];
  return db
    .select()
    .from(careVisitCalls)
    .where(and(eq(careVisitCalls.tenantId, tenantId), inArray(careVisitCalls.visitId, [...visitIds])))
    .orderBy(asc(careVisitCalls.calledAt));
}
