import type { Problem } from './problem.js';

/**
 * Time-warp route segments (Vidal et al. 2013, "A hybrid genetic algorithm with adaptive diversity
 * management for a large class of vehicle routing problems with time-windows"). A segment summarises a
 * visiting sequence by its duration D, total time warp TW, earliest E and latest L feasible start at its
 * first node, load and distance; two segments concatenate in O(1). Every move of the local search is
 * priced as a few concatenations of stored prefix/suffix segments, so no route is re-simulated.
 *
 * `Segment` is a mutable accumulator: move evaluation reuses one instance so the hot loop allocates
 * nothing. Time warp means "arriving after the window and travelling back in time to its end"; a
 * sequence is time-feasible iff its TW is 0.
 */
/** Improvements smaller than this are noise from floating-point re-association, not progress. */
export const EPS = 1e-7;

export class Segment {
  first = 0;
  last = 0;
  dist = 0;
  dur = 0;
  tw = 0;
  e = 0;
  l = 0;
  load = 0;

  constructor(private readonly p: Problem) {}

  /** The single-node segment of `node` (0 = depot). */
  setNode(node: number): this {
    const p = this.p;
    this.first = node;
    this.last = node;
    this.dist = 0;
    this.dur = p.service[node]!;
    this.tw = 0;
    this.e = p.ready[node]!;
    this.l = p.due[node]!;
    this.load = p.demand[node]!;
    return this;
  }

  copyFrom(o: Segment): this {
    this.first = o.first;
    this.last = o.last;
    this.dist = o.dist;
    this.dur = o.dur;
    this.tw = o.tw;
    this.e = o.e;
    this.l = o.l;
    this.load = o.load;
    return this;
  }

  /** this ← this ⊕ (segment given by its fields). */
  append(first: number, last: number, dist: number, dur: number, tw: number, e: number, l: number, load: number): this {
    const t = this.p.dist[this.last * this.p.size + first]!;
    const delta = this.dur - this.tw + t;
    const wait = Math.max(e - delta - this.l, 0);
    const warp = Math.max(this.e + delta - l, 0);
    this.dist += t + dist;
    this.dur += dur + t + wait;
    this.tw += tw + warp;
    this.e = Math.max(e - delta, this.e) - wait;
    this.l = Math.min(l - delta, this.l) + warp;
    this.load += load;
    this.last = last;
    return this;
  }

  appendNode(node: number): this {
    const p = this.p;
    return this.append(node, node, 0, p.service[node]!, 0, p.ready[node]!, p.due[node]!, p.demand[node]!);
  }

  appendSeg(o: Segment): this {
    return this.append(o.first, o.last, o.dist, o.dur, o.tw, o.e, o.l, o.load);
  }

  /** this ← (node) ⊕ this, used to build suffixes backwards. */
  prependNode(node: number): this {
    const first = this.first;
    const last = this.last;
    const dist = this.dist;
    const dur = this.dur;
    const tw = this.tw;
    const e = this.e;
    const l = this.l;
    const load = this.load;
    this.setNode(node);
    return this.append(first, last, dist, dur, tw, e, l, load);
  }

  /** Distance plus penalties: the quantity the penalised search minimises. */
  cost(penaltyLoad: number, penaltyTw: number, capacity: number): number {
    return this.dist + penaltyLoad * Math.max(0, this.load - capacity) + penaltyTw * this.tw;
  }
}

/** Straightforward forward simulation with time warp, used by tests as the reference for the algebra. */
export function simulateTimeWarp(p: Problem, nodes: readonly number[]): { tw: number; dist: number; load: number } {
  let time = p.ready[nodes[0]!]!;
  let tw = 0;
  let dist = 0;
  let load = p.demand[nodes[0]!]!;
  if (time > p.due[nodes[0]!]!) {
    tw += time - p.due[nodes[0]!]!;
    time = p.due[nodes[0]!]!;
  }
  time += p.service[nodes[0]!]!;
  for (let k = 1; k < nodes.length; k++) {
    const a = nodes[k - 1]!;
    const b = nodes[k]!;
    const d = p.dist[a * p.size + b]!;
    dist += d;
    let arrival = time + d;
    if (arrival > p.due[b]!) {
      tw += arrival - p.due[b]!;
      arrival = p.due[b]!;
    }
    time = Math.max(arrival, p.ready[b]!) + p.service[b]!;
    load += p.demand[b]!;
  }
  return { tw, dist, load };
}
