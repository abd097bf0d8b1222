import { compile } from './compile.js';
import { insertCrew, regretInsert } from './construct.js';
import { toPlan } from './explain.js';
import { improve } from './improve.js';
import type { Plan, PlanOptions, PlanOrder, PlanRequest } from './model.js';
import { State } from './state.js';
import { warmStart } from './warm.js';

/** What happened during the day. `now` is minutes since midnight: visits started before it are frozen. */
export type PlanChange =
  | { kind: 'new_order'; order: PlanOrder; now: number }
  | { kind: 'overrun'; orderId: string; extraMinutes: number; now: number }
  | { kind: 'engineer_off'; engineerId: string; now: number };

export interface ReplanResult {
  plan: Plan;
  /** Previously planned orders now with another engineer (or none): the "changes as little as needed" figure. */
  changedAssignments: number;
  changedOrderIds: string[];
}

/**
 * Re-plans the rest of the day after one change (DSP-03). Started visits are frozen (pinned with their
 * actual start), every other order remembers its engineer and moving it away costs
 * `weights.moveAway`; the search starts from the previous plan, releases only what no longer fits,
 * re-inserts it, then improves briefly — so the answer is the old plan plus the least disruption that
 * pays for itself.
 */
export function replan(previous: Plan, change: PlanChange, options: PlanOptions): ReplanResult {
  const t0 = performance.now();
  const prevReq = previous.request;
  const prevEngs = new Map<string, string[]>();
  const started = new Map<string, { engineerId: string; sequence: number; start: number }>();
  for (const r of previous.routes) {
    r.stops.forEach((stop, k) => {
      prevEngs.set(stop.orderId, [...(prevEngs.get(stop.orderId) ?? []), r.engineerId]);
      if (stop.start < change.now && !stop.crewWith?.length) {
        started.set(stop.orderId, { engineerId: r.engineerId, sequence: k, start: stop.start });
      }
    });
  }
  let engineers = prevReq.engineers;
  if (change.kind === 'engineer_off') engineers = engineers.filter((e) => e.id !== change.engineerId);
  const gone = change.kind === 'engineer_off' ? change.engineerId : null;
  const orders: PlanOrder[] = prevReq.orders.map((o) => {
    const copy: PlanOrder = { ...o };
    const pin = started.get(o.id);
    if (pin && pin.engineerId !== gone) copy.pinned = pin;
    else copy.earliest = Math.max(o.earliest ?? 0, change.now);
    const prev = prevEngs.get(o.id);
    if (prev) copy.previousEngineerIds = prev;
    if (change.kind === 'overrun' && o.id === change.orderId) copy.serviceMinutes += change.extraMinutes;
    return copy;
  });
  if (change.kind === 'new_order')
    orders.push({ ...change.order, earliest: Math.max(change.order.earliest ?? 0, change.now) });
  const request: PlanRequest = { ...prevReq, engineers, orders };

  const c = compile(request);
  const s = new State(c);
  const { released, crews } = warmStart(s, previous, { release: true });
  for (const vs of crews) insertCrew(s, vs);
  regretInsert(s, released);
  const { state, iterations } = improve(s, {
    deadline: t0 + options.timeLimitMs,
    maxIterations: options.maxIterations ?? Infinity,
    seed: options.seed ?? 1,
  });
  const plan = toPlan(state, iterations, performance.now() - t0);
  const now = new Map<string, string[]>();
  for (const r of plan.routes)
    for (const st of r.stops) now.set(st.orderId, [...(now.get(st.orderId) ?? []), r.engineerId]);
  const changedOrderIds = [...prevEngs.keys()].filter((id) => {
    const a = [...prevEngs.get(id)!].sort().join();
    const b = [...(now.get(id) ?? [])].sort().join();
    return a !== b;
  });
  return { plan, changedAssignments: changedOrderIds.length, changedOrderIds };
}
