import type { Problem } from './problem.js';
import { Segment } from './segment.js';

/**
 * One solution of the population: its routes, the giant tour they concatenate to (the chromosome used by
 * crossover), its penalised and raw costs, and successor/predecessor arrays for the broken-pairs distance.
 */
export interface Individual {
  tour: Int32Array;
  routes: number[][];
  distance: number;
  excessLoad: number;
  timeWarp: number;
  penalisedCost: number;
  feasible: boolean;
  succ: Int32Array;
  pred: Int32Array;
  /** Other members of the same sub-population, nearest first. */
  closest: { d: number; ind: Individual }[];
  biasedFitness: number;
}

export function makeIndividual(p: Problem, routes: number[][], penaltyLoad: number, penaltyTw: number): Individual {
  // Routes sorted by the polar angle of their barycentre: neighbouring routes stay neighbours in the
  // giant tour, which makes order crossover transmit geographic structure.
  const keyed = routes
    .filter((r) => r.length > 0)
    .map((r) => {
      let sx = 0;
      let sy = 0;
      for (const c of r) {
        sx += p.inst.x[c]! - p.inst.x[0]!;
        sy += p.inst.y[c]! - p.inst.y[0]!;
      }
      return { r, a: Math.atan2(sy, sx) };
    })
    .sort((a, b) => a.a - b.a);
  const sorted = keyed.map((k) => k.r);
  const tour = new Int32Array(p.n);
  const succ = new Int32Array(p.n + 1);
  const pred = new Int32Array(p.n + 1);
  const seg = new Segment(p);
  let k = 0;
  let distance = 0;
  let excessLoad = 0;
  let timeWarp = 0;
  for (const r of sorted) {
    seg.setNode(0);
    let prev = 0;
    for (const c of r) {
      tour[k++] = c;
      seg.appendNode(c);
      pred[c] = prev;
      if (prev !== 0) succ[prev] = c;
      prev = c;
    }
    succ[prev] = 0;
    seg.appendNode(0);
    distance += seg.dist;
    excessLoad += Math.max(0, seg.load - p.capacity);
    timeWarp += seg.tw;
  }
  const ind: Individual = {
    tour,
    routes: sorted,
    distance,
    excessLoad,
    timeWarp,
    penalisedCost: 0,
    feasible: excessLoad < 1e-9 && timeWarp < 1e-9,
    succ,
    pred,
    closest: [],
    biasedFitness: 0,
  };
  reprice(ind, penaltyLoad, penaltyTw);
  return ind;
}

export function reprice(ind: Individual, penaltyLoad: number, penaltyTw: number): void {
  ind.penalisedCost = ind.distance + penaltyLoad * ind.excessLoad + penaltyTw * ind.timeWarp;
}

/** Broken-pairs distance in [0, 1]: share of customers whose neighbours differ between a and b. */
export function brokenPairs(a: Individual, b: Individual, n: number): number {
  let diff = 0;
  for (let i = 1; i <= n; i++) {
    const s = a.succ[i]!;
    const q = a.pred[i]!;
    if (s !== b.succ[i] && s !== b.pred[i]) diff++;
    if (q === 0 && b.pred[i] !== 0 && b.succ[i] !== 0) diff++;
  }
  return diff / n;
}
