import type { VrptwInstance } from './instance.js';

export interface CheckResult {
  feasible: boolean;
  distance: number;
  vehicles: number;
  /** Human-readable violations, empty when feasible. */
  errors: string[];
}

/**
 * Independent solution checker (DSP-04): simulates every route in plain double arithmetic, in visiting
 * order, with no tolerance. It deliberately shares no code with the solver's segment algebra so that a
 * bug there cannot hide here. Routes hold node indices 1..n (depot left out); empty routes are ignored.
 *
 * Convention (Solomon): service starts at max(arrival, ready) and must start no later than `due`;
 * the vehicle leaves the depot at its ready time and must be back by the depot's due time.
 */
export function checkSolution(inst: VrptwInstance, routes: readonly (readonly number[])[]): CheckResult {
  const errors: string[] = [];
  const n = inst.n;
  const size = n + 1;
  const seen = new Uint8Array(size);
  let distance = 0;
  let vehicles = 0;
  for (let r = 0; r < routes.length; r++) {
    const route = routes[r]!;
    if (route.length === 0) continue;
    vehicles++;
    let load = 0;
    let time = inst.ready[0]!;
    let prev = 0;
    for (const c of route) {
      if (!Number.isInteger(c) || c < 1 || c > n) {
        errors.push(`route ${r + 1}: unknown node ${c}`);
        continue;
      }
      if (seen[c]) errors.push(`customer ${inst.ids[c]} visited more than once`);
      seen[c] = 1;
      const d = inst.dist[prev * size + c]!;
      distance += d;
      const arrival = time + d;
      if (arrival > inst.due[c]!) {
        errors.push(`route ${r + 1}: customer ${inst.ids[c]} reached at ${arrival} after due ${inst.due[c]}`);
      }
      time = Math.max(arrival, inst.ready[c]!) + inst.service[c]!;
      load += inst.demand[c]!;
      prev = c;
    }
    const back = inst.dist[prev * size]!;
    distance += back;
    if (time + back > inst.due[0]!) {
      errors.push(`route ${r + 1}: returns to depot at ${time + back} after ${inst.due[0]}`);
    }
    if (load > inst.capacity) errors.push(`route ${r + 1}: load ${load} exceeds capacity ${inst.capacity}`);
  }
  for (let c = 1; c <= n; c++) if (!seen[c]) errors.push(`customer ${inst.ids[c]} not visited`);
  return { feasible: errors.length === 0, distance, vehicles, errors };
}
