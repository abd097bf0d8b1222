import { isQualified } from '@daowei/domain';
import type { GeoPoint } from '@daowei/domain';
import { defaultWeights } from './model.js';
import type { ObjectiveWeights, PlanRequest, ShiftBreak } from './model.js';
import { speedModel } from './travel.js';
import type { TravelMatrix } from './travel.js';

/**
 * The request compiled into flat arrays the search indexes by number. An order needing a crew of k
 * becomes k *visits* (one per person) that are planned as a synchronised set; every other order is one
 * visit. Locations: order i is point i, engineer e starts at point O+2e and ends at O+2e+1.
 */
export interface Ctx {
  req: PlanRequest;
  w: ObjectiveWeights;
  travel: TravelMatrix;
  /** Orders and engineers in request order. */
  O: number;
  E: number;
  V: number;
  visitOrder: Int32Array;
  /** Visits of each order (k for a crew order). */
  orderVisits: number[][];
  earliest: Float64Array;
  due: Float64Array;
  hardDue: Float64Array;
  service: Float64Array;
  lateW: Float64Array;
  /** Cost of leaving this visit unplanned (an order's penalty split over its crew). */
  dropW: Float64Array;
  /** Locked visits (pinned, crew) are never moved by the improvement phase. */
  locked: Uint8Array;
  /** Engineer a pinned visit belongs to, or -1. */
  pinnedEng: Int32Array;
  pinnedSeq: Float64Array;
  /** Engineer indices each order had before a re-plan (empty on a first plan). */
  prevEng: number[][];
  /** compat[o*E+e] = 1 when engineer e may do order o (skills+certificates, area). */
  compat: Uint8Array;
  qualified: Uint8Array;
  /** Engineers allowed to do each order, nearest home first. */
  cand: number[][];
  /** Nearest other non-crew visits sharing an engineer, for granular moves. */
  neighbours: number[][];
  shiftStart: Float64Array;
  shiftEnd: Float64Array;
  breaks: ShiftBreak[][];
  maxOrders: Int32Array;
  /** Working minutes (service + travel) an engineer "should" get: the fair-share target of the balance term. */
  target: Float64Array;
  engIndex: Map<string, number>;
  orderIndex: Map<string, number>;
}

const NEIGHBOURS = 12;

/** `neighbours: false` skips the O(n²) neighbour lists for one-off checks (DSP-04) that run no search. */
export function compile(req: PlanRequest, opts: { neighbours?: boolean } = {}): Ctx {
  const w: ObjectiveWeights = {
    ...defaultWeights,
    ...req.weights,
    unassigned: { ...defaultWeights.unassigned, ...req.weights?.unassigned },
    latenessFactor: { ...defaultWeights.latenessFactor, ...req.weights?.latenessFactor },
  };
  const O = req.orders.length;
  const E = req.engineers.length;
  const points: GeoPoint[] = req.orders.map((o) => o.location);
  for (const e of req.engineers) points.push(e.start, e.end ?? e.start);
  const travel = (req.travel ?? speedModel()).matrix(points);
  const engIndex = new Map(req.engineers.map((e, i) => [e.id, i]));
  const orderIndex = new Map(req.orders.map((o, i) => [o.id, i]));

  const orderVisits: number[][] = [];
  const vo: number[] = [];
  for (let o = 0; o < O; o++) {
    const k = Math.max(1, Math.floor(req.orders[o]!.crewSize ?? 1));
    orderVisits.push([]);
    for (let j = 0; j < k; j++) {
      orderVisits[o]!.push(vo.length);
      vo.push(o);
    }
  }
  const V = vo.length;
  const visitOrder = Int32Array.from(vo);
  const earliest = new Float64Array(V);
  const due = new Float64Array(V);
  const hardDue = new Float64Array(V);
  const service = new Float64Array(V);
  const lateW = new Float64Array(V);
  const dropW = new Float64Array(V);
  const locked = new Uint8Array(V);
  const pinnedEng = new Int32Array(V).fill(-1);
  const pinnedSeq = new Float64Array(V);
  for (let v = 0; v < V; v++) {
    const o = req.orders[visitOrder[v]!]!;
    const k = orderVisits[visitOrder[v]!]!.length;
    earliest[v] = Math.max(o.earliest ?? 0, o.window?.start ?? 0);
    const windowEnd = o.window?.end ?? Infinity;
    due[v] = Math.min(windowEnd, o.deadline ?? Infinity);
    // Only an appointment window is hard, and only up to the policy's allowance; a deadline alone is soft.
    hardDue[v] = o.window ? windowEnd + Math.max(0, o.softLateMinutes ?? 0) : Infinity;
    service[v] = o.serviceMinutes;
    lateW[v] = w.lateness * w.latenessFactor[o.priority];
    dropW[v] = w.unassigned[o.priority] / k;
    if (k > 1) locked[v] = 1;
    if (o.pinned) {
      const e = engIndex.get(o.pinned.engineerId);
      if (e !== undefined) {
        pinnedEng[v] = e;
        pinnedSeq[v] = o.pinned.sequence ?? 0;
        locked[v] = 1;
        if (o.pinned.start !== undefined) earliest[v] = due[v] = hardDue[v] = o.pinned.start;
      }
    }
  }

  const on = new Date(`${req.date}T12:00:00Z`);
  const compat = new Uint8Array(O * E);
  const qualified = new Uint8Array(O * E);
  const cand: number[][] = [];
  const areaSets = req.engineers.map((e) => new Set(e.areaIds));
  // isQualified resolves the local day through Intl on every call: cache it per engineer and skill set.
  const qualCache = new Map<string, boolean>();
  const isQ = (e: number, skills: readonly string[]): boolean => {
    const key = `${e}\u0000${[...skills].sort().join('\u0000')}`;
    let q = qualCache.get(key);
    if (q === undefined) {
      q = isQualified(req.engineers[e]!.certificates, skills, on, req.timeZone);
      qualCache.set(key, q);
    }
    return q;
  };
  for (let o = 0; o < O; o++) {
    const order = req.orders[o]!;
    const list: number[] = [];
    for (let e = 0; e < E; e++) {
      if (!isQ(e, order.requiredSkills)) continue;
      qualified[o * E + e] = 1;
      if (order.areaId !== undefined && !areaSets[e]!.has(order.areaId)) continue;
      compat[o * E + e] = 1;
      list.push(e);
    }
    list.sort((a, b) => travel.km(O + 2 * a, o) - travel.km(O + 2 * b, o) || a - b);
    cand.push(list);
  }
  const prevEng = req.orders.map((o) =>
    (o.previousEngineerIds ?? []).map((id) => engIndex.get(id)).filter((e): e is number => e !== undefined),
  );

  const neighbours: number[][] = [];
  const firstVisit = orderVisits.map((vs) => vs[0]!);
  for (let v = 0; v < V && opts.neighbours !== false; v++) {
    const o = visitOrder[v]!;
    const best: number[] = [];
    const bestD: number[] = [];
    for (let p = 0; p < O; p++) {
      if (p === o || orderVisits[p]!.length > 1 || !shareEngineer(compat, E, cand[o]!, p)) continue;
      const d = travel.km(o, p);
      if (best.length === NEIGHBOURS && d >= bestD[NEIGHBOURS - 1]!) continue;
      let k = Math.min(best.length, NEIGHBOURS - 1);
      if (best.length < NEIGHBOURS) {
        best.push(0);
        bestD.push(0);
      }
      while (k > 0 && bestD[k - 1]! > d) {
        best[k] = best[k - 1]!;
        bestD[k] = bestD[k - 1]!;
        k--;
      }
      best[k] = firstVisit[p]!;
      bestD[k] = d;
    }
    neighbours.push(best);
  }

  const shiftStart = Float64Array.from(req.engineers, (e) => e.shift.start);
  const shiftEnd = Float64Array.from(req.engineers, (e) => e.shift.end);
  const breaks = req.engineers.map((e) => [...(e.shift.breaks ?? [])].sort((a, b) => a.earliest - b.earliest));
  const maxOrders = Int32Array.from(req.engineers, (e) => e.maxOrders ?? 1_000_000);
  const capacity = req.engineers.map(
    (e, i) => Math.max(0, e.shift.end - e.shift.start) - breaks[i]!.reduce((s, b) => s + b.minutes, 0),
  );
  const totalCap = capacity.reduce((s, c) => s + c, 0) || 1;
  // Fair share of the expected work (service plus ~25 % travel), proportional to each engineer's hours.
  const totalService = service.reduce((s, x) => s + x, 0) * 1.25;
  const target = Float64Array.from(capacity, (c) => Math.min(c, (totalService * c) / totalCap));

  return {
    req,
    w,
    travel,
    O,
    E,
    V,
    visitOrder,
    orderVisits,
    earliest,
    due,
    hardDue,
    service,
    lateW,
    dropW,
    locked,
    pinnedEng,
    pinnedSeq,
    prevEng,
    compat,
    qualified,
    cand,
    neighbours,
    shiftStart,
    shiftEnd,
    breaks,
    maxOrders,
    target,
    engIndex,
    orderIndex,
  };
}

function shareEngineer(compat: Uint8Array, E: number, engs: readonly number[], p: number): boolean {
  for (const e of engs) if (compat[p * E + e]) return true;
  return false;
}
