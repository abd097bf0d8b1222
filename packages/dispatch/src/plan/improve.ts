import { Prng } from '../solver/prng.js';
import { regretInsert } from './construct.js';
import type { State } from './state.js';

/**
 * Improvement: granular local search (relocate and swap between a visit and its nearest neighbours'
 * positions — Toth & Vigo's granular idea, as in the HGS solver) to a local optimum, then large
 * neighbourhood search (Shaw-style related removal + regret re-insertion + local search on the touched
 * visits), accepting equal-or-better and, with a small record-to-record allowance, slightly worse
 * solutions, keeping the best. Locked visits (pinned, crew) never move; everything else is priced by
 * re-simulating the one or two routes a move touches.
 */
export interface ImproveOptions {
  deadline: number;
  maxIterations: number;
  seed: number;
}

const EPS = 1e-6;

export function improve(s: State, opt: ImproveOptions): { state: State; iterations: number } {
  const c = s.c;
  const rng = new Prng(opt.seed);
  const all: number[] = [];
  for (let v = 0; v < c.V; v++) if (!c.locked[v]) all.push(v);
  localSearch(s, all, rng, opt.deadline);
  let best = s.clone();
  let bestCost = best.total();
  let cur = s;
  let curCost = bestCost;
  let it = 0;
  if (all.length === 0) return { state: best, iterations: 0 };
  while (it < opt.maxIterations && performance.now() < opt.deadline) {
    it++;
    const trial = cur.clone();
    const removed = ruin(trial, all, rng);
    regretInsert(trial, removed);
    const touched = new Set<number>(removed);
    for (const v of removed) for (const n of c.neighbours[v]!) touched.add(n);
    localSearch(trial, [...touched], rng, opt.deadline);
    const cost = trial.total();
    // Record-to-record travel: accept within 0.1 % of the best, so the search can cross small ridges.
    if (cost < bestCost - EPS) {
      best = trial.clone();
      bestCost = cost;
    }
    if (cost <= curCost + EPS || cost <= bestCost * 1.001) {
      cur = trial;
      curCost = cost;
    }
  }
  return { state: best, iterations: it };
}

/** Removes a seed visit and its most related (nearest) planned visits; returns them. */
function ruin(s: State, all: readonly number[], rng: Prng): number[] {
  const c = s.c;
  const size = 8 + rng.int(20);
  const seed = all[rng.int(all.length)]!;
  const out: number[] = [];
  const queue = [seed];
  const seen = new Set<number>([seed]);
  while (queue.length > 0 && out.length < size) {
    const v = queue.shift()!;
    if (!c.locked[v]) {
      s.remove(v);
      out.push(v);
    }
    for (const n of c.neighbours[v]!) {
      if (!seen.has(n) && rng.float() < 0.7) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return out;
}

/** First-improvement relocate/swap over `visits` until no move improves (or the deadline). */
export function localSearch(s: State, visits: number[], rng: Prng, deadline: number): void {
  const c = s.c;
  const order = visits.filter((v) => !c.locked[v]);
  let improved = true;
  let rounds = 0;
  const tmp = { pos: 0 };
  while (improved && rounds++ < 50 && performance.now() < deadline) {
    improved = false;
    rng.shuffle(order);
    for (const u of order) {
      const eu = s.eng[u]!;
      if (eu < 0) {
        // An unplanned visit: plan it if some allowed route now has room.
        let bestD = Infinity;
        let bestE = -1;
        let bestP = 0;
        for (const e of c.cand[c.visitOrder[u]!]!) {
          const d = s.bestInsert(u, e, tmp);
          if (d < bestD) [bestD, bestE, bestP] = [d, e, tmp.pos];
        }
        if (bestE >= 0 && bestD < c.dropW[u]! - EPS) {
          s.insert(u, bestE, bestP);
          improved = true;
        }
        continue;
      }
      if (tryRelocate(s, u) || trySwap(s, u)) improved = true;
    }
  }
}

function tryRelocate(s: State, u: number): boolean {
  const c = s.c;
  const eu = s.eng[u]!;
  const ru = s.routes[eu]!;
  const without = ru.filter((x) => x !== u);
  const oldU = s.current(eu);
  const gainU = oldU - s.price(eu, without);
  const ou = c.visitOrder[u]!;
  for (const n of c.neighbours[u]!) {
    const en = s.eng[n]!;
    if (en < 0 || !c.compat[ou * c.E + en]) continue;
    const base = en === eu ? without : s.routes[en]!;
    const at = base.indexOf(n);
    for (const p of [at, at + 1]) {
      const r = [...base.slice(0, p), u, ...base.slice(p)];
      if (en === eu) {
        const d = s.price(eu, r) - oldU;
        if (d < -EPS) {
          s.setRoute(eu, r);
          return true;
        }
      } else {
        const d = s.price(en, r) - s.current(en) - gainU;
        if (d < -EPS) {
          s.setRoute(eu, without);
          s.setRoute(en, r);
          return true;
        }
      }
    }
  }
  return false;
}

function trySwap(s: State, u: number): boolean {
  const c = s.c;
  const eu = s.eng[u]!;
  const ou = c.visitOrder[u]!;
  for (const n of c.neighbours[u]!) {
    const en = s.eng[n]!;
    if (en < 0 || en === eu || c.locked[n]) continue;
    if (!c.compat[ou * c.E + en] || !c.compat[c.visitOrder[n]! * c.E + eu]) continue;
    const ru = s.routes[eu]!.map((x) => (x === u ? n : x));
    const rn = s.routes[en]!.map((x) => (x === n ? u : x));
    const d = s.price(eu, ru) + s.price(en, rn) - s.current(eu) - s.current(en);
    if (d < -EPS) {
      s.setRoute(eu, ru);
      s.setRoute(en, rn);
      return true;
    }
  }
  return false;
}
