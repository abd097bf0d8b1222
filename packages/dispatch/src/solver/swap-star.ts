import { EPS } from './segment.js';
import type { RouteState } from './routes.js';
import type { Segment } from './segment.js';

/**
 * SWAP* (Vidal 2022, "Hybrid genetic search for the CVRP: open-source implementation and SWAP*
 * neighborhood"): exchange u ∈ r1 and v ∈ r2 where each is re-inserted at its best position in the other
 * route, not necessarily in place of the other. The best position for u in r2 \ {v} is either v's place
 * or one of u's three best insertion positions in r2 computed with v still there, so pricing all pairs
 * needs only those top-3 lists. With time windows the per-pair figure is an estimate (removal and
 * insertion interact); the single best candidate is then re-priced exactly before it is applied.
 */
const NONE = -1;

/** What SWAP* needs from the local search (kept structural so the two modules do not import each other). */
export interface SwapStarHost {
  readonly st: RouteState;
  readonly acc: Segment;
  accCost(): number;
  commit(r1: number, r2: number, delta: number): void;
}

interface Top3 {
  cost: Float64Array;
  at: Int32Array;
}

const cache = new WeakMap<SwapStarHost, { a: Top3; removal: Float64Array }>();

function scratch(ls: SwapStarHost): { a: Top3; removal: Float64Array } {
  let s = cache.get(ls);
  if (!s) {
    const t = ls.st.total;
    s = { a: { cost: new Float64Array(t * 3), at: new Int32Array(t * 3) }, removal: new Float64Array(t) };
    cache.set(ls, s);
  }
  return s;
}

/** Fills the three cheapest insertion positions (node after which to insert) of every customer of `from` into `into`. */
function fillTop3(ls: SwapStarHost, from: number, into: number, top: Top3): void {
  const st = ls.st;
  const acc = ls.acc;
  const base = st.cost[into]!;
  const endFrom = st.endDepot(from);
  const endInto = st.endDepot(into);
  for (let u = st.next[st.startDepot(from)]!; u !== endFrom; u = st.next[u]!) {
    const o = u * 3;
    top.cost[o] = top.cost[o + 1] = top.cost[o + 2] = Infinity;
    top.at[o] = top.at[o + 1] = top.at[o + 2] = NONE;
    for (let p = st.startDepot(into); p !== endInto; p = st.next[p]!) {
      st.loadPrefix(acc, p).appendNode(u);
      st.appendSuffix(acc, st.next[p]!);
      const c = ls.accCost() - base;
      if (c < top.cost[o + 2]!) {
        let k = 2;
        while (k > 0 && c < top.cost[o + k - 1]!) {
          top.cost[o + k] = top.cost[o + k - 1]!;
          top.at[o + k] = top.at[o + k - 1]!;
          k--;
        }
        top.cost[o + k] = c;
        top.at[o + k] = p;
      }
    }
  }
}

/** Cost of r \ {u} for every customer u of r (exact). */
function fillRemoval(ls: SwapStarHost, r: number, removal: Float64Array): void {
  const st = ls.st;
  const end = st.endDepot(r);
  for (let u = st.next[st.startDepot(r)]!; u !== end; u = st.next[u]!) {
    st.loadPrefix(ls.acc, st.prev[u]!);
    st.appendSuffix(ls.acc, st.next[u]!);
    removal[u] = ls.accCost();
  }
}

/** Estimated cost of route(v) with v removed and u inserted (best of: v's place, a top-3 position). */
function bestInsert(ls: SwapStarHost, u: number, v: number, top: Top3, out: { at: number }): number {
  const st = ls.st;
  const pv = st.prev[v]!;
  st.loadPrefix(ls.acc, pv).appendNode(u);
  st.appendSuffix(ls.acc, st.next[v]!);
  let best = ls.accCost();
  out.at = pv;
  const removalV = scratch(ls).removal[v]!;
  for (let k = 0; k < 3; k++) {
    const p = top.at[u * 3 + k]!;
    if (p === NONE) break;
    if (p === v || p === pv) continue;
    const c = removalV + top.cost[u * 3 + k]!;
    if (c < best) {
      best = c;
      out.at = p;
    }
    break;
  }
  return best;
}

/** Exact cost of route r with `out` removed and `inNode` inserted after `after`. */
function exactCost(ls: SwapStarHost, r: number, out: number, inNode: number, after: number): number {
  const st = ls.st;
  const acc = ls.acc;
  acc.setNode(0);
  const end = st.endDepot(r);
  if (after === st.startDepot(r)) acc.appendNode(inNode);
  for (let node = st.next[st.startDepot(r)]!; node !== end; node = st.next[node]!) {
    if (node !== out) acc.appendNode(node);
    if (node === after) acc.appendNode(inNode);
  }
  acc.appendNode(0);
  return ls.accCost();
}

const tmp = { at: 0 };

export function swapStar(ls: SwapStarHost, r1: number, r2: number): boolean {
  const st = ls.st;
  const s = scratch(ls);
  // Insertion lists of both directions share one array: customers of r1 and r2 are disjoint ids.
  fillTop3(ls, r1, r2, s.a);
  fillTop3(ls, r2, r1, s.a);
  fillRemoval(ls, r1, s.removal);
  fillRemoval(ls, r2, s.removal);
  const base = st.cost[r1]! + st.cost[r2]!;
  let bestDelta = -EPS;
  let bu = NONE;
  let bv = NONE;
  let atU = NONE;
  let atV = NONE;
  const e1 = st.endDepot(r1);
  const e2 = st.endDepot(r2);
  for (let u = st.next[st.startDepot(r1)]!; u !== e1; u = st.next[u]!) {
    for (let v = st.next[st.startDepot(r2)]!; v !== e2; v = st.next[v]!) {
      const c2 = bestInsert(ls, u, v, s.a, tmp);
      const pu2 = tmp.at;
      const c1 = bestInsert(ls, v, u, s.a, tmp);
      const delta = c1 + c2 - base;
      if (delta < bestDelta) {
        bestDelta = delta;
        bu = u;
        bv = v;
        atU = pu2;
        atV = tmp.at;
      }
    }
  }
  if (bu === NONE) return false;
  const exact = exactCost(ls, r1, bu, bv, atV) + exactCost(ls, r2, bv, bu, atU) - base;
  if (exact >= -EPS) return false;
  st.moveAfter(bu, atU);
  st.moveAfter(bv, atV);
  ls.commit(r1, r2, exact);
  return true;
}
