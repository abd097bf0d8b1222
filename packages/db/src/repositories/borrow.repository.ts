import { and, asc, eq, sql } from 'drizzle-orm';
import type { BorrowLine } from '@daowei/domain';
import type { Db } from '../client.js';
import { borrowCards, borrowFailures, borrowLines, partItems, partUnits, partsWaivers } from '../schema/parts.js';
import { isUuid } from './helpers.js';

/** PART-02/03: borrow cards and their lines, refused borrows, and managers' completion waivers. */

export type BorrowCard = typeof borrowCards.$inferSelect;

/** A line with what the rules and the screens need from its card, item and unit. */
export interface StoredBorrowLine extends BorrowLine {
  cardId: string;
  engineerId: string;
  storeId: string;
  itemCode: string;
  itemName: string;
  tracking: 'bulk' | 'serialised';
  serial: string | null;
  issuedAt: Date;
}

export async function insertBorrowCard(
  tx: Db,
  tenantId: string,
  input: Omit<typeof borrowCards.$inferInsert, 'tenantId' | 'id' | 'createdAt'>,
): Promise<BorrowCard> {
  const [row] = await tx
    .insert(borrowCards)
    .values({ tenantId, ...input })
    .returning();
  return row!;
}

export async function insertBorrowLine(
  tx: Db,
  tenantId: string,
  input: { cardId: string; itemId: string; unitId: string | null; quantity: number },
): Promise<string> {
  const [row] = await tx
    .insert(borrowLines)
    .values({ tenantId, ...input })
    .returning({ id: borrowLines.id });
  return row!.id;
}

function linesQuery(db: Db) {
  return db
    .select({
      id: borrowLines.id,
      cardId: borrowLines.cardId,
      orderId: borrowCards.orderId,
      engineerId: borrowCards.engineerId,
      storeId: borrowCards.storeId,
      itemId: borrowLines.itemId,
      itemCode: partItems.code,
      itemName: partItems.name,
      tracking: partItems.tracking,
      unitId: borrowLines.unitId,
      serial: partUnits.serial,
      quantity: borrowLines.quantity,
      returned: borrowLines.returned,
      consumed: borrowLines.consumed,
      issuedAt: borrowCards.issuedAt,
    })
    .from(borrowLines)
    .innerJoin(borrowCards, and(eq(borrowCards.tenantId, borrowLines.tenantId), eq(borrowCards.id, borrowLines.cardId)))
    .innerJoin(partItems, and(eq(partItems.tenantId, borrowLines.tenantId), eq(partItems.id, borrowLines.itemId)))
    .leftJoin(partUnits, and(eq(partUnits.tenantId, borrowLines.tenantId), eq(partUnits.id, borrowLines.unitId)))
    .$dynamic();
}

const unsettled = sql`${borrowLines.returned} + ${borrowLines.consumed} < ${borrowLines.quantity}`;

/** An engineer's lines (only the unsettled ones with `openOnly`), oldest first. */
export async function listEngineerBorrowLines(
  db: Db,
  tenantId: string,
  engineerId: string,
  opts: { openOnly: boolean },
): Promise<StoredBorrowLine[]> {
  return linesQuery(db)
    .where(
      and(
        eq(borrowLines.tenantId, tenantId),
        eq(borrowCards.engineerId, engineerId),
        opts.openOnly ? unsettled : undefined,
      ),
    )
    .orderBy(asc(borrowCards.issuedAt), asc(borrowLines.createdAt));
}

export async function listOrderBorrowLines(db: Db, tenantId: string, orderId: string): Promise<StoredBorrowLine[]> {
  if (!isUuid(orderId)) return [];
  return linesQuery(db)
    .where(and(eq(borrowLines.tenantId, tenantId), eq(borrowCards.orderId, orderId)))
    .orderBy(asc(borrowCards.issuedAt), asc(borrowLines.createdAt));
}

/** A line, locked with FOR UPDATE so two returns of the same line cannot both pass PART_OVER_RETURN. */
export async function getBorrowLineForUpdate(db: Db, tenantId: string, id: string): Promise<StoredBorrowLine | null> {
  if (!isUuid(id)) return null;
  const [row] = await linesQuery(db)
    .where(and(eq(borrowLines.tenantId, tenantId), eq(borrowLines.id, id)))
    .for('update', { of: borrowLines });
  return row ?? null;
}

export async function updateBorrowLine(
  tx: Db,
  tenantId: string,
  id: string,
  counts: { returned: number; consumed: number },
): Promise<void> {
  await tx
    .update(borrowLines)
    .set(counts)
    .where(and(eq(borrowLines.tenantId, tenantId), eq(borrowLines.id, id)));
}

/** PART-02: a borrow refused for want of stock, recorded so the store can be restocked. */
export async function recordBorrowFailure(
  db: Db,
  tenantId: string,
  input: Omit<typeof borrowFailures.$inferInsert, 'tenantId' | 'id' | 'createdAt'>,
): Promise<void> {
  await db.insert(borrowFailures).values({ tenantId, ...input });
}

export async function listBorrowFailures(db: Db, tenantId: string, storeId: string) {
  return db
    .select()
    .from(borrowFailures)
    .where(and(eq(borrowFailures.tenantId, tenantId), eq(borrowFailures.storeId, storeId)))
    .orderBy(asc(borrowFailures.at));
}

/** PART-03: a manager lets the order complete with parts out. A second waiver keeps the first. */
export async function insertPartsWaiver(
  tx: Db,
  tenantId: string,
  input: { orderId: string; waivedBy: string; reason: string; at: Date },
): Promise<void> {
  await tx
    .insert(partsWaivers)
    .values({ tenantId, ...input })
    .onConflictDoNothing();
}

export async function getPartsWaiver(db: Db, tenantId: string, orderId: string) {
  const [row] = await db
    .select()
    .from(partsWaivers)
    .where(and(eq(partsWaivers.tenantId, tenantId), eq(partsWaivers.orderId, orderId)));
  return row ?? null;
}
