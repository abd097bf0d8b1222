import { checkSolution } from '../vrptw/checker.js';
import { orderCrossover } from './crossover.js';
import { makeIndividual } from './individual.js';
import type { Individual } from './individual.js';
import { LocalSearch } from './local-search.js';
import type { HgsParams } from './params.js';
import { Population } from './population.js';
import type { Prng } from './prng.js';
import type { Problem } from './problem.js';
import { Splitter } from './split.js';

export interface FeasibleSolution {
  routes: number[][];
  distance: number;
  vehicles: number;
}

/** Receives solutions that passed the exact checker; `wants` filters before the (O(n)) check. */
export interface SolutionSink {
  wants(vehicles: number, distance: number): boolean;
  offer(s: FeasibleSolution): void;
}

/**
 * One hybrid genetic search with a fixed fleet bound: population, crossover + split + local search per
 * iteration, repair of infeasible offspring, adaptive penalties, restarts. The caller drives it with
 * `step()` so that phases (e.g. fleet reduction) and stopping rules stay outside.
 */
export class Hgs {
  readonly pop: Population;
  readonly split: Splitter;
  ls: LocalSearch;
  penaltyLoad: number;
  penaltyTw: number;
  /** Lowest penalised cost seen since the last restart (drives restarts). */
  private bestSinceRestart = Infinity;
  private sinceImprovement = 0;
  private readonly child: Int32Array;
  private readonly used: Uint8Array;
  private loadFeasible: boolean[] = [];
  private twFeasible: boolean[] = [];
  iterations = 0;

  constructor(
    readonly p: Problem,
    readonly params: HgsParams,
    readonly rng: Prng,
    public fleet: number,
    readonly sink: SolutionSink,
  ) {
    this.pop = new Population(params, p.n);
    this.split = new Splitter(p, params.splitLoadFactor);
    this.ls = new LocalSearch(p, params, rng, fleet);
    this.penaltyLoad = Math.max(0.1, Math.min(1000, p.maxDist / Math.max(1, p.maxDemand)));
    this.penaltyTw = Math.max(1, p.maxDist / 5);
    this.child = new Int32Array(p.n);
    this.used = new Uint8Array(p.n + 1);
  }

  /** Changes the fleet bound; the population is emptied (its members may use too many routes). */
  setFleet(fleet: number): void {
    this.fleet = fleet;
    this.ls = new LocalSearch(this.p, this.params, this.rng, fleet);
    this.pop.clear();
    this.bestSinceRestart = Infinity;
    this.sinceImprovement = 0;
  }

  /** Adds an individual built from a giant tour (split, local search, repair). */
  educateTour(tour: Int32Array): void {
    const routes = this.split.split(tour, this.fleet, this.penaltyLoad, this.penaltyTw);
    this.educateRoutes(routes);
  }

  educateRoutes(routes: number[][]): void {
    const improved = this.ls.run(routes, this.penaltyLoad, this.penaltyTw);
    const ind = makeIndividual(this.p, improved, this.penaltyLoad, this.penaltyTw);
    this.loadFeasible.push(ind.excessLoad < 1e-9);
    this.twFeasible.push(ind.timeWarp < 1e-9);
    if (this.loadFeasible.length >= this.params.penaltyWindow) this.managePenalties();
    this.insert(ind);
    if (!ind.feasible && this.rng.float() < this.params.repairProbability) {
      const b = this.params.repairBooster;
      const repaired = this.ls.run(improved, this.penaltyLoad * b, this.penaltyTw * b);
      const r = makeIndividual(this.p, repaired, this.penaltyLoad, this.penaltyTw);
      if (r.feasible) this.insert(r);
    }
  }

  randomTour(): Int32Array {
    const t = new Int32Array(this.p.n);
    for (let i = 0; i < t.length; i++) t[i] = i + 1;
    this.rng.shuffle(t);
    return t;
  }

  /** One generation step: select two parents, cross, educate; manage penalties and restarts. */
  step(): void {
    this.iterations++;
    if (this.pop.size() < 2) {
      this.educateTour(this.randomTour());
      return;
    }
    const a = this.pop.select(this.rng);
    const b = this.pop.select(this.rng);
    orderCrossover(a.tour, b.tour, this.rng, this.child, this.used);
    this.educateTour(this.child);
    if (this.sinceImprovement >= this.params.restartAfter) {
      this.pop.clear();
      this.bestSinceRestart = Infinity;
      this.sinceImprovement = 0;
    }
  }

  private insert(ind: Individual): void {
    this.pop.add(ind);
    if (ind.feasible && ind.penalisedCost < this.bestSinceRestart - 1e-9) {
      this.bestSinceRestart = ind.penalisedCost;
      this.sinceImprovement = 0;
    } else {
      this.sinceImprovement++;
    }
    if (ind.feasible) this.consider(ind.routes);
  }

  /** Accepts a solution as "best" only after the exact sequential checker agrees. */
  private consider(routes: number[][]): void {
    const vehicles = routes.length;
    let distance = 0;
    for (const r of routes) {
      let prev = 0;
      for (const c of r) {
        distance += this.p.dist[prev * this.p.size + c]!;
        prev = c;
      }
      distance += this.p.dist[prev * this.p.size]!;
    }
    if (!this.sink.wants(vehicles, distance)) return;
    const check = checkSolution(this.p.inst, routes);
    if (!check.feasible) return;
    this.sink.offer({ routes: routes.map((r) => r.slice()), distance: check.distance, vehicles });
  }

  private managePenalties(): void {
    const target = this.params.targetFeasible;
    const adjust = (flags: boolean[], pen: number): number => {
      if (flags.length === 0) return pen;
      const frac = flags.filter(Boolean).length / flags.length;
      if (frac < target - 0.05) return Math.min(100000, pen * 1.2);
      if (frac > target + 0.05) return Math.max(0.1, pen * 0.85);
      return pen;
    };
    this.penaltyLoad = adjust(this.loadFeasible, this.penaltyLoad);
    this.penaltyTw = adjust(this.twFeasible, this.penaltyTw);
    this.loadFeasible = [];
    this.twFeasible = [];
    this.pop.reprice(this.penaltyLoad, this.penaltyTw);
  }
}
