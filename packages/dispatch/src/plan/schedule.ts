import type { Ctx } from './compile.js';

/**
 * Forward simulation of one engineer's day: leave home at shift start, drive (time-dependent), wait for
 * windows, take breaks, serve, drive home. Why not the solver's time-warp segments: those concatenate
 * in O(1) only for constant travel times and a single depot; here travel depends on the time of day,
 * every engineer has his own home, shift and lunch break, so the day is simulated — routes are short
 * (≈10 stops), which keeps a simulation at well under a microsecond per stop.
 *
 * Hard-rule violations (past the hard window, break missed, back after shift end, too many orders) are
 * not rejected outright but priced at VIOLATION per occurrence plus per minute: a pinned day that has
 * become impossible (an overrun) still gets a schedule, and no move that adds a violation can ever pay
 * for itself, since VIOLATION exceeds every other term.
 */
export const VIOLATION = 1e7;

export interface StopTimes {
  arrival: number;
  start: number;
  end: number;
  travel: number;
  wait: number;
  late: number;
  breakStart: number;
  breakEnd: number;
}

/** Scratch result of the last simulate() call (no allocation in the search loop). */
export const sim = { cost: 0, work: 0, travel: 0, late: 0, violations: 0, returnAt: 0 };

/**
 * Simulates route `r[0..len)` of engineer `e`; returns its cost (travel, lateness, moves away from the
 * previous engineer, violations). `out`, when given, receives per-stop times (for the published plan).
 */
export function simulate(c: Ctx, e: number, r: ArrayLike<number>, len: number, out?: StopTimes[]): number {
  sim.cost = sim.work = sim.travel = sim.late = sim.violations = 0;
  sim.returnAt = c.shiftStart[e]!;
  if (len === 0) return 0;
  const w = c.w;
  const brk = c.breaks[e]!;
  let bi = 0;
  let t = c.shiftStart[e]!;
  let at = c.O + 2 * e;
  let travel = 0;
  let work = 0;
  let cost = 0;
  let violations = 0;
  for (let k = 0; k < len; k++) {
    const v = r[k]!;
    const o = c.visitOrder[v]!;
    let breakStart = NaN;
    let breakEnd = NaN;
    // A break whose window has opened is taken now, before driving on.
    if (bi < brk.length && t >= brk[bi]!.earliest) {
      const b = brk[bi++]!;
      breakStart = t;
      t += b.minutes;
      if (breakStart > b.latest) violations += 1 + (breakStart - b.latest);
      breakEnd = t;
    }
    let tt = c.travel.minutes(at, o, t);
    let arrival = t + tt;
    let start = Math.max(arrival, c.earliest[v]!);
    if (bi < brk.length && Number.isNaN(breakStart)) {
      const b = brk[bi]!;
      const inWait = Math.max(arrival, b.earliest);
      if (inWait + b.minutes <= start && inWait <= b.latest) {
        // The break fits in the wait at the door: free.
        breakStart = inWait;
        breakEnd = inWait + b.minutes;
        bi++;
      } else if (start + c.service[v]! > b.latest) {
        // After this job it would be too late for the break: take it before leaving.
        breakStart = Math.max(t, b.earliest);
        if (breakStart > b.latest) violations += 1 + (breakStart - b.latest);
        t = breakStart + b.minutes;
        breakEnd = t;
        bi++;
        tt = c.travel.minutes(at, o, t);
        arrival = t + tt;
        start = Math.max(arrival, c.earliest[v]!);
      }
    }
    if (start > c.hardDue[v]!) violations += 1 + (start - c.hardDue[v]!);
    const late = Math.max(0, start - c.due[v]!);
    const end = start + c.service[v]!;
    cost += late * c.lateW[v]!;
    sim.late += late;
    const prev = c.prevEng[o]!;
    if (prev.length > 0 && !prev.includes(e)) cost += w.moveAway;
    if (out) {
      out.push({
        arrival,
        start,
        end,
        travel: tt,
        wait: start - arrival - (Number.isNaN(breakStart) || breakStart < arrival ? 0 : breakEnd - breakStart),
        late,
        breakStart,
        breakEnd,
      });
    }
    travel += tt;
    work += c.service[v]!;
    t = end;
    at = o;
  }
  while (bi < brk.length) {
    const b = brk[bi++]!;
    const s = Math.max(t, b.earliest);
    if (s > b.latest) violations += 1 + (s - b.latest);
    t = s + b.minutes;
  }
  const home = c.travel.minutes(at, c.O + 2 * e + 1, t);
  travel += home;
  t += home;
  if (t > c.shiftEnd[e]!) violations += 1 + (t - c.shiftEnd[e]!);
  if (len > c.maxOrders[e]!) violations += len - c.maxOrders[e]!;
  work += travel;
  cost += travel * w.travel + violations * VIOLATION;
  sim.cost = cost;
  sim.work = work;
  sim.travel = travel;
  sim.violations = violations;
  sim.returnAt = t;
  return cost;
}

/** The balance term for one engineer with `work` working minutes. */
export function balanceCost(c: Ctx, e: number, work: number): number {
  const d = work - c.target[e]!;
  return (c.w.balance * d * d) / 60;
}
