import type { Plan } from './model.js';
import { sim, simulate } from './schedule.js';
import type { State } from './state.js';

/**
 * Rebuilds a previous plan's routes inside a fresh state (for re-planning and the DSP-04 check). Each
 * engineer's stops are re-added in their old order; a stop that now breaks a hard rule (the day was
 * pushed by an overrun, a window became unreachable) is released instead, unless it is pinned. A crew
 * visit keeps its old start minute so the crew stays synchronised; if any member cannot keep it, the
 * whole crew order is released. Returns the released visits (unlocked ones and crew sets).
 */
export function warmStart(s: State, prev: Plan, opts: { release: boolean }): { released: number[]; crews: number[][] } {
  const c = s.c;
  const used = new Set<number>();
  const released: number[] = [];
  const crewBroken = new Set<number>();
  const original = new Map<number, [number, number]>();
  for (const route of prev.routes) {
    const e = c.engIndex.get(route.engineerId);
    if (e === undefined) continue;
    const r: number[] = [];
    let violations = 0;
    for (const stop of route.stops) {
      const o = c.orderIndex.get(stop.orderId);
      if (o === undefined) continue;
      const v = c.orderVisits[o]!.find((x) => !used.has(x));
      if (v === undefined) continue;
      used.add(v);
      const crew = c.orderVisits[o]!.length > 1;
      if (crew) {
        original.set(v, [c.earliest[v]!, c.hardDue[v]!]);
        c.earliest[v] = c.hardDue[v] = stop.start;
      }
      if (c.pinnedEng[v]! >= 0 && c.pinnedEng[v] !== e) continue;
      r.push(v);
      simulate(c, e, r, r.length);
      if (opts.release && sim.violations > violations && c.pinnedEng[v]! < 0) {
        r.pop();
        if (crew) crewBroken.add(o);
        else released.push(v);
        continue;
      }
      violations = sim.violations;
    }
    s.setRoute(e, r);
  }
  // Crew orders: all members present and synchronised, or released as a set.
  for (let o = 0; o < c.O; o++) {
    const vs = c.orderVisits[o]!;
    if (vs.length < 2) continue;
    const placed = vs.filter((v) => s.eng[v]! >= 0);
    if (placed.length < vs.length) crewBroken.add(o);
  }
  const crews: number[][] = [];
  for (const o of crewBroken) {
    for (const v of c.orderVisits[o]!) {
      if (s.eng[v]! >= 0) s.remove(v);
      const w = original.get(v);
      if (w) [c.earliest[v], c.hardDue[v]] = w;
    }
    crews.push(c.orderVisits[o]!);
  }
  for (let v = 0; v < c.V; v++) {
    if (s.eng[v]! >= 0 || used.has(v) || c.locked[v]) continue;
    released.push(v);
  }
  return { released: [...new Set(released)], crews };
}
