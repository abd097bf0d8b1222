import { sql, type SQL } from 'drizzle-orm';
import type { InstallReportRow } from '@daowei/domain';
import type { Db } from '../client.js';
import { holderSliceSql, localDay, type KpiHolderSlice } from './kpi-daily-rows.js';
import { rowsOf } from './kpi-grouping.js';

/**
 * KPI-02/03 backlog aggregates (kpi_backlog_daily): per local day of acceptance, type, vendor, station
 * and engineer, how many orders were done on which local day (null: not yet). Rebuilt with kpi_daily
 * (refreshKpiDaily: same days, same engineer slices, same marks), so it is exact whenever kpi_daily is.
 * An order is open at the end of day D when it was accepted on D or before and not done by D's end:
 * `day <= D and (done_day is null or done_day > D)` — a sum over rows, not a read of the orders.
 */
export interface KpiBacklogScope {
  vendorId?: string | undefined;
  stationId?: string | undefined;
}

const scoped = (s: KpiBacklogScope, prefix = '') =>
  sql.join(
    [
      s.vendorId ? sql` and ${sql.raw(`${prefix}vendor_id`)} = ${s.vendorId}` : sql``,
      s.stationId ? sql` and ${sql.raw(`${prefix}station_id`)} = ${s.stationId}` : sql``,
    ],
    sql``,
  );

/** Rebuilds the rows of local days [fromDay, toDay] (or one slice of them) in the caller's transaction. */
export async function refreshKpiBacklog(
  db: Db,
  tenantId: string,
  days: { fromDay: string; toDay: string },
  timeZone: string,
  slice?: KpiHolderSlice,
): Promise<void> {
  const held = slice ? sql` and ${holderSliceSql(slice, 'holder_id')}` : sql``;
  await db.execute(
    sql`delete from kpi_backlog_daily where tenant_id = ${tenantId}
           and day between ${days.fromDay}::date and ${days.toDay}::date${held}`,
  );
  await db.execute(sql`
    insert into kpi_backlog_daily (tenant_id, day, type, vendor_id, station_id, holder_id, done_day, orders,
                                   at_midnight, flagged, flagged_at_midnight)
    select tenant_id, day, type, vendor_id, station_id, holder_id, done_day, count(*)::int,
           (count(*) filter (where mid))::int, (count(*) filter (where fl))::int,
           (count(*) filter (where fl and mid))::int
      from (select w.tenant_id, ${localDay(sql.raw('w.accepted_at'), timeZone)} as day, w.type, w.vendor_id,
                   w.station_id, w.holder_id, ${localDay(sql.raw('w.completed_at'), timeZone)} as done_day,
                   (w.accepted_at at time zone ${timeZone})::time = time '00:00' as mid,
                   (w.status = 'suspended' or exists (
                      select 1 from work_order_events e
                       where e.tenant_id = w.tenant_id and e.order_id = w.id and e.action = 'reopen')) as fl
              from work_orders w
             where w.tenant_id = ${tenantId} and w.status <> 'cancelled'
               and w.accepted_at >= (${days.fromDay}::date::timestamp at time zone ${timeZone})
               and w.accepted_at < ((${days.toDay}::date + 1)::timestamp at time zone ${timeZone})
               ${slice ? sql`and ${holderSliceSql(slice, 'w.holder_id')}` : sql``}) x
     group by tenant_id, day, type, vendor_id, station_id, holder_id, done_day`);
}

/** The parameters every backlog read shares: the day, the install limit in days, the order type. */
export interface KpiBacklogQuery {
  day: string;
  installWithinDays: number;
  type?: string | undefined;
}

/**
 * Row conditions as of the end of `day` (`b` = the table's alias prefix): open then, and — with the
 * install limit N — past the deadline then (accepted on D − N or before, or at the midnight of
 * D − N + 1), or a problem before it (flagged).
 */
const asOfEnd = (q: KpiBacklogQuery) => {
  const d = sql`${q.day}::date`;
  const n = sql`${q.installWithinDays}::int`;
  return {
    open: sql`(day <= ${d} and (done_day is null or done_day > ${d}))`,
    overdue: sql`(case when day <= ${d} - ${n} then orders when day = ${d} - ${n} + 1 then at_midnight else 0 end)`,
    problems: sql`(case when day <= ${d} - ${n} then orders
                        when day = ${d} - ${n} + 1 then at_midnight + flagged - flagged_at_midnight
                        else flagged end)`,
  };
};

/** One station's KPI-02 row, as the domain defines it (dailyInstallReport). */
export type KpiBacklogCounts = InstallReportRow;

/**
 * KPI-02 per station: accepted on `day`, done on it, open at its end, of those past the deadline, and
 * problem orders (past the deadline, on hold or reopened) — stations with nothing to report left out.
 */
export async function kpiBacklogCounts(
  db: Db,
  tenantId: string,
  q: KpiBacklogQuery,
  s: KpiBacklogScope,
): Promise<KpiBacklogCounts[]> {
  const c = asOfEnd(q);
  const d = sql`${q.day}::date`;
  const res = await db.execute(sql`
    select station_id::text as station_id,
           coalesce(sum(orders) filter (where day = ${d}), 0)::int as received,
           coalesce(sum(orders) filter (where done_day = ${d}), 0)::int as completed,
           coalesce(sum(orders) filter (where ${c.open}), 0)::int as open,
           coalesce(sum(${c.overdue}) filter (where ${c.open}), 0)::int as overdue,
           coalesce(sum(${c.problems}) filter (where ${c.open}), 0)::int as problems
      from kpi_backlog_daily
     where tenant_id = ${tenantId} and (done_day is null or done_day >= ${d} or day = ${d})
       ${q.type ? sql`and type = ${q.type}` : sql``}${scoped(s)}
     group by station_id
    having sum(orders) filter (where day = ${d} or done_day = ${d} or ${c.open}) > 0
     order by station_id nulls last`);
  return (rowsOf(res) as Record<string, unknown>[]).map((r) => ({
    stationId: (r.station_id as string | null) ?? null,
    received: Number(r.received),
    completed: Number(r.completed),
    open: Number(r.open),
    overdue: Number(r.overdue),
    problems: Number(r.problems),
  }));
}

/**
 * How many orders open at the end of `day` (or, `problemsOnly`, problem orders among them) were
 * accepted on each earlier day, oldest first, and how many of those have been done since: a page of the
 * list is read from the days that hold it, and the orders done since only where there are some.
 */
export async function kpiBacklogDays(
  db: Db,
  tenantId: string,
  q: KpiBacklogQuery & { problemsOnly: boolean },
  s: KpiBacklogScope,
): Promise<{ day: string; count: number; doneSince: number }[]> {
  const c = asOfEnd(q);
  const n = q.problemsOnly ? c.problems : sql`orders`;
  const res = await db.execute(sql`
    select day::text as day, sum(${n})::int as n, coalesce(sum(${n}) filter (where done_day is not null), 0)::int as since
      from kpi_backlog_daily
     where tenant_id = ${tenantId} and (done_day is null or done_day > ${q.day}::date) and day <= ${q.day}::date
       ${q.type ? sql`and type = ${q.type}` : sql``}${scoped(s)}
     group by day having sum(${n}) > 0
     order by day`);
  return (rowsOf(res) as { day: string; n: number; since: number }[]).map((r) => ({
    day: String(r.day),
    count: Number(r.n),
    doneSince: Number(r.since),
  }));
}

export interface BacklogOrderRow {
  id: string;
  acceptedAt: Date;
}

/**
 * The orders open at the instant `end` (a local midnight: the end of the report's day), accepted in
 * [from, to), oldest first (then by id) from the `skip`-th, at most `limit` — with `problemsAfter` only
 * the problem orders (accepted at or before that instant, i.e. past the deadline at `end`, or on hold,
 * or reopened). Two index reads: the orders still open (open-orders index) and those done since.
 */
export async function listBacklogOrders(
  db: Db,
  tenantId: string,
  r: {
    end: Date;
    from: Date;
    to: Date;
    type?: string | undefined;
    problemsAfter?: Date | undefined;
    /** Whether some of them have been done since (else only the still-open orders are read). */
    doneSince: boolean;
  },
  s: KpiBacklogScope,
  page: { skip: number; limit: number },
): Promise<BacklogOrderRow[]> {
  const common: SQL = sql`tenant_id = ${tenantId} and status <> 'cancelled'
      and accepted_at >= ${r.from} and accepted_at < ${r.to} and accepted_at < ${r.end}
      ${r.type ? sql`and type = ${r.type}` : sql``}${scoped(s)}
      ${
        r.problemsAfter
          ? sql`and (accepted_at <= ${r.problemsAfter} or status = 'suspended' or exists (
                  select 1 from work_order_events e
                   where e.tenant_id = work_orders.tenant_id and e.order_id = work_orders.id and e.action = 'reopen'))`
          : sql``
      }`;
  const n = page.skip + page.limit;
  const res = await db.execute(sql`
    select id::text as id, accepted_at from (
      (select id, accepted_at from work_orders where ${common} and completed_at is null
        order by accepted_at, id limit ${n})
      ${
        r.doneSince
          ? sql`union all
      (select id, accepted_at from work_orders where ${common} and completed_at >= ${r.end}
        order by accepted_at, id limit ${n})`
          : sql``
      }
    ) u order by accepted_at, id offset ${page.skip} limit ${page.limit}`);
  return (rowsOf(res) as { id: string; accepted_at: string | Date }[]).map((x) => ({
    id: x.id,
    acceptedAt: new Date(x.accepted_at),
  }));
}

/**
 * KPI-03: the orders finished by the end of local day `day` ([start, end)) that the day's log lists —
 * done that day, or appointed that day and not open at its end — counted, and a page of them oldest
 * first. The count: those done that day from the aggregates, plus the few appointed that day but done
 * before it (or accepted after it) from their own small index.
 */
export async function listFinishedOnDay(
  db: Db,
  tenantId: string,
  r: { day: string; start: Date; end: Date },
  s: KpiBacklogScope,
  page: { skip: number; limit: number },
): Promise<{ total: number; ids: string[] }> {
  const done = rowsOf(
    await db.execute(sql`select coalesce(sum(orders), 0)::int as n from kpi_backlog_daily
                          where tenant_id = ${tenantId} and done_day = ${r.day}::date${scoped(s)}`),
  ) as { n: number }[];
  // Appointed that day, not done on it, not open at its end: done before it, or accepted after it.
  const odd = rowsOf(
    await db.execute(sql`select count(*)::int as n from work_orders
      where tenant_id = ${tenantId} and status <> 'cancelled'${scoped(s)}
        and appointment_start >= ${r.start} and appointment_start < ${r.end}
        and (completed_at < appointment_start or accepted_at > appointment_start)
        and (completed_at < ${r.start}
          or (accepted_at >= ${r.end} and (completed_at is null or completed_at >= ${r.end})))`),
  ) as { n: number }[];
  const total = Number(done[0]?.n ?? 0) + Number(odd[0]?.n ?? 0);
  if (page.limit <= 0 || page.skip >= total) return { total, ids: [] };
  const ids = rowsOf(
    await db.execute(sql`select id::text as id from work_orders
      where tenant_id = ${tenantId} and status <> 'cancelled'${scoped(s)}
        and ((completed_at >= ${r.start} and completed_at < ${r.end})
          or (appointment_start >= ${r.start} and appointment_start < ${r.end}
              and (completed_at < appointment_start or accepted_at > appointment_start)
              and (completed_at < ${r.start} or accepted_at >= ${r.end})))
      order by accepted_at, id offset ${page.skip} limit ${page.limit}`),
  ) as { id: string }[];
  return { total, ids: ids.map((x) => x.id) };
}
