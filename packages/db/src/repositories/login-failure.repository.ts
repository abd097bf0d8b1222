import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { loginFailures } from '../schema/login-failures.js';

/**
 * SEC-03 login lockout counters. The caller's clock decides (`now` is passed in, never the
 * database's), so tests with a fake clock behave. Login names arrive as typed; they are matched the
 * way findLoginAccount matches them (trimmed, lower-cased).
 */

export interface LoginFailureState {
  failures: number;
  lockedUntil: Date | null;
}

const key = (login: string) => login.trim().toLowerCase();
const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** The counter of a login name, or null when it has no recent failures. */
export async function getLoginFailures(db: Db, login: string): Promise<LoginFailureState | null> {
  const [row] = await db
    .select({ failures: loginFailures.failures, lockedUntil: loginFailures.lockedUntil })
    .from(loginFailures)
    .where(eq(loginFailures.login, key(login)));
  return row ?? null;
}

/**
 * Counts one more failure, in one statement so concurrent failures (several processes) all count.
 * A lock that has run out starts the count again; reaching `lockAfter` failures locks the name until
 * `lockUntil`. Returns the new state.
 */
export async function recordLoginFailure(
  db: Db,
  login: string,
  opts: { now: Date; lockAfter: number; lockUntil: Date },
): Promise<LoginFailureState> {
  const expired = sql`(${loginFailures.lockedUntil} is not null and ${loginFailures.lockedUntil} <= ${at(opts.now)})`;
  const next = sql`(case when ${expired} then 0 else ${loginFailures.failures} end) + 1`;
  const [row] = await db
    .insert(loginFailures)
    .values({
      login: key(login),
      failures: 1,
      lastFailedAt: opts.now,
      lockedUntil: opts.lockAfter <= 1 ? opts.lockUntil : null,
    })
    .onConflictDoUpdate({
      target: loginFailures.login,
      set: {
        failures: next,
        lastFailedAt: opts.now,
        lockedUntil: sql`case when ${next} >= ${opts.lockAfter} then ${at(opts.lockUntil)}
          when ${expired} then null else ${loginFailures.lockedUntil} end`,
      },
    })
    .returning({ failures: loginFailures.failures, lockedUntil: loginFailures.lockedUntil });
  return row!;
}

/** A successful login clears the name's counter. */
export async function clearLoginFailures(db: Db, login: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.login, key(login)));
}

/** Housekeeping: forgets counters whose last failure is before `before` and that hold no lock then. */
export async function deleteStaleLoginFailures(db: Db, before: Date): Promise<number> {
  const rows = await db
    .delete(loginFailures)
    .where(
      sql`${lt(loginFailures.lastFailedAt, before)} and (${loginFailures.lockedUntil} is null or ${loginFailures.lockedUntil} < ${at(before)})`,
    )
    .returning({ login: loginFailures.login });
  return rows.length;
}
