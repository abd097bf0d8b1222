import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { kpiDailyRowsSql, rowsScopeSql, type KpiDailyPolicy, type KpiRowsScope } from './kpi-daily-rows.js';
import { rowsOf } from './kpi-grouping.js';

/**
 * KPI-01 drill-down at any size: the orders behind a figure of whole local days, found day by day from
 * the same rows kpi_daily is built from (one indicator, one scope) instead of computing the period's
 * every order — a month of a big tenant has hundreds of thousands, the page shows a few hundred.
 */

/** The local days of [fromDay, toDay] that have rows of `key` in the scope, in order, with their row count. */
export async function kpiDrillDays(
  db: Db,
  tenantId: string,
  days: { fromDay: string; toDay: string },
  key: string,
  scope: KpiRowsScope,
): Promise<{ day: string; rows: number }[]> {
  const res = await db.execute(sql`
    select day::text as day, sum(denominator)::int8 as rows from kpi_daily
     where tenant_id = ${tenantId} and kpi_key = ${key}
       and day between ${days.fromDay}::date and ${days.toDay}::date ${rowsScopeSql(scope, '')}
     group by day order by 1`);
  return (rowsOf(res) as { day: string; rows: string }[]).map((r) => ({ day: r.day, rows: Number(r.rows) }));
}

/**
 * Orders behind `key` on one local day in the scope, as of `asOf` (rows that count from a later instant
 * left out): the failures of a rate first (numerator 0), the longest for hours, then by id; `hitsOnly`
 * keeps the orders with a non-zero numerator (a count's orders: those with a reschedule).
 */
export async function kpiDrillOrderIds(
  db: Db,
  tenantId: string,
  q: {
    day: string;
    /** Part of the day only (its rows anchored in [from, to)). */
    window?: { from: Date; to: Date };
    key: string;
    scope: KpiRowsScope;
    asOf: Date;
    hitsOnly: boolean;
    largestFirst: boolean;
    limit: number;
  },
  p: KpiDailyPolicy,
): Promise<string[]> {
  const rows = kpiDailyRowsSql(tenantId, { fromDay: q.day, toDay: q.day }, p, undefined, {
    keys: [q.key],
    scope: q.scope,
    ...(q.window ? { window: q.window } : {}),
  });
  const res = await db.execute(sql`
    select order_id::text as id from (${rows}) r
     where (counts_at is null or counts_at <= ${q.asOf}) ${q.hitsOnly ? sql`and num <> 0` : sql``}
     group by order_id
     order by ${q.largestFirst ? sql`max(num) desc` : sql`min(num)`}, order_id
     limit ${q.limit}`);
  return (rowsOf(res) as { id: string }[]).map((r) => r.id);
}

/** Orders with a non-zero numerator of `key` over the days in the scope, as of a moment of `asOfDay`. */
export async function kpiDrillHits(
  db: Db,
  tenantId: string,
  days: { fromDay: string; toDay: string; asOfDay: string },
  key: string,
  scope: KpiRowsScope,
): Promise<number> {
  const res = await db.execute(sql`
    select coalesce(sum(hits), 0)::int8 as n from kpi_daily
     where tenant_id = ${tenantId} and kpi_key = ${key}
       and day between ${days.fromDay}::date and ${days.toDay}::date
       and (counts_from is null or counts_from < ${days.asOfDay}::date) ${rowsScopeSql(scope, '')}`);
  return Number((rowsOf(res) as { n: string }[])[0]!.n);
}
