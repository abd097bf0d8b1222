import {
  distinctGroups,
  kpiOpenArrivalsPastWindow,
  kpiOpenPastDeadline,
  kpiOverdueOpenClocks,
  KPI_DAILY_KEYS,
  listVendors,
  refreshDirtyKpiDays,
  sumKpiDaily,
  type Db,
  type KpiDailyGroup,
  type KpiDailyKey,
  type KpiDailyPolicy,
  type KpiScopeFilter,
} from '@daowei/db';
import { addDays, DEFAULT_KPI_POLICY, localDate, localParts, type KpiGroupBy, type KpiPeriod } from '@daowei/domain';

/** Numerator and denominator of the pre-aggregated indicators, per group (`null`: no value / whole scope). */
export type DailyFigures = Map<string | null, Partial<Record<KpiDailyKey, { numerator: number; denominator: number }>>>;

/** The policy the aggregates are built with (the domain's KPI-01 defaults). */
export const KPI_DAILY_POLICY: KpiDailyPolicy = {
  timeZone: DEFAULT_KPI_POLICY.timeZone,
  installWithinDays: DEFAULT_KPI_POLICY.installWithinDays,
  faultResolutionHours: DEFAULT_KPI_POLICY.faultResolutionHours,
  onTimeArrival: DEFAULT_KPI_POLICY.onTimeArrival,
  satisfiedLevels: DEFAULT_KPI_POLICY.satisfiedLevels,
};
const POLICY = KPI_DAILY_POLICY;

const isLocalMidnight = (at: Date) => {
  const p = localParts(at, POLICY.timeZone);
  return p.hour === 0 && p.minute === 0 && p.second === 0 && at.getTime() % 1000 === 0;
};

/** Whether a period is whole local days of the aggregates' zone (what kpi_daily can answer). */
export const isWholeLocalDays = (period: KpiPeriod) => isLocalMidnight(period.from) && isLocalMidnight(period.to);

/**
 * KPI-01 from the day pre-aggregates (kpi_daily) for every indicator, when the period is whole local
 * days (the dashboard's months, weeks and days); otherwise `null` and the caller computes directly.
 * Exact at every read: the days the triggers marked stale are rebuilt first (same transaction). What
 * depends on `asOf` — open orders past their deadline (the two deadline rates) or window (on-time
 * arrival), SLA clocks still running past due — is stored with the day it starts to count: rows of
 * days before `asOf`'s local day are summed, what passed during that day is counted live. Answers every
 * breakdown asked for from one pass per source (the dashboard's trend and ranking in one read): per
 * breakdown the figures of each group, or with none asked the whole scope under `none` (key `null`).
 */
export async function dailyFigures(
  db: Db,
  tenantId: string,
  s: {
    period: KpiPeriod;
    asOf: Date;
    filter: KpiScopeFilter;
    vendorId: string | null;
    groups: readonly KpiGroupBy[];
  },
): Promise<Map<KpiDailyGroup, DailyFigures> | null> {
  if (!isWholeLocalDays(s.period)) return null;
  const days = {
    fromDay: localDate(s.period.from, POLICY.timeZone),
    toDay: addDays(localDate(s.period.to, POLICY.timeZone), -1),
  };
  const groups = distinctGroups(s.groups);
  return db.transaction(async (tx) => {
    await refreshDirtyKpiDays(tx, tenantId, days, POLICY);
    const vendorIds = s.vendorId ? [s.vendorId] : (await listVendors(tx, tenantId)).map((v) => v.id);
    // Sequential: a transaction's one connection must not be given overlapping queries.
    const asOfDay = localDate(s.asOf, POLICY.timeZone);
    const summed = await sumKpiDaily(tx, tenantId, { ...days, asOfDay }, s.filter, groups);
    const live = { ...s.period, asOf: s.asOf };
    const open = await kpiOpenPastDeadline(tx, tenantId, { ...live, vendorIds }, s.filter, POLICY, groups);
    const arrivals = await kpiOpenArrivalsPastWindow(tx, tenantId, { ...live, vendorIds }, s.filter, POLICY, groups);
    const clocks = await kpiOverdueOpenClocks(tx, tenantId, live, s.filter, POLICY, groups);
    // The whole scope is always present, even when nothing counts (its figures are then 0 / 0).
    const out = new Map<KpiDailyGroup, DailyFigures>(
      groups.map((g) => [g, new Map(g === 'none' ? [[null, {}]] : [])] as const),
    );
    for (const r of [...summed, ...open, ...arrivals, ...clocks]) {
      const byGroup = out.get(r.set)!;
      const key = r.set === 'none' ? null : r.group;
      const figures = byGroup.get(key) ?? {};
      const kpiKey = r.kpiKey as KpiDailyKey;
      const f = figures[kpiKey] ?? { numerator: 0, denominator: 0 };
      figures[kpiKey] = { numerator: f.numerator + r.numerator, denominator: f.denominator + r.denominator };
      byGroup.set(key, figures);
    }
    return out;
  });
}

export { KPI_DAILY_KEYS };
