import type { PolicyPack } from '../policy/policy-pack.js';
import type { WorkOrderType } from './work-order.types.js';

/**
 * WO-12 repeat fault (重复报障): a fault reported for the same customer and product within
 * `policy.repeatFaultWindowDays` of the last finished fault is flagged as a repeat of it and counted
 * (KPI-01 repeat fault rate) — the earlier fix evidently did not hold.
 *
 * "Finished" is the close time, or the completion time for a fault that is fixed but still awaiting
 * its callback: from the customer's side it was fixed then. Faults that never finished (open,
 * cancelled, reopened) do not count: a second report of a fault still open is a duplicate, not a repeat.
 * The window is elapsed time (N × 24 h), not calendar days, so it does not depend on a time zone.
 */
export interface NewFault {
  customerId: string;
  productNumber: string;
  acceptedAt: Date;
}

export interface PreviousOrder {
  id: string;
  type: WorkOrderType;
  customerId: string;
  productNumber: string;
  closedAt?: Date | null;
  completedAt?: Date | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Product numbers are typed by people: ignore surrounding spaces and letter case (accounts like "GZ12ab"). */
const sameProduct = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Id of the most recently finished earlier fault this one repeats, or null. */
export function findRepeatOf(
  newFault: NewFault,
  previous: readonly PreviousOrder[],
  policy: Pick<PolicyPack, 'repeatFaultWindowDays'>,
): string | null {
  const accepted = newFault.acceptedAt.getTime();
  const windowMs = policy.repeatFaultWindowDays * DAY_MS;
  let best: { id: string; finished: number } | null = null;
  for (const p of previous) {
    if (p.type !== 'fault' || p.customerId !== newFault.customerId) continue;
    if (!sameProduct(p.productNumber, newFault.productNumber)) continue;
    const finishedAt = p.closedAt ?? p.completedAt;
    if (!finishedAt) continue;
    const finished = finishedAt.getTime();
    // Finished after this report arrived: it was still open then, so this report is not a repeat of it.
    if (finished > accepted || accepted - finished > windowMs) continue;
    if (!best || finished > best.finished || (finished === best.finished && p.id > best.id)) {
      best = { id: p.id, finished };
    }
  }
  return best ? best.id : null;
}
