import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSolomon } from '../vrptw/solomon.js';
import { C101_25, R101_25, RC201_25 } from '../testing/solomon25.js';
import { LocalSearch } from './local-search.js';
import { defaultParams } from './params.js';
import { Prng } from './prng.js';
import { makeProblem } from './problem.js';
import { Segment } from './segment.js';

describe('local search moves', () => {
  for (const [name, text] of [
    ['C101', C101_25],
    ['R101', R101_25],
    ['RC201', RC201_25],
  ] as const) {
    it(`DSP-03 every applied move's evaluated delta equals the recomputed cost change (${name})`, () => {
      const p = makeProblem(parseSolomon(text), { ...defaultParams, granularity: 10 });
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 2, max: 8 }), (seed, k) => {
          const rng = new Prng(seed);
          const ls = new LocalSearch(p, { ...defaultParams, granularity: 10 }, rng, 14);
          const tour = Array.from({ length: p.n }, (_, i) => i + 1);
          rng.shuffle(tour);
          const routes: number[][] = [];
          for (let i = 0; i < tour.length; i += k) routes.push(tour.slice(i, i + k));
          let moves = 0;
          ls.onMove = (delta, before, after) => {
            moves++;
            expect(delta).toBeLessThan(0);
            expect(after - before).toBeCloseTo(delta, 6);
          };
          const out = ls.run(routes, 5, 5);
          expect(moves).toBeGreaterThan(0);
          expect(out.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: p.n }, (_, i) => i + 1));
          // Cached route costs must equal a from-scratch evaluation of the final routes.
          const seg = new Segment(p);
          let fresh = 0;
          for (const r of out) {
            seg.setNode(0);
            for (const c of r) seg.appendNode(c);
            fresh += seg.appendNode(0).cost(5, 5, p.capacity);
          }
          expect(ls.st.totalCost()).toBeCloseTo(fresh, 6);
        }),
        { numRuns: 15 },
      );
    });
  }
});
