import { describe, expect, it } from 'vitest';
import { parseSolomon } from '../vrptw/solomon.js';
import { checkSolution } from '../vrptw/checker.js';
import { solve } from '../solver/solve.js';
import { C101_25 } from '../testing/solomon25.js';
import { solveInWorker } from './run-in-worker.js';

describe('worker wrapper', () => {
  it('DSP-03 solves off the main thread with the same result as in-thread for a seed', async () => {
    const inst = parseSolomon(C101_25);
    const options = { timeLimitMs: 60_000, maxIterations: 50, seed: 5 };
    let improvements = 0;
    const res = await solveInWorker(inst, { ...options, onImprovement: () => improvements++ });
    expect(res.feasible).toBe(true);
    expect(checkSolution(inst, res.routes).feasible).toBe(true);
    expect(improvements).toBeGreaterThan(0);
    expect(res.routes).toEqual(solve(inst, options).routes);
    // Starting a worker compiles the solver again: on a loaded machine that alone can take several seconds.
  }, 60_000);
});
