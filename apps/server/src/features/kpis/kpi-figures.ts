import type { KpiDailyKey } from '@daowei/db';
import {
  DEFAULT_KPI_POLICY,
  daysOf,
  KPI_DEFINITIONS,
  subscribersFor,
  type KpiFilter,
  type KpiGroupBy,
  type KpiPeriod,
  type KpiReport,
  type KpiUnit,
  type SubscriberCount,
} from '@daowei/domain';
import type { DailyFigures } from './kpi-daily.reader.js';

/**
 * KPI-01 figures as the API presents them: from the day pre-aggregates (numerator and denominator
 * summed; the value by the indicator's unit, as the domain's definition computes it) or from the
 * domain's direct report (with the orders behind each figure).
 */

type Sums = Partial<Record<KpiDailyKey, { numerator: number; denominator: number }>>;

/** The value of a figure from its sums, by unit — the same arithmetic as each domain definition. */
function valueOf(unit: KpiUnit, numerator: number, denominator: number): number | null {
  if (unit === 'count') return numerator;
  if (denominator === 0) return null;
  if (unit === 'per_users') return (numerator / denominator) * DEFAULT_KPI_POLICY.complaintsPerUsers;
  return numerator / denominator;
}

const head = (d: (typeof KPI_DEFINITIONS)[number]) => ({
  key: d.key,
  ruleIds: d.ruleIds,
  label: d.label,
  formula: d.formula,
  unit: d.unit,
});

/** Every indicator from the sums of one scope or group; 万投比 divides by the scope's users. */
export function figuresFromDaily(sums: Sums, subscribers: readonly SubscriberCount[], filter: KpiFilter) {
  return KPI_DEFINITIONS.map((d) => {
    const f = sums[d.key] ?? { numerator: 0, denominator: 0 };
    // 万投比: the aggregate counts complaints; the denominator is the customer base of the scope.
    const denominator = d.unit === 'per_users' ? subscribersFor(subscribers, filter) : f.denominator;
    return {
      ...head(d),
      value: valueOf(d.unit, f.numerator, denominator),
      numerator: f.numerator,
      denominator,
      source: 'daily' as const,
    };
  });
}

export function directFigures(r: KpiReport) {
  return KPI_DEFINITIONS.map((d) => {
    const v = r.kpis[d.key];
    return {
      ...head(d),
      value: v.value,
      numerator: v.numerator,
      denominator: v.denominator,
      orderIds: v.orderIds,
      source: 'direct' as const,
    };
  });
}

/** The whole scope's sums as the sum of a breakdown's groups (every row is in exactly one group). */
export function wholeOf(daily: DailyFigures): Sums {
  const out: Sums = {};
  for (const figures of daily.values()) {
    for (const [k, f] of Object.entries(figures) as [KpiDailyKey, { numerator: number; denominator: number }][]) {
      const s = out[k] ?? { numerator: 0, denominator: 0 };
      out[k] = { numerator: s.numerator + f.numerator, denominator: s.denominator + f.denominator };
    }
  }
  return out;
}

const FIELD = { station: 'stationId', area: 'areaId', vendor: 'vendorId' } as const;

/**
 * A breakdown from the aggregates: by day every local day of the period (a trend has no gaps), by a
 * dimension each value that has figures, ids sorted and the group without a value last — as the
 * domain's groupKpis orders them. Users: a station, area or vendor group has its own; an engineer or
 * a day is measured against the scope's (customers belong to no engineer).
 */
export function dailyGroups(
  daily: DailyFigures,
  by: KpiGroupBy,
  subscribers: readonly SubscriberCount[],
  filter: KpiFilter,
  period: KpiPeriod,
) {
  const keys =
    by === 'day'
      ? daysOf(period, DEFAULT_KPI_POLICY.timeZone).map((d) => d.day)
      : [...daily.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  return keys.map((key) => {
    const groupFilter = by === 'day' || by === 'engineer' || key === null ? filter : { ...filter, [FIELD[by]]: key };
    return { key, kpis: figuresFromDaily(daily.get(key) ?? {}, subscribers, groupFilter) };
  });
}
