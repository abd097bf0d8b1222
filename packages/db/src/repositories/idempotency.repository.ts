import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../client.js';
import { idempotencyKeys } from '../schema/idempotency-keys.js';

/**
 * Idempotency-Key (api.md, ENG-07). Intended use, in the same transaction as the action:
 *   1. getIdempotentResponse → if found, answer it (or 409/422 if requestHash differs);
 *   2. act;
 *   3. saveIdempotentResponse → if it returns false, a concurrent request with the same key committed
 *      first: roll back and answer the stored response instead.
 * Because the insert in step 3 waits on the primary key of an uncommitted twin, two identical requests
 * racing each other never both act.
 */

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
