import { createHash } from 'node:crypto';
import { getIdempotentResponse, lockIdempotencyKey, saveIdempotentResponse, type Db } from '@daowei/db';
import { DomainError } from '@daowei/domain';
import type { AuthContext } from '../http/auth-context.js';

const hashOf = (request: unknown) => createHash('sha256').update(JSON.stringify(request)).digest('hex');

/**
 * Runs `act` once per (person, Idempotency-Key), inside the caller's transaction (decisions.md D3).
 * A retry with the same key and request answers the stored first answer without acting again — also
 * when it arrives while the first is still running (it waits for it); the same key with a different
 * request is a client bug and is refused.
 */
export async function runIdempotent<T>(
  tx: Db,
  auth: AuthContext,
  key: string | null,
  request: unknown,
  act: () => Promise<T>,
): Promise<T> {
  if (!key) return act();
  const requestHash = hashOf(request);
  // A twin with the same key waits here until the first commits, then replays its answer below.
  await lockIdempotencyKey(tx, auth.tenantId, auth.personId, key);
  const prior = await getIdempotentResponse(tx, auth.tenantId, auth.personId, key);
  if (prior) return replay<T>(prior.requestHash, requestHash, prior.response);
  const result = await act();
  const saved = await saveIdempotentResponse(tx, auth.tenantId, {
    personId: auth.personId,
    key,
    requestHash,
    response: result,
    statusCode: 200,
  });
  if (!saved) {
    // A twin request with the same key committed while this one ran: undo this one by failing the
    // transaction; the client's next retry replays the twin's answer.
    throw new DomainError('CONFLICT', 'The same request is being processed; retry to get its answer', { key });
  }
  return result;
}

function replay<T>(storedHash: string, requestHash: string, response: unknown): T {
  if (storedHash !== requestHash) {
    throw new DomainError('CONFLICT', 'This Idempotency-Key was used for a different request', {
      field: 'headers.idempotency-key',
    });
  }
  return response as T;
}
