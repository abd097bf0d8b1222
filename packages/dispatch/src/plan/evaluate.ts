import { compile } from './compile.js';
import { toPlan } from './explain.js';
import type { Plan, PlanRequest } from './model.js';
import { State } from './state.js';
import { warmStart } from './warm.js';

/** An engineer's day as a sequence of order ids (what the board and the phone store). */
export interface RouteSequence {
  engineerId: string;
  orderIds: readonly string[];
}

/**
 * The day exactly as sequenced (DSP-01/04): stop times, lateness and explanations of the given routes,
 * simulated by the planner's own schedule model without searching. Orders in no sequence are reported
 * unassigned with the planner's reason. Nothing is released: a sequence that breaks a rule shows it.
 */
export function evaluateRoutes(request: PlanRequest, sequences: readonly RouteSequence[]): Plan {
  const t0 = performance.now();
  const c = compile(request, { neighbours: false });
  const s = new State(c);
  const skeleton: Plan = {
    request,
    routes: sequences.map((q) => ({
      engineerId: q.engineerId,
      stops: q.orderIds.map((orderId) => ({ orderId }) as Plan['routes'][number]['stops'][number]),
      departure: 0,
      returnAt: 0,
      travelMinutes: 0,
      serviceMinutes: 0,
      waitingMinutes: 0,
      lateMinutes: 0,
      distanceKm: 0,
    })),
    unassigned: [],
    stats: {
      assigned: 0,
      unassigned: 0,
      travelMinutes: 0,
      lateMinutes: 0,
      lateStops: 0,
      distanceKm: 0,
      loadStdDevMinutes: 0,
      cost: 0,
      iterations: 0,
      elapsedMs: 0,
    },
  };
  warmStart(s, skeleton, { release: false });
  return toPlan(s, 0, performance.now() - t0);
}

/** The sequences of a plan, e.g. to move one order and evaluate again. */
export const sequencesOf = (plan: Plan): RouteSequence[] =>
  plan.routes.map((r) => ({ engineerId: r.engineerId, orderIds: r.stops.map((s) => s.orderId) }));

/**
 * DSP-04 drag: the order leaves whatever route it was on and goes to `engineerId` at `position`
 * (clamped to the route). Other routes keep their order: a manual move changes nothing else.
 */
export function moveOrder(
  sequences: readonly RouteSequence[],
  orderId: string,
  engineerId: string,
  position: number,
): RouteSequence[] {
  const out = sequences.map((q) => ({ engineerId: q.engineerId, orderIds: q.orderIds.filter((id) => id !== orderId) }));
  let target = out.find((q) => q.engineerId === engineerId);
  if (!target) {
    target = { engineerId, orderIds: [] };
    out.push(target);
  }
  const ids = [...target.orderIds];
  ids.splice(Math.max(0, Math.min(position, ids.length)), 0, orderId);
  target.orderIds = ids;
  return out;
}
