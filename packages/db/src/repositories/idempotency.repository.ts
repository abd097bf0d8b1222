import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { idempotencyKeys } from '../schema/idempotency-keys.js';

/**
 * Idempotency-Key (api.md, ENG-07). Intended use, in the same transaction as the action:
 *   1. getIdempotentResponse → if found, answer it (or 409/422 if requestHash differs);
 *   2. act;
 *   3. saveIdempotentResponse → if it returns false, a concurrent request with the same key committed
 *      first: roll back and answer the stored response instead.
 * Because the insert in step 3 waits on the primary key of an uncommitted twin, two identical requests
 * racing each other never both act. Step 0, lockIdempotencyKey, makes the twin wait before step 1
 * instead, so it answers the first one's response rather than failing on the state the first one left.
 */

/**
 * Serialises requests carrying the same (tenant, person, key) until the holder's transaction ends
 * (a transaction-scoped advisory lock on a 64-bit hash of the three). The waiter then reads the key
 * the first request stored and replays its answer — the offline queue's double submit gets the same
 * answer twice (ENG-07) instead of e.g. "already taken" by itself.
 */
export async function lockIdempotencyKey(db: Db, tenantId: string, personId: string, key: string): Promise<void> {
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`idempotency:${tenantId}:${personId}:${key}`}, 0))`,
  );
}

export interface IdempotentResponse {
  requestHash: string;
  response: unknown;
  statusCode: number;
  createdAt: Date;
}

export async function getIdempotentResponse(
  db: Db,
  tenantId: string,
  personId: string,
  key: string,
): Promise<IdempotentResponse | null> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(
      and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.personId, personId), eq(idempotencyKeys.key, key)),
    );
  return row
    ? { requestHash: row.requestHash, response: row.response, statusCode: row.statusCode, createdAt: row.createdAt }
    : null;
}

/** Stores the first answer for a key; false if the key was already stored (the first answer stands). */
export async function saveIdempotentResponse(
  db: Db,
  tenantId: string,
  input: { personId: string; key: string; requestHash: string; response: unknown; statusCode: number; now?: Date },
): Promise<boolean> {
  const rows = await db
    .insert(idempotencyKeys)
    .values({
      tenantId,
      personId: input.personId,
      key: input.key,
      requestHash: input.requestHash,
      // jsonb cannot hold a bare undefined; a 204 answer is stored as null.
      response: input.response === undefined ? null : input.response,
      statusCode: input.statusCode,
      ...(input.now ? { createdAt: input.now } : {}),
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return rows.length > 0;
}

/** Housekeeping across tenants: forgets keys stored before `before`; returns how many. */
export async function deleteIdempotencyKeysBefore(db: Db, before: Date): Promise<number> {
  const rows = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, before))
    .returning({ key: idempotencyKeys.key });
  return rows.length;
}
