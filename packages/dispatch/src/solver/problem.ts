import type { VrptwInstance } from '../vrptw/instance.js';
import type { HgsParams } from './params.js';

/**
 * Solver-side view of an instance: the raw arrays plus the granular neighbour lists, computed once.
 * Node 0 is the depot; customers are 1..n.
 */
export interface Problem {
  readonly inst: VrptwInstance;
  readonly n: number;
  readonly size: number;
  readonly capacity: number;
  readonly dist: Float64Array;
  readonly demand: Float64Array;
  readonly ready: Float64Array;
  readonly due: Float64Array;
  readonly service: Float64Array;
  /** neighbours[u*granularity + k]: the k-th most correlated customer of u. */
  readonly neighbours: Int32Array;
  readonly granularity: number;
  /** Polar angle of each customer around the depot, for route sectors (SWAP*) and giant-tour ordering. */
  readonly angle: Float64Array;
  readonly maxDist: number;
  readonly maxDemand: number;
}

export function makeProblem(inst: VrptwInstance, params: HgsParams): Problem {
  const n = inst.n;
  const size = n + 1;
  const { dist, ready, due, service } = inst;
  const granularity = Math.min(params.granularity, Math.max(1, n - 1));
  const neighbours = new Int32Array(size * granularity);
  const score = new Float64Array(size);
  const order: number[] = [];
  for (let u = 1; u <= n; u++) {
    order.length = 0;
    for (let v = 1; v <= n; v++) {
      if (v === u) continue;
      // Correlation of v to u: distance plus the waiting or lateness implied by visiting v right after u
      // (or u after v, whichever is better) — neighbours that cannot follow each other in time are poor.
      const t = dist[u * size + v]!;
      const waitUV = Math.max(ready[v]! - service[u]! - t - due[u]!, 0);
      const warpUV = Math.max(ready[u]! + service[u]! + t - due[v]!, 0);
      const waitVU = Math.max(ready[u]! - service[v]! - t - due[v]!, 0);
      const warpVU = Math.max(ready[v]! + service[v]! + t - due[u]!, 0);
      const a = t + params.weightWaitTime * waitUV + params.weightTimeWarp * warpUV;
      const b = t + params.weightWaitTime * waitVU + params.weightTimeWarp * warpVU;
      score[v] = Math.min(a, b);
      order.push(v);
    }
    order.sort((p, q) => score[p]! - score[q]! || p - q);
    for (let k = 0; k < granularity; k++) neighbours[u * granularity + k] = order[k] ?? order[0]!;
  }
  const angle = new Float64Array(size);
  let maxDist = 0;
  let maxDemand = 0;
  for (let i = 0; i < size; i++) {
    angle[i] = Math.atan2(inst.y[i]! - inst.y[0]!, inst.x[i]! - inst.x[0]!);
    maxDemand = Math.max(maxDemand, inst.demand[i]!);
    for (let j = 0; j < size; j++) maxDist = Math.max(maxDist, dist[i * size + j]!);
  }
  return {
    inst,
    n,
    size,
    capacity: inst.capacity,
    dist,
    demand: inst.demand,
    ready,
    due,
    service,
    neighbours,
    granularity,
    angle,
    maxDist,
    maxDemand,
  };
}
