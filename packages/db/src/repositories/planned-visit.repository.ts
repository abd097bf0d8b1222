import { and, asc, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { WorkOrderStatus } from '@daowei/domain';
import type { Db } from '../client.js';
import { toWorkOrder, type StoredWorkOrder } from '../mappers/work-order.mapper.js';
import { engineerAreas, engineerBases, plannedVisits, type PlannedVisitSource } from '../schema/dispatch.js';
import { slaClocks } from '../schema/sla-clocks.js';
import { workOrders } from '../schema/work-orders.js';

/**
 * DSP-01/03: the engineer-day sequences the board and the phone read. The service decides the
 * sequences (planner, DSP-04 check); this module only stores and reads them.
 */
export type StoredPlannedVisit = typeof plannedVisits.$inferSelect;

export interface NewPlannedVisit {
  orderId: string;
  engineerId: string;
  day: string;
  seq: number;
  plannedStart: Date | null;
  plannedEnd: Date | null;
  source: PlannedVisitSource;
  explanation: string | null;
  /** DSP-03: minutes the visit runs beyond its planned duration (kept by every re-sequencing of the day). */
  overrunMinutes: number;
}

/** Writes each order's place (one row per order: a new day or engineer replaces the old place). */
export async function upsertPlannedVisits(db: Db, tenantId: string, rows: readonly NewPlannedVisit[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(plannedVisits)
    .values(rows.map((r) => ({ tenantId, ...r })))
    .onConflictDoUpdate({
      target: [plannedVisits.tenantId, plannedVisits.orderId],
      set: {
        engineerId: sql`excluded.engineer_id`,
        day: sql`excluded.day`,
        seq: sql`excluded.seq`,
        plannedStart: sql`excluded.planned_start`,
        plannedEnd: sql`excluded.planned_end`,
        source: sql`excluded.source`,
        explanation: sql`excluded.explanation`,
        overrunMinutes: sql`excluded.overrun_minutes`,
        updatedAt: sql`now()`,
      },
    });
}

/** The stored places of some orders (the board's current day). */
export async function listPlannedVisitsOf(
  db: Db,
  tenantId: string,
  orderIds: readonly string[],
): Promise<StoredPlannedVisit[]> {
  if (orderIds.length === 0) return [];
  return db
    .select()
    .from(plannedVisits)
    .where(and(eq(plannedVisits.tenantId, tenantId), inArray(plannedVisits.orderId, [...orderIds])))
    .orderBy(asc(plannedVisits.engineerId), asc(plannedVisits.seq));
}

/** An engineer's day in sequence, with each order (ENG-01 "my day" on the phone). */
export async function listEngineerDay(
  db: Db,
  tenantId: string,
  q: { engineerId: string; day: string },
): Promise<{ visit: StoredPlannedVisit; order: StoredWorkOrder }[]> {
  const rows = await db
    .select()
    .from(plannedVisits)
    .innerJoin(
      workOrders,
      and(eq(workOrders.tenantId, plannedVisits.tenantId), eq(workOrders.id, plannedVisits.orderId)),
    )
    .where(
      and(
        eq(plannedVisits.tenantId, tenantId),
        eq(plannedVisits.engineerId, q.engineerId),
        eq(plannedVisits.day, q.day),
      ),
    )
    .orderBy(asc(plannedVisits.seq), asc(plannedVisits.orderId))
    .limit(200);
  return rows.map((r) => ({ visit: r.planned_visits, order: toWorkOrder(r.work_orders) }));
}

/** DSP-03: where engineers start their day and which areas they cover (absent = station defaults). */
export async function listEngineerDispatchFacts(
  db: Db,
  tenantId: string,
  personIds: readonly string[],
): Promise<{ bases: Map<string, { lat: number; lng: number }>; areas: Map<string, string[]> }> {
  const bases = new Map<string, { lat: number; lng: number }>();
  const areas = new Map<string, string[]>();
  if (personIds.length === 0) return { bases, areas };
  const ids = [...personIds];
  const baseRows = await db
    .select()
    .from(engineerBases)
    .where(and(eq(engineerBases.tenantId, tenantId), inArray(engineerBases.personId, ids)));
  for (const b of baseRows) bases.set(b.personId, { lat: b.lat, lng: b.lng });
  const areaRows = await db
    .select()
    .from(engineerAreas)
    .where(and(eq(engineerAreas.tenantId, tenantId), inArray(engineerAreas.personId, ids)));
  for (const a of areaRows) areas.set(a.personId, [...(areas.get(a.personId) ?? []), a.areaId]);
  return { bases, areas };
}

/** Demo data and admin: an engineer's base and covered areas, replacing what was stored. */
export async function setEngineerDispatchFacts(
  db: Db,
  tenantId: string,
  f: { personId: string; base: { lat: number; lng: number } | null; areaIds: readonly string[] },
): Promise<void> {
  await db
    .delete(engineerBases)
    .where(and(eq(engineerBases.tenantId, tenantId), eq(engineerBases.personId, f.personId)));
  if (f.base) await db.insert(engineerBases).values({ tenantId, personId: f.personId, ...f.base });
  await db
    .delete(engineerAreas)
    .where(and(eq(engineerAreas.tenantId, tenantId), eq(engineerAreas.personId, f.personId)));
  if (f.areaIds.length) {
    await db.insert(engineerAreas).values(f.areaIds.map((areaId) => ({ tenantId, personId: f.personId, areaId })));
  }
}

/**
 * DSP-02: open orders of a station whose visit fell on the days before `before` (from `since`) and
 * still is not done — the start of the day lists and plans them first. Oldest appointment first.
 */
export async function listStationOutstanding(
  db: Db,
  tenantId: string,
  q: { stationId: string; statuses: readonly WorkOrderStatus[]; since: Date; before: Date; limit: number },
): Promise<StoredWorkOrder[]> {
  const rows = await db
    .select()
    .from(workOrders)
    .where(
      and(
        eq(workOrders.tenantId, tenantId),
        eq(workOrders.stationId, q.stationId),
        inArray(workOrders.status, [...q.statuses]),
        or(
          and(gte(workOrders.appointmentEnd, q.since), lte(workOrders.appointmentEnd, q.before)),
          and(
            isNull(workOrders.appointmentStart),
            gte(workOrders.acceptedAt, q.since),
            lt(workOrders.acceptedAt, q.before),
          ),
        ),
      ),
    )
    .orderBy(asc(workOrders.appointmentStart), asc(workOrders.acceptedAt), asc(workOrders.id))
    .limit(q.limit);
  return rows.map(toWorkOrder);
}

/** SLA deadlines the planner aims at: each order's earliest due time among its open clocks. */
export async function listOpenDueTimes(
  db: Db,
  tenantId: string,
  orderIds: readonly string[],
): Promise<Map<string, Date>> {
  const out = new Map<string, Date>();
  if (orderIds.length === 0) return out;
  const rows = await db
    .select({ orderId: slaClocks.orderId, dueAt: slaClocks.dueAt })
    .from(slaClocks)
    .where(
      and(
        eq(slaClocks.tenantId, tenantId),
        inArray(slaClocks.orderId, [...orderIds]),
        inArray(slaClocks.state, ['running', 'paused']),
      ),
    );
  for (const r of rows) {
    const prev = out.get(r.orderId);
    if (!prev || r.dueAt < prev) out.set(r.orderId, r.dueAt);
  }
  return out;
}

/** Orders that lost their place (displaced by urgent work): no longer in anyone's day. */
export async function deletePlannedVisits(db: Db, tenantId: string, orderIds: readonly string[]): Promise<void> {
  if (orderIds.length === 0) return;
  await db
    .delete(plannedVisits)
    .where(and(eq(plannedVisits.tenantId, tenantId), inArray(plannedVisits.orderId, [...orderIds])));
}
