import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client.js';
import {
  appointmentCalls,
  appointmentChanges,
  appointmentFollowUps,
  type AppointmentCallOutcome,
} from '../schema/dispatch.js';

/** APT-01/02: calls, call-back tasks and reschedules of an order, as the service decided them. */
export type StoredAppointmentCall = typeof appointmentCalls.$inferSelect;
export type StoredFollowUp = typeof appointmentFollowUps.$inferSelect;
export type StoredAppointmentChange = typeof appointmentChanges.$inferSelect;

export async function insertAppointmentCall(
  db: Db,
  tenantId: string,
  c: {
    orderId: string;
    actorId: string;
    outcome: AppointmentCallOutcome;
    callBackAt: Date | null;
    note: string | null;
    at: Date;
  },
): Promise<StoredAppointmentCall> {
  const [row] = await db
    .insert(appointmentCalls)
    .values({ tenantId, ...c })
    .returning();
  return row!;
}

export async function insertFollowUp(
  db: Db,
  tenantId: string,
  f: { orderId: string; callId: string; assigneeId: string; dueAt: Date },
): Promise<StoredFollowUp> {
  const [row] = await db
    .insert(appointmentFollowUps)
    .values({ tenantId, ...f, state: 'open' })
    .returning();
  return row!;
}

/** Every open call-back of the order is done once someone calls again. Returns how many were closed. */
export async function closeOpenFollowUps(db: Db, tenantId: string, orderId: string, at: Date): Promise<number> {
  const rows = await db
    .update(appointmentFollowUps)
    .set({ state: 'done', doneAt: at })
    .where(
      and(
        eq(appointmentFollowUps.tenantId, tenantId),
        eq(appointmentFollowUps.orderId, orderId),
        eq(appointmentFollowUps.state, 'open'),
      ),
    )
    .returning({ id: appointmentFollowUps.id });
  return rows.length;
}

/** The timer fired: recorded once (pg-boss delivers at least once). Returns the task when this call fired it. */
export async function markFollowUpFired(
  db: Db,
  tenantId: string,
  id: string,
  at: Date,
): Promise<StoredFollowUp | null> {
  const rows = await db
    .update(appointmentFollowUps)
    .set({ firedAt: at })
    .where(
      and(
        eq(appointmentFollowUps.tenantId, tenantId),
        eq(appointmentFollowUps.id, id),
        eq(appointmentFollowUps.state, 'open'),
        isNull(appointmentFollowUps.firedAt),
      ),
    )
    .returning();
  return rows[0] ?? null;
}

export async function insertAppointmentChange(
  db: Db,
  tenantId: string,
  c: Omit<typeof appointmentChanges.$inferInsert, 'tenantId' | 'id' | 'createdAt'>,
): Promise<StoredAppointmentChange> {
  const [row] = await db
    .insert(appointmentChanges)
    .values({ tenantId, ...c })
    .returning();
  return row!;
}

/** The order's appointment history: calls (oldest first), open and done call-backs, reschedules. */
export async function getAppointmentHistory(db: Db, tenantId: string, orderId: string) {
  const calls = await db
    .select()
    .from(appointmentCalls)
    .where(and(eq(appointmentCalls.tenantId, tenantId), eq(appointmentCalls.orderId, orderId)))
    .orderBy(asc(appointmentCalls.at), asc(appointmentCalls.createdAt))
    .limit(200);
  const followUps = await db
    .select()
    .from(appointmentFollowUps)
    .where(and(eq(appointmentFollowUps.tenantId, tenantId), eq(appointmentFollowUps.orderId, orderId)))
    .orderBy(desc(appointmentFollowUps.dueAt))
    .limit(200);
  const changes = await db
    .select()
    .from(appointmentChanges)
    .where(and(eq(appointmentChanges.tenantId, tenantId), eq(appointmentChanges.orderId, orderId)))
    .orderBy(asc(appointmentChanges.at), asc(appointmentChanges.createdAt))
    .limit(200);
  return { calls, followUps, changes };
}
