import type { NewPlannedVisit, PlannedVisitSource } from '@daowei/db';
import type { Plan, RouteSequence } from '@daowei/dispatch';
import type { PlanInput } from './plan-request.adapter.js';

/**
 * DSP-01/04: each engineer's day as it stands — the stored sequence (an applied plan, a drag) first,
 * then orders he holds or was offered that have no stored place yet, in appointment order.
 */
export function currentSequences(input: PlanInput): RouteSequence[] {
  return input.request.engineers.map((e) => {
    const stored = input.request.orders
      .filter((o) => input.planned.get(o.id)?.engineerId === e.id)
      .sort((a, b) => input.planned.get(a.id)!.seq - input.planned.get(b.id)!.seq);
    const unplaced = input.request.orders
      .filter((o) => !input.planned.has(o.id) && o.previousEngineerIds?.[0] === e.id)
      .sort((a, b) => (a.window?.start ?? 0) - (b.window?.start ?? 0));
    return { engineerId: e.id, orderIds: [...stored, ...unplaced].map((o) => o.id) };
  });
}

/**
 * Rows to store for the given engineers' routes of a plan (all routes when `engineerIds` is omitted).
 * A visit's overrun (DSP-03) stays with it however the day is re-sequenced; `extraMinutes` adds to it.
 */
export function plannedRowsOf(
  input: PlanInput,
  plan: Plan,
  source: (orderId: string) => PlannedVisitSource,
  engineerIds?: ReadonlySet<string>,
  extraMinutes?: { orderId: string; minutes: number },
): NewPlannedVisit[] {
  const at = (m: number) => new Date(input.midnight.getTime() + m * 60_000);
  return plan.routes
    .filter((r) => !engineerIds || engineerIds.has(r.engineerId))
    .flatMap((r) =>
      r.stops.map((s, seq) => ({
        orderId: s.orderId,
        engineerId: r.engineerId,
        day: input.request.date,
        seq,
        plannedStart: Number.isFinite(s.start) ? at(s.start) : null,
        plannedEnd: Number.isFinite(s.end) ? at(s.end) : null,
        source: source(s.orderId),
        explanation: s.explanation.text || null,
        overrunMinutes:
          (input.planned.get(s.orderId)?.overrunMinutes ?? 0) +
          (extraMinutes?.orderId === s.orderId ? extraMinutes.minutes : 0),
      })),
    );
}
