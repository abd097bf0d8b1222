import { kpiDrillDays, kpiDrillHits, kpiDrillOrderIds, type Db, type KpiRowsScope } from '@daowei/db';
import { addDays, localDate, zonedDateTime, type KpiGroupBy, type KpiKey, type KpiPeriod } from '@daowei/domain';
import { KPI_DAILY_POLICY } from './kpi-daily.reader.js';

const POLICY = KPI_DAILY_POLICY;
const GROUP_FIELD = { station: 'stationId', area: 'areaId', vendor: 'vendorId', engineer: 'holderId' } as const;

export interface DrillFromDaily {
  period: KpiPeriod;
  asOf: Date;
  key: KpiKey;
  scope: KpiRowsScope;
  /** A figure of a breakdown: its group (`null`: the orders without a value). */
  group?: { by: KpiGroupBy; key: string | null };
}

/**
 * The days and scope a figure's orders are in: the period's local days, or the group's one day; the
 * scope with the group's dimension. Null when the group cannot be in the scope (another station).
 */
function narrowed(q: DrillFromDaily) {
  const scope: KpiRowsScope = { ...q.scope };
  const fromDay = localDate(q.period.from, POLICY.timeZone);
  const toDay = addDays(localDate(q.period.to, POLICY.timeZone), -1);
  if (q.group?.by === 'day') {
    const day = q.group.key;
    if (day === null || day < fromDay || day > toDay) return null;
    return { days: { fromDay: day, toDay: day }, scope };
  }
  if (q.group) {
    const field = GROUP_FIELD[q.group.by as keyof typeof GROUP_FIELD];
    if (scope[field] !== undefined && scope[field] !== q.group.key) return null;
    scope[field] = q.group.key;
  }
  return { days: { fromDay, toDay }, scope };
}

/**
 * KPI-01 drill-down over whole local days (the dashboard's periods): the first `limit` orders behind
 * a figure, walking its days in order and asking each day's rows of that one indicator and scope —
 * a page costs a day or two of one indicator at any size, where computing the period's every order
 * cost seconds per hundred thousand. The figure itself comes from the day pre-aggregates.
 */
export async function drillOrderIdsFromDaily(db: Db, tenantId: string, q: DrillFromDaily & { limit: number }) {
  const n = narrowed(q);
  if (!n) return [];
  const out = new Set<string>();
  for (const { day, rows } of await kpiDrillDays(db, tenantId, n.days, q.key, n.scope)) {
    for (const window of windowsOf(day, rows, q.limit - out.size)) {
      const ids = await kpiDrillOrderIds(
        db,
        tenantId,
        {
          day,
          ...(window ? { window } : {}),
          key: q.key,
          scope: n.scope,
          asOf: q.asOf,
          // A count's orders are those it counted (an order with a reschedule); a rate's, its population.
          hitsOnly: q.key === 'reschedules_by_us',
          largestFirst: q.key === 'average_fault_duration_hours',
          limit: q.limit - out.size,
        },
        POLICY,
      );
      // An order may count on two days (two SLA clocks): listed once.
      for (const id of ids) out.add(id);
      if (out.size >= q.limit) return [...out].slice(0, q.limit);
    }
  }
  return [...out];
}

/**
 * A day far bigger than the page left to fill is read in equal windows of hours, so the first page of a
 * tenant's month reads a few hours of one indicator, not its busiest day (12,000 installs at 10 M orders).
 * `[undefined]`: the whole day at once.
 */
export function windowsOf(day: string, rows: number, wanted: number): ({ from: Date; to: Date } | undefined)[] {
  const parts = Math.min(24, Math.ceil(rows / (2 * Math.max(1, wanted))));
  if (parts <= 2) return [undefined];
  const from = zonedDateTime(day, '00:00', POLICY.timeZone).getTime();
  const to = zonedDateTime(addDays(day, 1), '00:00', POLICY.timeZone).getTime();
  const edge = (i: number) => new Date(from + Math.round(((to - from) * i) / parts / 1000) * 1000);
  return Array.from({ length: parts }, (_, i) => ({ from: edge(i), to: i === parts - 1 ? new Date(to) : edge(i + 1) }));
}

/** Orders with a non-zero numerator in the figure's days and scope (the orders behind a count). */
export async function drillHitsFromDaily(db: Db, tenantId: string, q: DrillFromDaily): Promise<number> {
  const n = narrowed(q);
  if (!n) return 0;
  return kpiDrillHits(db, tenantId, { ...n.days, asOfDay: localDate(q.asOf, POLICY.timeZone) }, q.key, n.scope);
}
