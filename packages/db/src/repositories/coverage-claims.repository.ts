import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { CoverageClaimKind, CoverageClaimState } from '@daowei/domain';
import type { Db } from '../client.js';
import { coverageClaims } from '../schema/coverage-claims.js';
import { people } from '../schema/people.js';
import { vendors } from '../schema/tenants.js';
import { workOrders } from '../schema/work-orders.js';
import { isUuid } from './helpers.js';

/** WO-09/WO-10 coverage claims. */
export type StoredCoverageClaim = typeof coverageClaims.$inferSelect;
export type NewCoverageClaim = Omit<typeof coverageClaims.$inferInsert, 'tenantId' | 'id' | 'createdAt'>;

export async function insertCoverageClaim(db: Db, tenantId: string, c: NewCoverageClaim): Promise<StoredCoverageClaim> {
  const [row] = await db
    .insert(coverageClaims)
    .values({ ...c, tenantId })
    .returning();
  return row!;
}

export async function getCoverageClaim(db: Db, tenantId: string, id: string, opts: { forUpdate?: boolean } = {}) {
  if (!isUuid(id)) return null;
  const q = db
    .select()
    .from(coverageClaims)
    .where(and(eq(coverageClaims.tenantId, tenantId), eq(coverageClaims.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** The order's claims, newest first. */
export async function listOrderCoverageClaims(db: Db, tenantId: string, orderId: string) {
  return db
    .select()
    .from(coverageClaims)
    .where(and(eq(coverageClaims.tenantId, tenantId), eq(coverageClaims.orderId, orderId)))
    .orderBy(desc(coverageClaims.claimedAt));
}

/** Filters of the supervisor's queue: the states to list and optionally one kind and one vendor. */
export interface CoverageClaimFilter {
  states: readonly CoverageClaimState[];
  kind?: CoverageClaimKind | undefined;
  vendorId?: string | undefined;
  limit: number;
}

/**
 * The tenant's claims, oldest deadline first (the supervisor's queue), each with what the queue shows of
 * its order (number, vendor) and the engineer's name, so the console needs no second read per row.
 */
export async function listCoverageClaims(db: Db, tenantId: string, f: CoverageClaimFilter) {
  if (f.vendorId !== undefined && !isUuid(f.vendorId)) return [];
  const conditions = [eq(coverageClaims.tenantId, tenantId), inArray(coverageClaims.state, [...f.states])];
  if (f.kind) conditions.push(eq(coverageClaims.kind, f.kind));
  if (f.vendorId) conditions.push(eq(workOrders.vendorId, f.vendorId));
  return db
    .select({
      claim: coverageClaims,
      orderNumber: workOrders.number,
      vendorId: workOrders.vendorId,
      vendorName: vendors.name,
      claimedByName: people.name,
    })
    .from(coverageClaims)
    .innerJoin(
      workOrders,
      and(eq(workOrders.tenantId, coverageClaims.tenantId), eq(workOrders.id, coverageClaims.orderId)),
    )
    .innerJoin(vendors, and(eq(vendors.tenantId, workOrders.tenantId), eq(vendors.id, workOrders.vendorId)))
    .innerJoin(people, and(eq(people.tenantId, coverageClaims.tenantId), eq(people.id, coverageClaims.claimedBy)))
    .where(and(...conditions))
    .orderBy(asc(coverageClaims.dueAt), asc(coverageClaims.claimedAt))
    .limit(f.limit);
}

export async function updateCoverageClaim(
  db: Db,
  tenantId: string,
  id: string,
  patch: Partial<Omit<NewCoverageClaim, 'orderId' | 'kind' | 'claimedBy' | 'claimedAt'>>,
): Promise<StoredCoverageClaim> {
  const [row] = await db
    .update(coverageClaims)
    .set(patch)
    .where(and(eq(coverageClaims.tenantId, tenantId), eq(coverageClaims.id, id)))
    .returning();
  return row!;
}
