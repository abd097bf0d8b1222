import type { HgsParams } from './params.js';
import type { Prng } from './prng.js';
import { brokenPairs, reprice } from './individual.js';
import type { Individual } from './individual.js';

/**
 * Two sub-populations (feasible, infeasible) managed by biased fitness = cost rank + (1 − elite/size) ×
 * diversity rank, where diversity is the mean broken-pairs distance to the closest members (Vidal et al.
 * 2012). When a sub-population exceeds μ + λ, the worst biased fitness is removed (clones first) until μ.
 */
export class Population {
  feasible: Individual[] = [];
  infeasible: Individual[] = [];

  constructor(
    private readonly params: HgsParams,
    private readonly n: number,
  ) {}

  clear(): void {
    this.feasible = [];
    this.infeasible = [];
  }

  add(ind: Individual): void {
    const sub = ind.feasible ? this.feasible : this.infeasible;
    for (const other of sub) {
      const d = brokenPairs(ind, other, this.n);
      insertSorted(other.closest, d, ind);
      insertSorted(ind.closest, d, other);
    }
    sub.push(ind);
    if (sub.length > this.params.minPopSize + this.params.generationSize) {
      while (sub.length > this.params.minPopSize) this.removeWorst(sub);
    }
  }

  /** Binary tournament on biased fitness over both sub-populations. */
  select(rng: Prng): Individual {
    this.updateBiased(this.feasible);
    this.updateBiased(this.infeasible);
    const total = this.feasible.length + this.infeasible.length;
    const pick = (): Individual => {
      const k = rng.int(total);
      return k < this.feasible.length ? this.feasible[k]! : this.infeasible[k - this.feasible.length]!;
    };
    const a = pick();
    const b = pick();
    return a.biasedFitness < b.biasedFitness ? a : b;
  }

  size(): number {
    return this.feasible.length + this.infeasible.length;
  }

  /** New penalties change infeasible costs; their ranks must follow. */
  reprice(penaltyLoad: number, penaltyTw: number): void {
    for (const ind of this.infeasible) reprice(ind, penaltyLoad, penaltyTw);
  }

  private avgClose(ind: Individual): number {
    const k = Math.min(this.params.nbClose, ind.closest.length);
    if (k === 0) return 0;
    let s = 0;
    for (let i = 0; i < k; i++) s += ind.closest[i]!.d;
    return s / k;
  }

  private updateBiased(sub: Individual[]): void {
    const m = sub.length;
    if (m === 0) return;
    if (m === 1) {
      sub[0]!.biasedFitness = 0;
      return;
    }
    sub.sort((a, b) => a.penalisedCost - b.penalisedCost);
    const div = sub.map((ind, i) => ({ i, d: -this.avgClose(ind) }));
    div.sort((a, b) => a.d - b.d || a.i - b.i);
    const eliteWeight = 1 - Math.min(this.params.nbElite, m) / m;
    for (let r = 0; r < m; r++) {
      const fitRank = div[r]!.i / (m - 1);
      const divRank = r / (m - 1);
      sub[div[r]!.i]!.biasedFitness = fitRank + eliteWeight * divRank;
    }
  }

  private removeWorst(sub: Individual[]): void {
    this.updateBiased(sub);
    let worst = -1;
    let worstClone = false;
    let worstFit = -Infinity;
    for (let i = 1; i < sub.length; i++) {
      const ind = sub[i]!;
      const clone = ind.closest.length > 0 && ind.closest[0]!.d < 1e-9;
      if ((clone && !worstClone) || (clone === worstClone && ind.biasedFitness > worstFit)) {
        worst = i;
        worstClone = clone;
        worstFit = ind.biasedFitness;
      }
    }
    if (worst < 0) worst = sub.length - 1;
    const gone = sub[worst]!;
    sub.splice(worst, 1);
    for (const other of sub) {
      const k = other.closest.findIndex((c) => c.ind === gone);
      if (k >= 0) other.closest.splice(k, 1);
    }
  }
}

function insertSorted(list: { d: number; ind: Individual }[], d: number, ind: Individual): void {
  let k = list.length;
  while (k > 0 && list[k - 1]!.d > d) k--;
  list.splice(k, 0, { d, ind });
}
