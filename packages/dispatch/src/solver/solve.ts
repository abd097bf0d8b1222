import type { VrptwInstance } from '../vrptw/instance.js';
import { Hgs } from './hgs.js';
import type { FeasibleSolution, SolutionSink } from './hgs.js';
import { SHORT_RUN_MS, defaultParams, shortRunParams } from './params.js';
import type { HgsParams } from './params.js';
import { Prng } from './prng.js';
import { makeProblem } from './problem.js';

export type Objective = 'distance' | 'vehicles';

export interface SolveOptions {
  timeLimitMs: number;
  seed?: number;
  /** 'distance': minimise total distance; 'vehicles': minimise vehicles first, then distance. */
  objective?: Objective;
  /** Fleet bound; defaults to the instance's fleet size (or one vehicle per customer). */
  maxVehicles?: number;
  /** Iteration budget; with it (and a generous time limit) runs are exactly reproducible. */
  maxIterations?: number;
  params?: Partial<HgsParams>;
  /**
   * Milliseconds clock the time limit is measured on (default: wall clock). Benchmarks on a shared
   * machine may pass a process CPU-time clock so that other processes' load does not shrink the budget.
   */
  clock?: () => number;
  onImprovement?: (info: { distance: number; vehicles: number; iteration: number; elapsedMs: number }) => void;
}

export interface SolveResult {
  /** Routes as node indices 1..n (use `inst.ids` for the file's customer numbers). */
  routes: number[][];
  distance: number;
  vehicles: number;
  feasible: boolean;
  iterations: number;
  elapsedMs: number;
}

/** Share of the budget spent on fleet reduction under the vehicles-first objective. */
const REDUCTION_SHARE = 0.75;
/** Share of the budget the initial population may use at most. */
const INIT_SHARE = 0.15;

/**
 * Solves a VRPTW instance with hybrid genetic search. Deterministic for a seed when the iteration
 * budget, not the clock, ends the run. Returns the best solution that passed the exact checker; if none
 * was found, `feasible` is false and the routes are empty.
 */
export function solve(inst: VrptwInstance, options: SolveOptions): SolveResult {
  const now = options.clock ?? ((): number => performance.now());
  const t0 = now();
  const short = options.timeLimitMs <= SHORT_RUN_MS ? shortRunParams : {};
  const params: HgsParams = { ...defaultParams, ...short, ...options.params };
  const objective = options.objective ?? 'distance';
  const maxIt = options.maxIterations ?? Infinity;
  const rng = new Prng(options.seed ?? 1);
  const p = makeProblem(inst, params);
  const fleetBound = Math.max(1, options.maxVehicles ?? (inst.fleetSize > 0 ? inst.fleetSize : inst.n));
  let best: FeasibleSolution | null = null;
  let total = 0;
  const better = (v: number, d: number): boolean => {
    if (!best) return true;
    if (objective === 'vehicles' && v !== best.vehicles) return v < best.vehicles;
    return d < best.distance - 1e-9;
  };
  const sink: SolutionSink = {
    wants: better,
    offer: (s) => {
      if (!better(s.vehicles, s.distance)) return;
      best = s;
      options.onImprovement?.({
        distance: s.distance,
        vehicles: s.vehicles,
        iteration: total,
        elapsedMs: now() - t0,
      });
    },
  };
  const progress = (): number => Math.max((now() - t0) / options.timeLimitMs, total / maxIt);
  const hgs = new Hgs(p, params, rng, fleetBound, sink);
  const initialise = (seedRoutes: number[][] | null): void => {
    if (seedRoutes) hgs.educateRoutes(seedRoutes);
    const start = progress();
    for (
      let k = 0;
      k < params.initialPopFactor * params.minPopSize && progress() - start < INIT_SHARE && progress() < 1;
      k++
    ) {
      hgs.educateTour(hgs.randomTour());
      total++;
    }
  };
  initialise(null);
  if (objective === 'vehicles') {
    // Fleet reduction: whenever a feasible solution with K routes exists, restart the search with K − 1
    // vehicles, seeded with the best solution split into K − 1 routes; penalties push it to feasibility.
    let target = best ? (best as FeasibleSolution).vehicles - 1 : fleetBound;
    if (best) reduceTo(target);
    while (progress() < REDUCTION_SHARE && target >= 1) {
      hgs.step();
      total++;
      const cur = best as FeasibleSolution | null;
      if (cur && cur.vehicles <= target) {
        target = cur.vehicles - 1;
        if (target < 1) break;
        reduceTo(target);
      }
    }
    const cur = best as FeasibleSolution | null;
    if (cur && hgs.fleet !== cur.vehicles) {
      hgs.setFleet(cur.vehicles);
      initialise(cur.routes);
    }
  }
  while (progress() < 1) {
    hgs.step();
    total++;
  }
  const fin = best as FeasibleSolution | null;
  return {
    routes: fin ? fin.routes : [],
    distance: fin ? fin.distance : Infinity,
    vehicles: fin ? fin.vehicles : 0,
    feasible: fin !== null,
    iterations: total,
    elapsedMs: now() - t0,
  };

  function reduceTo(k: number): void {
    const cur = best as FeasibleSolution;
    hgs.setFleet(k);
    // Removing the smallest route and letting split re-distribute its customers over k routes.
    const tour = Int32Array.from(cur.routes.flat());
    hgs.educateTour(tour);
    const start = progress();
    for (let i = 0; i < params.minPopSize && progress() - start < INIT_SHARE / 3 && progress() < 1; i++) {
      hgs.educateTour(hgs.randomTour());
      total++;
    }
  }
}
