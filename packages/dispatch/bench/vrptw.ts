/**
 * Solomon benchmark harness: `npm run bench:vrptw -- --time 1 [--objective vehicles] [--only C1,R2]
 * [--instances N] [--seed N] [--clock wall|cpu] [--no-record]`. `--clock cpu` measures each instance's
 * budget on this process's CPU time instead of the wall clock: on a machine shared with other busy
 * processes that is what "1 s on a quiet machine" means; the load average is recorded either way. Solves the 56 instances one at a time, re-checks each solution with the
 * independent checker, prints per-class and overall figures, writes a CSV under .tmp/ and appends a
 * dated section to docs/benchmarks.md.
 */
import { execSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { checkSolution } from '../src/vrptw/checker.js';
import { parseSolomon } from '../src/vrptw/solomon.js';
import { processCpuClock } from '../src/solver/clock.js';
import { solve } from '../src/solver/solve.js';
import type { Objective } from '../src/solver/solve.js';

const root = resolve(import.meta.dirname, '../../..');
const dataDir = resolve(root, '../shared/bench/vrptw/solomon');
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const seconds = Number(opt('time') ?? '1');
const objective = (opt('objective') ?? 'distance') as Objective;
const seed = Number(opt('seed') ?? '1');
const only = opt('only')
  ?.split(',')
  .map((s) => s.trim().toUpperCase());
const limit = Number(opt('instances') ?? 'Infinity');
const clockName = opt('clock') ?? 'wall';
if (clockName !== 'wall' && clockName !== 'cpu') throw new Error(`unknown clock ${clockName}`);
const record = !args.includes('--no-record');
const loadStart = loadavg();

interface Ref {
  vehicles: number;
  distance: number;
}
function readRefs(file: string): Map<string, Ref> {
  const m = new Map<string, Ref>();
  for (const line of readFileSync(join(dataDir, file), 'utf8').split('\n').slice(1)) {
    const [name, v, d] = line.split(',');
    if (name && v && d) m.set(name, { vehicles: Number(v), distance: Number(d) });
  }
  return m;
}
const refDistance = readRefs('ref_distance_only_best.csv');
const bks = readRefs('bks.csv');
const classOf = (name: string): string => name.replace(/\d\d$/, '');

const files = readdirSync(dataDir)
  .filter((f) => /^(C|R|RC)\d+\.txt$/.test(f))
  .sort()
  .filter((f) => !only || only.includes(classOf(f.replace('.txt', ''))))
  .slice(0, limit);

interface Row {
  name: string;
  cls: string;
  feasible: boolean;
  vehicles: number;
  distance: number;
  gap: number;
  refVehicles: number;
  bksVehicles: number;
  bksGap: number;
  iterations: number;
  seconds: number;
}
const rows: Row[] = [];
for (const f of files) {
  const name = f.replace('.txt', '');
  const inst = parseSolomon(readFileSync(join(dataDir, f), 'utf8'), name);
  const res = solve(inst, {
    timeLimitMs: seconds * 1000,
    seed,
    objective,
    clock: clockName === 'cpu' ? processCpuClock() : undefined,
  });
  const check = checkSolution(inst, res.routes);
  const ref = refDistance.get(name)!;
  const b = bks.get(name)!;
  const row: Row = {
    name,
    cls: classOf(name),
    feasible: res.feasible && check.feasible,
    vehicles: check.vehicles,
    distance: check.distance,
    gap: (100 * (check.distance - ref.distance)) / ref.distance,
    refVehicles: ref.vehicles,
    bksVehicles: b.vehicles,
    bksGap: (100 * (check.distance - b.distance)) / b.distance,
    iterations: res.iterations,
    seconds: res.elapsedMs / 1000,
  };
  rows.push(row);
  const g = objective === 'distance' ? `gap ${row.gap.toFixed(2)}%` : `bks ${b.vehicles} gap ${row.bksGap.toFixed(2)}%`;
  console.log(
    `${name.padEnd(6)} ${row.feasible ? 'ok ' : 'BAD'} v=${row.vehicles} d=${row.distance.toFixed(2)} ${g} it=${row.iterations}`,
  );
}

const pct = (x: number): string => `${x.toFixed(2)}%`;
function summarise(label: string, rs: Row[]): string {
  // Infeasible runs have no meaningful distance: they are counted in the feasible column, not in the gaps.
  const gaps = rs
    .filter((r) => r.feasible)
    .map((r) => (objective === 'distance' ? r.gap : r.bksGap))
    .sort((a, b) => a - b);
  const avg = gaps.reduce((s, g) => s + g, 0) / Math.max(1, gaps.length);
  const med = gaps.length ? (gaps[(gaps.length - 1) >> 1]! + gaps[gaps.length >> 1]!) / 2 : 0;
  const worst = gaps.length ? gaps[gaps.length - 1]! : 0;
  const atBks = rs.filter((r) => r.feasible && r.vehicles <= r.bksVehicles).length;
  const cells = [
    label,
    `${rs.filter((r) => r.feasible).length}/${rs.length}`,
    String(rs.reduce((s, r) => s + r.vehicles, 0)),
    pct(avg),
    pct(med),
    pct(worst),
  ];
  if (objective === 'vehicles') cells.push(`${atBks}/${rs.length}`);
  return `| ${cells.join(' | ')} |`;
}
const classes = ['C1', 'C2', 'R1', 'R2', 'RC1', 'RC2'].filter((c) => rows.some((r) => r.cls === c));
const reference = objective === 'distance' ? 'ref_distance_only_best.csv' : 'bks.csv';
const header =
  objective === 'distance'
    ? '| class | feasible | vehicles | avg gap | median gap | worst gap |\n|---|---|---|---|---|---|'
    : '| class | feasible | vehicles | avg gap | median gap | worst gap | BKS vehicles reached |\n|---|---|---|---|---|---|---|';
const table = [
  header,
  ...classes.map((c) =>
    summarise(
      c,
      rows.filter((r) => r.cls === c),
    ),
  ),
  summarise('all', rows),
];
const loadEnd = loadavg();
const loadText =
  `load average (1/5/15 min) ${loadStart.map((x) => x.toFixed(1)).join('/')} at the start, ` +
  `${loadEnd.map((x) => x.toFixed(1)).join('/')} at the end`;
console.log(
  `\nobjective ${objective}, ${seconds} s ${clockName} clock per instance, gaps vs ${reference}; ${loadText}`,
);
console.log(table.join('\n'));

const stamp = new Date().toISOString().replace(/[:]/g, '-').slice(0, 19);
mkdirSync(join(root, '.tmp'), { recursive: true });
const csvPath = join(root, '.tmp', `vrptw-${objective}-${seconds}s-${stamp}.csv`);
writeFileSync(
  csvPath,
  'instance,feasible,vehicles,distance,gap_ref_pct,ref_vehicles,bks_vehicles,gap_bks_pct,iterations,seconds\n' +
    rows
      .map((r) =>
        [r.name, r.feasible, r.vehicles, r.distance.toFixed(4), r.gap.toFixed(4), r.refVehicles, r.bksVehicles]
          .concat([r.bksGap.toFixed(4), r.iterations, r.seconds.toFixed(2)])
          .join(','),
      )
      .join('\n') +
    '\n',
);
console.log(`CSV: ${csvPath}`);

let commit = 'unknown';
try {
  commit = execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
} catch {
  /* not a git checkout */
}
const docs = join(root, 'docs', 'benchmarks.md');
if (!record) process.exit(0);
if (!existsSync(docs)) writeFileSync(docs, '# Benchmarks\n');
const section = [
  '',
  `## VRPTW Solomon — ${objective} objective, ${seconds} s ${clockName === 'cpu' ? 'CPU time' : 'wall clock'} per instance (${new Date().toISOString().slice(0, 16)}Z)`,
  '',
  `Machine: ${cpus().length} cores (nproc), ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; ` +
    `commit ${commit}; seed ${seed}; one instance at a time; ${rows.length} instances; ${loadText}` +
    (only ? ` (classes ${only.join(',')})` : '') +
    `. Gaps vs \`${reference}\`; every solution re-checked in double precision (capacity, all windows, depot return).`,
  '',
  ...table,
  '',
];
appendFileSync(docs, section.join('\n'));
