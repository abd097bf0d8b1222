import type { Decision } from './lifecycle.js';
import type { WorkOrder } from './work-order.types.js';

/**
 * The order as it is after a decision: its new status and changed facts, one version later. The server
 * writes the same thing in SQL (guarded by the old version, so of two concurrent takes exactly one
 * lands — WO-04); this in-memory form serves offline clients, previews and tests.
 */
export function applyDecision(order: WorkOrder, decision: Decision): WorkOrder {
  return { ...order, ...decision.changes, status: decision.to, version: order.version + 1 };
}
