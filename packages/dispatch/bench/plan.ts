/**
 * Field-service day plan benchmark (issue 3 target): a synthetic city day with 1,000 orders and 100
 * engineers → time to a complete plan (target ≤ 5 s) and to a re-plan after one change (target ≤ 1 s),
 * with assigned count, lateness and travel. Prints a Markdown section and appends it to
 * docs/benchmarks.md (`--no-write` to skip). Figures, not tests.
 *
 *   npm run bench:plan -- [--time 4500] [--replan-time 800] [--seed 1] [--no-write]
 */
import { execSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { cityInstance, planDay, replan } from '../src/index.js';
import type { Plan, PlanChange } from '../src/index.js';

const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const time = arg('time', 4500);
const replanTime = arg('replan-time', 800);
const seed = arg('seed', 1);
const request = cityInstance({ orders: 1000, engineers: 100, seed });

const row = (name: string, p: Plan, wall: number, extra = ''): string =>
  `| ${name} | ${Math.round(wall)} | ${p.stats.assigned} | ${p.stats.unassigned} | ${Math.round(p.stats.lateMinutes)} (${p.stats.lateStops}) | ${Math.round(p.stats.travelMinutes)} | ${Math.round(p.stats.distanceKm)} | ${Math.round(p.stats.loadStdDevMinutes)} | ${p.stats.iterations} | ${extra} |`;

const rows: string[] = [];
let t = performance.now();
const first = planDay(request, { timeLimitMs: 0, seed });
rows.push(row('construction only (regret insertion)', first, performance.now() - t));
t = performance.now();
const short = planDay(request, { timeLimitMs: 1500, seed });
rows.push(row('full plan, 1500 ms budget', short, performance.now() - t));
t = performance.now();
const plan = planDay(request, { timeLimitMs: time, seed });
rows.push(row(`full plan, ${time} ms budget`, plan, performance.now() - t));
const busiest = [...plan.routes].sort((a, b) => b.stops.length - a.stops.length)[0]!;
const someStop = plan.routes.flatMap((r) => r.stops.filter((s) => s.start > 600 && s.start < 660 && !s.crewWith))[0]!;
const changes: [string, PlanChange][] = [
  [
    'new urgent order at 11:00',
    {
      kind: 'new_order',
      now: 660,
      order: { ...request.orders[0]!, id: 'URGENT', priority: 'urgent', deadline: 720, window: undefined },
    },
  ],
  ['order runs 60 min long', { kind: 'overrun', orderId: someStop.orderId, extraMinutes: 60, now: someStop.start + 1 }],
  [`busiest engineer off at 10:00`, { kind: 'engineer_off', engineerId: busiest.engineerId, now: 600 }],
];
for (const [name, change] of changes) {
  t = performance.now();
  const r = replan(plan, change, { timeLimitMs: replanTime, seed });
  rows.push(row(`re-plan: ${name}`, r.plan, performance.now() - t, `${r.changedAssignments} changed`));
}

let commit = '?';
try {
  commit = execSync('git rev-parse --short HEAD').toString().trim();
} catch {
  // not a git checkout
}
const md = [
  '',
  `## Field-service day plan — 1,000 orders, 100 engineers (${new Date().toISOString().slice(0, 16)}Z)`,
  '',
  `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}), Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} at the start; commit ${commit}; seed ${seed}; \`npm run bench:plan\`.`,
  'Instance: `cityInstance` — 30 × 24 km city, 12 areas, engineers serve 2 areas and hold 2–3 of 5 skills (≈5 % lapsed certificates),',
  '80 % day shift 08:00–17:30 + 45 min lunch, 20 % 10:00–20:00; orders 15–45 min, 60 % with 2-hour windows, 5 % urgent with a',
  '2-hour deadline, 2 % crews of two, max 14 orders per engineer. Times include compiling the request (travel matrix, neighbours).',
  '',
  '| run | wall ms | assigned | unassigned | late min (stops) | travel min | km | load σ min | LNS iterations | changes |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...rows,
  '',
];
console.log(md.join('\n'));
if (!process.argv.includes('--no-write')) appendFileSync('docs/benchmarks.md', md.join('\n'));
