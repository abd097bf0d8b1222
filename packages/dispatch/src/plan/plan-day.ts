import { compile } from './compile.js';
import { construct } from './construct.js';
import { toPlan } from './explain.js';
import { improve } from './improve.js';
import type { Plan, PlanOptions, PlanRequest } from './model.js';
import { State } from './state.js';

/**
 * DSP-03: plans one day for a station. Heterogeneous-fleet rules (skills with valid certificates,
 * areas, shifts, breaks, pinned visits, crews) are enforced by construction — an order is only ever
 * offered to engineers allowed to do it, and the schedule simulation prices every hard-rule breach
 * far above any benefit — rather than by penalising them inside the homogeneous HGS, whose giant-tour
 * split has no notion of "this customer may only ride in these vehicles". What is reused from the
 * solver: the granular-neighbourhood idea, the move set and its deterministic PRNG.
 *
 * Deterministic for a seed when `maxIterations`, not the clock, ends the improvement phase.
 */
export function planDay(request: PlanRequest, options: PlanOptions): Plan {
  const t0 = performance.now();
  const c = compile(request);
  const s = new State(c);
  construct(s);
  const { state, iterations } = improve(s, {
    deadline: t0 + options.timeLimitMs,
    maxIterations: options.maxIterations ?? Infinity,
    seed: options.seed ?? 1,
  });
  return toPlan(state, iterations, performance.now() - t0);
}
