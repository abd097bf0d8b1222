import { describe, expect, it } from 'vitest';
import { checkSolution } from '../vrptw/checker.js';
import { parseSolomon } from '../vrptw/solomon.js';
import { C101_25, R101_25, RC201_25 } from '../testing/solomon25.js';
import { solve } from './solve.js';

const budget = { timeLimitMs: 60_000, maxIterations: 200 };
// Iteration-bounded runs are reproducible but take seconds on a loaded machine.
const slow = 60_000;

describe('vehicles-first objective (fleet reduction)', () => {
  // Fewest vehicles known for the 25-customer variants (hierarchical objective): C101 3, R101 8, RC201 3.
  for (const [name, text, vehicles] of [
    ['C101', C101_25, 3],
    ['R101', R101_25, 8],
    ['RC201', RC201_25, 3],
  ] as const) {
    it(
      `DSP-03 reaches ${vehicles} vehicles on ${name}.25 and every reported solution is checker-feasible`,
      () => {
        const inst = parseSolomon(text);
        const seen: number[] = [];
        const res = solve(inst, {
          ...budget,
          seed: 5,
          objective: 'vehicles',
          onImprovement: (i) => seen.push(i.vehicles),
        });
        const check = checkSolution(inst, res.routes);
        expect(check.errors).toEqual([]);
        expect(res.vehicles).toBe(check.vehicles);
        expect(res.vehicles).toBeLessThanOrEqual(vehicles);
        // Vehicles first: an improvement may never give back a vehicle.
        for (let k = 1; k < seen.length; k++) expect(seen[k]).toBeLessThanOrEqual(seen[k - 1]!);
        expect(seen[seen.length - 1]).toBe(res.vehicles);
      },
      slow,
    );
  }

  it(
    'DSP-03 a fleet bound below the distance-best plan is met with a feasible plan (RC201.25: 3 → 2)',
    () => {
      const inst = parseSolomon(RC201_25);
      const free = solve(inst, { ...budget, seed: 2 });
      expect(free.vehicles).toBe(3);
      const res = solve(inst, { ...budget, seed: 2, maxVehicles: 2 });
      expect(res.feasible).toBe(true);
      expect(checkSolution(inst, res.routes).errors).toEqual([]);
      expect(res.vehicles).toBeLessThanOrEqual(2);
    },
    slow,
  );
});
