/**
 * Hybrid genetic search parameters. Defaults follow the published HGS settings (population 25 + 40
 * offspring, 4 elites, 5 closest for diversity, 20 % feasible target, penalties adapted every 100
 * individuals) with two deliberate departures in this pure-TypeScript implementation, measured on Solomon
 * at 1 s per instance: a narrower granular neighbourhood (15 instead of 20–40) and SWAP* off by default —
 * both buy more generations, which mattered more than the wider neighbourhoods at short time limits.
 */
export interface HgsParams {
  granularity: number;
  minPopSize: number;
  generationSize: number;
  nbElite: number;
  nbClose: number;
  targetFeasible: number;
  /** Iterations without improvement before the population is restarted. */
  restartAfter: number;
  /** Penalty multiplier used by the repair step. */
  repairBooster: number;
  repairProbability: number;
  /** Time-window proximity weights of the correlation measure (Vidal et al. 2013). */
  weightWaitTime: number;
  weightTimeWarp: number;
  /** Routes longer than this factor × capacity are not considered by split. */
  splitLoadFactor: number;
  useSwapStar: boolean;
  /** Penalties are adapted after this many educated individuals (feasible share measured over them). */
  penaltyWindow: number;
  /** The initial population educates this many × minPopSize random giant tours (time allowing). */
  initialPopFactor: number;
}

export const defaultParams: HgsParams = {
  granularity: 15,
  minPopSize: 25,
  generationSize: 40,
  nbElite: 4,
  nbClose: 5,
  targetFeasible: 0.2,
  restartAfter: 20000,
  repairBooster: 10,
  repairProbability: 0.5,
  weightWaitTime: 0.2,
  weightTimeWarp: 1,
  splitLoadFactor: 1.5,
  useSwapStar: false,
  penaltyWindow: 100,
  initialPopFactor: 4,
};

/**
 * Budgets up to this many milliseconds use `shortRunParams` on top of the defaults: a second buys about
 * 1,000 generations here, too few for a population of 25 + 40 to converge. A smaller one (12 + 20) does:
 * on every second Solomon instance at 1 s CPU time the average gap went 1.06 % → 0.90 % (seed 1) and
 * 0.87 % (seed 2). Longer budgets keep the published population, with which the 10 s figures were measured.
 */
export const SHORT_RUN_MS = 3000;
export const shortRunParams: Partial<HgsParams> = { minPopSize: 12, generationSize: 20 };
