import type { Ctx } from './compile.js';
import { balanceCost, sim, simulate } from './schedule.js';

/**
 * A working solution: each engineer's visit sequence plus cached route costs, so a move is priced by
 * re-simulating only the routes it touches. Total cost = Σ route costs + Σ balance terms + Σ penalties
 * of unplanned visits.
 */
export class State {
  routes: number[][];
  eng: Int32Array;
  routeCost: Float64Array;
  routeWork: Float64Array;
  /** Scratch buffer for candidate routes. */
  private buf: number[] = [];

  constructor(readonly c: Ctx) {
    this.routes = Array.from({ length: c.E }, () => []);
    this.eng = new Int32Array(c.V).fill(-1);
    this.routeCost = new Float64Array(c.E);
    this.routeWork = new Float64Array(c.E);
  }

  clone(): State {
    const s = new State(this.c);
    s.routes = this.routes.map((r) => r.slice());
    s.eng.set(this.eng);
    s.routeCost.set(this.routeCost);
    s.routeWork.set(this.routeWork);
    return s;
  }

  total(): number {
    let t = 0;
    for (let e = 0; e < this.c.E; e++) t += this.current(e);
    for (let v = 0; v < this.c.V; v++) if (this.eng[v]! < 0) t += this.c.dropW[v]!;
    return t;
  }

  /** Route e's cost + balance if its sequence were `r`. Leaves `sim` holding the details. */
  price(e: number, r: readonly number[]): number {
    const cost = simulate(this.c, e, r, r.length);
    return cost + balanceCost(this.c, e, sim.work);
  }

  current(e: number): number {
    return this.routeCost[e]! + balanceCost(this.c, e, this.routeWork[e]!);
  }

  setRoute(e: number, r: number[]): void {
    this.routes[e] = r;
    for (const v of r) this.eng[v] = e;
    this.routeCost[e] = simulate(this.c, e, r, r.length);
    this.routeWork[e] = sim.work;
  }

  /**
   * Cheapest insertion of visit v into route e (delta of route cost + balance), or Infinity.
   * Visits may not be inserted in front of a pinned visit with a fixed start that is already under way
   * — the simulation prices that as a violation anyway.
   */
  bestInsert(v: number, e: number, out: { pos: number }): number {
    const r = this.routes[e]!;
    const base = this.current(e);
    const buf = this.buf;
    let best = Infinity;
    out.pos = -1;
    for (let p = 0; p <= r.length; p++) {
      buf.length = 0;
      for (let k = 0; k < p; k++) buf.push(r[k]!);
      buf.push(v);
      for (let k = p; k < r.length; k++) buf.push(r[k]!);
      const d = this.price(e, buf) - base;
      if (d < best) {
        best = d;
        out.pos = p;
      }
    }
    return best;
  }

  insert(v: number, e: number, pos: number): void {
    const r = this.routes[e]!;
    r.splice(pos, 0, v);
    this.eng[v] = e;
    this.routeCost[e] = simulate(this.c, e, r, r.length);
    this.routeWork[e] = sim.work;
  }

  remove(v: number): void {
    const e = this.eng[v]!;
    if (e < 0) return;
    const r = this.routes[e]!;
    r.splice(r.indexOf(v), 1);
    this.eng[v] = -1;
    this.routeCost[e] = simulate(this.c, e, r, r.length);
    this.routeWork[e] = sim.work;
  }
}
