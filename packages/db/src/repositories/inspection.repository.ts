import { and, asc, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { WorkOrderStatus } from '@daowei/domain';
import type { Db } from '../client.js';
import {
  inspectionCrews,
  inspectionFindings,
  inspectionPlans,
  inspectionTargets,
  rectificationNotices,
} from '../schema/inspections.js';
import { toWorkOrder } from '../mappers/work-order.mapper.js';
import { workOrders } from '../schema/work-orders.js';
import { isUuid } from './helpers.js';

/** WO-17 inspection plans, their targets, crews, findings and rectification notices. */
export type StoredInspectionPlan = typeof inspectionPlans.$inferSelect;
export type StoredInspectionTarget = typeof inspectionTargets.$inferSelect;
export type StoredFinding = typeof inspectionFindings.$inferSelect;
export type StoredNotice = typeof rectificationNotices.$inferSelect;
type Insert<T extends { $inferInsert: unknown }> = Omit<T['$inferInsert'], 'tenantId' | 'id' | 'createdAt'>;

export async function insertInspectionPlan(db: Db, tenantId: string, p: Insert<typeof inspectionPlans>) {
  const [row] = await db
    .insert(inspectionPlans)
    .values({ ...p, tenantId })
    .returning();
  return row!;
}

export async function getInspectionPlan(db: Db, tenantId: string, id: string, opts: { forUpdate?: boolean } = {}) {
  if (!isUuid(id)) return null;
  const q = db
    .select()
    .from(inspectionPlans)
    .where(and(eq(inspectionPlans.tenantId, tenantId), eq(inspectionPlans.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function listInspectionPlans(db: Db, tenantId: string, vendorId: string | null, limit: number) {
  return db
    .select({
      plan: inspectionPlans,
      // Qualified by hand: inside the subquery an unqualified tenant_id would be the target's own.
      targets: sql<number>`(select count(*)::int from inspection_targets t where t.tenant_id = inspection_plans.tenant_id and t.plan_id = inspection_plans.id)`,
      generated: sql<number>`(select count(*)::int from inspection_targets t where t.tenant_id = inspection_plans.tenant_id and t.plan_id = inspection_plans.id and t.order_id is not null)`,
    })
    .from(inspectionPlans)
    .where(and(eq(inspectionPlans.tenantId, tenantId), vendorId ? eq(inspectionPlans.vendorId, vendorId) : undefined))
    .orderBy(desc(inspectionPlans.year), desc(inspectionPlans.createdAt))
    .limit(limit);
}

export async function insertInspectionTargets(db: Db, tenantId: string, rows: Insert<typeof inspectionTargets>[]) {
  if (rows.length === 0) return [];
  return db
    .insert(inspectionTargets)
    .values(rows.map((r) => ({ ...r, tenantId })))
    .returning();
}

/** A plan's targets with their order's number and status. */
export async function listInspectionTargets(db: Db, tenantId: string, planId: string) {
  return db
    .select({
      target: inspectionTargets,
      order: { id: workOrders.id, number: workOrders.number, status: workOrders.status },
    })
    .from(inspectionTargets)
    .leftJoin(
      workOrders,
      and(eq(workOrders.tenantId, inspectionTargets.tenantId), eq(workOrders.id, inspectionTargets.orderId)),
    )
    .where(and(eq(inspectionTargets.tenantId, tenantId), eq(inspectionTargets.planId, planId)))
    .orderBy(asc(inspectionTargets.month), asc(inspectionTargets.address));
}

export async function setTargetOrder(db: Db, tenantId: string, targetId: string, orderId: string) {
  await db
    .update(inspectionTargets)
    .set({ orderId })
    .where(and(eq(inspectionTargets.tenantId, tenantId), eq(inspectionTargets.id, targetId)));
}

export async function getTargetByOrder(db: Db, tenantId: string, orderId: string) {
  const [row] = await db
    .select()
    .from(inspectionTargets)
    .where(and(eq(inspectionTargets.tenantId, tenantId), eq(inspectionTargets.orderId, orderId)));
  return row ?? null;
}

/** Replaces the order's crew with these people (the first is the lead). */
export async function replaceInspectionCrew(
  db: Db,
  tenantId: string,
  orderId: string,
  personIds: readonly string[],
  at: Date,
  by: string,
) {
  await db
    .delete(inspectionCrews)
    .where(and(eq(inspectionCrews.tenantId, tenantId), eq(inspectionCrews.orderId, orderId)));
  await db
    .insert(inspectionCrews)
    .values(
      personIds.map((personId, i) => ({ tenantId, orderId, personId, lead: i === 0, assignedAt: at, assignedBy: by })),
    );
}

export async function listInspectionCrew(db: Db, tenantId: string, orderId: string) {
  return db
    .select()
    .from(inspectionCrews)
    .where(and(eq(inspectionCrews.tenantId, tenantId), eq(inspectionCrews.orderId, orderId)))
    .orderBy(desc(inspectionCrews.lead), asc(inspectionCrews.assignedAt));
}

/**
 * WO-17 / ENG-01: the open inspection orders a person is crew of without holding them (the second
 * inspector), soonest appointment first — the holder finds his through the ordinary to-do list.
 */
export async function listCrewOrdersNotHeld(
  db: Db,
  tenantId: string,
  personId: string,
  statuses: readonly WorkOrderStatus[],
) {
  if (!isUuid(personId)) return [];
  const rows = await db
    .select({ order: workOrders })
    .from(inspectionCrews)
    .innerJoin(
      workOrders,
      and(eq(workOrders.tenantId, inspectionCrews.tenantId), eq(workOrders.id, inspectionCrews.orderId)),
    )
    .where(
      and(
        eq(inspectionCrews.tenantId, tenantId),
        eq(inspectionCrews.personId, personId),
        inArray(workOrders.status, [...statuses]),
        sql`${workOrders.holderId} is distinct from ${personId}::uuid`,
      ),
    )
    .orderBy(sql`${workOrders.appointmentStart} asc nulls last`, asc(workOrders.number))
    .limit(200);
  return rows.map((r) => toWorkOrder(r.order));
}

/** Records an item's result, replacing an earlier one of the same item. */
export async function upsertFinding(db: Db, tenantId: string, f: Insert<typeof inspectionFindings>) {
  const [row] = await db
    .insert(inspectionFindings)
    .values({ ...f, tenantId })
    .onConflictDoUpdate({
      target: [inspectionFindings.tenantId, inspectionFindings.orderId, inspectionFindings.item],
      set: {
        result: f.result,
        hazardLevel: f.hazardLevel ?? null,
        note: f.note ?? null,
        recordedAt: f.recordedAt,
        recordedBy: f.recordedBy,
      },
    })
    .returning();
  return row!;
}

export async function listFindings(db: Db, tenantId: string, orderId: string) {
  return db
    .select()
    .from(inspectionFindings)
    .where(and(eq(inspectionFindings.tenantId, tenantId), eq(inspectionFindings.orderId, orderId)))
    .orderBy(asc(inspectionFindings.recordedAt));
}

export async function insertNotice(db: Db, tenantId: string, n: Insert<typeof rectificationNotices>) {
  const [row] = await db
    .insert(rectificationNotices)
    .values({ ...n, tenantId })
    .onConflictDoNothing({ target: [rectificationNotices.tenantId, rectificationNotices.orderId] })
    .returning();
  return row ?? null;
}

export async function getNoticeByOrder(db: Db, tenantId: string, orderId: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select()
    .from(rectificationNotices)
    .where(and(eq(rectificationNotices.tenantId, tenantId), eq(rectificationNotices.orderId, orderId)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function getNotice(db: Db, tenantId: string, id: string, opts: { forUpdate?: boolean } = {}) {
  if (!isUuid(id)) return null;
  const q = db
    .select()
    .from(rectificationNotices)
    .where(and(eq(rectificationNotices.tenantId, tenantId), eq(rectificationNotices.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function updateNotice(
  db: Db,
  tenantId: string,
  id: string,
  patch: Partial<Omit<Insert<typeof rectificationNotices>, 'orderId' | 'number'>>,
) {
  const [row] = await db
    .update(rectificationNotices)
    .set(patch)
    .where(and(eq(rectificationNotices.tenantId, tenantId), eq(rectificationNotices.id, id)))
    .returning();
  return row!;
}

/** Open notices whose deadline is before `today` (overdue), earliest first, with the order's facts. */
export async function listOverdueNotices(
  db: Db,
  tenantId: string,
  f: { vendorId: string | null; today: string; limit: number },
) {
  return db
    .select({
      notice: rectificationNotices,
      order: {
        id: workOrders.id,
        number: workOrders.number,
        contactName: workOrders.contactName,
        address: workOrders.address,
        vendorId: workOrders.vendorId,
      },
    })
    .from(rectificationNotices)
    .innerJoin(
      workOrders,
      and(eq(workOrders.tenantId, rectificationNotices.tenantId), eq(workOrders.id, rectificationNotices.orderId)),
    )
    .where(
      and(
        eq(rectificationNotices.tenantId, tenantId),
        isNull(rectificationNotices.rectifiedAt),
        lt(rectificationNotices.deadline, f.today),
        f.vendorId ? eq(workOrders.vendorId, f.vendorId) : undefined,
      ),
    )
    .orderBy(asc(rectificationNotices.deadline), asc(rectificationNotices.id))
    .limit(f.limit);
}
