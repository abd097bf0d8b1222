import { listEvents, type Db, type StoredWorkOrder } from '@daowei/db';
import { canSeeOrder, DomainError, offlineConflict } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import { viewerOf } from '../../http/viewer.js';

/**
 * ENG-07: a submission the phone queued offline (it carries the time it was queued) that no longer fits
 * the order is refused with WO_OFFLINE_CONFLICT (409) and the reason, so the phone shows a conflict
 * instead of a vague "forbidden" or "not found". An order reassigned away is no longer visible to the
 * engineer; the reason is told only to someone who acted on it before (no existence leak, SEC-02).
 * Runs after the Idempotency-Key replay check: a submission that was applied before the change still
 * answers its first result.
 */
export async function assertNoOfflineConflict(
  tx: Db,
  auth: AuthContext,
  order: StoredWorkOrder | null,
  what: string,
  queuedAt: Date | null,
): Promise<void> {
  if (!queuedAt || !order) return;
  const reason = offlineConflict(order, auth.personId, what);
  if (!reason) return;
  if (!canSeeOrder(order, viewerOf(auth))) {
    const events = await listEvents(tx, auth.tenantId, order.id);
    if (!events.some((e) => e.actorId === auth.personId)) return;
  }
  throw new DomainError('WO_OFFLINE_CONFLICT', `The order was ${reason} while this submission waited offline`, {
    reason,
    status: order.status,
    queuedAt: queuedAt.toISOString(),
  });
}
