import { compile } from './compile.js';
import type { Plan } from './model.js';
import { sim, simulate } from './schedule.js';
import type { StopTimes } from './schedule.js';
import { State } from './state.js';
import { warmStart } from './warm.js';

export type InsertionReason =
  | 'ok'
  | 'late'
  | 'not_qualified'
  | 'area_not_served'
  | 'capacity'
  | 'window_unreachable'
  | 'delays_later_visits'
  | 'shift_or_break'
  | 'unknown';

export interface InsertionVerdict {
  feasible: boolean;
  /** Where it would go (the given position, or the cheapest one). */
  position: number;
  arrival: number;
  start: number;
  lateMinutes: number;
  reason: InsertionReason;
}

/**
 * DSP-04 conflict check for a drag onto an engineer's day: can the engineer reach the order in time
 * after the previous job, and does everything after still hold? Runs the planner's own day simulation
 * on the engineer's current sequence, so the board and the planner never disagree. Without `position`
 * the cheapest position is taken. Feasible means no hard rule breaks; lateness inside a soft allowance
 * is feasible but reported ('late').
 */
export function checkInsertion(plan: Plan, engineerId: string, orderId: string, position?: number): InsertionVerdict {
  const c = compile(plan.request, { neighbours: false });
  const e = c.engIndex.get(engineerId);
  const o = c.orderIndex.get(orderId);
  const none = { feasible: false, position: -1, arrival: NaN, start: NaN, lateMinutes: 0 };
  if (e === undefined || o === undefined) return { ...none, reason: 'unknown' };
  if (!c.qualified[o * c.E + e]) return { ...none, reason: 'not_qualified' };
  if (!c.compat[o * c.E + e]) return { ...none, reason: 'area_not_served' };
  const s = new State(c);
  warmStart(s, plan, { release: false });
  const v = c.orderVisits[o]!.find((x) => s.eng[x] === e) ?? c.orderVisits[o]![0]!;
  if (s.eng[v]! >= 0) s.remove(v);
  const base = s.routes[e]!;
  simulate(c, e, base, base.length);
  const before = sim.violations;
  let pos = position ?? -1;
  if (pos < 0) pos = bestPos(s, v, e);
  pos = Math.max(0, Math.min(pos, base.length));
  const r = [...base.slice(0, pos), v, ...base.slice(pos)];
  const times: StopTimes[] = [];
  simulate(c, e, r, r.length, times);
  const t = times[pos]!;
  const verdict = { position: pos, arrival: t.arrival, start: t.start, lateMinutes: t.late };
  if (sim.violations <= before) return { ...verdict, feasible: true, reason: t.late > 0 ? 'late' : 'ok' };
  let reason: InsertionReason = 'shift_or_break';
  if (r.length > c.maxOrders[e]!) reason = 'capacity';
  else if (t.start > c.hardDue[v]!) reason = 'window_unreachable';
  else if (times.some((x, k) => k !== pos && x.start > c.hardDue[r[k]!]!)) reason = 'delays_later_visits';
  return { ...verdict, feasible: false, reason };
}

function bestPos(s: State, v: number, e: number): number {
  const out = { pos: 0 };
  s.bestInsert(v, e, out);
  return Math.max(0, out.pos);
}
