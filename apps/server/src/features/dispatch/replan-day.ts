import { deletePlannedVisits, upsertPlannedVisits, type Tx } from '@daowei/db';
import { evaluateRoutes, replan, type PlanChange } from '@daowei/dispatch';
import { DomainError, type DispatchPolicy } from '@daowei/domain';
import { currentSequences, plannedRowsOf } from './current-day.js';
import type { PlanInput } from './plan-request.adapter.js';
import type { ReplanBody } from './dispatch.schemas.js';

/** The `dispatch` remark of orders moved by a re-plan during the day. */
export const REPLAN_REMARK = 'replan';
/** The remark of orders a re-plan could not keep: back to the station's queue for the coordinator. */
export const REPLAN_RETURNED_REMARK = 'replan-returned';

/**
 * DSP-03 "an engineer is ill" / "an order runs long": re-plans the rest of the stored day with the
 * planner's minimal-change re-plan. Visits started before `nowMinute` stay (an ill engineer's are
 * released: he is gone); every other visit remembers its engineer and moving it costs, so only what no
 * longer fits moves. Returns the new plan and what changed; the caller stores and dispatches it.
 */
export function planDayChange(
  input: PlanInput,
  change: ReplanBody['change'],
  nowMinute: number,
  policy: Pick<DispatchPolicy, 'replanTimeLimitMs' | 'seed' | 'planMaxIterations' | 'maxOverrunMinutes'>,
) {
  const now = Math.max(0, nowMinute);
  const sequences = currentSequences(input);
  let request = input.request;
  let plannerChange: PlanChange;
  if (change.kind === 'engineer_off') {
    if (!input.request.engineers.some((e) => e.id === change.engineerId)) {
      throw new DomainError('NOT_FOUND', 'Engineer not on shift at this station that day', { id: change.engineerId });
    }
    // His confirmed visits were pinned to him; he cannot do them now, so they are free to move.
    const gone = change.engineerId;
    request = {
      ...request,
      orders: request.orders.map((o) => {
        if (o.pinned?.engineerId !== gone) return o;
        const { pinned: _pinned, ...free } = o;
        return free;
      }),
    };
    plannerChange = { kind: 'engineer_off', engineerId: change.engineerId, now };
  } else {
    if (!sequences.some((s) => s.orderIds.includes(change.orderId))) {
      throw new DomainError('NOT_FOUND', 'The order is not in anyone’s day at this station', { id: change.orderId });
    }
    if (change.extraMinutes > policy.maxOverrunMinutes) {
      throw new DomainError('VALIDATION_FAILED', `An overrun adds at most ${policy.maxOverrunMinutes} minutes`, {
        field: 'change.extraMinutes',
      });
    }
    plannerChange = { kind: 'overrun', orderId: change.orderId, extraMinutes: change.extraMinutes, now };
  }
  const previous = evaluateRoutes(request, sequences);
  const result = replan(previous, plannerChange, {
    timeLimitMs: policy.replanTimeLimitMs,
    seed: policy.seed,
    maxIterations: policy.planMaxIterations,
  });
  const before = new Map(previous.routes.flatMap((r) => r.stops.map((s) => [s.orderId, r.engineerId] as const)));
  const displaced = result.plan.unassigned.map((u) => u.orderId).filter((id) => before.has(id));
  const movedTo = new Map<string, string>();
  for (const r of result.plan.routes) {
    for (const s of r.stops) if (before.get(s.orderId) !== r.engineerId) movedTo.set(s.orderId, r.engineerId);
  }
  const overrun = change.kind === 'overrun' ? { orderId: change.orderId, minutes: change.extraMinutes } : undefined;
  return { plan: result.plan, displaced, movedTo, changedOrderIds: result.changedOrderIds, overrun };
}

/** Stores the re-planned day: displaced orders lose their place; the caller dispatches the moves. */
export async function storeDayChange(
  tx: Tx,
  tenantId: string,
  input: PlanInput,
  planned: ReturnType<typeof planDayChange>,
): Promise<void> {
  await deletePlannedVisits(tx, tenantId, planned.displaced);
  const source = (id: string) => input.planned.get(id)?.source ?? 'plan';
  await upsertPlannedVisits(tx, tenantId, plannedRowsOf(input, planned.plan, source, undefined, planned.overrun));
}
