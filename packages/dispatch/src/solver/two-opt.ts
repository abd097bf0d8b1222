import type { RouteState } from './routes.js';
import { EPS, type Segment } from './segment.js';

/** What the 2-opt moves need of the local search (LocalSearch implements it). */
export interface TwoOptHost {
  readonly st: RouteState;
  readonly acc: Segment;
  /** Scratch node lists, each as long as the problem has nodes. */
  readonly buf: Int32Array;
  readonly buf2: Int32Array;
  d(a: number, b: number): number;
  accCost(): number;
  commit(r1: number, r2: number, delta: number): void;
}

/** acc ⊕ suffix(node), priced. */
function accCost2(ls: TwoOptHost, node: number): number {
  ls.st.appendSuffix(ls.acc, node);
  return ls.accCost();
}

/** Intra-route 2-opt: reverse the path from next(u) to v (u before v). */
export function twoOpt(ls: TwoOptHost, u: number, v: number): boolean {
  const st = ls.st;
  if (st.pos[u]! >= st.pos[v]!) return false;
  const x = st.next[u]!;
  if (x === v) return false;
  const y = st.next[v]!;
  const r = st.routeOf[u]!;
  const dd = ls.d(u, v) + ls.d(x, y) - ls.d(u, x) - ls.d(v, y);
  if (dd >= st.penaltyOf(r) - EPS) return false;
  const acc = ls.acc;
  st.loadPrefix(acc, u);
  for (let node = v; ; node = st.prev[node]!) {
    acc.appendNode(node);
    if (node === x) break;
  }
  const delta = accCost2(ls, y) - st.cost[r]!;
  if (delta >= -EPS) return false;
  let k = 0;
  for (let node = x; node !== y; node = st.next[node]!) ls.buf[k++] = node;
  let last = u;
  for (let i = k - 1; i >= 0; i--) {
    const node = ls.buf[i]!;
    st.next[last] = node;
    st.prev[node] = last;
    last = node;
  }
  st.next[last] = y;
  st.prev[y] = last;
  ls.commit(r, r, delta);
  return true;
}

/** Inter-route 2-opt*: u keeps its prefix and takes v's tail, v takes u's tail (v may be a depot). */
export function twoOptStar(ls: TwoOptHost, u: number, v: number): boolean {
  const st = ls.st;
  const x = st.next[u]!;
  const y = st.next[v]!;
  const ru = st.routeOf[u]!;
  const rv = st.routeOf[v]!;
  const dd = ls.d(u, y) + ls.d(v, x) - ls.d(u, x) - ls.d(v, y);
  if (dd >= st.penaltyOf(ru) + st.penaltyOf(rv) - EPS) return false;
  const acc = ls.acc;
  st.loadPrefix(acc, u);
  let delta = accCost2(ls, y) - st.cost[ru]! - st.cost[rv]!;
  if (delta >= -EPS) return false;
  st.loadPrefix(acc, v);
  delta += accCost2(ls, x);
  if (delta >= -EPS) return false;
  const eu = st.endDepot(ru);
  const ev = st.endDepot(rv);
  let ku = 0;
  for (let node = x; node !== eu; node = st.next[node]!) ls.buf[ku++] = node;
  let kv = 0;
  for (let node = y; node !== ev; node = st.next[node]!) ls.buf2[kv++] = node;
  ls.st.link(u, ls.buf2, kv, eu);
  ls.st.link(v, ls.buf, ku, ev);
  ls.commit(ru, rv, delta);
  return true;
}
