import { and, desc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { partItems, stockBalances, stockLocations } from '../schema/parts.js';
import { stockAlerts, stockThresholds } from '../schema/stock-alerts.js';

/** PART-04: thresholds per store and item, and the low-stock warnings they raise. */

export type StockThreshold = typeof stockThresholds.$inferSelect;
export type StockAlert = typeof stockAlerts.$inferSelect;

export async function upsertThreshold(
  tx: Db,
  tenantId: string,
  input: { locationId: string; itemId: string; minimum: number; setBy: string; setAt: Date },
): Promise<StockThreshold> {
  const [row] = await tx
    .insert(stockThresholds)
    .values({ tenantId, ...input })
    .onConflictDoUpdate({
      target: [stockThresholds.tenantId, stockThresholds.locationId, stockThresholds.itemId],
      set: { minimum: input.minimum, setBy: input.setBy, setAt: input.setAt },
    })
    .returning();
  return row!;
}

export async function getThreshold(tx: Db, tenantId: string, locationId: string, itemId: string) {
  const [row] = await tx
    .select()
    .from(stockThresholds)
    .where(
      and(
        eq(stockThresholds.tenantId, tenantId),
        eq(stockThresholds.locationId, locationId),
        eq(stockThresholds.itemId, itemId),
      ),
    );
  return row ?? null;
}

/** Good on-hand of one item at one location (what a warning compares with its threshold). */
export async function goodOnHand(tx: Db, tenantId: string, locationId: string, itemId: string): Promise<number> {
  const [row] = await tx
    .select({ quantity: stockBalances.quantity })
    .from(stockBalances)
    .where(
      and(
        eq(stockBalances.tenantId, tenantId),
        eq(stockBalances.locationId, locationId),
        eq(stockBalances.itemId, itemId),
        eq(stockBalances.condition, 'good'),
      ),
    );
  return row?.quantity ?? 0;
}

export async function getOpenAlert(tx: Db, tenantId: string, locationId: string, itemId: string) {
  const [row] = await tx
    .select()
    .from(stockAlerts)
    .where(
      and(
        eq(stockAlerts.tenantId, tenantId),
        eq(stockAlerts.locationId, locationId),
        eq(stockAlerts.itemId, itemId),
        isNull(stockAlerts.resolvedAt),
      ),
    )
    .for('update');
  return row ?? null;
}

/** Raises a warning unless one is open already (the partial unique index decides under concurrency). */
export async function raiseAlert(
  tx: Db,
  tenantId: string,
  input: Omit<typeof stockAlerts.$inferInsert, 'tenantId' | 'id' | 'createdAt'>,
): Promise<StockAlert | null> {
  const [row] = await tx
    .insert(stockAlerts)
    .values({ tenantId, ...input })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function updateAlert(
  tx: Db,
  tenantId: string,
  id: string,
  set: Partial<Pick<StockAlert, 'acknowledgedAt' | 'acknowledgedBy' | 'resolvedAt' | 'missedAt'>>,
): Promise<StockAlert> {
  const [row] = await tx
    .update(stockAlerts)
    .set(set)
    .where(and(eq(stockAlerts.tenantId, tenantId), eq(stockAlerts.id, id)))
    .returning();
  return row!;
}

export async function getAlertForUpdate(tx: Db, tenantId: string, id: string): Promise<StockAlert | null> {
  const [row] = await tx
    .select()
    .from(stockAlerts)
    .where(and(eq(stockAlerts.tenantId, tenantId), eq(stockAlerts.id, id)))
    .for('update');
  return row ?? null;
}

export interface AlertRow extends StockAlert {
  locationName: string;
  itemCode: string;
  itemName: string;
}

/** Warnings of the given stores, newest first; `open` keeps the unresolved ones only. */
export async function listAlerts(
  db: Db,
  tenantId: string,
  opts: { locationIds: readonly string[]; open?: boolean; missedOnly?: boolean },
): Promise<AlertRow[]> {
  if (opts.locationIds.length === 0) return [];
  return db
    .select({
      ...getTableColumns(stockAlerts),
      locationName: stockLocations.name,
      itemCode: partItems.code,
      itemName: partItems.name,
    })
    .from(stockAlerts)
    .innerJoin(
      stockLocations,
      and(eq(stockLocations.tenantId, stockAlerts.tenantId), eq(stockLocations.id, stockAlerts.locationId)),
    )
    .innerJoin(partItems, and(eq(partItems.tenantId, stockAlerts.tenantId), eq(partItems.id, stockAlerts.itemId)))
    .where(
      and(
        eq(stockAlerts.tenantId, tenantId),
        inArray(stockAlerts.locationId, [...opts.locationIds]),
        opts.open ? isNull(stockAlerts.resolvedAt) : undefined,
        opts.missedOnly ? sql`${stockAlerts.missedAt} is not null` : undefined,
      ),
    )
    .orderBy(desc(stockAlerts.raisedAt));
}
