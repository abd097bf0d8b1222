import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSolomon } from '../vrptw/solomon.js';
import { R101_25, RC201_25 } from '../testing/solomon25.js';
import { defaultParams } from './params.js';
import { makeProblem } from './problem.js';
import type { Problem } from './problem.js';
import { Segment } from './segment.js';
import { Splitter } from './split.js';

function penalised(p: Problem, routes: number[][], pl: number, pt: number): number {
  const seg = new Segment(p);
  let c = 0;
  for (const r of routes) {
    seg.setNode(0);
    for (const v of r) seg.appendNode(v);
    seg.appendNode(0);
    c += seg.cost(pl, pt, p.capacity);
  }
  return c;
}

/** Naive split: fill a route until the next customer would overload it. */
function naive(p: Problem, tour: number[]): number[][] {
  const routes: number[][] = [];
  let cur: number[] = [];
  let load = 0;
  for (const c of tour) {
    if (cur.length > 0 && load + p.demand[c]! > p.capacity) {
      routes.push(cur);
      cur = [];
      load = 0;
    }
    cur.push(c);
    load += p.demand[c]!;
  }
  if (cur.length) routes.push(cur);
  return routes;
}

describe('split', () => {
  for (const [name, text] of [
    ['R101', R101_25],
    ['RC201', RC201_25],
  ] as const) {
    it(`DSP-03 is never worse than a naive split and keeps every customer once (${name})`, () => {
      const p = makeProblem(parseSolomon(text), defaultParams);
      const splitter = new Splitter(p, 1.5);
      const perm = fc.shuffledSubarray(
        Array.from({ length: p.n }, (_, i) => i + 1),
        { minLength: p.n, maxLength: p.n },
      );
      fc.assert(
        fc.property(
          perm,
          fc.double({ min: 0.1, max: 100, noNaN: true }),
          fc.double({ min: 0.1, max: 100, noNaN: true }),
          (tour, pl, pt) => {
            const routes = splitter.split(Int32Array.from(tour), 25, pl, pt);
            expect(routes.flat()).toEqual(tour);
            expect(penalised(p, routes, pl, pt)).toBeLessThanOrEqual(penalised(p, naive(p, tour), pl, pt) + 1e-6);
          },
        ),
        { numRuns: 100 },
      );
    });
  }

  it('respects a fleet bound', () => {
    const p = makeProblem(parseSolomon(R101_25), defaultParams);
    const tour = Int32Array.from({ length: p.n }, (_, i) => i + 1);
    expect(new Splitter(p, 1.5).split(tour, 3, 10, 10).length).toBeLessThanOrEqual(3);
  });
});
