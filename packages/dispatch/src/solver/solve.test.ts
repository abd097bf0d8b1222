import { describe, expect, it } from 'vitest';
import { checkSolution } from '../vrptw/checker.js';
import { parseSolomon } from '../vrptw/solomon.js';
import { C101_25, R101_25, RC201_25 } from '../testing/solomon25.js';
import { solve } from './solve.js';

const budget = { timeLimitMs: 60_000, maxIterations: 150 };

describe('solve', () => {
  for (const [name, text, known] of [
    // Optimal distances of the 25-customer variants (literature): C101 191.3, R101 617.1, RC201 360.2 (rounded).
    ['C101', C101_25, 191.3],
    ['R101', R101_25, 617.1],
    ['RC201', RC201_25, 360.2],
  ] as const) {
    it(`DSP-03 returns a checker-feasible plan close to the optimum (${name}.25)`, () => {
      const inst = parseSolomon(text);
      const res = solve(inst, { ...budget, seed: 7 });
      expect(res.feasible).toBe(true);
      const check = checkSolution(inst, res.routes);
      expect(check.errors).toEqual([]);
      expect(check.distance).toBeCloseTo(res.distance, 9);
      expect(res.distance).toBeLessThan(known * 1.02);
    });
  }

  it('DSP-03 vehicles-first objective uses no more vehicles than the distance objective', () => {
    const inst = parseSolomon(R101_25);
    const d = solve(inst, { ...budget, seed: 3 });
    const v = solve(inst, { ...budget, seed: 3, objective: 'vehicles' });
    expect(v.feasible).toBe(true);
    expect(checkSolution(inst, v.routes).feasible).toBe(true);
    expect(v.vehicles).toBeLessThanOrEqual(d.vehicles);
  });

  it('is deterministic for a seed and an iteration budget', () => {
    const inst = parseSolomon(RC201_25);
    const a = solve(inst, { ...budget, seed: 11 });
    const b = solve(inst, { ...budget, seed: 11 });
    expect(b.routes).toEqual(a.routes);
    expect(b.distance).toBe(a.distance);
  });
});
