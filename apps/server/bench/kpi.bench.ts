/**
 * `npm run bench:kpi` — the monthly KPI dashboard at scale (issue 7). Creates a fresh PostgreSQL database
 * (127.0.0.1:5432, user postgres; DATABASE_ADMIN_URL to change), applies the migrations, seeds the demo
 * organisation (vendors, stations, areas, engineers, customers), then bulk-inserts N orders over the
 * year with SQL generate_series (batches; FK triggers off during the load, valid by construction;
 * secondary indexes dropped and rebuilt) — installs and faults with an appointment, an arrival event
 * when done and an SLA clock (stopped when done, running when open) — pre-aggregates by day (kpi_daily)
 * and measures the whole GET /api/kpis service (no HTTP) as the dashboard page calls it — one read with
 * totals, trend by day and ranking (by station for the tenant, by engineer for one station), 11 months × 3 rounds,
 * p50/p95 per page; then the same page after one order of the month changed (its days rebuilt first).
 * Options: --orders N (default 10,000,000), --batch N (default 500,000), --keep (leave the database),
 * --db NAME (default daowei_bench_kpi), --measure-only (apply new migrations to a kept database, rebuild the days they marked stale and measure
 * it again, no seeding; with --rebuild the whole year's aggregates are built afresh), --help.
 */
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { migrate, openDatabase, refreshDirtyKpiDays, refreshKpiDaily, seedDemoData, type Db } from '@daowei/db';
import { addDays, DEFAULT_KPI_POLICY, localDate, zonedDateTime } from '@daowei/domain';
import { KPI_DAILY_POLICY } from '../src/features/kpis/kpi-daily.reader.js';
import { createKpiService } from '../src/features/kpis/kpi.service.js';
import { createKpiReportService } from '../src/features/kpis/kpi-reports.service.js';
import { createExportLogService } from '../src/features/exports/export-log.service.js';
import type { AuthContext } from '../src/http/auth-context.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
if (process.argv.includes('--help')) {
  console.log(
    'npm run bench:kpi -- [--orders N (10000000)] [--batch N (500000)] [--db NAME] [--keep] [--measure-only [--rebuild]]',
  );
  process.exit(0);
}
const ORDERS = arg('orders', 10_000_000);
const BATCH = arg('batch', 500_000);
const MEASURE_ONLY = process.argv.includes('--measure-only');
const REBUILD = process.argv.includes('--rebuild');
// A measure-only run never drops the database it was given.
const KEEP = process.argv.includes('--keep') || MEASURE_ONLY;
const ADMIN_URL = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = (() => {
  const i = process.argv.indexOf('--db');
  const name = i > 0 ? process.argv[i + 1]! : 'daowei_bench_kpi';
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`--db: not a plain database name: ${name}`);
  return name;
})();
const TZ = DEFAULT_KPI_POLICY.timeZone;
const POLICY = KPI_DAILY_POLICY;
// The year of orders ends here; dashboards are asked "as of" this instant.
const END = zonedDateTime('2026-12-01', '00:00', TZ);
const START = zonedDateTime('2025-12-01', '00:00', TZ);
const MONTHS = [
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
  '2026-07',
  '2026-08',
  '2026-09',
  '2026-10',
  '2026-11',
];
// Secondary indexes dropped during the bulk load and built afterwards (much faster than maintained
// row by row): work_orders' and sla_clocks' (their unique constraints stay).
const SECONDARY_INDEXES: Record<string, { table: string; def: string }> = {
  work_orders_list_idx: {
    table: 'work_orders',
    def: `(tenant_id, vendor_id, status, accepted_at desc nulls first, id desc nulls first)`,
  },
  work_orders_accepted_idx: {
    table: 'work_orders',
    def: `(tenant_id, accepted_at desc nulls first, id desc nulls first)`,
  },
  work_orders_completed_idx: { table: 'work_orders', def: `(tenant_id, completed_at)` },
  work_orders_holder_idx: { table: 'work_orders', def: `(tenant_id, holder_id, accepted_at)` },
  work_orders_holder_completed_idx: { table: 'work_orders', def: `(tenant_id, holder_id, completed_at)` },
  work_orders_holder_appointment_idx: {
    table: 'work_orders',
    def: `(tenant_id, holder_id, appointment_start) where appointment_start is not null`,
  },
  work_orders_offered_person_idx: { table: 'work_orders', def: `(tenant_id, offered_to_person_id)` },
  work_orders_offered_unit_idx: { table: 'work_orders', def: `(tenant_id, offered_to_unit_id)` },
  work_orders_contact_phone_idx: { table: 'work_orders', def: `(tenant_id, contact_phone)` },
  work_orders_customer_product_idx: {
    table: 'work_orders',
    def: `(tenant_id, customer_id, product_number, closed_at)`,
  },
  work_orders_appointment_idx: {
    table: 'work_orders',
    def: `(tenant_id, appointment_start) where appointment_start is not null`,
  },
  work_orders_odd_appointment_idx: {
    table: 'work_orders',
    def: `(tenant_id, appointment_start) where completed_at < appointment_start or accepted_at > appointment_start`,
  },
  work_orders_open_accepted_idx: { table: 'work_orders', def: `(tenant_id, accepted_at) where completed_at is null` },
  work_orders_open_appointment_idx: {
    table: 'work_orders',
    def: `(tenant_id, appointment_start) where completed_at is null and appointment_start is not null`,
  },
  work_orders_open_appointment_end_idx: {
    table: 'work_orders',
    def: `(tenant_id, appointment_end) where completed_at is null and appointment_end is not null`,
  },
  sla_clocks_at_risk_idx: { table: 'sla_clocks', def: `(tenant_id, state, due_at, id)` },
  sla_clocks_warn_idx: { table: 'sla_clocks', def: `(tenant_id, warn_at)` },
  sla_clocks_open_due_idx: { table: 'sla_clocks', def: `(tenant_id, due_at, id) where state <> 'stopped'` },
  sla_clocks_open_vendor_due_idx: {
    table: 'sla_clocks',
    def: `(tenant_id, vendor_id, due_at, id) where state <> 'stopped'`,
  },
  sla_clocks_order_idx: { table: 'sla_clocks', def: `(tenant_id, order_id)` },
  sla_clocks_holder_due_idx: { table: 'sla_clocks', def: `(tenant_id, holder_id, due_at)` },
};

const secs = (ms: number) => (ms / 1000).toFixed(1);

async function timed<T>(label: string, f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const v = await f();
  console.log(`${label}: ${secs(performance.now() - t0)} s`);
  return v;
}

/** Every (vendor, station, area, engineer) an order can have: areas of a station × engineers of its teams. */
async function combos(pool: pg.Pool, tenantId: string) {
  const r = await pool.query(
    `select u.vendor_id, a.station_id, a.id as area_id, p.id as holder_id
       from areas a
       join org_units u on u.id = a.station_id and u.tenant_id = a.tenant_id
       join org_units team on team.parent_id = u.id and team.tenant_id = a.tenant_id
       join people p on p.unit_id = team.id and p.tenant_id = a.tenant_id
      where a.tenant_id = $1 and a.station_id is not null
      order by 1, 2, 3, 4`,
    [tenantId],
  );
  return r.rows as { vendor_id: string; station_id: string; area_id: string; holder_id: string }[];
}

async function load(pool: pg.Pool, tenantId: string) {
  const c = await combos(pool, tenantId);
  const customers = (
    await pool.query(`select id from customers where tenant_id = $1 order by id limit 500`, [tenantId])
  ).rows as { id: string }[];
  if (c.length === 0 || customers.length === 0)
    throw new Error('the demo organisation has no areas/engineers/customers');
  console.log(`combinations (vendor, station, area, engineer): ${c.length}; customers used: ${customers.length}`);
  await pool.query(
    `create table bench_combos (idx int primary key, vendor_id uuid, station_id uuid, area_id uuid, holder_id uuid)`,
  );
  await pool.query(
    `insert into bench_combos select (ordinality - 1)::int, v, s, a, h
       from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[]) with ordinality as x(v, s, a, h)`,
    [c.map((x) => x.vendor_id), c.map((x) => x.station_id), c.map((x) => x.area_id), c.map((x) => x.holder_id)],
  );
  await pool.query(`create table bench_customers (idx int primary key, id uuid)`);
  await pool.query(
    `insert into bench_customers select (ordinality - 1)::int, id from unnest($1::uuid[]) with ordinality as x(id)`,
    [customers.map((x) => x.id)],
  );
  for (const ix of Object.keys(SECONDARY_INDEXES)) await pool.query(`drop index if exists ${ix}`);
  const span = Math.floor((END.getTime() - START.getTime()) / 1000);
  const t0 = performance.now();
  for (let lo = 1; lo <= ORDERS; lo += BATCH) {
    const hi = Math.min(ORDERS, lo + BATCH - 1);
    const client = await pool.connect();
    try {
      // The rows are valid by construction (combos and customers come from the tenant): skip FK triggers.
      await client.query(`set session_replication_role = replica`);
      await client.query(
        `insert into work_orders (tenant_id, vendor_id, number, acceptance_serial, type, status, priority, product,
           business, product_number, customer_id, contact_name, contact_phone, address, area_id, station_id,
           holder_id, step, warranty, policy_id, policy_version, accepted_at, completed_at, closed_at, updated_at,
           appointment_start, appointment_end)
         select $1, c.vendor_id, 'B' || g, 'BS' || g, x.type, x.status, 'normal', 'broadband', 'home broadband',
                'BB' || g, cu.id, '客户', '139' || lpad((g % 100000000)::text, 8, '0'), '地址', c.area_id,
                c.station_id, c.holder_id, 'bench', 'unknown', 'default', 1, x.acc,
                case when x.done then x.acc + make_interval(secs => x.h2 % (96 * 3600)) end,
                case when x.done and x.r >= 30 then x.acc + make_interval(secs => x.h2 % (96 * 3600) + 86400) end,
                x.acc,
                case when x.type in ('install', 'fault') then x.acc + make_interval(secs => 3600 + x.h1 % (36 * 3600)) end,
                case when x.type in ('install', 'fault') then x.acc + make_interval(secs => 3 * 3600 + x.h1 % (36 * 3600)) end
           from generate_series($2::int8, $3::int8) g
           cross join lateral (
             select h1, h2, r, acc,
                    case when t < 45 then 'install' when t < 90 then 'fault' when t < 95 then 'complaint' else 'consultation' end as type,
                    case when r < 1 then 'cancelled' when r < 4 or acc > $5::timestamptz - interval '4 days' and r < 20 then 'taken'
                         when r < 30 then 'completed' else 'closed' end as status,
                    not (r < 4 or acc > $5::timestamptz - interval '4 days' and r < 20) as done
               from (select abs(hashint8(g)::int8) as h1, abs(hashint8(g + 1000000007)::int8) as h2) hh
               cross join lateral (select (h1 / 7) % 100 as t, (h2 / 13) % 100 as r,
                                          $4::timestamptz + make_interval(secs => (h1 % $6)) as acc) y
           ) x
           join bench_combos c on c.idx = (x.h1 / 101) % $7
           join bench_customers cu on cu.idx = (x.h2 / 103) % $8`,
        [tenantId, lo, hi, START.toISOString(), END.toISOString(), span, c.length, customers.length],
      );
    } finally {
      await client.query(`set session_replication_role = origin`).catch(() => undefined);
      client.release();
    }
    const done = hi;
    const el = performance.now() - t0;
    console.log(
      `  ${done.toLocaleString('en')} orders, ${secs(el)} s, ${Math.round(done / (el / 1000)).toLocaleString('en')}/s`,
    );
  }
  await pool.query(`drop table bench_combos; drop table bench_customers`);
}

/**
 * What the other indicators read: an arrival for every done install/fault (on time for most, from the
 * appointment's start), and one SLA clock per install/fault (stopped at completion, running when open).
 */
async function loadSources(pool: pg.Pool, tenantId: string) {
  const client = await pool.connect();
  try {
    await client.query(`set session_replication_role = replica`);
    await timed('  arrival events', () =>
      client.query(
        `insert into work_order_events (tenant_id, order_id, seq, action, to_status, at, payload, prev_hash, hash)
         select tenant_id, id, 2, 'arrive', 'on_site',
                appointment_start + make_interval(mins => abs(hashtext(id::text)) % 150), '{}'::jsonb, 'bench', 'bench'
           from work_orders where tenant_id = $1 and step = 'bench' and appointment_start is not null and completed_at is not null`,
        [tenantId],
      ),
    );
    await timed('  SLA clocks', () =>
      client.query(
        `insert into sla_clocks (tenant_id, order_id, vendor_id, station_id, holder_id, order_type, kind, rule_id,
                                 policy_id, policy_version, started_at, due_at, warn_at, paused_intervals, state,
                                 stopped_at, provisional, engine)
         select tenant_id, id, vendor_id, station_id, holder_id, type, 'resolve', 'SLA-03', 'bench', 1, accepted_at,
                accepted_at + case when type = 'install' then interval '72 hours' else interval '24 hours' end,
                accepted_at + interval '12 hours', '[]'::jsonb,
                case when completed_at is null then 'running' else 'stopped' end, completed_at, false,
                '{"stopReason":"completed"}'::jsonb
           from work_orders where tenant_id = $1 and step = 'bench' and type in ('install', 'fault') and status <> 'cancelled'`,
        [tenantId],
      ),
    );
  } finally {
    await client.query(`set session_replication_role = origin`).catch(() => undefined);
    client.release();
  }
}

function daysOfMonth(month: string) {
  const fromDay = `${month}-01`;
  const toDay = addDays(addDays(fromDay, 32).slice(0, 7) + '-01', -1);
  return {
    fromDay,
    toDay,
    from: zonedDateTime(fromDay, '00:00', TZ),
    to: zonedDateTime(addDays(toDay, 1), '00:00', TZ),
  };
}

function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** 11 months × `rounds` calls after one unmeasured warm-up; a page slower than 20 s ends its series early. */
async function measure(label: string, run: (month: string) => Promise<number>, rounds = 3) {
  await run(MONTHS[0]!); // warm-up, not counted
  const ms: number[] = [];
  let rows = 0;
  series: for (let round = 0; round < rounds; round++) {
    for (const month of MONTHS) {
      const t0 = performance.now();
      rows = await run(month);
      ms.push(performance.now() - t0);
      if (ms.at(-1)! > 20_000) break series;
    }
  }
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');
  console.log(`load average (1/5/15 min) after "${label}": ${load}`);
  console.log(
    `| ${label} | ${ms.length} | ${pct(ms, 50).toFixed(1)} | ${pct(ms, 95).toFixed(1)} | ${Math.max(...ms).toFixed(1)} | ${rows} |`,
  );
}

async function main() {
  console.log(
    `bench:kpi — ${ORDERS.toLocaleString('en')} orders, ${cpus().length} cores, Node ${process.version}, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')}`,
  );
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  if (!MEASURE_ONLY) {
    await admin.query(`drop database if exists ${DB_NAME}`);
    await admin.query(`create database ${DB_NAME}`);
  }
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${DB_NAME}`);
  const database = await openDatabase({ url, poolSize: 4 });
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    await timed('migrations', () => migrate(database));
    if (MEASURE_ONLY) {
      // A database kept by an earlier run: new migrations applied above, the same orders measured again.
      const tenant = (await pool.query(`select tenant_id from work_orders where step = 'bench' limit 1`)).rows[0] as {
        tenant_id: string;
      };
      await timed('analyze', () => pool.query('analyze work_orders'));
      // A migration may have marked days stale (0028 marks every stored day): rebuild them first, as
      // the reads would, so the pages below are measured in steady state.
      // With --rebuild (or no aggregates yet) the whole year is built afresh instead.
      const year = { fromDay: '2025-12-01', toDay: '2026-11-30' };
      const stored = (await pool.query(`select count(*)::int as n from kpi_daily`)).rows[0] as { n: number };
      if (REBUILD || stored.n === 0) {
        await pool.query(`delete from kpi_daily; delete from kpi_daily_dirty`);
        const n = await timed('pre-aggregate by day (kpi_daily, whole year)', () =>
          refreshKpiDaily(database.db, tenant.tenant_id, year, POLICY),
        );
        console.log(`  rows: ${n}`);
      } else {
        const rebuilt = await timed('rebuild the days marked stale (whole year)', () =>
          database.db.transaction((tx) => refreshDirtyKpiDays(tx, tenant.tenant_id, year, POLICY)),
        );
        console.log(`  days rebuilt: ${rebuilt.length}`);
      }
      await settleAggregates(pool);
      await measureAll(database.db, pool, tenant.tenant_id);
      return;
    }
    const seeded = await timed('demo organisation', () =>
      seedDemoData(database.db, { passwordHash: 'bench', orders: 50, now: END, seed: 1 }),
    );
    const tenantId = seeded.tenantId;
    await timed(`insert ${ORDERS.toLocaleString('en')} orders`, () => load(pool, tenantId));
    await timed('events and SLA clocks', () => loadSources(pool, tenantId));
    await timed('rebuild secondary indexes', async () => {
      await pool.query(`set maintenance_work_mem = '256MB'`);
      await migrateIndexesBack(pool);
    });
    await timed('analyze', () => pool.query('analyze'));
    const aggRows = await timed('pre-aggregate by day (kpi_daily, whole year)', () =>
      refreshKpiDaily(database.db, tenantId, { fromDay: '2025-12-01', toDay: '2026-11-30' }, POLICY),
    );
    await settleAggregates(pool);
    await measureAll(database.db, pool, tenantId, aggRows);
  } finally {
    await pool.end();
    await database.close();
    if (!KEEP) await admin.query(`drop database if exists ${DB_NAME}`);
    await admin.end();
  }
}

async function measureAll(db: Db, pool: pg.Pool, tenantId: string, aggRows?: number) {
  const counts = (await pool.query(`select count(*)::int8 as n from work_orders`)).rows[0] as { n: string };
  const agg = (await pool.query(`select count(*)::int8 as n from kpi_daily`)).rows[0] as { n: string };
  const backlog = (await pool.query(`select count(*)::int8 as n from kpi_backlog_daily`)).rows[0] as { n: string };
  console.log(
    `work_orders: ${Number(counts.n).toLocaleString('en')}; kpi_daily rows: ${Number(agg.n).toLocaleString('en')} (${aggRows}); ` +
      `kpi_backlog_daily rows: ${Number(backlog.n).toLocaleString('en')}`,
  );
  const station = (
    await pool.query(
      `select station_id, count(*) n from work_orders where tenant_id = $1 group by 1 order by 2 desc limit 1`,
      [tenantId],
    )
  ).rows[0] as { station_id: string; n: string };
  console.log(`station measured: ${station.station_id} (${Number(station.n).toLocaleString('en')} orders)`);
  await measureApi(db, pool, tenantId, station.station_id);
}

/**
 * The whole GET /api/kpis service (no HTTP) as the dashboard page calls it for a month, one read: totals,
 * trend by day and a ranking — for the tenant (by station) and for one station (by engineer). Then the station's
 * page after one order of the month was completed again (the trigger marks its days; the read rebuilds
 * them first).
 */
async function measureApi(db: Db, pool: pg.Pool, tenantId: string, stationId: string) {
  let now = END;
  const service = createKpiService({ db, clock: { now: () => now } });
  // A real person of the tenant: the Excel export is logged under its author (export_log references people).
  const admin = (await pool.query(`select id from people where tenant_id = $1 order by id limit 1`, [tenantId]))
    .rows[0] as { id: string };
  const auth: AuthContext = {
    tenantId,
    personId: admin.id,
    personName: 'bench',
    position: 'admin',
    positions: ['admin'],
    unitIds: [],
    vendorId: null,
    sessionId: 'bench',
  };
  const page = async (month: string, scope: { stationId?: string }, rank: 'station' | 'engineer') => {
    const m = daysOfMonth(month);
    const q = { from: m.from.toISOString(), to: m.to.toISOString(), ...scope };
    // The dashboard's one read: totals, the trend by day and the ranking in one answer.
    const body = await service.kpis(auth, { ...q, groupBy: 'day', breakdowns: rank });
    if (body.kpis.some((k) => k.source !== 'daily')) throw new Error('a figure was not read from kpi_daily');
    const ranking = body.breakdowns?.[rank] ?? [];
    return body.kpis.length * (1 + (body.groups?.length ?? 0) + ranking.length);
  };
  console.log(
    '| /api/kpis page (one month: totals + trend by day + ranking) | pages | p50 ms | p95 ms | max ms | figures |',
  );
  console.log('|---|---|---|---|---|---|');
  await measure('tenant, ranking by station', (m) => page(m, {}, 'station'));
  await measure('one station, ranking by engineer', (m) => page(m, { stationId }, 'engineer'));
  // The month in progress: read at 14:00 on its 20th, so what passed that day is counted live.
  await measure('tenant, month in progress (as of 14:00 on the 20th)', async (month) => {
    now = zonedDateTime(`${month}-20`, '14:00', TZ);
    try {
      return await page(month, {}, 'station');
    } finally {
      now = END;
    }
  });
  await measure('one station, after one of its orders changed (stale days rebuilt)', async (month) => {
    const m = daysOfMonth(month);
    await pool.query(
      `update work_orders set completed_at = completed_at + interval '1 second'
        where id = (select id from work_orders where tenant_id = $1 and station_id = $2 and completed_at is not null
                      and accepted_at >= $3 and accepted_at < $4 limit 1)`,
      [tenantId, stationId, m.from, m.to],
    );
    return page(month, { stationId }, 'engineer');
  });
  // The pages behind the dashboard: the drill-down from a month's figure to its orders (first 200), and
  // the KPI-02 daily install report of the 15th — one round each.
  const drill = async (month: string, scope: { stationId?: string }) => {
    const m = daysOfMonth(month);
    const body = await service.orders(auth, {
      from: m.from.toISOString(),
      to: m.to.toISOString(),
      key: 'install_within_days_rate',
      limit: 200,
      ...scope,
    });
    return body.items.length;
  };
  await measure('drill-down, tenant month → first 200 orders', (month) => drill(month, {}), 1);
  await measure('drill-down, one station month → first 200 orders', (month) => drill(month, { stationId }), 1);
  const reports = createKpiReportService({ db, exportLog: createExportLogService({ db, clock: { now: () => END } }) });
  // KPI-02/03 of the 15th: the counts and the first page of each list (what the console page asks),
  // a page deep in the station's log, and the day a station asks most — the day before the year's end.
  await measure('KPI-02 daily install report, tenant, the 15th (counts + first 100 problem orders)', async (month) => {
    const r = await reports.installReport(auth, { day: `${month}-15` });
    return r.rows.length + r.problems.length;
  });
  await measure('KPI-03 station status log, one station, the 15th (first 100 entries)', async (month) => {
    const r = await reports.stationLog(auth, { day: `${month}-15`, stationId });
    return r.items.length;
  });
  await measure('KPI-03 station status log, one station, the 15th, entries 20,001–20,100', async (month) => {
    const r = await reports.stationLog(auth, { day: `${month}-15`, stationId, offset: 20_000 });
    return r.items.length;
  });
  const yesterday = addDays(localDate(END, TZ), -1);
  const log = await reports.stationLog(auth, { day: yesterday, stationId });
  const problems = await reports.installReport(auth, { day: yesterday });
  console.log(
    `(the station's log of ${yesterday}: ${log.total.toLocaleString('en-US')} entries, ${log.unfinished.toLocaleString('en-US')} unfinished; ` +
      `the tenant's problem orders: ${problems.problemTotal.toLocaleString('en-US')})`,
  );
  // The Excel exports read every row (not a page): timed once.
  const t0 = performance.now();
  const xlsx = await reports.stationLogXlsx(auth, { day: yesterday, stationId });
  console.log(
    `KPI-03 Excel export of that log: ${Math.round(performance.now() - t0).toLocaleString('en-US')} ms, ${(xlsx.length / 1e6).toFixed(1)} MB`,
  );
}

/**
 * After a bulk rebuild of the aggregates, what autovacuum would do within minutes: dead rows gone,
 * visibility map set (index-only reads), statistics fresh — the steady state the pages are measured in.
 */
async function settleAggregates(pool: pg.Pool) {
  await timed('vacuum analyze the aggregates', async () => {
    for (const t of ['kpi_daily', 'kpi_backlog_daily', 'kpi_daily_dirty']) await pool.query(`vacuum analyze ${t}`);
  });
}

/** The secondary indexes exactly as the migrations define them (0000, 0005, 0015, 0024, 0026, 0027, 0028, 0030). */
async function migrateIndexesBack(pool: pg.Pool) {
  for (const [ix, { table, def }] of Object.entries(SECONDARY_INDEXES)) {
    await timed(`  ${ix}`, () => pool.query(`create index ${ix} on ${table} using btree ${def}`));
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
