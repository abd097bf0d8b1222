import {
  kpiBacklogDays,
  listBacklogOrders,
  listFinishedOnDay,
  refreshDirtyKpiDays,
  type Db,
  type KpiBacklogScope,
} from '@daowei/db';
import { addDays, zonedDateTime } from '@daowei/domain';
import { KPI_DAILY_POLICY } from './kpi-daily.reader.js';

/**
 * KPI-02/03 over the backlog aggregates (kpi_backlog_daily): counts for the end of a local day from
 * the aggregates, and the orders behind them a page at a time — the aggregates say which days of
 * acceptance hold the page, the orders of those days are read in the same order the domain lists them
 * (oldest first, then by id). Whatever the backlog, a read touches the aggregates and one page's days.
 */
export interface PageAsked {
  offset: number;
  limit: number;
}

const tz = KPI_DAILY_POLICY.timeZone;
const midnight = (day: string) => zonedDateTime(day, '00:00', tz);
/** Older than any order: marks before this day are rebuilt too (open orders of any age count). */
const FIRST_DAY = '2000-01-01';

/** Rebuilds what the triggers marked stale up to the end of `day` (the caller's transaction). */
export const freshenBacklog = (db: Db, tenantId: string, day: string) =>
  refreshDirtyKpiDays(db, tenantId, { fromDay: FIRST_DAY, toDay: day }, KPI_DAILY_POLICY);

/**
 * One page of the orders open at the end of `day` (of `type`; with `problemsOnly` the KPI-02 problem
 * orders among them), with how many there are in all.
 */
export async function backlogPage(
  db: Db,
  tenantId: string,
  q: { day: string; installWithinDays: number; type?: string; problemsOnly: boolean },
  scope: KpiBacklogScope,
  page: PageAsked,
): Promise<{ total: number; ids: string[] }> {
  const days = await kpiBacklogDays(db, tenantId, q, scope);
  const total = days.reduce((n, d) => n + d.count, 0);
  if (page.limit <= 0 || page.offset >= total) return { total, ids: [] };
  let before = 0;
  let i = 0;
  while (before + days[i]!.count <= page.offset) before += days[i++]!.count;
  let j = i;
  let covered = before + days[i]!.count;
  while (covered < page.offset + page.limit && j + 1 < days.length) covered += days[++j]!.count;
  const rows = await listBacklogOrders(
    db,
    tenantId,
    {
      end: midnight(addDays(q.day, 1)),
      from: midnight(days[i]!.day),
      to: midnight(addDays(days[j]!.day, 1)),
      type: q.type,
      // Past the deadline at the day's end: accepted at or before the midnight N − 1 days earlier.
      problemsAfter: q.problemsOnly ? midnight(addDays(q.day, 1 - q.installWithinDays)) : undefined,
      doneSince: days.slice(i, j + 1).some((d) => d.doneSince > 0),
    },
    scope,
    { skip: page.offset - before, limit: page.limit },
  );
  return { total, ids: rows.map((r) => r.id) };
}

/**
 * KPI-03 one page of a day's log: the orders unfinished at its end first (oldest first), then those
 * finished that day; with the count of each part.
 */
export async function stationLogPage(
  db: Db,
  tenantId: string,
  day: string,
  scope: KpiBacklogScope,
  page: PageAsked,
): Promise<{ total: number; unfinished: number; unfinishedIds: string[]; finishedIds: string[] }> {
  // Every unfinished order of any type: no problem filter, so the install limit plays no part.
  const open = await backlogPage(db, tenantId, { day, installWithinDays: 0, problemsOnly: false }, scope, page);
  const rest = Math.max(0, page.offset + page.limit - Math.max(page.offset, open.total));
  const finished = await listFinishedOnDay(
    db,
    tenantId,
    { day, start: midnight(day), end: midnight(addDays(day, 1)) },
    scope,
    { skip: Math.max(0, page.offset - open.total), limit: Math.min(rest, page.limit) },
  );
  return {
    total: open.total + finished.total,
    unfinished: open.total,
    unfinishedIds: open.ids,
    finishedIds: finished.ids,
  };
}
