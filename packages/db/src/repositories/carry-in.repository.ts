import { and, asc, eq, inArray } from 'drizzle-orm';
import type { CarryInStage } from '@daowei/domain';
import type { Db } from '../client.js';
import { carryInRecords, type CarryInStep } from '../schema/desk.js';

/** DESK-03: the carry-in record of an order (one per order). */
export type StoredCarryIn = typeof carryInRecords.$inferSelect;
export type { CarryInStep };

export async function insertCarryIn(
  db: Db,
  tenantId: string,
  input: Omit<typeof carryInRecords.$inferInsert, 'tenantId' | 'id' | 'createdAt' | 'version'>,
): Promise<StoredCarryIn | null> {
  const rows = await db
    .insert(carryInRecords)
    .values({ tenantId, ...input })
    .onConflictDoNothing()
    .returning();
  return rows[0] ?? null;
}

export async function getCarryIn(
  db: Db,
  tenantId: string,
  orderId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<StoredCarryIn | null> {
  const q = db
    .select()
    .from(carryInRecords)
    .where(and(eq(carryInRecords.tenantId, tenantId), eq(carryInRecords.orderId, orderId)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function updateCarryIn(
  db: Db,
  tenantId: string,
  orderId: string,
  changes: Partial<Pick<StoredCarryIn, 'stage' | 'steps' | 'retestNote' | 'pickupSignedBy' | 'pickedUpAt'>> & {
    version: number;
  },
): Promise<StoredCarryIn> {
  const [row] = await db
    .update(carryInRecords)
    .set(changes)
    .where(and(eq(carryInRecords.tenantId, tenantId), eq(carryInRecords.orderId, orderId)))
    .returning();
  return row!;
}

/** The counter's board: devices in the given stages, earliest promise first. */
export async function listCarryIns(
  db: Db,
  tenantId: string,
  opts: { stages: readonly CarryInStage[]; limit: number },
): Promise<StoredCarryIn[]> {
  return db
    .select()
    .from(carryInRecords)
    .where(and(eq(carryInRecords.tenantId, tenantId), inArray(carryInRecords.stage, [...opts.stages])))
    .orderBy(asc(carryInRecords.promisedAt), asc(carryInRecords.id))
    .limit(opts.limit);
}
