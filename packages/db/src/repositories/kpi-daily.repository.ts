import { sql } from 'drizzle-orm';
import { OPEN_STATUSES } from '@daowei/domain';
import type { Db } from '../client.js';

/**
 * KPI-01 day pre-aggregates (kpi_daily). Five indicators are read from the orders table alone and add
 * up over days and dimensions, so a month is the sum of its days:
 * - install_within_days_rate / fault_resolved_within_hours_rate: the COMPLETED part of the population
 *   (anchor: accepted local day; numerator: done by the deadline). The part still open and past its
 *   deadline depends on "as of" and is counted live from the open orders (kpiOpenPastDeadline), so
 *   the figure stays exact whenever it is asked;
 * - average_fault_duration_hours (anchor: completed local day; numerator: hours, denominator: faults);
 * - repeat_fault_rate (anchor: accepted day); complaints_per_users (numerator: complaints accepted).
 * Cancelled orders never count (domain `live`). The deadline is the domain's: the same local time N
 * calendar days later for installs, N hours for faults.
 */
export const KPI_DAILY_KEYS = [
  'install_within_days_rate',
  'fault_resolved_within_hours_rate',
  'average_fault_duration_hours',
  'repeat_fault_rate',
  'complaints_per_users',
] as const;
export type KpiDailyKey = (typeof KPI_DAILY_KEYS)[number];

export interface KpiDailyPolicy {
  timeZone: string;
  installWithinDays: number;
  faultResolutionHours: number;
}

const localDay = (col: ReturnType<typeof sql.raw>, tz: string) => sql`((${col} at time zone ${tz})::date)`;

/** Rebuilds the tenant's aggregates of local days [fromDay, toDay] in one statement pair (caller's transaction). */
export async function refreshKpiDaily(
  db: Db,
  tenantId: string,
  days: { fromDay: string; toDay: string },
  p: KpiDailyPolicy,
): Promise<number> {
  const tz = p.timeZone;
  const acc = localDay(sql.raw('accepted_at'), tz);
  const done = localDay(sql.raw('completed_at'), tz);
  const installDue = sql`(((accepted_at at time zone ${tz}) + make_interval(days => ${p.installWithinDays})) at time zone ${tz})`;
  const faultDue = sql`(accepted_at + make_interval(hours => ${p.faultResolutionHours}))`;
  await db.execute(
    sql`delete from kpi_daily where tenant_id = ${tenantId} and day between ${days.fromDay}::date and ${days.toDay}::date`,
  );
  // The instant bounds make the day filter an index range (accepted_idx / completed_idx), so rebuilding
  // one stale day reads that day's orders, not the table; the local-day test then decides exactly.
  const lo = sql`(${days.fromDay}::date::timestamp at time zone ${tz})`;
  const hi = sql`((${days.toDay}::date + 1)::timestamp at time zone ${tz})`;
  const inDays = (col: 'accepted_at' | 'completed_at') =>
    sql`${sql.raw(col)} >= ${lo} and ${sql.raw(col)} < ${hi} and ${localDay(sql.raw(col), tz)} between ${days.fromDay}::date and ${days.toDay}::date`;
  const res = await db.execute(sql`
    insert into kpi_daily (tenant_id, day, kpi_key, vendor_id, station_id, area_id, holder_id, numerator, denominator)
    select tenant_id, day, kpi_key, vendor_id, station_id, area_id, holder_id, sum(num), count(*)::int from (
      select tenant_id, ${acc} as day, 'install_within_days_rate' as kpi_key, vendor_id, station_id, area_id, holder_id,
             (case when completed_at <= ${installDue} then 1 else 0 end)::float8 as num
        from work_orders
       where tenant_id = ${tenantId} and type = 'install' and status <> 'cancelled' and completed_at is not null
         and ${inDays('accepted_at')}
      union all
      select tenant_id, ${acc}, 'fault_resolved_within_hours_rate', vendor_id, station_id, area_id, holder_id,
             (case when completed_at <= ${faultDue} then 1 else 0 end)::float8
        from work_orders
       where tenant_id = ${tenantId} and type = 'fault' and status <> 'cancelled' and completed_at is not null
         and ${inDays('accepted_at')}
      union all
      select tenant_id, ${done}, 'average_fault_duration_hours', vendor_id, station_id, area_id, holder_id,
             extract(epoch from (completed_at - accepted_at))::float8 / 3600
        from work_orders
       where tenant_id = ${tenantId} and type = 'fault' and status <> 'cancelled' and completed_at is not null
         and ${inDays('completed_at')}
      union all
      select tenant_id, ${acc}, 'repeat_fault_rate', vendor_id, station_id, area_id, holder_id,
             (case when repeat_of_order_id is not null then 1 else 0 end)::float8
        from work_orders
       where tenant_id = ${tenantId} and type = 'fault' and status <> 'cancelled' and ${inDays('accepted_at')}
      union all
      select tenant_id, ${acc}, 'complaints_per_users', vendor_id, station_id, area_id, holder_id, 1::float8
        from work_orders
       where tenant_id = ${tenantId} and type = 'complaint' and status <> 'cancelled' and ${inDays('accepted_at')}
    ) f
    group by tenant_id, day, kpi_key, vendor_id, station_id, area_id, holder_id`);
  return Number(
    (res as { rowCount?: number | null; affectedRows?: number }).rowCount ??
      (res as { affectedRows?: number }).affectedRows ??
      0,
  );
}

export interface KpiScopeFilter {
  vendorId?: string;
  stationId?: string;
  areaId?: string;
  holderId?: string;
}

export type KpiDailyGroup = 'day' | 'station' | 'area' | 'vendor' | 'engineer' | 'none';

const GROUP_COLUMN: Record<KpiDailyGroup, string | null> = {
  none: null,
  day: 'day::text',
  station: 'station_id::text',
  area: 'area_id::text',
  vendor: 'vendor_id::text',
  engineer: 'holder_id::text',
};

export interface KpiDailySum {
  kpiKey: KpiDailyKey;
  group: string | null;
  numerator: number;
  denominator: number;
}

const scopeSql = (f: KpiScopeFilter, prefix = '') =>
  sql.join(
    [
      f.vendorId ? sql`and ${sql.raw(`${prefix}vendor_id`)} = ${f.vendorId}` : sql``,
      f.stationId ? sql`and ${sql.raw(`${prefix}station_id`)} = ${f.stationId}` : sql``,
      f.areaId ? sql`and ${sql.raw(`${prefix}area_id`)} = ${f.areaId}` : sql``,
      f.holderId ? sql`and ${sql.raw(`${prefix}holder_id`)} = ${f.holderId}` : sql``,
    ],
    sql` `,
  );

/** Sums of the aggregates over local days [fromDay, toDay] in a scope, per key and optionally per group. */
export async function sumKpiDaily(
  db: Db,
  tenantId: string,
  days: { fromDay: string; toDay: string },
  filter: KpiScopeFilter,
  group: KpiDailyGroup,
): Promise<KpiDailySum[]> {
  const g = GROUP_COLUMN[group];
  const res = await db.execute(sql`
    select kpi_key, ${g ? sql.raw(g) : sql`null`} as grp, sum(numerator)::float8 as num, sum(denominator)::int8 as den
      from kpi_daily
     where tenant_id = ${tenantId} and day between ${days.fromDay}::date and ${days.toDay}::date ${scopeSql(filter)}
     group by kpi_key${g ? sql`, grp` : sql``}`);
  return (rowsOf(res) as { kpi_key: KpiDailyKey; grp: string | null; num: number; den: string | number }[]).map(
    (r) => ({
      kpiKey: r.kpi_key,
      group: r.grp,
      numerator: Number(r.num),
      denominator: Number(r.den),
    }),
  );
}

/**
 * The live part of the two deadline rates: open (not completed, not cancelled) installs and faults
 * accepted in [from, to) whose deadline had passed at `asOf` — they count in the denominator only.
 * Open orders are few; the list index (tenant, vendor, status, accepted_at) finds them per vendor.
 */
export async function kpiOpenPastDeadline(
  db: Db,
  tenantId: string,
  s: { from: Date; to: Date; asOf: Date; vendorIds: readonly string[] },
  filter: KpiScopeFilter,
  p: KpiDailyPolicy,
  group: KpiDailyGroup,
): Promise<KpiDailySum[]> {
  if (s.vendorIds.length === 0) return [];
  const tz = p.timeZone;
  const g = GROUP_COLUMN[group];
  const grp = g === 'day::text' ? sql`(${localDay(sql.raw('accepted_at'), tz)})::text` : g ? sql.raw(g) : sql`null`;
  const vendors = sql.join(
    s.vendorIds.map((v) => sql`${v}::uuid`),
    sql`, `,
  );
  const statuses = sql.join(
    OPEN_STATUSES.map((st) => sql`${st}`),
    sql`, `,
  );
  const res = await db.execute(sql`
    select case when type = 'install' then 'install_within_days_rate' else 'fault_resolved_within_hours_rate' end as kpi_key,
           ${grp} as grp, count(*)::int8 as den
      from work_orders
     where tenant_id = ${tenantId} and vendor_id in (${vendors}) and status in (${statuses})
       and accepted_at >= ${s.from} and accepted_at < ${s.to} and completed_at is null
       and ((type = 'install'
             and (((accepted_at at time zone ${tz}) + make_interval(days => ${p.installWithinDays})) at time zone ${tz}) <= ${s.asOf})
         or (type = 'fault' and accepted_at + make_interval(hours => ${p.faultResolutionHours}) <= ${s.asOf}))
       ${scopeSql(filter)}
     group by 1, 2`);
  return (rowsOf(res) as { kpi_key: KpiDailyKey; grp: string | null; den: string | number }[]).map((r) => ({
    kpiKey: r.kpi_key,
    group: r.grp,
    numerator: 0,
    denominator: Number(r.den),
  }));
}

/**
 * KPI-01: rebuilds the stale days of [fromDay, toDay] — the local days of the instants the work_orders
 * trigger marked (kpi_daily_dirty) — and forgets those marks, in the caller's transaction. A per-tenant
 * advisory lock serialises two readers rebuilding the same day (else both would insert its rows). The
 * marks are deleted before the days are recomputed, so a change committed meanwhile leaves a new mark
 * and is rebuilt by the next reader: the sums are exact at every read. Returns the days rebuilt.
 */
export async function refreshDirtyKpiDays(
  db: Db,
  tenantId: string,
  days: { fromDay: string; toDay: string },
  p: KpiDailyPolicy,
): Promise<string[]> {
  const tz = p.timeZone;
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`kpi_daily:${tenantId}`}))`);
  const res = await db.execute(sql`
    with gone as (
      delete from kpi_daily_dirty
       where tenant_id = ${tenantId}
         and at >= (${days.fromDay}::date::timestamp at time zone ${tz})
         and at < ((${days.toDay}::date + 1)::timestamp at time zone ${tz})
      returning at)
    select distinct ((at at time zone ${tz})::date)::text as day from gone order by 1`);
  const stale = (rowsOf(res) as { day: string }[]).map((r) => r.day);
  // Contiguous runs of days are rebuilt in one statement pair each.
  let i = 0;
  while (i < stale.length) {
    let j = i;
    while (j + 1 < stale.length && stale[j + 1] === nextDay(stale[j]!)) j += 1;
    await refreshKpiDaily(db, tenantId, { fromDay: stale[i]!, toDay: stale[j]! }, p);
    i = j + 1;
  }
  return stale;
}

const nextDay = (day: string): string => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** db.execute answers `{ rows }` on both drivers. */
function rowsOf(result: unknown): unknown[] {
  return (result as { rows: unknown[] }).rows;
}
