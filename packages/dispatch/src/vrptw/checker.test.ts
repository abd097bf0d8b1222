import { describe, expect, it } from 'vitest';
import { checkSolution } from './checker.js';
import { buildInstance } from './instance.js';
import { parseSolomon } from './solomon.js';
import { C101_25 } from '../testing/solomon25.js';

// Depot at the origin; customers on the x axis so distances are easy to follow by hand.
const inst = buildInstance('line', 10, 3, [
  { id: 0, x: 0, y: 0, demand: 0, ready: 0, due: 100, service: 0 },
  { id: 1, x: 10, y: 0, demand: 4, ready: 0, due: 20, service: 5 },
  { id: 2, x: 20, y: 0, demand: 4, ready: 30, due: 40, service: 5 },
  { id: 3, x: 30, y: 0, demand: 4, ready: 0, due: 100, service: 5 },
]);

describe('solution checker', () => {
  it('DSP-04 accepts a feasible plan and measures its distance exactly', () => {
    const r = checkSolution(inst, [[1, 2], [3]]);
    expect(r.errors).toEqual([]);
    expect(r.feasible).toBe(true);
    expect(r.vehicles).toBe(2);
    expect(r.distance).toBe(40 + 60);
  });

  it('DSP-04 catches a customer reached after its window closes', () => {
    // 0 → 3 (t=30, leave 35) → 1 arrives at 55 > due 20.
    const r = checkSolution(inst, [[3, 1], [2]]);
    expect(r.feasible).toBe(false);
    expect(r.errors.join()).toMatch(/customer 1 reached at 55/);
  });

  it('DSP-04 catches an overloaded vehicle', () => {
    const r = checkSolution(inst, [[1, 2, 3]]);
    expect(r.feasible).toBe(false);
    expect(r.errors.join()).toMatch(/load 12 exceeds capacity 10/);
  });

  it('DSP-04 catches a missing customer and a customer served twice', () => {
    expect(checkSolution(inst, [[1, 2]]).errors).toContain('customer 3 not visited');
    expect(
      checkSolution(inst, [
        [1, 2],
        [3, 1],
      ]).errors.join(),
    ).toMatch(/customer 1 visited more than once/);
  });

  it('DSP-04 catches a late return to the depot', () => {
    const tight = buildInstance('tight', 10, 1, [
      { id: 0, x: 0, y: 0, demand: 0, ready: 0, due: 25, service: 0 },
      { id: 7, x: 10, y: 0, demand: 1, ready: 0, due: 20, service: 10 },
    ]);
    const r = checkSolution(tight, [[1]]);
    expect(r.errors.join()).toMatch(/returns to depot at 30/);
  });

  it('parses the Solomon format keeping the file customer numbers', () => {
    const c = parseSolomon(C101_25);
    expect(c.n).toBe(25);
    expect(c.capacity).toBe(200);
    expect(c.fleetSize).toBe(25);
    expect(c.ids[5]).toBe(5);
    expect(c.due[0]).toBe(1236);
    expect(c.dist[1 * 26 + 2]).toBeCloseTo(2, 12);
  });
});
