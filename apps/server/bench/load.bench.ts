/**
 * `npm run bench:load` — issue 9 item 6: a working day for 500 engineers and 20 desk agents against
 * one server process on PostgreSQL, then against two server processes on the same database (requests
 * round robin). Loopback, bounded (a fixed number of orders, a compressed day, a hard time cap), fresh
 * databases created and dropped. Reports throughput, p50/p95/p99 per action, errors, and each server's
 * CPU and memory from /proc. Options: --engineers N --desk N --orders N (per engineer) --intake N
 * (new orders per desk agent) --day S (seconds) --only 1|2 (process count). PG_SERVER=postgres://… for another PostgreSQL server.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { openDatabase } from '@daowei/db';
import { createTestOrder } from '@daowei/db/testing';
import { runDay, type DayProfile, type OfferedOrder } from './load/day.js';
import { Recorder } from './load/recorder.js';
import { createScratchDatabase, procStats, startServer, type ServerProcess } from './support/server-process.js';
import { createWorld } from './support/world.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const ENGINEERS = arg('engineers', 500);
const DESK = arg('desk', 20);
const ONLY = arg('only', 0);
const profile: DayProfile = {
  seed: arg('seed', 20261206),
  ordersPerEngineer: arg('orders', 2),
  ordersPerDeskAgent: arg('intake', 10),
  daySeconds: arg('day', 180),
  thinkSeconds: [1, 6],
  deskLookupEverySeconds: 5,
};
const HARD_CAP_MS = (profile.daySeconds + 120) * 1000;

async function run(processes: number) {
  const scratch = await createScratchDatabase(process.env.PG_SERVER, 'daowei_load');
  const servers: ServerProcess[] = [];
  try {
    for (let i = 0; i < processes; i++) {
      // Pool per process sized for the share of the work; PostgreSQL's own limit is 100 connections.
      servers.push(await startServer({ databaseUrl: scratch.url }));
    }
    const database = await openDatabase({ url: scratch.url, poolSize: 4 });
    const world = await createWorld(database.db, servers[0]!.url, { engineers: ENGINEERS, deskAgents: DESK });
    // The day's work, offered before it starts (direct inserts: order + its creation event, as the
    // server writes them). Desk intake during the day is measured separately, at a desk's pace.
    const offered: OfferedOrder[] = [];
    const queue = world.engineers.flatMap((e, engineer) =>
      Array.from({ length: profile.ordersPerEngineer }, () => ({ engineer, personId: e.person.id })),
    );
    await Promise.all(
      [0, 1, 2, 3].map(async () => {
        for (let job = queue.shift(); job; job = queue.shift()) {
          const o = await createTestOrder(database.db, world.t, {
            status: 'assigned',
            offeredToPersonId: job.personId,
            acceptedAt: new Date(),
          });
          offered.push({ engineer: job.engineer, orderId: o.id });
        }
      }),
    );
    await database.close();
    let turn = 0;
    const pick = { next: () => servers[turn++ % servers.length]!.url };
    // Warm-up, not measured: a fresh process compiles each route's schemas and query plans on first use.
    const warm = {
      ...profile,
      daySeconds: 5,
      ordersPerDeskAgent: 1,
      thinkSeconds: [0, 0.5] as [number, number],
    };
    const warmWorld = { ...world, desk: world.desk.slice(0, 2) };
    await runDay(warmWorld, offered.splice(0, 10), pick, new Recorder(), warm);
    const rec = new Recorder();
    const before = servers.map((s) => procStats(s.pid)!);
    const load0 = loadavg()[0]!;
    const t0 = Date.now();
    const day = runDay(world, offered, pick, rec, profile);
    const cap = new Promise<'cap'>((r) => setTimeout(() => r('cap'), HARD_CAP_MS).unref());
    const ended = await Promise.race([day.then(() => 'done' as const), cap]);
    const wallS = (Date.now() - t0) / 1000;
    const after = servers.map((s) => procStats(s.pid)!);
    return {
      processes,
      ended,
      wallS,
      load: [load0, loadavg()[0]!],
      requests: rec.total,
      errors: rec.errorCount,
      rps: rec.total / wallS,
      rows: rec.rows(),
      examples: rec.errorExamples,
      servers: after.map((a, i) => ({
        cpuPct: ((a.cpuSeconds - before[i]!.cpuSeconds) / wallS) * 100,
        rssMb: a.rssMb,
        peakRssMb: a.peakRssMb,
      })),
    };
  } finally {
    for (const s of servers) await s.stop().catch(() => undefined);
    await scratch.drop().catch(() => undefined);
  }
}

const f = (n: number) => n.toFixed(0);
console.log(
  `bench:load — ${ENGINEERS} engineers × ${profile.ordersPerEngineer} orders, ${DESK} desk agents × ${profile.ordersPerDeskAgent} new orders, day of ${profile.daySeconds} s; ` +
    `${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)}`,
);
for (const processes of ONLY ? [ONLY] : [1, 2]) {
  const r = await run(processes);
  console.log(
    `\n### ${processes} server process${processes > 1 ? 'es' : ''} on one PostgreSQL — ${r.requests} requests in ${r.wallS.toFixed(0)} s ` +
      `(${r.rps.toFixed(1)} req/s), ${r.errors} errors${r.ended === 'cap' ? ', STOPPED AT THE TIME CAP' : ''}; load average ${r.load[0]!.toFixed(1)} → ${r.load[1]!.toFixed(1)}`,
  );
  console.log('| action | requests | errors | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|');
  for (const row of r.rows.sort((a, b) => a.label.localeCompare(b.label))) {
    console.log(
      `| ${row.label} | ${row.count} | ${row.errors} | ${f(row.p50)} | ${f(row.p95)} | ${f(row.p99)} | ${f(row.max)} |`,
    );
  }
  r.servers.forEach((s, i) =>
    console.log(
      `server ${i + 1}: CPU ${s.cpuPct.toFixed(0)} % of one core, RSS ${f(s.rssMb)} MB (peak ${f(s.peakRssMb)} MB)`,
    ),
  );
  for (const e of r.examples) console.log(`  error: ${e}`);
}
