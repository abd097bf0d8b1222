import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client.js';
import { toWorkOrder, type StoredWorkOrder } from '../mappers/work-order.mapper.js';
import { complaintFollowUps, type StoredComplaintChange } from '../schema/complaints.js';
import { workOrders } from '../schema/work-orders.js';
import { clampLimit, isUuid } from './helpers.js';

/**
 * CMP-01/02: complaint follow-up sheets. Lists start from the complaint ORDERS (left join), so a
 * complaint whose sheet nobody has opened yet still shows — as missing everything — and none is lost.
 */
export type StoredComplaint = typeof complaintFollowUps.$inferSelect;
export type NewComplaint = Omit<typeof complaintFollowUps.$inferInsert, 'id' | 'tenantId' | 'version' | 'createdAt'>;
export type ComplaintChanges = Partial<
  Pick<
    StoredComplaint,
    | 'aboutKind'
    | 'aboutPersonId'
    | 'fixedWithCustomer'
    | 'responsibleParty'
    | 'responsiblePersonId'
    | 'causeAnalysis'
    | 'improvementMeasure'
    | 'state'
    | 'closedAt'
    | 'closedBy'
    | 'managerNote'
    | 'managerNotedAt'
    | 'managerNotedBy'
  >
>;

export async function insertComplaint(tx: Db, tenantId: string, c: NewComplaint): Promise<StoredComplaint> {
  const [row] = await tx
    .insert(complaintFollowUps)
    .values({ ...c, tenantId })
    .returning();
  return row!;
}

/** The sheet of a complaint order, locked until the transaction ends (two editors are serialised). */
export async function getComplaintByOrderForUpdate(tx: Tx, tenantId: string, orderId: string) {
  if (!isUuid(orderId)) return null;
  const [row] = await tx
    .select()
    .from(complaintFollowUps)
    .where(and(eq(complaintFollowUps.tenantId, tenantId), eq(complaintFollowUps.orderId, orderId)))
    .for('update');
  return row ?? null;
}

export async function getComplaintByOrder(db: Db, tenantId: string, orderId: string) {
  if (!isUuid(orderId)) return null;
  const [row] = await db
    .select()
    .from(complaintFollowUps)
    .where(and(eq(complaintFollowUps.tenantId, tenantId), eq(complaintFollowUps.orderId, orderId)));
  return row ?? null;
}

/** Applies changes and appends one history entry, in the caller's transaction (the row is locked). */
export async function updateComplaint(
  tx: Db,
  tenantId: string,
  id: string,
  changes: ComplaintChanges,
  change: StoredComplaintChange,
): Promise<StoredComplaint> {
  const [row] = await tx
    .update(complaintFollowUps)
    .set({
      ...changes,
      history: sql`${complaintFollowUps.history} || ${JSON.stringify([change])}::jsonb`,
      version: sql`${complaintFollowUps.version} + 1`,
    })
    .where(and(eq(complaintFollowUps.tenantId, tenantId), eq(complaintFollowUps.id, id)))
    .returning();
  if (!row) throw new Error(`complaint ${id} vanished inside its transaction`);
  return row;
}

export interface ComplaintListFilter {
  from: Date;
  to: Date;
  /** SEC-02: vendor staff see their vendor's complaints only. */
  vendorId?: string | null;
  stationIds?: readonly string[];
  areaId?: string;
  /** `open`: no sheet yet or a sheet still open. */
  state?: 'open' | 'closed';
  aboutKind?: string;
  /** Complaints about this person or with this person responsible (a pattern's drill-down). */
  personId?: string;
  limit?: number;
}

/** Complaint orders accepted in [from, to), newest first, each with its sheet (or null). */
export async function listComplaints(
  db: Db,
  tenantId: string,
  f: ComplaintListFilter,
): Promise<{ order: StoredWorkOrder; sheet: StoredComplaint | null }[]> {
  const rows = await db
    .select({ order: workOrders, sheet: complaintFollowUps })
    .from(workOrders)
    .leftJoin(
      complaintFollowUps,
      and(eq(complaintFollowUps.tenantId, workOrders.tenantId), eq(complaintFollowUps.orderId, workOrders.id)),
    )
    .where(
      and(
        eq(workOrders.tenantId, tenantId),
        eq(workOrders.type, 'complaint'),
        gte(workOrders.acceptedAt, f.from),
        lt(workOrders.acceptedAt, f.to),
        f.vendorId ? eq(workOrders.vendorId, f.vendorId) : undefined,
        f.stationIds
          ? inArray(workOrders.stationId, [...f.stationIds, '00000000-0000-0000-0000-000000000000'])
          : undefined,
        f.areaId ? eq(workOrders.areaId, f.areaId) : undefined,
        f.state === 'closed' ? eq(complaintFollowUps.state, 'closed') : undefined,
        f.state === 'open' ? or(isNull(complaintFollowUps.id), eq(complaintFollowUps.state, 'open')) : undefined,
        f.aboutKind ? eq(complaintFollowUps.aboutKind, f.aboutKind) : undefined,
        f.personId
          ? or(eq(complaintFollowUps.aboutPersonId, f.personId), eq(complaintFollowUps.responsiblePersonId, f.personId))
          : undefined,
      ),
    )
    .orderBy(desc(workOrders.acceptedAt), desc(workOrders.id))
    .limit(clampLimit(f.limit, 100, 500));
  return rows.map((r) => ({ order: toWorkOrder(r.order), sheet: r.sheet }));
}

/** Sheets of complaints accepted in [from, to) in a scope (the patterns and the station manager's log). */
export async function listComplaintSheets(
  db: Db,
  tenantId: string,
  f: { from: Date; to: Date; vendorId?: string | null; stationIds?: readonly string[]; aboutKind?: string },
): Promise<StoredComplaint[]> {
  return db
    .select()
    .from(complaintFollowUps)
    .where(
      and(
        eq(complaintFollowUps.tenantId, tenantId),
        gte(complaintFollowUps.acceptedAt, f.from),
        lt(complaintFollowUps.acceptedAt, f.to),
        f.vendorId ? eq(complaintFollowUps.vendorId, f.vendorId) : undefined,
        f.stationIds
          ? inArray(complaintFollowUps.stationId, [...f.stationIds, '00000000-0000-0000-0000-000000000000'])
          : undefined,
        f.aboutKind ? eq(complaintFollowUps.aboutKind, f.aboutKind) : undefined,
      ),
    )
    .orderBy(asc(complaintFollowUps.acceptedAt), asc(complaintFollowUps.id));
}
