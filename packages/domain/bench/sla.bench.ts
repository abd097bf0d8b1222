/**
 * `npm run bench:sla`: deadlines for 1,000,000 synthetic orders with the pure SLA engine (issue 8 target
 * ≥ 200,000 orders/s on one core). A benchmark, not a test: it prints figures and asserts nothing.
 *
 * Orders are spread over 2026 (holidays and 调休 included) in a mix of types and channels, so every rule
 * kind runs: cut-off, calendar days, elapsed, working days. Facts are built before the clock starts, in
 * batches, so the figure is the engine's — selectors, deadline rules, calendar, warning instants, steps.
 * This file stays inside the domain's lint rules (no node:* imports); the machine is described by the
 * shell line in docs/benchmarks.md.
 */
import type { SlaOrderFacts, WorkOrderType } from '../src/index.js';
import { BusinessCalendar, DEFAULT_CALENDAR_SPEC, DEFAULT_SLA_POLICY, startClocks } from '../src/index.js';

const ORDERS = Number(process.env.SLA_BENCH_ORDERS ?? 1_000_000);
// Small batches: facts die young, so the collector measures the engine's garbage, not the harness's.
const BATCH = 10_000;

// A small deterministic generator (mulberry32): the same orders on every run.
let seed = 0x2026_1123;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

const YEAR_START = Date.parse('2025-12-31T16:00:00Z'); // 2026-01-01 00:00 in Beijing
const YEAR_MS = 365 * 86_400_000;
const TYPES: WorkOrderType[] = [
  'fault',
  'fault',
  'fault',
  'install',
  'install',
  'carry_in',
  'consultation',
  'paid_service',
];
const CHANNELS = ['operator', 'operator', 'hotline', 'service_office', 'app'];
const COVERAGE = ['inside', 'inside', 'inside', 'near'] as const;

function order(i: number): SlaOrderFacts {
  const acceptedAt = new Date(YEAR_START + Math.floor((random() * YEAR_MS) / 60_000) * 60_000);
  const type = pick(TYPES);
  return {
    orderId: `o-${i}`,
    tenantId: 't-1',
    vendorId: `v-${i % 7}`,
    areaId: `a-${i % 50}`,
    type,
    priority: random() < 0.05 ? 'urgent' : 'normal',
    channel: pick(CHANNELS),
    coverage: pick(COVERAGE),
    contract: null,
    contractTerms: random() < 0.1 ? ['urgent_repair'] : [],
    tags: type === 'consultation' && random() < 0.5 ? ['hard_question'] : [],
    acceptedAt,
    appointment: null,
    moments: {},
  };
}

const calendar = new BusinessCalendar(DEFAULT_CALENDAR_SPEC);

// Warm-up: lets the JIT settle and fills the calendar's day cache for the year (365 Intl look-ups).
for (let i = 0; i < 50_000; i++) startClocks(order(i), DEFAULT_SLA_POLICY, calendar, new Date());

// Wall time and this process's CPU time of the timed sections: on a busy shared machine the CPU figure
// is what one core does; the wall figure is what this run got.
let engineMs = 0;
let cpuMs = 0;
let clocks = 0;
let checksum = 0;
for (let done = 0; done < ORDERS; done += BATCH) {
  const batch = Array.from({ length: Math.min(BATCH, ORDERS - done) }, (_, k) => order(done + k));
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const f of batch) {
    const cs = startClocks(f, DEFAULT_SLA_POLICY, calendar, f.acceptedAt);
    clocks += cs.length;
    for (const c of cs) checksum = (checksum + c.dueAt.getTime()) % 1_000_000_007;
  }
  engineMs += performance.now() - t0;
  const c = process.cpuUsage(c0);
  cpuMs += (c.user + c.system) / 1000;
}

const perSecond = (n: number, ms: number): string => Math.round((n / ms) * 1000).toLocaleString('en-US');
console.log(`SLA engine: ${ORDERS.toLocaleString('en-US')} orders, ${clocks.toLocaleString('en-US')} clocks`);
console.log(
  `  wall ${engineMs.toFixed(0)} ms → ${perSecond(ORDERS, engineMs)} orders/s, ${perSecond(clocks, engineMs)} clocks/s`,
);
console.log(
  `  cpu  ${cpuMs.toFixed(0)} ms → ${perSecond(ORDERS, cpuMs)} orders/s, ${perSecond(clocks, cpuMs)} clocks/s (one core)`,
);
console.log(`  node ${process.version} ${process.platform}/${process.arch}; checksum ${checksum}`);
