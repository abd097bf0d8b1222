import { and, eq, lte } from 'drizzle-orm';
import type { Person, Position } from '@daowei/domain';
import type { Db } from '../client.js';
import { toPerson } from '../mappers/org.mapper.js';
import { people } from '../schema/people.js';
import { sessions } from '../schema/sessions.js';
import { tenants } from '../schema/tenants.js';

/**
 * SEC-03 sessions. The server hashes the bearer token and passes only the hash; expiry is decided by
 * the caller's clock (`now`), never by the database's, so tests with a fake clock behave.
 */

export interface Session {
  id: string;
  tenantId: string;
  personId: string;
  position: Position;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface SessionWithPerson {
  session: Session;
  person: Person;
  tenant: { id: string; name: string; timeZone: string };
}

const toSession = (r: typeof sessions.$inferSelect): Session => ({
  id: r.id,
  tenantId: r.tenantId,
  personId: r.personId,
  position: r.position,
  createdAt: r.createdAt,
  lastSeenAt: r.lastSeenAt,
  expiresAt: r.expiresAt,
});

export async function createSession(
  db: Db,
  tenantId: string,
  input: { tokenHash: string; personId: string; position: Position; now: Date; expiresAt: Date },
): Promise<Session> {
  const [row] = await db
    .insert(sessions)
    .values({
      tenantId,
      tokenHash: input.tokenHash,
      personId: input.personId,
      position: input.position,
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt: input.expiresAt,
    })
    .returning();
  return toSession(row!);
}

/**
 * The session for a token hash with its person and tenant, or null. Expired sessions are returned
 * too (the caller compares expiresAt with its clock and answers AUTH_SESSION_EXPIRED, not 401 for an
 * unknown token). The token names the tenant, so this lookup is the one that is not tenant-scoped.
 */
export async function findSessionByTokenHash(db: Db, tokenHash: string): Promise<SessionWithPerson | null> {
  const [row] = await db
    .select({
      session: sessions,
      person: people,
      tenant: { id: tenants.id, name: tenants.name, timeZone: tenants.timeZone },
    })
    .from(sessions)
    .innerJoin(people, and(eq(people.tenantId, sessions.tenantId), eq(people.id, sessions.personId)))
    .innerJoin(tenants, eq(tenants.id, sessions.tenantId))
    .where(eq(sessions.tokenHash, tokenHash));
  return row ? { session: toSession(row.session), person: toPerson(row.person), tenant: row.tenant } : null;
}

/** Sliding expiry: records use and pushes the expiry out. */
export async function touchSession(
  db: Db,
  tenantId: string,
  sessionId: string,
  at: { now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .update(sessions)
    .set({ lastSeenAt: at.now, expiresAt: at.expiresAt })
    .where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, sessionId)));
}

/** ORG-02: the session now works in another position (the caller checked the person holds it). */
export async function setSessionPosition(db: Db, tenantId: string, sessionId: string, position: Position) {
  const rows = await db
    .update(sessions)
    .set({ position })
    .where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, sessionId)))
    .returning();
  return rows[0] ? toSession(rows[0]) : null;
}

export async function deleteSession(db: Db, tenantId: string, sessionId: string): Promise<boolean> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, sessionId)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Housekeeping across tenants: removes sessions that expired at or before `now`; returns how many. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const rows = await db.delete(sessions).where(lte(sessions.expiresAt, now)).returning({ id: sessions.id });
  return rows.length;
}
