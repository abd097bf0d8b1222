import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { DomainError, type ItemCategory, type ItemTracking, type LocationKind, type LocationRef } from '@daowei/domain';
import type { Db } from '../client.js';
import { partItems, stockLocations } from '../schema/parts.js';
import { isUuid } from './helpers.js';

/** PART-01: the parts catalogue and the places stock is kept. Movements live in stock.repository.ts. */

export type PartItem = typeof partItems.$inferSelect;
export type StockLocation = typeof stockLocations.$inferSelect;

export const refOf = (l: Pick<StockLocation, 'id' | 'kind'>): LocationRef => ({ id: l.id, kind: l.kind });

export async function createPartItem(
  db: Db,
  tenantId: string,
  input: { code: string; name: string; category: ItemCategory; tracking: ItemTracking; unitOfMeasure: string },
): Promise<PartItem> {
  const [row] = await db
    .insert(partItems)
    .values({ tenantId, ...input })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new DomainError('CONFLICT', 'An item with this code exists', { field: 'code' });
  return row;
}

export async function getPartItem(db: Db, tenantId: string, id: string): Promise<PartItem | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(partItems)
    .where(and(eq(partItems.tenantId, tenantId), eq(partItems.id, id)));
  return row ?? null;
}

export async function listPartItems(db: Db, tenantId: string): Promise<PartItem[]> {
  return db.select().from(partItems).where(eq(partItems.tenantId, tenantId)).orderBy(asc(partItems.code));
}

/** A store (central or station). Vans and customer places are made on first use (below). */
export async function createStore(
  db: Db,
  tenantId: string,
  input: {
    kind: Extract<LocationKind, 'central' | 'station' | 'scrapped'>;
    name: string;
    vendorId: string | null;
    unitId: string | null;
  },
): Promise<StockLocation> {
  const [row] = await db
    .insert(stockLocations)
    .values({ tenantId, ...input })
    .returning();
  return row!;
}

export async function getLocation(db: Db, tenantId: string, id: string): Promise<StockLocation | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(stockLocations)
    .where(and(eq(stockLocations.tenantId, tenantId), eq(stockLocations.id, id)));
  return row ?? null;
}

/**
 * Locations of some kinds. `vendorId` undefined: every vendor's (operator staff); a vendor id: that
 * vendor's and the operator's own (vendor NULL), which vendor staff may draw from.
 */
export async function listLocations(
  db: Db,
  tenantId: string,
  q: { kinds: readonly LocationKind[]; vendorId?: string },
): Promise<StockLocation[]> {
  return db
    .select()
    .from(stockLocations)
    .where(
      and(
        eq(stockLocations.tenantId, tenantId),
        inArray(stockLocations.kind, [...q.kinds]),
        q.vendorId ? or(eq(stockLocations.vendorId, q.vendorId), isNull(stockLocations.vendorId)) : undefined,
      ),
    )
    .orderBy(asc(stockLocations.kind), asc(stockLocations.name));
}

/** An engineer's van, made on first use (an upsert on the one-van-per-person index, so races agree). */
export async function vanOf(
  db: Db,
  tenantId: string,
  person: { id: string; name: string; vendorId: string | null },
): Promise<StockLocation> {
  await db
    .insert(stockLocations)
    .values({ tenantId, kind: 'van', name: person.name, vendorId: person.vendorId, personId: person.id })
    .onConflictDoNothing();
  const [row] = await db
    .select()
    .from(stockLocations)
    .where(
      and(
        eq(stockLocations.tenantId, tenantId),
        eq(stockLocations.kind, 'van'),
        eq(stockLocations.personId, person.id),
      ),
    );
  return row!;
}

/** The customer's premises as a location (installed units stay traceable there), made on first use. */
export async function customerPlaceOf(
  db: Db,
  tenantId: string,
  customer: { id: string; name: string },
): Promise<StockLocation> {
  await db
    .insert(stockLocations)
    .values({ tenantId, kind: 'customer', name: customer.name, customerId: customer.id })
    .onConflictDoNothing();
  const [row] = await db
    .select()
    .from(stockLocations)
    .where(
      and(
        eq(stockLocations.tenantId, tenantId),
        eq(stockLocations.kind, 'customer'),
        eq(stockLocations.customerId, customer.id),
      ),
    );
  return row!;
}

/** Locks a location row until the transaction ends: borrows for one engineer lock their van (PART-02). */
export async function lockLocation(db: Db, tenantId: string, id: string): Promise<void> {
  await db
    .select({ id: stockLocations.id })
    .from(stockLocations)
    .where(and(eq(stockLocations.tenantId, tenantId), eq(stockLocations.id, id)))
    .for('update');
}
