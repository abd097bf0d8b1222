import type { Position } from '../org/positions.js';
import { DomainError } from '../shared/errors.js';
import type { PartsPolicy } from './parts-policy.js';

/**
 * PART-02/03: a borrow card issues parts to an engineer for one order; each line is settled by
 * returning (tagged good/faulty) or consuming what was taken. These rules decide from the lines
 * alone; the caller loads them under a lock so two issues for one engineer cannot both pass.
 */
export interface BorrowLine {
  id: string;
  orderId: string;
  itemId: string;
  unitId: string | null;
  quantity: number;
  returned: number;
  consumed: number;
}

export const outstanding = (l: Pick<BorrowLine, 'quantity' | 'returned' | 'consumed'>): number =>
  l.quantity - l.returned - l.consumed;

export const isSettled = (l: BorrowLine): boolean => outstanding(l) === 0;

/** A manager's exception to PART-02 or PART-03: who (in which position) and why. */
export interface Override {
  reason: string;
  position: Position;
}

/** The override's reason if it is a valid one, else FORBIDDEN (wrong position) or VALIDATION_FAILED. */
export function acceptOverride(override: Override, policy: PartsPolicy): string {
  if (!policy.overridePositions.includes(override.position)) {
    throw new DomainError('FORBIDDEN', `Only ${policy.overridePositions.join(', ')} may override the parts rules`, {
      position: override.position,
    });
  }
  const reason = override.reason.trim();
  if (reason.length < policy.minOverrideReasonLength) {
    throw new DomainError('VALIDATION_FAILED', 'An override needs a reason', { field: 'override.reason' });
  }
  return reason;
}

export type PartsDecision = { overridden: false } | { overridden: true; reason: string };

/**
 * PART-02 前件不还后件不借: may the engineer borrow for `orderId`, given all their borrow lines?
 * Lines of the same order do not block (more parts for the same job). Refused with
 * PART_PREVIOUS_NOT_RETURNED naming the open lines, unless a valid override is given.
 */
export function checkBorrow(
  engineerLines: readonly BorrowLine[],
  orderId: string,
  policy: PartsPolicy,
  override?: Override | null,
): PartsDecision {
  const open = engineerLines.filter((l) => l.orderId !== orderId && !isSettled(l));
  if (open.length <= policy.maxOpenLinesOfOtherOrders) return { overridden: false };
  if (override) return { overridden: true, reason: acceptOverride(override, policy) };
  throw new DomainError('PART_PREVIOUS_NOT_RETURNED', 'Parts borrowed earlier are not returned yet', {
    openLines: open.map((l) => ({ lineId: l.id, orderId: l.orderId, itemId: l.itemId, outstanding: outstanding(l) })),
  });
}

/**
 * PART-03: may the order be completed? Every line borrowed for it must be returned or consumed,
 * unless a manager waived that (the waiver's reason was accepted when it was recorded).
 */
export function canCompleteOrder(orderLines: readonly BorrowLine[], waived: boolean): PartsDecision & { open: number } {
  const open = orderLines.filter((l) => !isSettled(l));
  if (open.length === 0) return { overridden: false, open: 0 };
  if (waived) return { overridden: true, reason: 'waived by a manager', open: open.length };
  throw new DomainError('PART_NOT_SETTLED', 'Parts borrowed for this order are neither returned nor consumed', {
    lines: open.map((l) => ({ lineId: l.id, itemId: l.itemId, unitId: l.unitId, outstanding: outstanding(l) })),
  });
}

/** Books a return or a use on a line; PART_OVER_RETURN when more than is still out. */
export function settleBorrowLine(line: BorrowLine, how: 'returned' | 'consumed', quantity: number): BorrowLine {
  if (!Number.isSafeInteger(quantity) || quantity < 1) {
    throw new DomainError('VALIDATION_FAILED', 'Quantity must be a whole number of at least 1', { field: 'quantity' });
  }
  if (quantity > outstanding(line)) {
    throw new DomainError('PART_OVER_RETURN', 'More than is still out on this borrow line', {
      lineId: line.id,
      outstanding: outstanding(line),
      wanted: quantity,
    });
  }
  return { ...line, [how]: line[how] + quantity };
}
