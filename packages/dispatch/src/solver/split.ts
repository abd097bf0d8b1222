import type { Problem } from './problem.js';
import { Segment } from './segment.js';

/**
 * Split (Prins 2004; Vidal's HGS): optimal segmentation of a giant tour into routes under the current
 * penalties, by a shortest path over "route from tour[i] to tour[j]". Route costs extend in O(1) per
 * customer thanks to the time-warp segment algebra. With a fleet bound, a layered Bellman version
 * (k routes used) is run only when the unbounded split needs more vehicles than allowed.
 */
export class Splitter {
  private readonly acc: Segment;
  private readonly depotDue: number;
  private readonly depotDemand: number;
  private readonly pot: Float64Array;
  private readonly pred: Int32Array;
  private potK: Float64Array;
  private predK: Int32Array;

  constructor(
    private readonly p: Problem,
    private readonly loadFactor: number,
  ) {
    this.acc = new Segment(p);
    this.depotDue = p.due[0]!;
    this.depotDemand = p.demand[0]!;
    this.pot = new Float64Array(p.n + 1);
    this.pred = new Int32Array(p.n + 1);
    this.potK = new Float64Array(0);
    this.predK = new Int32Array(0);
  }

  /** Returns routes (lists of customers) for `tour`, using at most `maxRoutes` routes. */
  split(tour: Int32Array, maxRoutes: number, penaltyLoad: number, penaltyTw: number): number[][] {
    const n = tour.length;
    const { pot, pred } = this;
    pot.fill(Infinity);
    pot[0] = 0;
    const limit = this.loadFactor * this.p.capacity;
    for (let i = 0; i < n; i++) {
      if (pot[i] === Infinity) continue;
      this.acc.setNode(0);
      for (let j = i; j < n; j++) {
        this.acc.appendNode(tour[j]!);
        if (j > i && this.acc.load > limit) break;
        const c = pot[i]! + this.closedCost(penaltyLoad, penaltyTw);
        if (c < pot[j + 1]!) {
          pot[j + 1] = c;
          pred[j + 1] = i;
        }
      }
    }
    let count = 0;
    for (let j = n; j > 0; j = pred[j]!) count++;
    if (count <= maxRoutes) return this.extract(tour, pred, n);
    return (
      this.splitBounded(tour, maxRoutes, penaltyLoad, penaltyTw, limit) ??
      this.splitBounded(tour, maxRoutes, penaltyLoad, penaltyTw, Infinity)!
    );
  }

  /** Layered split with at most K routes; null when no split respects the load cut-off. */
  private splitBounded(
    tour: Int32Array,
    K: number,
    penaltyLoad: number,
    penaltyTw: number,
    limit: number,
  ): number[][] | null {
    const n = tour.length;
    const w = n + 1;
    if (this.potK.length < (K + 1) * w) {
      this.potK = new Float64Array((K + 1) * w);
      this.predK = new Int32Array((K + 1) * w);
    }
    const pot = this.potK;
    const pred = this.predK;
    pot.fill(Infinity, 0, (K + 1) * w);
    pot[0] = 0;
    for (let k = 0; k < K; k++) {
      for (let i = k; i < n; i++) {
        const base = pot[k * w + i]!;
        if (base === Infinity) continue;
        this.acc.setNode(0);
        for (let j = i; j < n; j++) {
          this.acc.appendNode(tour[j]!);
          if (j > i && this.acc.load > limit) break;
          const c = base + this.closedCost(penaltyLoad, penaltyTw);
          if (c < pot[(k + 1) * w + j + 1]!) {
            pot[(k + 1) * w + j + 1] = c;
            pred[(k + 1) * w + j + 1] = i;
          }
        }
      }
    }
    let bestK = 1;
    for (let k = 1; k <= K; k++) if (pot[k * w + n]! < pot[bestK * w + n]!) bestK = k;
    if (pot[bestK * w + n] === Infinity) return null;
    const routes: number[][] = [];
    let j = n;
    for (let k = bestK; k > 0; k--) {
      const i = pred[k * w + j]!;
      routes.push(Array.from(tour.subarray(i, j)));
      j = i;
    }
    return routes.reverse();
  }

  private extract(tour: Int32Array, pred: Int32Array, n: number): number[][] {
    const routes: number[][] = [];
    for (let j = n; j > 0;) {
      const i = pred[j]!;
      routes.push(Array.from(tour.subarray(i, j)));
      j = i;
    }
    return routes.reverse();
  }

  /**
   * Penalised cost of the open route in `acc` once it returns to the depot: `acc ⊕ depot` written out
   * (same arithmetic as Segment.append, without copying the accumulator — this is split's inner loop).
   */
  private closedCost(penaltyLoad: number, penaltyTw: number): number {
    const a = this.acc;
    const p = this.p;
    const t = p.dist[a.last * p.size]!;
    const warp = Math.max(a.e + (a.dur - a.tw + t) - this.depotDue, 0);
    const load = a.load + this.depotDemand;
    return a.dist + t + penaltyLoad * Math.max(0, load - p.capacity) + penaltyTw * (a.tw + warp);
  }
}
