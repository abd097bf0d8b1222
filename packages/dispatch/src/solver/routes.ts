import type { Problem } from './problem.js';
import { Segment } from './segment.js';

/**
 * The local search's working solution: doubly linked routes over node ids with cached prefix and suffix
 * time-warp segments at every node. Customers are ids 1..n; route r owns two private depot ids
 * (start n+1+r, end n+1+R+r) so that "insert after the depot of route r" is an ordinary insertion.
 * All arrays are typed and sized once: the search never allocates per move.
 */
export class RouteState {
  readonly R: number;
  readonly total: number;
  readonly next: Int32Array;
  readonly prev: Int32Array;
  readonly routeOf: Int32Array;
  readonly pos: Int32Array;
  /** Prefix segment (start depot … node) and suffix segment (node … end depot), field by field. */
  readonly pDist: Float64Array;
  readonly pDur: Float64Array;
  readonly pTw: Float64Array;
  readonly pE: Float64Array;
  readonly pL: Float64Array;
  readonly pLoad: Float64Array;
  readonly sDist: Float64Array;
  readonly sDur: Float64Array;
  readonly sTw: Float64Array;
  readonly sE: Float64Array;
  readonly sL: Float64Array;
  readonly sLoad: Float64Array;
  /** Per route: size, penalised cost, and the move counter when it last changed. */
  readonly size: Int32Array;
  readonly cost: Float64Array;
  readonly modifiedAt: Int32Array;
  /** Per route: polar sector [start, start+width] of its customers, for SWAP* pruning. */
  readonly sectorStart: Float64Array;
  readonly sectorWidth: Float64Array;
  penaltyLoad = 1;
  penaltyTw = 1;
  private readonly acc: Segment;

  constructor(
    readonly p: Problem,
    routes: number,
  ) {
    this.R = routes;
    this.total = p.n + 1 + 2 * routes;
    const t = this.total;
    this.next = new Int32Array(t);
    this.prev = new Int32Array(t);
    this.routeOf = new Int32Array(t);
    this.pos = new Int32Array(t);
    this.pDist = new Float64Array(t);
    this.pDur = new Float64Array(t);
    this.pTw = new Float64Array(t);
    this.pE = new Float64Array(t);
    this.pL = new Float64Array(t);
    this.pLoad = new Float64Array(t);
    this.sDist = new Float64Array(t);
    this.sDur = new Float64Array(t);
    this.sTw = new Float64Array(t);
    this.sE = new Float64Array(t);
    this.sL = new Float64Array(t);
    this.sLoad = new Float64Array(t);
    this.size = new Int32Array(routes);
    this.cost = new Float64Array(routes);
    this.modifiedAt = new Int32Array(routes);
    this.sectorStart = new Float64Array(routes);
    this.sectorWidth = new Float64Array(routes);
    this.acc = new Segment(p);
  }

  startDepot(r: number): number {
    return this.p.n + 1 + r;
  }

  endDepot(r: number): number {
    return this.p.n + 1 + this.R + r;
  }

  /** Location (matrix index) of a node id: customers are themselves, every depot copy is 0. */
  loc(id: number): number {
    return id <= this.p.n ? id : 0;
  }

  isDepot(id: number): boolean {
    return id > this.p.n;
  }

  /** Loads routes (lists of customers); routes beyond `routes.length` stay empty. */
  load(routes: readonly (readonly number[])[]): void {
    if (routes.length > this.R) throw new Error('more routes than vehicles');
    for (let r = 0; r < this.R; r++) {
      const s = this.startDepot(r);
      const e = this.endDepot(r);
      let last = s;
      for (const c of routes[r] ?? []) {
        this.next[last] = c;
        this.prev[c] = last;
        last = c;
      }
      this.next[last] = e;
      this.prev[e] = last;
      this.prev[s] = e;
      this.next[e] = s;
      this.modifiedAt[r] = 0;
      this.update(r, 0);
    }
  }

  /** Recomputes positions, prefix/suffix segments, cost and sector of route r (O(route length)). */
  update(r: number, moveCount: number): void {
    const p = this.p;
    const acc = this.acc;
    const s = this.startDepot(r);
    const e = this.endDepot(r);
    acc.setNode(0);
    this.storePrefix(s, acc);
    this.routeOf[s] = r;
    this.pos[s] = 0;
    let node = this.next[s]!;
    let k = 1;
    let minA = Infinity;
    let maxA = -Infinity;
    let first = -1;
    while (node !== e) {
      this.routeOf[node] = r;
      this.pos[node] = k++;
      acc.appendNode(node);
      this.storePrefix(node, acc);
      const a = p.angle[node]!;
      if (first < 0) first = node;
      if (a < minA) minA = a;
      if (a > maxA) maxA = a;
      node = this.next[node]!;
    }
    this.routeOf[e] = r;
    this.pos[e] = k;
    acc.appendNode(0);
    this.storePrefix(e, acc);
    this.size[r] = k - 1;
    this.cost[r] = acc.cost(this.penaltyLoad, this.penaltyTw, p.capacity);
    this.modifiedAt[r] = moveCount;
    this.sectorStart[r] = minA;
    this.sectorWidth[r] = first < 0 ? -1 : maxA - minA;
    acc.setNode(0);
    this.storeSuffix(e, acc);
    node = this.prev[e]!;
    while (node !== s) {
      acc.prependNode(node);
      this.storeSuffix(node, acc);
      node = this.prev[node]!;
    }
    acc.prependNode(0);
    this.storeSuffix(s, acc);
  }

  /** Re-prices every route after a penalty change. */
  reprice(): void {
    for (let r = 0; r < this.R; r++) {
      const e = this.endDepot(r);
      this.cost[r] =
        this.pDist[e]! +
        this.penaltyLoad * Math.max(0, this.pLoad[e]! - this.p.capacity) +
        this.penaltyTw * this.pTw[e]!;
    }
  }

  /** acc ← prefix(node). */
  loadPrefix(acc: Segment, node: number): Segment {
    acc.first = 0;
    acc.last = this.loc(node);
    acc.dist = this.pDist[node]!;
    acc.dur = this.pDur[node]!;
    acc.tw = this.pTw[node]!;
    acc.e = this.pE[node]!;
    acc.l = this.pL[node]!;
    acc.load = this.pLoad[node]!;
    return acc;
  }

  /** acc ← acc ⊕ suffix(node). */
  appendSuffix(acc: Segment, node: number): Segment {
    return acc.append(
      this.loc(node),
      0,
      this.sDist[node]!,
      this.sDur[node]!,
      this.sTw[node]!,
      this.sE[node]!,
      this.sL[node]!,
      this.sLoad[node]!,
    );
  }

  /** Current customers of route r in order. */
  customers(r: number): number[] {
    const out: number[] = [];
    const e = this.endDepot(r);
    for (let v = this.next[this.startDepot(r)]!; v !== e; v = this.next[v]!) out.push(v);
    return out;
  }

  /** Moves `node` to just after `after` (possibly in another route); callers update the routes. */
  moveAfter(node: number, after: number): void {
    const pn = this.prev[node]!;
    const nn = this.next[node]!;
    this.next[pn] = nn;
    this.prev[nn] = pn;
    const na = this.next[after]!;
    this.next[after] = node;
    this.prev[node] = after;
    this.next[node] = na;
    this.prev[na] = node;
  }

  /** Relinks `from` → nodes[0..count) → `end` (used by 2-opt and 2-opt* to splice chains). */
  link(from: number, nodes: Int32Array, count: number, end: number): void {
    let last = from;
    for (let i = 0; i < count; i++) {
      const node = nodes[i]!;
      this.next[last] = node;
      this.prev[node] = last;
      last = node;
    }
    this.next[last] = end;
    this.prev[end] = last;
  }

  /** acc ← acc ⊕ a ⊕ … ⊕ b following the route (a before or equal to b). */
  appendRange(acc: Segment, a: number, b: number): void {
    for (let node = a; ; node = this.next[node]!) {
      acc.appendNode(node);
      if (node === b) break;
    }
  }

  penaltyOf(r: number): number {
    return this.cost[r]! - this.pDist[this.endDepot(r)]!;
  }

  totalCost(): number {
    let c = 0;
    for (let r = 0; r < this.R; r++) c += this.cost[r]!;
    return c;
  }

  private storePrefix(node: number, a: Segment): void {
    this.pDist[node] = a.dist;
    this.pDur[node] = a.dur;
    this.pTw[node] = a.tw;
    this.pE[node] = a.e;
    this.pL[node] = a.l;
    this.pLoad[node] = a.load;
  }

  private storeSuffix(node: number, a: Segment): void {
    this.sDist[node] = a.dist;
    this.sDur[node] = a.dur;
    this.sTw[node] = a.tw;
    this.sE[node] = a.e;
    this.sL[node] = a.l;
    this.sLoad[node] = a.load;
  }
}
