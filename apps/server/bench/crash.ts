/**
 * `npm run crash:test` — issue 9 item 3: SIGKILLs a real server on PostgreSQL at seeded random moments
 * under load and proves nothing acknowledged was lost or half-applied (bench/crash/run.ts).
 * Needs PostgreSQL at 127.0.0.1:5432 (user postgres) or PG_SERVER=postgres://…; a fresh database is
 * created and dropped. Options: --short (the CI profile), --seed N, --kills N.
 */
import { FULL_PROFILE, runCrashTest, SHORT_PROFILE } from './crash/run.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : undefined;
};
const base = process.argv.includes('--short') ? SHORT_PROFILE : FULL_PROFILE;
const report = await runCrashTest({
  ...base,
  seed: arg('seed') ?? base.seed,
  kills: arg('kills') ?? base.kills,
  ...(process.env.PG_SERVER ? { pgServer: process.env.PG_SERVER } : {}),
  log: (line) => console.log(line),
});
const { verdict } = report;
console.log(
  `\n${report.kills.length} kills, ${verdict.counts.acks} acknowledged requests (${report.resent} resent after a kill), ` +
    `${verdict.counts.orders} orders, ${verdict.counts.events} events, ${verdict.counts.movements} stock movements, ` +
    `${report.timersInOutage} timers due during outages (${report.timersNotInOutage} not in an outage), ` +
    `outage ${Math.min(...report.kills.map((k) => k.downMs))}–${Math.max(...report.kills.map((k) => k.downMs))} ms, ` +
    `${report.seconds.toFixed(1)} s`,
);
if (verdict.ok) console.log('Crash consistency holds: every check passed.');
else {
  console.error(`${verdict.problems.length} problem(s):`);
  for (const p of verdict.problems.slice(0, 50)) console.error(`  ${p}`);
  process.exitCode = 1;
}
