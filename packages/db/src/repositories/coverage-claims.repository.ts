import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { CoverageClaimState } from '@daowei/domain';
import type { Db } from '../client.js';
import { coverageClaims } from '../schema/coverage-claims.js';
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

/** The tenant's claims in some states, oldest deadline first (the supervisor's queue). */
export async function listCoverageClaims(
  db: Db,
  tenantId: string,
  states: readonly CoverageClaimState[],
  limit: number,
) {
  return db
    .select()
    .from(coverageClaims)
    .where(and(eq(coverageClaims.tenantId, tenantId), inArray(coverageClaims.state, [...states])))
    .orderBy(asc(coverageClaims.dueAt), asc(coverageClaims.claimedAt))
    .limit(limit);
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
