import type { HgsParams } from './params.js';
import type { Prng } from './prng.js';
import type { Problem } from './problem.js';
import { RouteState } from './routes.js';
import { EPS, Segment } from './segment.js';
import { swapStar } from './swap-star.js';
import { twoOpt, twoOptStar } from './two-opt.js';

/**
 * Granular local search (first improvement) over relocate (1 or 2 customers, either orientation),
 * swap (1-1, 2-1, 2-2), intra-route 2-opt and inter-route 2-opt*, each only between a customer and its
 * correlated neighbours, plus SWAP* between routes whose polar sectors overlap. Every move is priced as
 * concatenations of cached prefix/suffix segments, so evaluation is O(1) except the intra-route
 * variants that must re-walk the part of the route between the two customers.
 */
export class LocalSearch {
  readonly st: RouteState;
  readonly acc: Segment;
  private readonly dist: Float64Array;
  private readonly size: number;
  private readonly n: number;
  private readonly order: Int32Array;
  private readonly lastTested: Int32Array;
  private readonly lastSwapStar: Int32Array;
  /** Scratch node lists for the moves that relink whole paths (2-opt, 2-opt*). */
  readonly buf: Int32Array;
  readonly buf2: Int32Array;
  /** Matrix location of every node id (depot copies → 0) and its row offset: branch-free distances. */
  private readonly locOf: Int32Array;
  private readonly rowOf: Int32Array;
  moves = 0;

  constructor(
    readonly p: Problem,
    readonly params: HgsParams,
    readonly rng: Prng,
    routes: number,
  ) {
    this.st = new RouteState(p, routes);
    this.acc = new Segment(p);
    this.dist = p.dist;
    this.size = p.size;
    this.n = p.n;
    this.order = new Int32Array(p.n);
    for (let i = 0; i < p.n; i++) this.order[i] = i + 1;
    this.lastTested = new Int32Array(p.n + 1);
    this.lastSwapStar = new Int32Array(routes);
    this.buf = new Int32Array(p.n + 2);
    this.buf2 = new Int32Array(p.n + 2);
    this.locOf = new Int32Array(this.st.total);
    this.rowOf = new Int32Array(this.st.total);
    for (let id = 0; id < this.st.total; id++) {
      this.locOf[id] = id <= p.n ? id : 0;
      this.rowOf[id] = this.locOf[id]! * p.size;
    }
  }

  /** Improves `routes` in place under the given penalties and returns the improved routes. */
  run(routes: readonly (readonly number[])[], penaltyLoad: number, penaltyTw: number): number[][] {
    const st = this.st;
    st.penaltyLoad = penaltyLoad;
    st.penaltyTw = penaltyTw;
    st.load(routes);
    this.moves = 1;
    this.lastTested.fill(-1);
    this.lastSwapStar.fill(-1);
    this.rng.shuffle(this.order);
    const g = this.p.granularity;
    const nb = this.p.neighbours;
    let improved = true;
    for (let loop = 0; improved; loop++) {
      improved = false;
      for (let k = 0; k < this.n; k++) {
        const u = this.order[k]!;
        const lastU = this.lastTested[u]!;
        this.lastTested[u] = this.moves;
        const start = this.rng.int(g);
        for (let j = 0; j < g; j++) {
          const v = nb[u * g + ((start + j) % g)]!;
          const ru = st.routeOf[u]!;
          const rv = st.routeOf[v]!;
          if (loop > 0 && Math.max(st.modifiedAt[ru]!, st.modifiedAt[rv]!) <= lastU) continue;
          if (this.tryPair(u, v)) {
            improved = true;
            continue;
          }
          const pv = st.prev[v]!;
          if (st.isDepot(pv) && this.tryDepot(u, pv)) improved = true;
        }
        if (loop > 0) {
          for (let r = 0; r < st.R; r++) {
            if (st.size[r] === 0) {
              if (this.tryDepot(u, st.startDepot(r))) improved = true;
              break;
            }
          }
        }
      }
      // SWAP* is the costliest neighbourhood (all pairs of two routes): only run it once the cheap
      // granular moves are exhausted, as a way out of their local optimum.
      if (this.params.useSwapStar && !improved) {
        for (let r1 = 0; r1 < st.R; r1++) {
          if (st.size[r1] === 0) continue;
          const last1 = this.lastSwapStar[r1]!;
          this.lastSwapStar[r1] = this.moves;
          for (let r2 = r1 + 1; r2 < st.R; r2++) {
            if (st.size[r2] === 0 || !this.sectorsOverlap(r1, r2)) continue;
            if (loop > 0 && Math.max(st.modifiedAt[r1]!, st.modifiedAt[r2]!) <= last1) continue;
            if (swapStar(this, r1, r2)) improved = true;
          }
        }
      }
    }
    const out: number[][] = [];
    for (let r = 0; r < st.R; r++) if (st.size[r]! > 0) out.push(st.customers(r));
    return out;
  }

  d(a: number, b: number): number {
    return this.dist[this.rowOf[a]! + this.locOf[b]!]!;
  }

  /** Cost of the route currently held in the accumulator. */
  accCost(): number {
    return this.acc.cost(this.st.penaltyLoad, this.st.penaltyTw, this.p.capacity);
  }

  /** Test hook: called after each applied move with its evaluated delta and the cost before/after. */
  onMove: ((delta: number, before: number, after: number) => void) | null = null;

  commit(r1: number, r2: number, delta: number): void {
    const before = this.onMove ? this.st.totalCost() : 0;
    this.moves++;
    this.st.update(r1, this.moves);
    if (r2 !== r1) this.st.update(r2, this.moves);
    if (this.onMove) this.onMove(delta, before, this.st.totalCost());
  }

  private sectorsOverlap(r1: number, r2: number): boolean {
    const st = this.st;
    const a0 = st.sectorStart[r1]!;
    const a1 = a0 + st.sectorWidth[r1]!;
    const b0 = st.sectorStart[r2]!;
    const b1 = b0 + st.sectorWidth[r2]!;
    return a0 <= b1 + 1e-9 && b0 <= a1 + 1e-9;
  }

  private tryPair(u: number, v: number): boolean {
    const st = this.st;
    if (st.routeOf[u] === st.routeOf[v]) {
      return this.relocate(u, v) || this.swapIntra(u, v) || twoOpt(this, u, v) || twoOpt(this, v, u);
    }
    return (
      this.relocate(u, v) ||
      this.relocatePair(u, v, false) ||
      this.relocatePair(u, v, true) ||
      this.swap(u, v) ||
      this.swapPair(u, v, false) ||
      this.swapPair(u, v, true) ||
      twoOptStar(this, u, v)
    );
  }

  /** Moves that put u (and possibly its successor) first in a route, v being that route's start depot. */
  private tryDepot(u: number, depot: number): boolean {
    return (
      this.relocate(u, depot) ||
      (this.st.routeOf[u] !== this.st.routeOf[depot] &&
        (this.relocatePair(u, depot, false) || this.relocatePair(u, depot, true) || twoOptStar(this, u, depot)))
    );
  }

  /** Relocate u after v (v may be a start depot). */
  private relocate(u: number, v: number): boolean {
    const st = this.st;
    const pu = st.prev[u]!;
    const x = st.next[u]!;
    const y = st.next[v]!;
    if (v === u || v === pu) return false;
    const ru = st.routeOf[u]!;
    const rv = st.routeOf[v]!;
    const dd = this.d(pu, x) - this.d(pu, u) - this.d(u, x) + this.d(v, u) + this.d(u, y) - this.d(v, y);
    const acc = this.acc;
    let delta: number;
    if (ru !== rv) {
      if (dd >= st.penaltyOf(ru) + st.penaltyOf(rv) - EPS) return false;
      st.appendSuffix(st.loadPrefix(acc, pu), x);
      delta = this.accCost() - st.cost[ru]! - st.cost[rv]!;
      if (delta >= -EPS) return false;
      st.loadPrefix(acc, v).appendNode(u);
      delta += this.accCost2(y);
    } else {
      if (dd >= st.penaltyOf(ru) - EPS) return false;
      if (st.pos[u]! < st.pos[v]!) {
        st.loadPrefix(acc, pu);
        this.st.appendRange(this.acc, x, v);
        acc.appendNode(u);
        st.appendSuffix(acc, y);
      } else {
        st.loadPrefix(acc, v).appendNode(u);
        this.st.appendRange(this.acc, y, pu);
        st.appendSuffix(acc, x);
      }
      delta = this.accCost() - st.cost[ru]!;
    }
    if (delta >= -EPS) return false;
    st.moveAfter(u, v);
    this.commit(ru, rv, delta);
    return true;
  }

  /** acc ⊕ suffix(node), priced. */
  private accCost2(node: number): number {
    this.st.appendSuffix(this.acc, node);
    return this.accCost();
  }

  /** Relocate the pair (u, next u) after v, as (u, x) or reversed (x, u). Inter-route only. */
  private relocatePair(u: number, v: number, reversed: boolean): boolean {
    const st = this.st;
    const x = st.next[u]!;
    if (st.isDepot(x) || v === x) return false;
    const pu = st.prev[u]!;
    const xx = st.next[x]!;
    const y = st.next[v]!;
    const ru = st.routeOf[u]!;
    const rv = st.routeOf[v]!;
    const a = reversed ? x : u;
    const b = reversed ? u : x;
    const dd = this.d(pu, xx) - this.d(pu, u) - this.d(x, xx) + this.d(v, a) + this.d(b, y) - this.d(v, y);
    if (dd >= st.penaltyOf(ru) + st.penaltyOf(rv) - EPS) return false;
    const acc = this.acc;
    st.appendSuffix(st.loadPrefix(acc, pu), xx);
    let delta = this.accCost() - st.cost[ru]! - st.cost[rv]!;
    if (delta >= -EPS) return false;
    st.loadPrefix(acc, v).appendNode(a).appendNode(b);
    delta += this.accCost2(y);
    if (delta >= -EPS) return false;
    st.moveAfter(a, v);
    st.moveAfter(b, a);
    this.commit(ru, rv, delta);
    return true;
  }

  /** Swap customers u and v of different routes. */
  private swap(u: number, v: number): boolean {
    const st = this.st;
    if (st.isDepot(v)) return false;
    const pu = st.prev[u]!;
    const x = st.next[u]!;
    const pv = st.prev[v]!;
    const y = st.next[v]!;
    const ru = st.routeOf[u]!;
    const rv = st.routeOf[v]!;
    const dd =
      this.d(pu, v) +
      this.d(v, x) -
      this.d(pu, u) -
      this.d(u, x) +
      this.d(pv, u) +
      this.d(u, y) -
      this.d(pv, v) -
      this.d(v, y);
    if (dd >= st.penaltyOf(ru) + st.penaltyOf(rv) - EPS) return false;
    const acc = this.acc;
    st.loadPrefix(acc, pu).appendNode(v);
    let delta = this.accCost2(x) - st.cost[ru]! - st.cost[rv]!;
    if (delta >= -EPS) return false;
    st.loadPrefix(acc, pv).appendNode(u);
    delta += this.accCost2(y);
    if (delta >= -EPS) return false;
    st.moveAfter(u, pv);
    st.moveAfter(v, pu);
    this.commit(ru, rv, delta);
    return true;
  }

  /** Swap (u, next u) with v, or with (v, next v) when `both`. Inter-route only. */
  private swapPair(u: number, v: number, both: boolean): boolean {
    const st = this.st;
    const x = st.next[u]!;
    const y = st.next[v]!;
    if (st.isDepot(v) || st.isDepot(x) || (both && st.isDepot(y))) return false;
    const pu = st.prev[u]!;
    const pv = st.prev[v]!;
    const xx = st.next[x]!;
    const vEnd = both ? y : v;
    const yy = st.next[vEnd]!;
    const ru = st.routeOf[u]!;
    const rv = st.routeOf[v]!;
    const dd =
      this.d(pu, v) +
      this.d(vEnd, xx) -
      this.d(pu, u) -
      this.d(x, xx) +
      this.d(pv, u) +
      this.d(x, yy) -
      this.d(pv, v) -
      this.d(vEnd, yy);
    if (dd >= st.penaltyOf(ru) + st.penaltyOf(rv) - EPS) return false;
    const acc = this.acc;
    st.loadPrefix(acc, pu).appendNode(v);
    if (both) acc.appendNode(y);
    let delta = this.accCost2(xx) - st.cost[ru]! - st.cost[rv]!;
    if (delta >= -EPS) return false;
    st.loadPrefix(acc, pv).appendNode(u).appendNode(x);
    delta += this.accCost2(yy);
    if (delta >= -EPS) return false;
    st.moveAfter(u, pv);
    st.moveAfter(x, u);
    st.moveAfter(v, pu);
    if (both) st.moveAfter(y, v);
    this.commit(ru, rv, delta);
    return true;
  }

  /** Swap two customers of the same route. */
  private swapIntra(u: number, v: number): boolean {
    const st = this.st;
    const a = st.pos[u]! < st.pos[v]! ? u : v;
    const b = a === u ? v : u;
    const pa = st.prev[a]!;
    const na = st.next[a]!;
    const nb = st.next[b]!;
    const r = st.routeOf[u]!;
    const acc = this.acc;
    st.loadPrefix(acc, pa).appendNode(b);
    if (na !== b) this.st.appendRange(this.acc, na, st.prev[b]!);
    acc.appendNode(a);
    const delta = this.accCost2(nb) - st.cost[r]!;
    if (delta >= -EPS) return false;
    const pb = st.prev[b]!;
    if (na === b) {
      st.moveAfter(a, b);
    } else {
      st.moveAfter(a, pb);
      st.moveAfter(b, pa);
    }
    this.commit(r, r, delta);
    return true;
  }
}
