import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { DomainError, formatOrderNumber, orderNumberDay, type PreviousOrder } from '@daowei/domain';
import type { Db, Tx } from '../client.js';
import {
  toWorkOrder,
  toWorkOrderColumns,
  toWorkOrderInsert,
  type NewStoredWorkOrder,
  type StoredWorkOrder,
  type WorkOrderChanges,
} from '../mappers/work-order.mapper.js';
import { tenants } from '../schema/tenants.js';
import { isUuid } from './helpers.js';
import { orderNumberCounters, workOrderLinks, workOrders } from '../schema/work-orders.js';

/**
 * WO-01..08, WO-12: storing work orders. Listing lives in work-order-list.repository.ts.
 *
 * Concurrency model (WO-04 "twenty engineers take at once, exactly one wins"): a transition reads the
 * order with getForUpdate (SELECT … FOR UPDATE), decides in the domain, then writes with
 * updateWorkOrder. The row lock makes the second transaction wait until the first commits and then
 * read the order as the first left it (taken), so the domain refuses with WO_ALREADY_TAKEN. The
 * version check in updateWorkOrder additionally catches writers that read without the lock.
 */

/** Inserts an order with the next number of its tenant-day (WO-20261123-000123 style, see domain). */
export async function insertWorkOrder(db: Db, tenantId: string, input: NewStoredWorkOrder): Promise<StoredWorkOrder> {
  return db.transaction(async (tx) => {
    const [tenant] = await tx.select({ timeZone: tenants.timeZone }).from(tenants).where(eq(tenants.id, tenantId));
    if (!tenant) throw new DomainError('NOT_FOUND', 'Unknown tenant', { tenantId });
    const seq = await nextDailySeq(tx, tenantId, orderNumberDay(input.acceptedAt, tenant.timeZone));
    const number = formatOrderNumber(input.type, input.acceptedAt, seq, tenant.timeZone);
    const [row] = await tx
      .insert(workOrders)
      .values(toWorkOrderInsert(tenantId, number, input))
      .returning();
    return toWorkOrder(row!);
  });
}

/**
 * The next sequence number of a tenant's local day (`YYYYMMDD`). The counter row stays locked until
 * the calling transaction ends, so numbers are gap-free and unique across processes.
 */
async function nextDailySeq(tx: Db, tenantId: string, day: string): Promise<number> {
  const isoDay = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
  const [row] = await tx
    .insert(orderNumberCounters)
    .values({ tenantId, day: isoDay, last: 1 })
    .onConflictDoUpdate({
      target: [orderNumberCounters.tenantId, orderNumberCounters.day],
      set: { last: sql`${orderNumberCounters.last} + 1` },
    })
    .returning({ last: orderNumberCounters.last });
  return row!.last;
}

export async function getWorkOrder(db: Db, tenantId: string, id: string): Promise<StoredWorkOrder | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(workOrders)
    .where(and(eq(workOrders.tenantId, tenantId), eq(workOrders.id, id)));
  return row ? toWorkOrder(row) : null;
}

export async function getWorkOrderByNumber(db: Db, tenantId: string, number: string): Promise<StoredWorkOrder | null> {
  const [row] = await db
    .select()
    .from(workOrders)
    .where(and(eq(workOrders.tenantId, tenantId), eq(workOrders.number, number.trim().toUpperCase())));
  return row ? toWorkOrder(row) : null;
}

export async function getWorkOrders(db: Db, tenantId: string, ids: readonly string[]): Promise<StoredWorkOrder[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  const rows = await db
    .select()
    .from(workOrders)
    .where(and(eq(workOrders.tenantId, tenantId), inArray(workOrders.id, valid)));
  return rows.map(toWorkOrder);
}

/**
 * Reads the order and locks its row until the transaction ends (SELECT … FOR UPDATE). Takes a
 * transaction on purpose: outside one the lock would be released at once. On PGlite, which runs one
 * transaction at a time, the lock is trivially held; the outcome is the same.
 */
export async function getForUpdate(tx: Tx, tenantId: string, id: string): Promise<StoredWorkOrder | null> {
  if (!isUuid(id)) return null;
  const [row] = await tx
    .select()
    .from(workOrders)
    .where(and(eq(workOrders.tenantId, tenantId), eq(workOrders.id, id)))
    .for('update');
  return row ? toWorkOrder(row) : null;
}

/**
 * Writes `changes` if the order is still at `expectedVersion`, bumping the version. Throws
 * WO_STALE_VERSION if someone changed it since it was read, NOT_FOUND if there is no such order.
 */
export async function updateWorkOrder(
  tx: Db,
  tenantId: string,
  id: string,
  changes: WorkOrderChanges,
  expectedVersion: number,
): Promise<StoredWorkOrder> {
  const [row] = await tx
    .update(workOrders)
    .set({ ...toWorkOrderColumns(changes), version: sql`${workOrders.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(workOrders.tenantId, tenantId), eq(workOrders.id, id), eq(workOrders.version, expectedVersion)))
    .returning();
  if (row) return toWorkOrder(row);
  const current = await getWorkOrder(tx, tenantId, id);
  if (!current) throw new DomainError('NOT_FOUND', 'Work order not found', { id });
  throw new DomainError('WO_STALE_VERSION', 'The order was changed by someone else; reload and try again', {
    id,
    expectedVersion,
    currentVersion: current.version,
  });
}

/**
 * WO-12: the customer's faults on this product that finished (closed, or completed awaiting callback)
 * at or after `since`, in the shape the domain's findRepeatOf takes. Product numbers compare as the
 * domain compares them (trimmed, case-insensitive).
 */
export async function findRecentFinishedFaults(
  db: Db,
  tenantId: string,
  query: { customerId: string; productNumber: string; since: Date; excludeOrderId?: string },
): Promise<PreviousOrder[]> {
  const finished = sql`coalesce(${workOrders.closedAt}, ${workOrders.completedAt})`;
  const rows = await db
    .select({
      id: workOrders.id,
      type: workOrders.type,
      customerId: workOrders.customerId,
      productNumber: workOrders.productNumber,
      closedAt: workOrders.closedAt,
      completedAt: workOrders.completedAt,
    })
    .from(workOrders)
    .where(
      and(
        eq(workOrders.tenantId, tenantId),
        eq(workOrders.customerId, query.customerId),
        eq(workOrders.type, 'fault'),
        sql`lower(trim(${workOrders.productNumber})) = ${query.productNumber.trim().toLowerCase()}`,
        sql`${finished} >= ${query.since.toISOString()}::timestamptz`,
        query.excludeOrderId ? sql`${workOrders.id} <> ${query.excludeOrderId}` : undefined,
      ),
    )
    .orderBy(sql`${finished} desc`);
  return rows;
}

export type WorkOrderLinkKind = 'complaint_to_fault' | (string & {});

export interface WorkOrderLink {
  id: string;
  fromOrderId: string;
  toOrderId: string;
  kind: WorkOrderLinkKind;
  createdAt: Date;
}

/** WO-08: links two orders (idempotent: the same link twice is one link). */
export async function linkWorkOrders(
  db: Db,
  tenantId: string,
  input: { fromOrderId: string; toOrderId: string; kind: WorkOrderLinkKind },
): Promise<void> {
  await db
    .insert(workOrderLinks)
    .values({ tenantId, ...input })
    .onConflictDoNothing();
}

/** Links touching an order in either direction, each with the order at its other end. */
export async function listLinkedOrders(
  db: Db,
  tenantId: string,
  orderId: string,
): Promise<{ link: WorkOrderLink; order: StoredWorkOrder }[]> {
  if (!isUuid(orderId)) return [];
  const rows = await db
    .select({ link: workOrderLinks, order: workOrders })
    .from(workOrderLinks)
    .innerJoin(
      workOrders,
      and(
        eq(workOrders.tenantId, workOrderLinks.tenantId),
        sql`${workOrders.id} = case when ${workOrderLinks.fromOrderId} = ${orderId} then ${workOrderLinks.toOrderId} else ${workOrderLinks.fromOrderId} end`,
      ),
    )
    .where(
      and(
        eq(workOrderLinks.tenantId, tenantId),
        or(eq(workOrderLinks.fromOrderId, orderId), eq(workOrderLinks.toOrderId, orderId)),
      ),
    )
    .orderBy(workOrderLinks.createdAt, workOrderLinks.id);
  return rows.map((r) => ({
    link: {
      id: r.link.id,
      fromOrderId: r.link.fromOrderId,
      toOrderId: r.link.toOrderId,
      kind: r.link.kind,
      createdAt: r.link.createdAt,
    },
    order: toWorkOrder(r.order),
  }));
}
