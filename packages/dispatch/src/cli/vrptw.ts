/**
 * `npm run vrptw -- solve FILE --time SECONDS [--seed N] [--objective distance|vehicles] [--clock wall|cpu]
 *  [--out ROUTES.txt]`
 * Solves any Solomon-format file and writes `Route #k: …` lines (customer numbers as in the file, depot
 * left out) and `Cost: <distance>`, the format other checkers read, so results can be re-checked independently.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { checkSolution } from '../vrptw/checker.js';
import { processCpuClock } from '../solver/clock.js';
import { parseSolomon } from '../vrptw/solomon.js';
import { solve } from '../solver/solve.js';
import type { Objective } from '../solver/solve.js';
import type { VrptwInstance } from '../vrptw/instance.js';

export function formatRoutes(inst: VrptwInstance, routes: readonly (readonly number[])[], distance: number): string {
  const lines = routes.map((r, k) => `Route #${k + 1}: ${r.map((c) => inst.ids[c]).join(' ')}`);
  lines.push(`Cost: ${distance.toFixed(2)}`);
  return lines.join('\n') + '\n';
}

function main(argv: string[]): number {
  const [cmd, file, ...rest] = argv;
  if (cmd !== 'solve' || !file) {
    console.error(
      'usage: vrptw solve FILE --time SECONDS [--seed N] [--objective distance|vehicles] [--clock wall|cpu] [--out FILE]',
    );
    return 2;
  }
  const opt = (name: string): string | undefined => {
    const i = rest.indexOf(`--${name}`);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const seconds = Number(opt('time') ?? '10');
  const seed = Number(opt('seed') ?? '1');
  const objective = (opt('objective') ?? 'distance') as Objective;
  if (objective !== 'distance' && objective !== 'vehicles') {
    console.error(`unknown objective ${objective}`);
    return 2;
  }
  const clock = opt('clock') ?? 'wall';
  if (clock !== 'wall' && clock !== 'cpu') {
    console.error(`unknown clock ${clock}`);
    return 2;
  }
  const inst = parseSolomon(readFileSync(file, 'utf8'), basename(file));
  const res = solve(inst, {
    timeLimitMs: seconds * 1000,
    seed,
    objective,
    clock: clock === 'cpu' ? processCpuClock() : undefined,
    onImprovement: (i) =>
      console.error(`${(i.elapsedMs / 1000).toFixed(2)}s  vehicles ${i.vehicles}  distance ${i.distance.toFixed(2)}`),
  });
  if (!res.feasible) {
    console.error('no feasible solution found');
    return 1;
  }
  const check = checkSolution(inst, res.routes);
  const text = formatRoutes(inst, res.routes, check.distance);
  const out = opt('out');
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
  console.error(
    `${inst.name}: ${check.feasible ? 'feasible' : 'INFEASIBLE'}, ${check.vehicles} vehicles, distance ${check.distance.toFixed(2)}, ${res.iterations} iterations`,
  );
  return check.feasible ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
