import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { engineerAbsences, orderPartNeeds } from '../schema/dispatch-readiness.js';
import { borrowCards, borrowLines, partItems, stockBalances, stockLocations } from '../schema/parts.js';
import { slaClocks } from '../schema/sla-clocks.js';
import { workOrderEvents } from '../schema/work-order-events.js';
import { isUuid } from './helpers.js';

/**
 * DSP-01/03 facts the board and the day plan read besides orders and rosters: parts needed and issued
 * per order, the station store's stock, engineers' absences, open SLA clocks and recorded late
 * arrivals (APT-04). The dispatch service decides what they mean; this module only reads and writes.
 */

export interface StoredPartNeed {
  orderId: string;
  itemId: string;
  itemCode: string;
  itemName: string;
  quantity: number;
}

export async function listPartNeeds(db: Db, tenantId: string, orderIds: readonly string[]): Promise<StoredPartNeed[]> {
  const ids = orderIds.filter(isUuid);
  if (ids.length === 0) return [];
  return db
    .select({
      orderId: orderPartNeeds.orderId,
      itemId: orderPartNeeds.itemId,
      itemCode: partItems.code,
      itemName: partItems.name,
      quantity: orderPartNeeds.quantity,
    })
    .from(orderPartNeeds)
    .innerJoin(partItems, and(eq(partItems.tenantId, orderPartNeeds.tenantId), eq(partItems.id, orderPartNeeds.itemId)))
    .where(and(eq(orderPartNeeds.tenantId, tenantId), inArray(orderPartNeeds.orderId, ids)))
    .orderBy(asc(orderPartNeeds.orderId), asc(partItems.code));
}

/** Replaces an order's needed parts whole (an empty list clears them). */
export async function replacePartNeeds(
  tx: Db,
  tenantId: string,
  orderId: string,
  needs: readonly { itemId: string; quantity: number }[],
  by: { personId: string; at: Date },
): Promise<void> {
  await tx
    .delete(orderPartNeeds)
    .where(and(eq(orderPartNeeds.tenantId, tenantId), eq(orderPartNeeds.orderId, orderId)));
  if (needs.length === 0) return;
  await tx
    .insert(orderPartNeeds)
    .values(needs.map((n) => ({ tenantId, orderId, ...n, recordedBy: by.personId, recordedAt: by.at })));
}

/** Per order and item: what borrow cards issued for the order and did not come back (used counts as issued). */
export async function listIssuedForOrders(
  db: Db,
  tenantId: string,
  orderIds: readonly string[],
): Promise<{ orderId: string; itemId: string; quantity: number }[]> {
  if (orderIds.length === 0) return [];
  const rows = await db
    .select({
      orderId: borrowCards.orderId,
      itemId: borrowLines.itemId,
      quantity: sql<string>`sum(${borrowLines.quantity} - ${borrowLines.returned})`,
    })
    .from(borrowLines)
    .innerJoin(borrowCards, and(eq(borrowCards.tenantId, borrowLines.tenantId), eq(borrowCards.id, borrowLines.cardId)))
    .where(and(eq(borrowLines.tenantId, tenantId), inArray(borrowCards.orderId, [...orderIds])))
    .groupBy(borrowCards.orderId, borrowLines.itemId);
  return rows.map((r) => ({ orderId: r.orderId, itemId: r.itemId, quantity: Number(r.quantity) }));
}

/** Good stock on hand per item in the station's own store(s) (kind 'station', unit = the station). */
export async function stationStoreOnHand(db: Db, tenantId: string, stationId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ itemId: stockBalances.itemId, quantity: sql<string>`sum(${stockBalances.quantity})` })
    .from(stockBalances)
    .innerJoin(
      stockLocations,
      and(eq(stockLocations.tenantId, stockBalances.tenantId), eq(stockLocations.id, stockBalances.locationId)),
    )
    .where(
      and(
        eq(stockBalances.tenantId, tenantId),
        eq(stockLocations.kind, 'station'),
        eq(stockLocations.unitId, stationId),
        eq(stockBalances.condition, 'good'),
      ),
    )
    .groupBy(stockBalances.itemId);
  return new Map(rows.map((r) => [r.itemId, Number(r.quantity)]));
}

export type StoredAbsence = typeof engineerAbsences.$inferSelect;

export async function insertAbsence(
  tx: Db,
  tenantId: string,
  input: { personId: string; startsAt: Date; endsAt: Date; reason: string; recordedBy: string },
): Promise<StoredAbsence> {
  const [row] = await tx
    .insert(engineerAbsences)
    .values({ tenantId, ...input })
    .returning();
  return row!;
}

/** Absences overlapping [from, to) of some people. */
export async function listAbsences(
  db: Db,
  tenantId: string,
  q: { personIds: readonly string[]; from: Date; to: Date },
): Promise<StoredAbsence[]> {
  if (q.personIds.length === 0) return [];
  return db
    .select()
    .from(engineerAbsences)
    .where(
      and(
        eq(engineerAbsences.tenantId, tenantId),
        inArray(engineerAbsences.personId, [...q.personIds]),
        lt(engineerAbsences.startsAt, q.to),
        gt(engineerAbsences.endsAt, q.from),
      ),
    )
    .orderBy(asc(engineerAbsences.startsAt));
}

/** An open SLA clock of an order with what stops it (the definition snapshot it was started with). */
export interface OpenClockDue {
  orderId: string;
  kind: string;
  ruleId: string;
  dueAt: Date;
  stopOn: string | null;
}

/** Open (running or paused) clocks of some orders, earliest due first. */
export async function listOpenClocksOf(db: Db, tenantId: string, orderIds: readonly string[]): Promise<OpenClockDue[]> {
  if (orderIds.length === 0) return [];
  return db
    .select({
      orderId: slaClocks.orderId,
      kind: slaClocks.kind,
      ruleId: slaClocks.ruleId,
      dueAt: slaClocks.dueAt,
      stopOn: sql<string | null>`${slaClocks.engine} -> 'definition' ->> 'stopOn'`,
    })
    .from(slaClocks)
    .where(
      and(
        eq(slaClocks.tenantId, tenantId),
        inArray(slaClocks.orderId, [...orderIds]),
        inArray(slaClocks.state, ['running', 'paused']),
      ),
    )
    .orderBy(asc(slaClocks.dueAt));
}

/** APT-04: the arrivals recorded on some orders (the check-in event's lateness and its handling). */
export async function listArrivalsOf(
  db: Db,
  tenantId: string,
  orderIds: readonly string[],
): Promise<{ orderId: string; at: Date; lateMinutes: number; handling: string }[]> {
  if (orderIds.length === 0) return [];
  const rows = await db
    .select({ orderId: workOrderEvents.orderId, at: workOrderEvents.at, payload: workOrderEvents.payload })
    .from(workOrderEvents)
    .where(
      and(
        eq(workOrderEvents.tenantId, tenantId),
        inArray(workOrderEvents.orderId, [...orderIds]),
        eq(workOrderEvents.action, 'arrive'),
      ),
    )
    .orderBy(asc(workOrderEvents.at));
  return rows.map((r) => ({
    orderId: r.orderId,
    at: r.at,
    lateMinutes: Number(r.payload.lateMinutes ?? 0),
    handling: String(r.payload.handling ?? 'none'),
  }));
}
