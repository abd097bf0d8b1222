import { sql, type SQL } from 'drizzle-orm';
import { OPEN_STATUSES } from '@daowei/domain';
import type { Db } from '../client.js';
import {
  faultDueSql,
  holderSliceSql,
  installDueSql,
  kpiDailyRowsSql,
  localDay,
  type KpiDailyPolicy,
  type KpiHolderSlice,
} from './kpi-daily-rows.js';
import { refreshKpiBacklog } from './kpi-backlog.repository.js';
import {
  distinctGroups,
  groupColumns,
  rowsOf,
  sumByGroups,
  type KpiDailyGroup,
  type KpiDailySum,
} from './kpi-grouping.js';

/**
 * KPI-01 day pre-aggregates (kpi_daily): every KPI-01 indicator, by local day and by the dimensions the
 * dashboard breaks down by (vendor, station, area, engineer), as numerator and row count — a month is
 * the sum of its days and a scope the sum of its parts. What each row counts is in kpi-daily-rows.ts;
 * the parts that depend on "as of" are counted live (kpiOpenPastDeadline here, kpi-live.repository.ts).
 * Cancelled orders never count (domain `live`).
 */
export const KPI_DAILY_KEYS = [
  'install_within_days_rate',
  'on_time_arrival_rate',
  'sla_compliance_rate',
  'average_fault_duration_hours',
  'fault_resolved_within_hours_rate',
  'first_time_fix_rate',
  'repeat_fault_rate',
  'complaints_per_users',
  'callback_completion_rate',
  'satisfaction_rate',
  'parts_hit_rate',
  'reschedules_by_us',
  'no_access_rate',
] as const;
export type KpiDailyKey = (typeof KPI_DAILY_KEYS)[number];
export type { KpiDailyPolicy };

/**
 * Rebuilds the tenant's aggregates of local days [fromDay, toDay] in one statement pair (caller's
 * transaction) — all of them, or with `slice` only the rows of the orders those engineers hold. A
 * whole-day rebuild first forgets the marks of those days: it reads every change committed before it,
 * so they are redundant (a change committed meanwhile leaves a new mark, as in refreshDirtyKpiDays).
 */
export async function refreshKpiDaily(
  db: Db,
  tenantId: string,
  days: { fromDay: string; toDay: string },
  p: KpiDailyPolicy,
  slice?: KpiHolderSlice,
): Promise<number> {
  if (!slice) {
    await db.execute(sql`
      delete from kpi_daily_dirty
       where tenant_id = ${tenantId}
         and at >= (${days.fromDay}::date::timestamp at time zone ${p.timeZone})
         and at < ((${days.toDay}::date + 1)::timestamp at time zone ${p.timeZone})`);
  }
  await db.execute(
    sql`delete from kpi_daily where tenant_id = ${tenantId} and day between ${days.fromDay}::date and ${days.toDay}::date
        ${slice ? sql`and ${holderSliceSql(slice, 'holder_id')}` : sql``}`,
  );
  const res = await db.execute(sql`
    insert into kpi_daily (tenant_id, day, kpi_key, vendor_id, station_id, area_id, holder_id, counts_from, numerator,
                           denominator, hits)
    select tenant_id, day, kpi_key, vendor_id, station_id, area_id, holder_id, counts_from, sum(num), count(*)::int,
           (count(*) filter (where num <> 0))::int
      from (${kpiDailyRowsSql(tenantId, days, p, slice)}) f
     group by tenant_id, day, kpi_key, vendor_id, station_id, area_id, holder_id, counts_from`);
  // KPI-02/03: the backlog aggregates of the same days (and slice) — same marks, so equally exact.
  await refreshKpiBacklog(db, tenantId, days, p.timeZone, slice);
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

export { distinctGroups, rowsOf, type KpiDailyGroup, type KpiDailySum } from './kpi-grouping.js';

export const GROUP_COLUMN: Record<KpiDailyGroup, string | null> = {
  none: null,
  day: 'day::text',
  station: 'station_id::text',
  area: 'area_id::text',
  vendor: 'vendor_id::text',
  engineer: 'holder_id::text',
};

export const scopeSql = (f: KpiScopeFilter, prefix = '') =>
  sql.join(
    [
      f.vendorId ? sql`and ${sql.raw(`${prefix}vendor_id`)} = ${f.vendorId}` : sql``,
      f.stationId ? sql`and ${sql.raw(`${prefix}station_id`)} = ${f.stationId}` : sql``,
      f.areaId ? sql`and ${sql.raw(`${prefix}area_id`)} = ${f.areaId}` : sql``,
      f.holderId ? sql`and ${sql.raw(`${prefix}holder_id`)} = ${f.holderId}` : sql``,
    ],
    sql` `,
  );

/**
 * The group value of a row of work_orders `w` (or kpi_daily) for a breakdown; by day, the local day
 * of `dayOf` (the instant the figure is anchored on).
 */
export const groupValueSql = (group: KpiDailyGroup, dayOf: SQL, tz: string, prefix = ''): SQL | null => {
  const g = GROUP_COLUMN[group];
  if (g === 'day::text') return sql`(${localDay(dayOf, tz)})::text`;
  return g ? sql.raw(`${prefix}${g}`) : null;
};

/**
 * Sums of the aggregates over local days [fromDay, toDay] in a scope, per key and per group of each
 * breakdown asked for (one pass over the period's rows however many breakdowns) — as of a moment of
 * local day `asOfDay`: rows that count from a later day (deadline, window or due instant not passed
 * before that day began) are left out; what passes during that day is counted live.
 */
export async function sumKpiDaily(
  db: Db,
  tenantId: string,
  days: { fromDay: string; toDay: string; asOfDay: string },
  filter: KpiScopeFilter,
  groups: readonly KpiDailyGroup[],
): Promise<KpiDailySum[]> {
  const gs = distinctGroups(groups);
  const cols = groupColumns(gs, (g) => {
    const c = GROUP_COLUMN[g];
    return c ? sql.raw(c) : null;
  });
  return sumByGroups(
    db,
    sql`select kpi_key, ${cols}, numerator as num, denominator as den
          from kpi_daily
         where tenant_id = ${tenantId} and day between ${days.fromDay}::date and ${days.toDay}::date
           and (counts_from is null or counts_from < ${days.asOfDay}::date) ${scopeSql(filter)}`,
    gs,
  );
}

/** The instant local day `asOf` began (policy zone). */
export const dayStartSql = (asOf: Date, tz: string) =>
  sql`(((${asOf}::timestamptz at time zone ${tz})::date)::timestamp at time zone ${tz})`;

/**
 * The live part of the two deadline rates: open (not completed, not cancelled) installs and faults
 * accepted in [from, to) whose deadline passed on `asOf`'s local day, at or before `asOf` — they count
 * in the denominator only (those whose deadline passed on an earlier day are in kpi_daily). The
 * open-orders index (tenant, accepted_at where not completed) finds the few accepted in the window
 * whose deadline can fall on that day.
 */
export async function kpiOpenPastDeadline(
  db: Db,
  tenantId: string,
  s: { from: Date; to: Date; asOf: Date; vendorIds: readonly string[] },
  filter: KpiScopeFilter,
  p: KpiDailyPolicy,
  groups: readonly KpiDailyGroup[],
): Promise<KpiDailySum[]> {
  if (s.vendorIds.length === 0) return [];
  const tz = p.timeZone;
  const gs = distinctGroups(groups);
  const vendors = sql.join(
    s.vendorIds.map((v) => sql`${v}::uuid`),
    sql`, `,
  );
  const statuses = sql.join(
    OPEN_STATUSES.map((st) => sql`${st}`),
    sql`, `,
  );
  const dayStart = dayStartSql(s.asOf, tz);
  const installDue = installDueSql(p);
  const faultDue = faultDueSql(p);
  // An install's deadline is on local day D exactly when it was accepted on local day D − N.
  const installFrom = sql`((((${s.asOf}::timestamptz at time zone ${tz})::date - ${p.installWithinDays}::int)::timestamp) at time zone ${tz})`;
  return sumByGroups(
    db,
    sql`select case when type = 'install' then 'install_within_days_rate' else 'fault_resolved_within_hours_rate' end as kpi_key,
               ${groupColumns(gs, (g) => groupValueSql(g, sql.raw('accepted_at'), tz))}, 0 as num, 1 as den
          from work_orders
         where tenant_id = ${tenantId} and vendor_id in (${vendors}) and status in (${statuses})
           and accepted_at >= ${s.from} and accepted_at < ${s.to} and completed_at is null
           and accepted_at >= least(${installFrom}, ${dayStart} - make_interval(hours => ${p.faultResolutionHours}))
           and ((type = 'install' and ${installDue} >= ${dayStart} and ${installDue} <= ${s.asOf})
             or (type = 'fault' and ${faultDue} >= ${dayStart} and ${faultDue} <= ${s.asOf}))
           ${scopeSql(filter)}`,
    gs,
  );
}

/** Serialises writers of a tenant's aggregates until the caller's transaction ends (else both insert). */
export async function lockKpiAggregates(db: Db, tenantId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`kpi_daily:${tenantId}`}))`);
}

/**
 * KPI-01: rebuilds what the triggers marked stale in [fromDay, toDay] and forgets those marks, in the
 * caller's transaction: per day, the slices of the engineers whose orders changed (their rows only),
 * or the whole day when a mark says so. A per-tenant advisory lock serialises two readers rebuilding
 * the same rows (else both would insert them). The marks are deleted before the rows are recomputed,
 * so a change committed meanwhile leaves a new mark and is rebuilt by the next reader: the sums are
 * exact at every read. Returns the days touched.
 */
export async function refreshDirtyKpiDays(
  db: Db,
  tenantId: string,
  days: { fromDay: string; toDay: string },
  p: KpiDailyPolicy,
): Promise<string[]> {
  const tz = p.timeZone;
  await lockKpiAggregates(db, tenantId);
  const res = await db.execute(sql`
    with gone as (
      delete from kpi_daily_dirty
       where tenant_id = ${tenantId}
         and at >= (${days.fromDay}::date::timestamp at time zone ${tz})
         and at < ((${days.toDay}::date + 1)::timestamp at time zone ${tz})
      returning at, holder_id, whole_day)
    select distinct ((at at time zone ${tz})::date)::text as day, whole_day, holder_id::text as holder_id
      from gone order by 1`);
  const marks = rowsOf(res) as { day: string; whole_day: boolean; holder_id: string | null }[];
  const whole = [...new Set(marks.filter((m) => m.whole_day).map((m) => m.day))];
  // Per day, the engineers' slice and the slice nobody holds, each its own statement pair: an `OR` of
  // the two made PostgreSQL scan the tenant's orders, where each alone is a holder-index range.
  const slices: { day: string; slice: KpiHolderSlice }[] = [];
  const held = new Map<string, string[]>();
  const unheld = new Set<string>();
  for (const m of marks) {
    if (m.whole_day || whole.includes(m.day)) continue;
    if (m.holder_id === null) unheld.add(m.day);
    else held.set(m.day, [...(held.get(m.day) ?? []), m.holder_id]);
  }
  for (const [day, holderIds] of held) slices.push({ day, slice: { holderIds, none: false } });
  for (const day of unheld) slices.push({ day, slice: { holderIds: [], none: true } });
  // Contiguous runs of whole days are rebuilt in one statement pair each; slices one day at a time.
  let i = 0;
  while (i < whole.length) {
    let j = i;
    while (j + 1 < whole.length && whole[j + 1] === nextDay(whole[j]!)) j += 1;
    await refreshKpiDaily(db, tenantId, { fromDay: whole[i]!, toDay: whole[j]! }, p);
    i = j + 1;
  }
  for (const { day, slice } of slices) await refreshKpiDaily(db, tenantId, { fromDay: day, toDay: day }, p, slice);
  return [...new Set(marks.map((m) => m.day))].sort();
}

const nextDay = (day: string): string => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** Tenants with KPI marks waiting, with the span of their marks' instants (the background refresh). */
export async function listKpiMarkSpans(
  db: Db,
  tenantId?: string,
): Promise<{ tenantId: string; from: Date; to: Date }[]> {
  const res = await db.execute(sql`
    select tenant_id::text as tenant_id, min(at) as lo, max(at) as hi from kpi_daily_dirty
     ${tenantId ? sql`where tenant_id = ${tenantId}` : sql``} group by tenant_id`);
  return (rowsOf(res) as { tenant_id: string; lo: string | Date; hi: string | Date }[]).map((r) => ({
    tenantId: r.tenant_id,
    from: new Date(r.lo),
    to: new Date(r.hi),
  }));
}
