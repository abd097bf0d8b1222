import { kpiDrillDays, kpiDrillHits, kpiDrillOrderIds, type Db, type KpiRowsScope } from '@daowei/db';
import { addDays, localDate, type KpiGroupBy, type KpiKey, type KpiPeriod } from '@daowei/domain';
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
  for (const day of await kpiDrillDays(db, tenantId, n.days, q.key, n.scope)) {
    const ids = await kpiDrillOrderIds(
      db,
      tenantId,
      {
        day,
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
    if (out.size >= q.limit) break;
  }
  return [...out].slice(0, q.limit);
}

/** Orders with a non-zero numerator in the figure's days and scope (the orders behind a count). */
export async function drillHitsFromDaily(db: Db, tenantId: string, q: DrillFromDaily): Promise<number> {
  const n = narrowed(q);
  if (!n) return 0;
  return kpiDrillHits(db, tenantId, { ...n.days, asOfDay: localDate(q.asOf, POLICY.timeZone) }, q.key, n.scope);
}
