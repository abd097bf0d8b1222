import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { toShift, type StoredShift } from '../mappers/org.mapper.js';
import { shifts } from '../schema/shifts.js';
import { isUuid } from './helpers.js';

/** ORG-06 roster editing beside people.repository's addShift/listShifts. */
export async function getShift(db: Db, tenantId: string, id: string): Promise<StoredShift | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(shifts)
    .where(and(eq(shifts.tenantId, tenantId), eq(shifts.id, id)));
  return row ? toShift(row) : null;
}

export async function deleteShift(db: Db, tenantId: string, id: string): Promise<void> {
  await db.delete(shifts).where(and(eq(shifts.tenantId, tenantId), eq(shifts.id, id)));
}
