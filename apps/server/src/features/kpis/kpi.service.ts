import {
  getWorkOrders,
  listCallbackTasksOfOrders,
  listOrderEventsByAction,
  listOrdersForKpi,
  type Db,
} from '@daowei/db';
import {
  canSeeOrder,
  computeKpis,
  DEFAULT_KPI_POLICY,
  DomainError,
  groupKpis,
  isSupervisor,
  KPI_KEYS,
  type KpiFilter,
  type KpiOrderFacts,
  type KpiPeriod,
  type KpiReport,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import { viewerOf } from '../../http/viewer.js';
import type { Clock } from '../../platform/clock.js';
import { createOrderReader } from '../work-orders/work-order.reader.js';
import { KPI_EVENT_ACTIONS, KPI_NOT_YET_MEASURED, kpiFactsOf } from './kpi-facts.mapper.js';
import type { KpiDrillQuery, KpiQuery } from './kpi.schemas.js';
import { dailyFigures, KPI_DAILY_KEYS, type DailyFigures } from './kpi-daily.reader.js';

type DailyOne = NonNullable<DailyFigures extends Map<unknown, infer V> ? V : never>;
const DAILY: readonly string[] = KPI_DAILY_KEYS;

export type KpiService = ReturnType<typeof createKpiService>;

function groupByOrder<T extends { orderId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.orderId);
    if (list) list.push(r);
    else out.set(r.orderId, [r]);
  }
  return out;
}

/** The whole scope's figures as the sum of a breakdown's groups (every order is in exactly one group). */
function wholeOf(daily: DailyFigures | null): DailyOne | undefined {
  if (!daily) return undefined;
  const out: DailyOne = {};
  for (const figures of daily.values()) {
    for (const [k, f] of Object.entries(figures) as [keyof DailyOne, { numerator: number; denominator: number }][]) {
      const s = out[k] ?? { numerator: 0, denominator: 0 };
      out[k] = { numerator: s.numerator + f.numerator, denominator: s.denominator + f.denominator };
    }
  }
  return out;
}

/** The group of orders lacking the breakdown's value (no station yet…) in a drill-down address. */
export const NO_GROUP_KEY = 'none';

/**
 * KPI-01 on the server: facts are built from stored orders, their events and callback tasks
 * (kpi-facts.mapper.ts), then the domain's one definition per indicator computes every figure. The
 * drill-down recomputes the same figure and lists its orders, so what a click shows is what was counted.
 */
export function createKpiService({ db, clock }: { db: Db; clock: Clock }) {
  const reader = createOrderReader(db);

  /**
   * The figures of a report. Indicators read from the day pre-aggregates (`daily` given) carry their
   * numerator and denominator from there and no order list (`source: 'daily'`; the drill-down lists
   * the orders); the others are the direct computation's, with the orders behind them.
   */
  function present(r: KpiReport, daily?: DailyOne) {
    return KPI_KEYS.map((k) => {
      const v = r.kpis[k];
      const base = { key: k, ruleIds: v.ruleIds, label: v.label, formula: v.formula, unit: v.unit };
      if (daily && DAILY.includes(k)) {
        const d = daily[k as keyof DailyOne] ?? { numerator: 0, denominator: 0 };
        // 万投比: the aggregate counts complaints; the denominator stays the subscriber base.
        const denominator = k === 'complaints_per_users' ? v.denominator : d.denominator;
        const value =
          denominator === 0
            ? null
            : (d.numerator / denominator) * (k === 'complaints_per_users' ? DEFAULT_KPI_POLICY.complaintsPerUsers : 1);
        return { ...base, value, numerator: d.numerator, denominator, source: 'daily' as const };
      }
      return {
        ...base,
        value: v.value,
        numerator: v.numerator,
        denominator: v.denominator,
        orderIds: v.orderIds,
        source: 'direct' as const,
      };
    });
  }

  /** Authorization, scope and the facts of the period's orders, shared by the figures and the drill-down. */
  async function scoped(auth: AuthContext, q: KpiQuery) {
    if (!isSupervisor(auth.position)) {
      throw new DomainError('FORBIDDEN', 'KPIs are for coordinators and managers', { position: auth.position });
    }
    // SEC-02: vendor staff measure their own vendor only.
    if (auth.vendorId && q.vendorId && q.vendorId !== auth.vendorId) {
      throw new DomainError('FORBIDDEN', 'Vendor staff see their own vendor’s KPIs', { field: 'vendorId' });
    }
    const vendorId = auth.vendorId ?? q.vendorId;
    const period: KpiPeriod = { from: new Date(q.from), to: new Date(q.to) };
    const now = clock.now();
    const asOf = now.getTime() < period.to.getTime() ? now : period.to;
    const orders = await listOrdersForKpi(db, auth.tenantId, {
      ...period,
      ...(vendorId ? { vendorId } : {}),
      ...(q.stationId ? { stationId: q.stationId } : {}),
      ...(q.areaId ? { areaId: q.areaId } : {}),
    });
    const ids = orders.map((o) => o.id);
    const [events, tasks] = await Promise.all([
      listOrderEventsByAction(db, auth.tenantId, ids, KPI_EVENT_ACTIONS),
      listCallbackTasksOfOrders(db, auth.tenantId, ids),
    ]);
    // Grouped once: filtering every order's events out of the whole list is quadratic at scale.
    const eventsOf = groupByOrder(events);
    const tasksOf = groupByOrder(tasks);
    const facts: KpiOrderFacts[] = orders.map((o) => kpiFactsOf(o, eventsOf.get(o.id) ?? [], tasksOf.get(o.id) ?? []));
    const filter: KpiFilter = {
      tenantId: auth.tenantId,
      ...(vendorId ? { vendorId } : {}),
      ...(q.stationId ? { stationId: q.stationId } : {}),
      ...(q.areaId ? { areaId: q.areaId } : {}),
      ...(q.engineerId ? { holderId: q.engineerId } : {}),
    };
    return { facts, vendorId, period, asOf, filter, options: { period, filter, asOf } };
  }

  /**
   * The breakdown: the direct groups, with the pre-aggregated figures of each; a group only the
   * aggregates know (its orders all outside the direct scope) still shows, with empty direct figures.
   */
  function groupsOf(
    facts: KpiOrderFacts[],
    by: NonNullable<KpiQuery['groupBy']>,
    options: Parameters<typeof groupKpis>[2],
    daily: DailyFigures | null,
  ) {
    const direct = groupKpis(facts, by, options);
    const known = new Set(direct.map((g) => g.key));
    const extra = daily ? [...daily.keys()].filter((k) => !known.has(k)) : [];
    const empty = extra.length > 0 ? computeKpis([], options) : null;
    return [
      ...direct.map((g) => ({ key: g.key, kpis: present(g.report, daily ? (daily.get(g.key) ?? {}) : undefined) })),
      ...extra.map((key) => ({ key, kpis: present(empty!, daily!.get(key)) })),
    ];
  }

  return {
    async kpis(auth: AuthContext, q: KpiQuery) {
      const { facts, vendorId, period, asOf, filter, options } = await scoped(auth, q);
      const report = computeKpis(facts, options);
      const { tenantId: _t, ...scopeFilter } = filter;
      const daily = await dailyFigures(db, auth.tenantId, {
        period,
        asOf,
        filter: scopeFilter,
        vendorId: vendorId ?? null,
        ...(q.groupBy ? { groupBy: q.groupBy } : {}),
      });
      return {
        period: { from: period.from.toISOString(), to: period.to.toISOString() },
        asOf: asOf.toISOString(),
        filter: {
          vendorId: vendorId ?? null,
          stationId: q.stationId ?? null,
          areaId: q.areaId ?? null,
          engineerId: q.engineerId ?? null,
        },
        policy: report.policy,
        notYetMeasured: KPI_NOT_YET_MEASURED,
        kpis: present(report, q.groupBy ? wholeOf(daily) : daily?.get(null)),
        ...(q.groupBy
          ? {
              groupBy: q.groupBy,
              groups: groupsOf(facts, q.groupBy, options, daily),
            }
          : {}),
      };
    },

    /** KPI-01 drill-down: the orders behind one figure (of the whole scope or of one group of a breakdown). */
    async orders(auth: AuthContext, q: KpiDrillQuery) {
      const { facts, options } = await scoped(auth, q);
      let report: KpiReport;
      if (q.groupBy && q.groupKey !== undefined) {
        const wanted = q.groupKey === NO_GROUP_KEY ? null : q.groupKey;
        const group = groupKpis(facts, q.groupBy, options).find((g) => g.key === wanted);
        if (!group) return { key: q.key, value: null, numerator: 0, denominator: 0, total: 0, items: [] };
        report = group.report;
      } else {
        report = computeKpis(facts, options);
      }
      const figure = report.kpis[q.key];
      const viewer = viewerOf(auth);
      const wanted = figure.orderIds.slice(0, q.limit);
      const stored = await getWorkOrders(db, auth.tenantId, wanted);
      const byId = new Map(stored.filter((o) => canSeeOrder(o, viewer)).map((o) => [o.id, o]));
      const visible = wanted.map((id) => byId.get(id)).filter((o) => o !== undefined);
      return {
        key: q.key,
        value: figure.value,
        numerator: figure.numerator,
        denominator: figure.denominator,
        total: figure.orderIds.length,
        items: await reader.views(db, viewer, visible),
      };
    },
  };
}
