import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { takeBacks } from '../schema/take-backs.js';
import { isUuid } from './helpers.js';

/** WO-13 take-back receipts (device out for repair, optional loaner) and their return. */
export type TakeBack = typeof takeBacks.$inferSelect;

export async function insertTakeBack(
  tx: Db,
  tenantId: string,
  input: Omit<typeof takeBacks.$inferInsert, 'tenantId' | 'id' | 'createdAt' | 'status'>,
): Promise<TakeBack> {
  const [row] = await tx
    .insert(takeBacks)
    .values({ tenantId, status: 'out', ...input })
    .returning();
  return row!;
}

export async function getTakeBackForUpdate(tx: Db, tenantId: string, id: string): Promise<TakeBack | null> {
  if (!isUuid(id)) return null;
  const [row] = await tx
    .select()
    .from(takeBacks)
    .where(and(eq(takeBacks.tenantId, tenantId), eq(takeBacks.id, id)))
    .for('update');
  return row ?? null;
}

export async function markTakeBackReturned(
  tx: Db,
  tenantId: string,
  id: string,
  input: { returnedBy: string; returnedAt: Date; returnSignature: string },
): Promise<TakeBack> {
  const [row] = await tx
    .update(takeBacks)
    .set({ status: 'returned', ...input })
    .where(and(eq(takeBacks.tenantId, tenantId), eq(takeBacks.id, id)))
    .returning();
  return row!;
}

export async function listOrderTakeBacks(db: Db, tenantId: string, orderId: string): Promise<TakeBack[]> {
  return db
    .select()
    .from(takeBacks)
    .where(and(eq(takeBacks.tenantId, tenantId), eq(takeBacks.orderId, orderId)))
    .orderBy(asc(takeBacks.takenAt));
}
