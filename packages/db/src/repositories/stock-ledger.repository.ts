import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client.js';
import { borrowCards, borrowLines, partItems, partUnits, stockLocations, stockMovements } from '../schema/parts.js';
import { workOrders } from '../schema/work-orders.js';

/** PART-01 reading the ledger (movements page, Excel export) and PART-05 hit-rate facts. */

export interface LedgerRow {
  id: string;
  kind: string;
  at: Date;
  itemId: string;
  itemCode: string;
  itemName: string;
  serial: string | null;
  quantity: number;
  fromLocationId: string | null;
  fromName: string | null;
  toLocationId: string | null;
  toName: string | null;
  fromCondition: string | null;
  toCondition: string | null;
  orderId: string | null;
  actorId: string;
  note: string | null;
}

/** Movements touching any of the given locations (or every one when `locationIds` is null), newest first. */
export async function listMovements(
  db: Db,
  tenantId: string,
  opts: { locationIds: readonly string[] | null; itemId?: string; orderId?: string; limit: number },
): Promise<LedgerRow[]> {
  if (opts.locationIds && opts.locationIds.length === 0) return [];
  const from = alias(stockLocations, 'from_loc');
  const to = alias(stockLocations, 'to_loc');
  const ids = opts.locationIds ? [...opts.locationIds] : null;
  return db
    .select({
      id: stockMovements.id,
      kind: stockMovements.kind,
      at: stockMovements.at,
      itemId: stockMovements.itemId,
      itemCode: partItems.code,
      itemName: partItems.name,
      serial: partUnits.serial,
      quantity: stockMovements.quantity,
      fromLocationId: stockMovements.fromLocationId,
      fromName: from.name,
      toLocationId: stockMovements.toLocationId,
      toName: to.name,
      fromCondition: stockMovements.fromCondition,
      toCondition: stockMovements.toCondition,
      orderId: stockMovements.orderId,
      actorId: stockMovements.actorId,
      note: stockMovements.note,
    })
    .from(stockMovements)
    .innerJoin(partItems, and(eq(partItems.tenantId, stockMovements.tenantId), eq(partItems.id, stockMovements.itemId)))
    .leftJoin(partUnits, and(eq(partUnits.tenantId, stockMovements.tenantId), eq(partUnits.id, stockMovements.unitId)))
    .leftJoin(from, and(eq(from.tenantId, stockMovements.tenantId), eq(from.id, stockMovements.fromLocationId)))
    .leftJoin(to, and(eq(to.tenantId, stockMovements.tenantId), eq(to.id, stockMovements.toLocationId)))
    .where(
      and(
        eq(stockMovements.tenantId, tenantId),
        ids ? or(inArray(stockMovements.fromLocationId, ids), inArray(stockMovements.toLocationId, ids)) : undefined,
        opts.itemId ? eq(stockMovements.itemId, opts.itemId) : undefined,
        opts.orderId ? eq(stockMovements.orderId, opts.orderId) : undefined,
      ),
    )
    .orderBy(desc(stockMovements.at), desc(stockMovements.createdAt))
    .limit(opts.limit);
}

export interface HitRateFactRow {
  orderId: string;
  engineerId: string;
  stationId: string | null;
  cards: number;
  itemId: string;
  quantity: number;
  returned: number;
  consumed: number;
}

/** One row per borrow line of orders in the vendor scope (null = all), with the order's card count. */
export async function listHitRateFacts(
  db: Db,
  tenantId: string,
  opts: { vendorId: string | null },
): Promise<HitRateFactRow[]> {
  const rows = await db
    .select({
      orderId: borrowCards.orderId,
      engineerId: sql<string>`(array_agg(${borrowCards.engineerId}))[1]`,
      stationId: workOrders.stationId,
      cards: sql<number>`(select count(*)::int from ${borrowCards} c where c.tenant_id = ${borrowCards.tenantId} and c.order_id = ${borrowCards.orderId})`,
      itemId: borrowLines.itemId,
      quantity: sql<number>`sum(${borrowLines.quantity})::int`,
      returned: sql<number>`sum(${borrowLines.returned})::int`,
      consumed: sql<number>`sum(${borrowLines.consumed})::int`,
    })
    .from(borrowLines)
    .innerJoin(borrowCards, and(eq(borrowCards.tenantId, borrowLines.tenantId), eq(borrowCards.id, borrowLines.cardId)))
    .innerJoin(workOrders, and(eq(workOrders.tenantId, borrowCards.tenantId), eq(workOrders.id, borrowCards.orderId)))
    .where(and(eq(borrowLines.tenantId, tenantId), opts.vendorId ? eq(workOrders.vendorId, opts.vendorId) : undefined))
    .groupBy(borrowCards.tenantId, borrowCards.orderId, workOrders.stationId, borrowLines.id, borrowLines.itemId);
  return rows.map((r) => ({
    ...r,
    cards: Number(r.cards),
    quantity: Number(r.quantity),
    returned: Number(r.returned),
    consumed: Number(r.consumed),
  }));
}

/** The scrapped sink of a vendor (NULL: the operator's), made on first use. */
export async function scrapPlaceOf(tx: Db, tenantId: string, vendorId: string | null) {
  const find = () =>
    tx
      .select()
      .from(stockLocations)
      .where(
        and(
          eq(stockLocations.tenantId, tenantId),
          eq(stockLocations.kind, 'scrapped'),
          vendorId ? eq(stockLocations.vendorId, vendorId) : isNull(stockLocations.vendorId),
        ),
      )
      .orderBy(asc(stockLocations.createdAt))
      .limit(1);
  const [found] = await find();
  if (found) return found;
  const [made] = await tx
    .insert(stockLocations)
    .values({ tenantId, kind: 'scrapped', name: '报废', vendorId })
    .returning();
  return made!;
}
