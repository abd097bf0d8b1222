import { addDays, localDate, zonedDateTime } from '../shared/local-time.js';
import type {
  KpiContext,
  KpiDefinition,
  KpiKey,
  KpiOrderFacts,
  KpiPeriod,
  KpiPolicy,
  KpiValue,
  SubscriberCount,
} from './kpi-facts.js';
import { DEFAULT_KPI_POLICY } from './kpi-facts.js';
import { KPI_DEFINITIONS } from './kpi-indicators.js';

/**
 * KPI-01 "computable for any period/area/vendor/person": one entry point that scopes the orders and runs
 * every definition, and a grouping helper for dashboards (trend by day, ranking by station or engineer).
 * Grouping re-runs the same definitions on each part, so parts always add up to the whole.
 */

/** Each set field narrows the scope; an absent field does not filter. */
export interface KpiFilter {
  tenantId?: string;
  vendorId?: string;
  stationId?: string;
  areaId?: string;
  /** The engineer (holder) — KPI-01 "per person". */
  holderId?: string;
}

export interface KpiOptions {
  period: KpiPeriod;
  filter?: KpiFilter;
  policy?: KpiPolicy;
  /** Instant the figures are computed for; defaults to the end of the period. */
  asOf?: Date;
  /** Subscriber base rows (for 万投比); those matching the filter are summed. */
  subscribers?: readonly SubscriberCount[];
}

export interface KpiResult extends KpiValue {
  key: KpiKey;
  ruleIds: readonly string[];
  label: KpiDefinition['label'];
  formula: KpiDefinition['formula'];
  unit: KpiDefinition['unit'];
}

export interface KpiReport {
  period: KpiPeriod;
  filter: KpiFilter;
  policy: { id: string; version: number };
  kpis: Record<KpiKey, KpiResult>;
}

export function matchesFilter(o: KpiOrderFacts, f: KpiFilter): boolean {
  return (
    (f.tenantId === undefined || o.tenantId === f.tenantId) &&
    (f.vendorId === undefined || o.vendorId === f.vendorId) &&
    (f.stationId === undefined || o.stationId === f.stationId) &&
    (f.areaId === undefined || o.areaId === f.areaId) &&
    (f.holderId === undefined || o.holderId === f.holderId)
  );
}

/**
 * Subscribers of a scope. Rows carry no engineer, so a per-person 万投比 is measured against the users of
 * the rest of the scope; a row that does not say its station cannot count for a station filter.
 */
export function subscribersFor(rows: readonly SubscriberCount[], f: KpiFilter): number {
  return rows
    .filter(
      (r) =>
        (f.tenantId === undefined || r.tenantId === f.tenantId) &&
        (f.vendorId === undefined || r.vendorId === f.vendorId) &&
        (f.stationId === undefined || r.stationId === f.stationId) &&
        (f.areaId === undefined || r.areaId === f.areaId),
    )
    .reduce((s, r) => s + r.count, 0);
}

export function computeKpis(orders: readonly KpiOrderFacts[], options: KpiOptions): KpiReport {
  const filter = options.filter ?? {};
  return report(
    orders.filter((o) => matchesFilter(o, filter)),
    options,
    filter,
    subscribersFor(options.subscribers ?? [], filter),
  );
}

function report(
  scoped: readonly KpiOrderFacts[],
  options: KpiOptions,
  filter: KpiFilter,
  subscribers: number,
): KpiReport {
  const policy = options.policy ?? DEFAULT_KPI_POLICY;
  const ctx: KpiContext = { policy, period: options.period, asOf: options.asOf ?? options.period.to, subscribers };
  const kpis = {} as Record<KpiKey, KpiResult>;
  for (const d of KPI_DEFINITIONS) {
    kpis[d.key] = {
      key: d.key,
      ruleIds: d.ruleIds,
      label: d.label,
      formula: d.formula,
      unit: d.unit,
      ...d.compute(scoped, ctx),
    };
  }
  return { period: options.period, filter, policy: { id: policy.id, version: policy.version }, kpis };
}

/** Local days of a period in a zone, each clipped to the period: they partition it exactly. */
export function daysOf(period: KpiPeriod, timeZone: string): { day: string; period: KpiPeriod }[] {
  const out: { day: string; period: KpiPeriod }[] = [];
  if (period.to.getTime() <= period.from.getTime()) return out;
  let day = localDate(period.from, timeZone);
  let start = period.from;
  while (start.getTime() < period.to.getTime()) {
    const next = zonedDateTime(addDays(day, 1), '00:00', timeZone);
    const end = next.getTime() < period.to.getTime() ? next : period.to;
    out.push({ day, period: { from: start, to: end } });
    start = end;
    day = addDays(day, 1);
  }
  return out;
}

export type KpiGroupBy = 'day' | 'station' | 'area' | 'vendor' | 'engineer';

export interface KpiGroup {
  /** ISO date for 'day'; the id for the others; null for orders without one (e.g. no station yet). */
  key: string | null;
  report: KpiReport;
}

const FIELD = { station: 'stationId', area: 'areaId', vendor: 'vendorId', engineer: 'holderId' } as const;

/**
 * Dashboard breakdowns. By day the period is cut at local midnight of the policy's zone; by a dimension
 * the scoped orders are partitioned by its value (orders lacking it form the null group, so nothing is lost).
 */
export function groupKpis(orders: readonly KpiOrderFacts[], by: KpiGroupBy, options: KpiOptions): KpiGroup[] {
  const policy = options.policy ?? DEFAULT_KPI_POLICY;
  const filter = options.filter ?? {};
  const asOf = options.asOf ?? options.period.to;
  if (by === 'day') {
    return daysOf(options.period, policy.timeZone).map(({ day, period }) => ({
      key: day,
      report: computeKpis(orders, { ...options, policy, asOf, period }),
    }));
  }
  const field = FIELD[by];
  const keys = new Set<string | null>();
  for (const o of orders) if (matchesFilter(o, filter)) keys.add(o[field]);
  return [...keys]
    .sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map((key) => {
      const part = orders.filter((o) => matchesFilter(o, filter) && o[field] === key);
      const groupFilter = key === null ? filter : { ...filter, [field]: key };
      // A dimension the subscriber rows know narrows the subscriber base too; engineers do not.
      const subscribers = subscribersFor(options.subscribers ?? [], by === 'engineer' ? filter : groupFilter);
      return { key, report: report(part, { ...options, policy, asOf }, groupFilter, subscribers) };
    });
}
