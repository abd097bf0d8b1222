import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import {
  OPEN_STATUSES,
  type FaultReport,
  type IncidentChildState,
  type IncidentState,
  type WorkOrderStatus,
} from '@daowei/domain';
import type { Db } from '../client.js';
import { batchIncidentChildren, batchIncidents } from '../schema/batch-incidents.js';
import { workOrders } from '../schema/work-orders.js';
import { isUuid } from './helpers.js';

/** WO-11 parent incidents and their children. */
export type StoredIncident = typeof batchIncidents.$inferSelect;
export type NewIncident = Omit<typeof batchIncidents.$inferInsert, 'tenantId' | 'id' | 'createdAt' | 'version'>;

/** Serialises clustering per vendor until the transaction ends, so two faults never propose twice. */
export async function lockIncidentClustering(db: Db, tenantId: string, vendorId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`incidents:${tenantId}:${vendorId}`}, 0))`);
}

export async function insertIncident(db: Db, tenantId: string, i: NewIncident): Promise<StoredIncident> {
  const [row] = await db
    .insert(batchIncidents)
    .values({ ...i, tenantId })
    .returning();
  return row!;
}

export async function getIncident(db: Db, tenantId: string, id: string, opts: { forUpdate?: boolean } = {}) {
  if (!isUuid(id)) return null;
  const q = db
    .select()
    .from(batchIncidents)
    .where(and(eq(batchIncidents.tenantId, tenantId), eq(batchIncidents.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** The live (proposed or confirmed) incident of a cluster key, if any. */
export async function findLiveIncident(
  db: Db,
  tenantId: string,
  key: { vendorId: string; kind: 'access_device' | 'area'; value: string },
): Promise<StoredIncident | null> {
  const [row] = await db
    .select()
    .from(batchIncidents)
    .where(
      and(
        eq(batchIncidents.tenantId, tenantId),
        eq(batchIncidents.vendorId, key.vendorId),
        eq(batchIncidents.keyKind, key.kind),
        eq(batchIncidents.keyValue, key.value),
        inArray(batchIncidents.state, ['proposed', 'confirmed']),
      ),
    )
    .orderBy(desc(batchIncidents.proposedAt))
    .limit(1);
  return row ?? null;
}

/** The desk's list: newest proposal first, in the states asked for; vendor staff see their vendor's. */
export async function listIncidents(
  db: Db,
  tenantId: string,
  q: { states: readonly IncidentState[]; vendorId: string | null; limit: number },
) {
  const where = [eq(batchIncidents.tenantId, tenantId), inArray(batchIncidents.state, [...q.states])];
  if (q.vendorId) where.push(eq(batchIncidents.vendorId, q.vendorId));
  return db
    .select()
    .from(batchIncidents)
    .where(and(...where))
    .orderBy(desc(batchIncidents.proposedAt), desc(batchIncidents.id))
    .limit(q.limit);
}

export async function updateIncident(
  db: Db,
  tenantId: string,
  id: string,
  patch: Partial<Omit<NewIncident, 'vendorId' | 'number' | 'keyKind' | 'keyValue' | 'proposedAt'>>,
): Promise<StoredIncident> {
  const [row] = await db
    .update(batchIncidents)
    .set({ ...patch, version: sql`${batchIncidents.version} + 1` })
    .where(and(eq(batchIncidents.tenantId, tenantId), eq(batchIncidents.id, id)))
    .returning();
  return row!;
}

/** Puts orders under an incident in a state (an order moves from any earlier incident it was under). */
export async function setIncidentChildren(
  db: Db,
  tenantId: string,
  input: { incidentId: string; orderIds: readonly string[]; state: IncidentChildState; at: Date; by: string | null },
): Promise<void> {
  if (input.orderIds.length === 0) return;
  await db
    .insert(batchIncidentChildren)
    .values(
      input.orderIds.map((orderId) => ({
        tenantId,
        orderId,
        incidentId: input.incidentId,
        state: input.state,
        at: input.at,
        by: input.by,
      })),
    )
    .onConflictDoUpdate({
      target: [batchIncidentChildren.tenantId, batchIncidentChildren.orderId],
      set: { incidentId: input.incidentId, state: input.state, at: input.at, by: input.by },
    });
}

/** The incident row an order is under (in any child state), if any. */
export async function getIncidentChild(db: Db, tenantId: string, orderId: string) {
  if (!isUuid(orderId)) return null;
  const [row] = await db
    .select()
    .from(batchIncidentChildren)
    .where(and(eq(batchIncidentChildren.tenantId, tenantId), eq(batchIncidentChildren.orderId, orderId)));
  return row ?? null;
}

export interface IncidentChildRow {
  orderId: string;
  state: IncidentChildState;
  at: Date;
  number: string;
  status: WorkOrderStatus;
  type: string;
  vendorId: string;
  contactName: string;
  contactPhone: string;
  address: string;
  areaId: string | null;
  lat: number | null;
  lng: number | null;
  acceptedAt: Date;
}

/** The children of some incidents with the facts the desk and the map need, oldest report first. */
export async function listIncidentChildren(
  db: Db,
  tenantId: string,
  incidentIds: readonly string[],
): Promise<(IncidentChildRow & { incidentId: string })[]> {
  if (incidentIds.length === 0) return [];
  return db
    .select({
      incidentId: batchIncidentChildren.incidentId,
      orderId: batchIncidentChildren.orderId,
      state: batchIncidentChildren.state,
      at: batchIncidentChildren.at,
      number: workOrders.number,
      status: workOrders.status,
      type: workOrders.type,
      vendorId: workOrders.vendorId,
      contactName: workOrders.contactName,
      contactPhone: workOrders.contactPhone,
      address: workOrders.address,
      areaId: workOrders.areaId,
      lat: workOrders.lat,
      lng: workOrders.lng,
      acceptedAt: workOrders.acceptedAt,
    })
    .from(batchIncidentChildren)
    .innerJoin(
      workOrders,
      and(eq(workOrders.tenantId, batchIncidentChildren.tenantId), eq(workOrders.id, batchIncidentChildren.orderId)),
    )
    .where(
      and(eq(batchIncidentChildren.tenantId, tenantId), inArray(batchIncidentChildren.incidentId, [...incidentIds])),
    )
    .orderBy(asc(workOrders.acceptedAt), asc(workOrders.id));
}

/**
 * WO-11 clustering input: the vendor's open fault orders accepted since `since`, with their area,
 * access device and the incident they are already under (released children count as placed).
 */
export async function listRecentFaultReports(
  db: Db,
  tenantId: string,
  q: { vendorId: string; since: Date },
): Promise<FaultReport[]> {
  const rows = await db
    .select({
      id: workOrders.id,
      acceptedAt: workOrders.acceptedAt,
      areaId: workOrders.areaId,
      accessDevice: sql<string | null>`${workOrders.broadband}->>'accessDevice'`,
      incidentId: batchIncidentChildren.incidentId,
    })
    .from(workOrders)
    .leftJoin(
      batchIncidentChildren,
      and(eq(batchIncidentChildren.tenantId, workOrders.tenantId), eq(batchIncidentChildren.orderId, workOrders.id)),
    )
    .where(
      and(
        eq(workOrders.tenantId, tenantId),
        eq(workOrders.vendorId, q.vendorId),
        eq(workOrders.type, 'fault'),
        inArray(workOrders.status, [...OPEN_STATUSES]),
        gte(workOrders.acceptedAt, q.since),
      ),
    );
  return rows.map((r) => ({
    id: r.id,
    reportedAt: r.acceptedAt,
    areaId: r.areaId,
    accessDeviceId: r.accessDevice || null,
    parentId: r.incidentId,
    closed: false,
  }));
}
