import type { WorkOrder, WorkOrderStatus } from '../work-order/work-order.types.js';

/**
 * ENG-07: why a submission the phone queued while offline no longer fits the order. The server decides
 * it when the queued submission finally arrives; the phone shows it as a conflict the engineer reads and
 * discards — the submission is neither applied to someone else's order nor silently dropped.
 * - cancelled: the desk cancelled the order meanwhile;
 * - reassigned: the order was dispatched to someone else (or returned to the pool) meanwhile;
 * - finished: the order was completed or closed meanwhile.
 */
export const OFFLINE_CONFLICT_REASONS = ['cancelled', 'reassigned', 'finished'] as const;
export type OfflineConflictReason = (typeof OFFLINE_CONFLICT_REASONS)[number];

const FINISHED: readonly WorkOrderStatus[] = ['completed', 'callback', 'closed'];

export function offlineConflict(
  order: Pick<WorkOrder, 'status' | 'holderId'>,
  personId: string,
  /** the lifecycle action or visit record the submission carries */
  what: string,
): OfflineConflictReason | null {
  if (order.status === 'cancelled') return 'cancelled';
  if (FINISHED.includes(order.status)) return 'finished';
  // Taking is decided by the offer (WO-04 answers WO_ALREADY_TAKEN when someone was quicker).
  if (what === 'take') return null;
  if (order.holderId !== personId) return 'reassigned';
  return null;
}
