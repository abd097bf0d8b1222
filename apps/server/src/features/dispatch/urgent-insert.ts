import { deletePlannedVisits, upsertPlannedVisits, type Tx } from '@daowei/db';
import { evaluateRoutes, replan } from '@daowei/dispatch';
import { DomainError, type DispatchPolicy } from '@daowei/domain';
import { currentSequences, plannedRowsOf } from './current-day.js';
import type { PlanInput } from './plan-request.adapter.js';

/** The `dispatch` remark of orders moved to make room for urgent work. */
export const URGENT_REPLAN_REMARK = 'urgent-replan';

/**
 * DSP-03 "an emergency arrives": re-plans the rest of the day around one urgent order with the
 * planner's minimal-change re-plan — the day as stored is the previous plan, visits started before
 * `nowMinute` are frozen, and moving an order away from its engineer costs, so normal work is displaced
 * only when the urgent order cannot fit otherwise. Returns the new plan and what changed; the caller
 * dispatches the moved orders and stores the sequences (`applyUrgentPlan`).
 */
export function planUrgentInsertion(input: PlanInput, orderId: string, nowMinute: number, policy: DispatchPolicy) {
  const urgent = input.request.orders.find((o) => o.id === orderId);
  if (!urgent) throw new DomainError('NOT_FOUND', 'Work order not found in this station-day', { id: orderId });
  const request = { ...input.request, orders: input.request.orders.filter((o) => o.id !== orderId) };
  const sequences = currentSequences(input).map((s) => ({
    engineerId: s.engineerId,
    orderIds: s.orderIds.filter((id) => id !== orderId),
  }));
  const previous = evaluateRoutes(request, sequences);
  const { pinned: _pinned, previousEngineerIds: _prev, ...fresh } = urgent;
  const result = replan(
    previous,
    { kind: 'new_order', order: fresh, now: Math.max(0, nowMinute) },
    { timeLimitMs: policy.replanTimeLimitMs, seed: policy.seed, maxIterations: policy.planMaxIterations },
  );
  const route = result.plan.routes.find((r) => r.stops.some((s) => s.orderId === orderId));
  if (!route) {
    const why = result.plan.unassigned.find((u) => u.orderId === orderId)?.reason ?? 'unknown';
    throw new DomainError('DSP_INSERTION_REFUSED', 'No engineer can take the urgent order today', { reason: why });
  }
  const before = new Map(previous.routes.flatMap((r) => r.stops.map((s) => [s.orderId, r.engineerId] as const)));
  const displaced = result.plan.unassigned.map((u) => u.orderId).filter((id) => before.has(id));
  return { plan: result.plan, engineerId: route.engineerId, changedOrderIds: result.changedOrderIds, displaced };
}

/** Stores the re-planned day: moved orders are dispatched by the caller; displaced ones lose their place. */
export async function storeUrgentPlan(
  tx: Tx,
  tenantId: string,
  input: PlanInput,
  planned: ReturnType<typeof planUrgentInsertion>,
): Promise<void> {
  await deletePlannedVisits(tx, tenantId, planned.displaced);
  await upsertPlannedVisits(
    tx,
    tenantId,
    plannedRowsOf(input, planned.plan, (id) => input.planned.get(id)?.source ?? 'plan'),
  );
}
