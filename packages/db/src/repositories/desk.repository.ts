import { and, asc, desc, eq, inArray, isNull, lte, type SQL } from 'drizzle-orm';
import type { DeskTaskKind, ForbiddenPhrase, Script } from '@daowei/domain';
import type { Db } from '../client.js';
import { deskCustomerMessages, deskIntakes, deskLibraries, deskTasks } from '../schema/desk.js';

/** DESK-01/02/04/05: intakes, follow-up tasks, the tenant's library and messages to customers. */

export type StoredIntake = typeof deskIntakes.$inferSelect;
export type StoredDeskTask = typeof deskTasks.$inferSelect;
export type StoredCustomerMessage = typeof deskCustomerMessages.$inferSelect;

export async function insertIntake(
  db: Db,
  tenantId: string,
  input: Omit<typeof deskIntakes.$inferInsert, 'tenantId' | 'id' | 'createdAt'>,
): Promise<StoredIntake> {
  const [row] = await db
    .insert(deskIntakes)
    .values({ tenantId, ...input })
    .returning();
  return row!;
}

export async function insertDeskTask(
  db: Db,
  tenantId: string,
  input: { intakeId: string; orderId: string | null; kind: DeskTaskKind; dueAt: Date; question: string },
): Promise<StoredDeskTask> {
  const [row] = await db
    .insert(deskTasks)
    .values({ tenantId, ...input, state: 'open' })
    .returning();
  return row!;
}

export async function getDeskTask(
  db: Db,
  tenantId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<StoredDeskTask | null> {
  const q = db
    .select()
    .from(deskTasks)
    .where(and(eq(deskTasks.tenantId, tenantId), eq(deskTasks.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** The desk's follow-up queue: open first, due first; `intakeIds` narrows to intakes the caller may see. */
export async function listDeskTasks(
  db: Db,
  tenantId: string,
  opts: { state?: 'open' | 'done'; createdBy?: string | null; limit: number },
): Promise<(StoredDeskTask & { intake: StoredIntake })[]> {
  const where: SQL[] = [eq(deskTasks.tenantId, tenantId)];
  if (opts.state) where.push(eq(deskTasks.state, opts.state));
  if (opts.createdBy) where.push(eq(deskIntakes.createdBy, opts.createdBy));
  const rows = await db
    .select()
    .from(deskTasks)
    .innerJoin(deskIntakes, and(eq(deskIntakes.tenantId, deskTasks.tenantId), eq(deskIntakes.id, deskTasks.intakeId)))
    .where(and(...where))
    .orderBy(asc(deskTasks.dueAt), asc(deskTasks.id))
    .limit(opts.limit);
  return rows.map((r) => ({ ...r.desk_tasks, intake: r.desk_intakes }));
}

export async function finishDeskTask(
  db: Db,
  tenantId: string,
  id: string,
  input: { result: string; doneAt: Date; doneBy: string },
): Promise<StoredDeskTask> {
  const [row] = await db
    .update(deskTasks)
    .set({ state: 'done', ...input })
    .where(and(eq(deskTasks.tenantId, tenantId), eq(deskTasks.id, id)))
    .returning();
  return row!;
}

/** The due timer fired: recorded once (a second delivery finds it set and changes nothing). */
export async function markDeskTaskDueFired(
  db: Db,
  tenantId: string,
  id: string,
  at: Date,
): Promise<StoredDeskTask | null> {
  const [row] = await db
    .update(deskTasks)
    .set({ dueFiredAt: at })
    .where(
      and(
        eq(deskTasks.tenantId, tenantId),
        eq(deskTasks.id, id),
        eq(deskTasks.state, 'open'),
        isNull(deskTasks.dueFiredAt),
        lte(deskTasks.dueAt, at),
      ),
    )
    .returning();
  return row ?? null;
}

/** Open tasks whose timers should exist (rescheduled at start, like SLA timers). */
export async function listOpenUnfiredDeskTasks(db: Db): Promise<StoredDeskTask[]> {
  return db
    .select()
    .from(deskTasks)
    .where(and(eq(deskTasks.state, 'open'), isNull(deskTasks.dueFiredAt)));
}

export async function listIntakesOfOrders(db: Db, tenantId: string, orderIds: string[]): Promise<StoredIntake[]> {
  if (orderIds.length === 0) return [];
  return db
    .select()
    .from(deskIntakes)
    .where(and(eq(deskIntakes.tenantId, tenantId), inArray(deskIntakes.orderId, orderIds)));
}

export async function getDeskLibrary(db: Db, tenantId: string) {
  const [row] = await db.select().from(deskLibraries).where(eq(deskLibraries.tenantId, tenantId));
  return row ?? null;
}

/** Replaces the tenant's library; `expectedVersion` (0 = none stored yet) refuses a lost update. */
export async function saveDeskLibrary(
  db: Db,
  tenantId: string,
  input: { scripts: Script[]; phrases: ForbiddenPhrase[]; updatedBy: string; updatedAt: Date; expectedVersion: number },
): Promise<number | null> {
  const { expectedVersion, ...values } = input;
  if (expectedVersion === 0) {
    const rows = await db
      .insert(deskLibraries)
      .values({ tenantId, ...values, version: 1 })
      .onConflictDoNothing()
      .returning({ version: deskLibraries.version });
    return rows[0]?.version ?? null;
  }
  const rows = await db
    .update(deskLibraries)
    .set({ ...values, version: expectedVersion + 1 })
    .where(and(eq(deskLibraries.tenantId, tenantId), eq(deskLibraries.version, expectedVersion)))
    .returning({ version: deskLibraries.version });
  return rows[0]?.version ?? null;
}

export async function insertCustomerMessage(
  db: Db,
  tenantId: string,
  input: { orderId: string; text: string; authorId: string; confirmedFlags: unknown[] | null; at: Date },
): Promise<StoredCustomerMessage> {
  const [row] = await db
    .insert(deskCustomerMessages)
    .values({ tenantId, ...input })
    .returning();
  return row!;
}

export async function listCustomerMessages(
  db: Db,
  tenantId: string,
  orderId: string,
): Promise<StoredCustomerMessage[]> {
  return db
    .select()
    .from(deskCustomerMessages)
    .where(and(eq(deskCustomerMessages.tenantId, tenantId), eq(deskCustomerMessages.orderId, orderId)))
    .orderBy(desc(deskCustomerMessages.at));
}

export async function getIntake(db: Db, tenantId: string, id: string): Promise<StoredIntake | null> {
  const [row] = await db
    .select()
    .from(deskIntakes)
    .where(and(eq(deskIntakes.tenantId, tenantId), eq(deskIntakes.id, id)));
  return row ?? null;
}
