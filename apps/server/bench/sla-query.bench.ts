/**
 * `npm run bench:sla-query` — latency of the coordinators' "at risk" page (issue 8: p95 < 100 ms) with
 * 1,000,000 open SLA clocks in PostgreSQL. A benchmark, not a test: it prints figures, asserts nothing.
 *
 * A dedicated database is created on the local server and dropped at the end (BENCH_PG_ADMIN_URL,
 * default postgres://postgres@127.0.0.1:5432/postgres). Orders and clocks are bulk-inserted with
 * generate_series (bounded: one statement each), then ANALYZEd. Each scenario runs what the API does
 * for one page: listAtRiskSlaClocks (the SQL, the row mapping) plus getWorkOrders for the page's orders.
 * Options: --clocks N (default 1,000,000), --runs R per scenario (default 100).
 */
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import {
  analyzeDatabase,
  clockColumns,
  getWorkOrders,
  listAtRiskSlaClocks,
  migrate,
  openDatabase,
  type AtRiskFilter,
  type Database,
} from '@daowei/db';
import { addTestVendor, createTestTenant } from '@daowei/db/testing';
import { BusinessCalendar, DEFAULT_CALENDAR_SPEC, DEFAULT_SLA_POLICY, startClocks } from '@daowei/domain';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const CLOCKS = arg('clocks', 1_000_000);
const RUNS = arg('runs', 100);

async function seed(database: Database, now: Date) {
  const db = database.db;
  const t = await createTestTenant(db);
  const others = [];
  for (const code of ['vb', 'vc', 'vd']) others.push(await addTestVendor(db, t, code));
  const branches = [t, ...others];
  // One real clock's engine state as the template; each row gets its own instants merged in.
  const [template] = startClocks(
    {
      orderId: 'template',
      tenantId: t.tenant.id,
      vendorId: t.vendor.id,
      areaId: t.area.id,
      type: 'fault',
      priority: 'normal',
      channel: null,
      coverage: null,
      contract: null,
      contractTerms: [],
      tags: [],
      acceptedAt: now,
      appointment: null,
      moments: {},
    },
    DEFAULT_SLA_POLICY,
    new BusinessCalendar(DEFAULT_CALENDAR_SPEC),
    now,
  );
  const engine = clockColumns(template!).engine;
  const arr = (f: (b: (typeof branches)[number]) => string) =>
    `ARRAY[${branches.map((b) => `'${f(b)}'::uuid`).join(',')}]`;
  const sqlNow = `'${now.toISOString()}'::timestamptz`;
  const client = await pgClient(database);
  try {
    // Bulk-load the usual way: secondary indexes are dropped and rebuilt after the load, and the
    // same-tenant foreign-key triggers are skipped for this session (the rows are built consistent).
    const indexes = await client.query<{ indexdef: string; indexname: string }>(
      `select indexname, indexdef from pg_indexes where tablename in ('work_orders', 'sla_clocks')
         and indexname not in (select conname from pg_constraint)`,
    );
    for (const i of indexes.rows) await client.query(`drop index "${i.indexname}"`);
    await client.query(`set session_replication_role = replica`);
    const started = Date.now();
    await client.query(`
    INSERT INTO work_orders (tenant_id, vendor_id, number, acceptance_serial, type, status, priority, product,
      business, product_number, customer_id, contact_name, contact_phone, address, area_id, step, warranty,
      station_id, policy_id, policy_version, accepted_at)
    SELECT '${t.tenant.id}', (${arr((b) => b.vendor.id)})[g % 4 + 1], 'B' || g, 'S' || g,
      CASE WHEN g % 3 = 0 THEN 'install' ELSE 'fault' END, 'in_progress', 'normal', 'broadband', 'home broadband',
      'P' || g, '${t.customer.id}', '客户', '13800000000', '望京街道 ' || g || ' 号', (${arr((b) => b.area.id)})[g % 4 + 1],
      'working', 'unknown', (${arr((b) => b.units.station.id)})[g % 4 + 1], 'sla-default', 1,
      ${sqlNow} - ((g % 4320) * interval '1 minute')
    FROM generate_series(1, ${CLOCKS}) AS g`);
    const ordersMs = Date.now() - started;
    // Due times spread from 12 h ago to ~9.5 days ahead (about 5 % breached); allowed time 4 h to 3 days,
    // warning at 80 % of it; one clock in ten paused (some of them after their due time).
    await client.query(
      `
    INSERT INTO sla_clocks (tenant_id, order_id, vendor_id, station_id, order_type, kind, rule_id, policy_id,
      policy_version, started_at, due_at, warn_at, paused_intervals, state, paused_at, provisional, engine)
    SELECT tenant_id, id, vendor_id, station_id, type, kind, rule_id, 'sla-default', 1, due - allowed, due,
      due - allowed * 0.2, '[]'::jsonb, CASE WHEN h % 10 = 0 THEN 'paused' ELSE 'running' END,
      CASE WHEN h % 10 = 0 THEN ${sqlNow} - (h % 1440) * interval '1 minute' END, false,
      $1::jsonb || jsonb_build_object('kind', kind, 'ruleId', rule_id, 'startedAt', to_jsonb(due - allowed),
        'dueAt', to_jsonb(due), 'warnAt', to_jsonb(due - allowed * 0.2), 'lastEventAt', to_jsonb(due - allowed),
        'computedAt', to_jsonb(due - allowed),
        'runningSince', CASE WHEN h % 10 = 0 THEN 'null'::jsonb ELSE to_jsonb(due - allowed) END)
    FROM (
      SELECT w.*, ${sqlNow} + ((h % 14400) - 720) * interval '1 minute' AS due,
        (240 + h % 4080) * interval '1 minute' AS allowed,
        CASE WHEN w.type = 'install' THEN 'install_complete' ELSE 'fault_repair' END AS kind,
        CASE WHEN w.type = 'install' THEN 'SLA-03' ELSE 'SLA-04' END AS rule_id
      FROM (SELECT wo.*, abs(hashtext(wo.id::text)) AS h FROM work_orders wo WHERE wo.tenant_id = '${t.tenant.id}') w
    ) s`,
      [JSON.stringify(engine)],
    );
    const clocksMs = Date.now() - started - ordersMs;
    await client.query(`set session_replication_role = origin`);
    for (const i of indexes.rows) await client.query(i.indexdef);
    const indexMs = Date.now() - started - ordersMs - clocksMs;
    await analyzeDatabase(db);
    return { t, branches, ordersMs, clocksMs, indexMs };
  } finally {
    await client.end();
  }
}

async function pgClient(database: Database): Promise<pg.Client> {
  void database;
  const c = new pg.Client({ connectionString: process.env.BENCH_DB_URL });
  await c.connect();
  return c;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `daowei_bench_sla_${Date.now()}`;
  const dbUrl = adminUrl.replace(/\/[^/]*$/, `/${dbName}`);
  process.env.BENCH_DB_URL = dbUrl;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const database = await openDatabase({ url: dbUrl, poolSize: 4 });
  try {
    await migrate(database);
    const now = new Date();
    console.log(`Seeding ${CLOCKS.toLocaleString('en')} orders and open clocks into ${dbName}…`);
    const { t, branches, ordersMs, clocksMs, indexMs } = await seed(database, now);
    console.log(
      `  orders ${ordersMs} ms, clocks ${clocksMs} ms, indexes ${indexMs} ms (generate_series, one statement each)`,
    );

    const vendor = t.vendor.id;
    const scenarios: { name: string; filter: Omit<AtRiskFilter, 'now' | 'limit'>; secondPage?: boolean }[] = [
      { name: 'operator staff: all vendors, warning + breached', filter: { vendorId: null } },
      { name: 'vendor coordinator: own vendor, warning + breached', filter: { vendorId: vendor } },
      { name: 'own vendor, breached only', filter: { vendorId: vendor, state: 'breached' } },
      { name: 'own vendor, warning only', filter: { vendorId: vendor, state: 'warning' } },
      { name: 'own vendor, one station', filter: { vendorId: vendor, stationId: t.units.station.id } },
      { name: 'own vendor, one area (semi-join on orders)', filter: { vendorId: vendor, areaId: t.area.id } },
      { name: 'own vendor, clock kind install_complete', filter: { vendorId: vendor, kind: 'install_complete' } },
      { name: 'own vendor, second page (cursor)', filter: { vendorId: vendor }, secondPage: true },
    ];
    const rows: string[] = [];
    for (const s of scenarios) {
      const base = { ...s.filter, now, limit: 50 };
      const cursor = s.secondPage ? (await listAtRiskSlaClocks(database.db, t.tenant.id, base)).nextCursor : null;
      const times: number[] = [];
      let found = 0;
      for (let i = 0; i < RUNS + 5; i++) {
        const t0 = performance.now();
        const page = await listAtRiskSlaClocks(database.db, t.tenant.id, { ...base, cursor });
        await getWorkOrders(database.db, t.tenant.id, [...new Set(page.items.map((c) => c.orderId))]);
        const ms = performance.now() - t0;
        if (i >= 5) times.push(ms); // the first five warm the pool and the plan cache
        found = page.items.length;
      }
      times.sort((a, b) => a - b);
      rows.push(
        `| ${s.name} | ${found} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${times.at(-1)!.toFixed(1)} |`,
      );
      console.log(rows.at(-1));
    }
    const c = await pgClient(database);
    const counts = await c.query(
      `select count(*) filter (where state <> 'stopped') as open,
              count(*) filter (where state = 'running' and due_at < $1) as breached_running,
              count(*) filter (where state = 'running' and warn_at <= $1 and due_at >= $1) as warning
       from sla_clocks`,
      [now.toISOString()],
    );
    await c.end();
    console.log(`\nOpen clocks: ${JSON.stringify(counts.rows[0])}; ${branches.length} vendors / stations / areas`);
    console.log(`| scenario | rows | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|\n${rows.join('\n')}`);
    console.log(
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')}, Node ${process.version}; ${RUNS} runs per scenario`,
    );
  } catch (e) {
    console.error('bench failed:', (e as Error).message);
    process.exitCode = 1;
  } finally {
    await database.close();
    if (process.argv.includes('--keep')) console.log(`kept ${dbName}`);
    else await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}

await main();
