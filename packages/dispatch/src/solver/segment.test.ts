import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInstance } from '../vrptw/instance.js';
import { defaultParams } from './params.js';
import { makeProblem } from './problem.js';
import { Segment, simulateTimeWarp } from './segment.js';

const customer = fc.record({
  x: fc.integer({ min: 0, max: 50 }),
  y: fc.integer({ min: 0, max: 50 }),
  demand: fc.integer({ min: 0, max: 20 }),
  ready: fc.integer({ min: 0, max: 200 }),
  width: fc.integer({ min: 0, max: 120 }),
  service: fc.integer({ min: 0, max: 15 }),
});

const instanceArb = fc
  .array(customer, { minLength: 2, maxLength: 12 })
  .map((cs) =>
    makeProblem(
      buildInstance('rand', 50, cs.length, [
        { id: 0, x: 25, y: 25, demand: 0, ready: 0, due: 400, service: 0 },
        ...cs.map((c, i) => ({ id: i + 1, ...c, due: c.ready + c.width })),
      ]),
      defaultParams,
    ),
  );

describe('time-warp segments', () => {
  it('DSP-04 concatenating segments in any grouping gives the time warp of a direct simulation', () => {
    fc.assert(
      fc.property(instanceArb, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (p, s1, s2) => {
        const seq = [0];
        for (let c = 1; c <= p.n; c++) seq.push(c);
        seq.push(0);
        const a = 1 + (s1 % (seq.length - 1));
        const b = a + (s2 % (seq.length - a));
        // Build three pieces independently and glue them: [0, a), [a, b), [b, end).
        const piece = (from: number, to: number): Segment | null => {
          if (from >= to) return null;
          const seg = new Segment(p).setNode(seq[from]!);
          for (let k = from + 1; k < to; k++) seg.appendNode(seq[k]!);
          return seg;
        };
        const glued = piece(0, a)!;
        const mid = piece(a, b);
        if (mid) glued.appendSeg(mid);
        const tail = piece(b, seq.length);
        if (tail) glued.appendSeg(tail);
        const direct = simulateTimeWarp(p, seq);
        expect(glued.tw).toBeCloseTo(direct.tw, 6);
        expect(glued.dist).toBeCloseTo(direct.dist, 6);
        expect(glued.load).toBe(direct.load);
      }),
      { numRuns: 300 },
    );
  });

  it('prepending a node equals appending its suffix', () => {
    fc.assert(
      fc.property(instanceArb, (p) => {
        const fwd = new Segment(p).setNode(1);
        for (let c = 2; c <= p.n; c++) fwd.appendNode(c);
        const back = new Segment(p).setNode(p.n);
        for (let c = p.n - 1; c >= 1; c--) back.prependNode(c);
        expect(back.tw).toBeCloseTo(fwd.tw, 6);
        expect(back.dur).toBeCloseTo(fwd.dur, 6);
        expect(back.e).toBeCloseTo(fwd.e, 6);
        expect(back.l).toBeCloseTo(fwd.l, 6);
      }),
      { numRuns: 200 },
    );
  });
});
