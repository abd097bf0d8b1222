import { DomainError } from '../shared/errors.js';
import { isOpenStatus, type WorkOrderStatus } from '../work-order/work-order.types.js';

/**
 * DESK-03 carry-in desk: a device received at the counter moves through the bench in order —
 * received → diagnosing → repairing → ready (customer told) → picked up. Diagnosis may find the device
 * needs no repair, so `ready` may follow `diagnosing` directly; nothing goes backwards.
 */
export const CARRY_IN_STAGES = ['received', 'diagnosing', 'repairing', 'ready', 'picked_up'] as const;
export type CarryInStage = (typeof CARRY_IN_STAGES)[number];

const NEXT: Readonly<Record<CarryInStage, readonly CarryInStage[]>> = {
  received: ['diagnosing'],
  diagnosing: ['repairing', 'ready'],
  repairing: ['ready'],
  ready: ['picked_up'],
  picked_up: [],
};

/** The stages reachable from `from` with one step. */
export function nextCarryInStages(from: CarryInStage): readonly CarryInStage[] {
  return NEXT[from];
}

/** Refuses a step out of order, naming where the device is and where it may go. */
export function assertCarryInStep(from: CarryInStage, to: CarryInStage): void {
  if (!NEXT[from].includes(to)) {
    throw new DomainError('CONFLICT', `A device that is ${from} cannot go to ${to}`, {
      reason: 'carry_in_out_of_order',
      stage: from,
      allowed: NEXT[from],
    });
  }
}

/**
 * Pickup: the device is re-tested in front of the customer, who signs "picked up". A failed re-test
 * is not a pickup — the device goes back to the bench instead.
 */
export function assertPickup(input: { retestPassed: boolean; signedBy: string }): void {
  if (!input.retestPassed) {
    throw new DomainError('VALIDATION_FAILED', 'The re-test must pass in front of the customer before pickup', {
      field: 'retestPassed',
    });
  }
  if (!input.signedBy.trim()) {
    throw new DomainError('VALIDATION_FAILED', 'The customer signs the pickup', { field: 'signedBy' });
  }
}

/** Receipt numbers: the station's counter copy and the customer's voucher carry the same one. */
export function carryInReceiptNumber(orderNumber: string): string {
  return `R-${orderNumber}`;
}

/** What the customer reads when their device is ready, unless the counter writes its own note. */
export const CARRY_IN_READY_TEXT = {
  'zh-CN': '您送修的设备已经修好，请带上取件凭证到站点领取，我们会当面为您测试。',
  en: 'Your device is repaired. Please bring your pickup voucher to the station; we will test it with you.',
} as const;

/**
 * DESK-03: what a counter step does to the carry-in order itself, so the order's lifecycle follows the
 * device: the receipt takes the order (the receiver holds it), the bench stages only name the step,
 * `ready` completes it (the repair promise stops, callbacks follow by rule) and the signed pickup
 * closes it. An order already past the move (e.g. taken before the receipt) is left as it is.
 */
export type CarryInOrderMove = { action: 'take' | 'complete' | 'close'; to: WorkOrderStatus } | null;

export function carryInOrderMove(status: WorkOrderStatus, stage: CarryInStage): CarryInOrderMove {
  switch (stage) {
    case 'received':
      return ['created', 'triaged', 'assigned', 'returned'].includes(status) ? { action: 'take', to: 'taken' } : null;
    case 'diagnosing':
    case 'repairing':
      return null;
    case 'ready':
      return isOpenStatus(status) ? { action: 'complete', to: 'completed' } : null;
    case 'picked_up':
      return status === 'completed' || status === 'callback' ? { action: 'close', to: 'closed' } : null;
  }
}

/** The order's step (环节) while the device is on the bench (free text shown in lists as it is). */
export const CARRY_IN_BENCH_STEP: Readonly<Partial<Record<CarryInStage, string>>> = {
  diagnosing: '送修检测中',
  repairing: '送修维修中',
};
