import { DomainError } from '../shared/errors.js';
import type { PartsPolicy } from './parts-policy.js';

/**
 * PART-04 low-stock warnings. A store may set, per item, the least good stock it wants on the shelf.
 * When on-hand falls to that level a warning is raised — once: while it is open no second one is
 * raised. It resolves by itself when stock recovers above the level. Someone must acknowledge it
 * (pass it on to whoever restocks) in time; a warning nobody acknowledged in time is "missed" and
 * counts against the store's vendor (VND-01 reads those).
 */
export interface LowStockAlert {
  raisedAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
}

export type LowStockStep = 'raise' | 'resolve' | 'none';

/** What a change of on-hand means for the (location, item) warning. `minimum` null: no threshold set. */
export function lowStockStep(onHand: number, minimum: number | null, alertOpen: boolean): LowStockStep {
  const low = minimum !== null && onHand <= minimum;
  if (low && !alertOpen) return 'raise';
  if (!low && alertOpen) return 'resolve';
  return 'none';
}

export function assertThreshold(minimum: number): number {
  if (!Number.isSafeInteger(minimum) || minimum < 0) {
    throw new DomainError('VALIDATION_FAILED', 'A threshold is a whole number of at least 0', { field: 'minimum' });
  }
  return minimum;
}

/** When the warning must have been acknowledged. */
export const acknowledgeBy = (alert: Pick<LowStockAlert, 'raisedAt'>, policy: PartsPolicy): Date =>
  new Date(alert.raisedAt.getTime() + policy.lowStockAckHours * 3_600_000);

/**
 * Is the warning missed at `now`? Yes when it was acknowledged after its deadline, or is (or ended)
 * unacknowledged with the deadline passed. A warning that resolved in time unacknowledged is not missed:
 * stock came back before anyone had to act.
 */
export function isMissedWarning(alert: LowStockAlert, now: Date, policy: PartsPolicy): boolean {
  const deadline = acknowledgeBy(alert, policy).getTime();
  if (alert.acknowledgedAt) return alert.acknowledgedAt.getTime() > deadline;
  if (alert.resolvedAt && alert.resolvedAt.getTime() <= deadline) return false;
  return now.getTime() > deadline;
}
