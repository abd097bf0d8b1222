import { getWorkOrders, kpiSubscriberCounts, type Db } from '@daowei/db';
import {
  canSeeOrder,
  computeKpis,
  DEFAULT_KPI_POLICY,
  DEFAULT_SLA_POLICY,
  DomainError,
  groupKpis,
  isSupervisor,
  type KpiFilter,
  type KpiGroupBy,
  type KpiPeriod,
  type KpiReport,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import { viewerOf } from '../../http/viewer.js';
import type { Clock } from '../../platform/clock.js';
import { createTenantSlaPolicies, type TenantSlaPolicies } from '../sla/tenant-sla-policy.js';
import { createOrderReader } from '../work-orders/work-order.reader.js';
import { KPI_NOT_YET_MEASURED } from './kpi-facts.mapper.js';
import { kpiFactsAt, loadKpiRecords } from './kpi-facts.loader.js';
import type { KpiDrillQuery, KpiQuery } from './kpi.schemas.js';
import { dailyFigures, isWholeLocalDays } from './kpi-daily.reader.js';
import { dailyGroups, directFigures, figuresFromDaily, wholeOf } from './kpi-figures.js';
import { drillHitsFromDaily, drillOrderIdsFromDaily } from './kpi-drill.reader.js';
import { kpiTargets } from './kpi-targets.js';

export type KpiService = ReturnType<typeof createKpiService>;

/** The group of orders lacking the breakdown's value (no station yet…) in a drill-down address. */
export const NO_GROUP_KEY = 'none';

/**
 * KPI-01 on the server. A period of whole local days (the dashboard's months, weeks, days) is read
 * from the day pre-aggregates alone (kpi-daily.reader.ts: stale days rebuilt first, the "as of" parts
 * counted live), so a month costs the same at 10 M orders as at 10 k. Any other period, and the
 * drill-down, build facts from the stored orders, their events, callback tasks, SLA clocks and borrow
 * cards (kpi-facts.mapper.ts) and run the domain's one definition per indicator; a test holds the two
 * ways equal. The drill-down recomputes the figure and lists its orders, so a click shows what counted.
 */
export function createKpiService({
  db,
  clock,
  slaPolicies = createTenantSlaPolicies(DEFAULT_SLA_POLICY),
}: {
  db: Db;
  clock: Clock;
  /** The tenant's current SLA policy: its service targets are shown beside the figures (SLA-04 8 h). */
  slaPolicies?: TenantSlaPolicies;
}) {
  const reader = createOrderReader(db);

  /** Authorization and scope, shared by the figures and the drill-down. */
  function scopeOf(auth: AuthContext, q: KpiQuery) {
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
    const filter: KpiFilter = {
      tenantId: auth.tenantId,
      ...(vendorId ? { vendorId } : {}),
      ...(q.stationId ? { stationId: q.stationId } : {}),
      ...(q.areaId ? { areaId: q.areaId } : {}),
      ...(q.engineerId ? { holderId: q.engineerId } : {}),
    };
    return { vendorId, period, asOf, filter };
  }

  /** The facts of the scope's orders, for the direct computation. */
  async function factsOf(auth: AuthContext, s: ReturnType<typeof scopeOf>) {
    const records = await loadKpiRecords(db, auth.tenantId, {
      ...s.period,
      ...(s.vendorId ? { vendorId: s.vendorId } : {}),
      ...(s.filter.stationId ? { stationId: s.filter.stationId } : {}),
      ...(s.filter.areaId ? { areaId: s.filter.areaId } : {}),
    });
    const subscribers = await kpiSubscriberCounts(db, auth.tenantId);
    return {
      facts: kpiFactsAt(records, s.asOf),
      options: { period: s.period, filter: s.filter, asOf: s.asOf, subscribers },
    };
  }

  async function kpis(auth: AuthContext, q: KpiQuery) {
    const s = scopeOf(auth, q);
    const { tenantId: _t, ...scopeFilter } = s.filter;
    const extra = (q.breakdowns?.split(',') ?? []) as KpiGroupBy[];
    const groups = [...new Set([...(q.groupBy ? [q.groupBy] : []), ...extra])];
    const daily = await dailyFigures(db, auth.tenantId, {
      period: s.period,
      asOf: s.asOf,
      filter: scopeFilter,
      vendorId: s.vendorId ?? null,
      groups,
    });
    const head = {
      period: { from: s.period.from.toISOString(), to: s.period.to.toISOString() },
      asOf: s.asOf.toISOString(),
      filter: {
        vendorId: s.vendorId ?? null,
        stationId: q.stationId ?? null,
        areaId: q.areaId ?? null,
        engineerId: q.engineerId ?? null,
      },
      notYetMeasured: KPI_NOT_YET_MEASURED,
      targets: kpiTargets(await slaPolicies(db, auth.tenantId)),
    };
    if (daily) {
      const subscribers = await kpiSubscriberCounts(db, auth.tenantId);
      const groupsOf = (by: KpiGroupBy) => dailyGroups(daily.get(by)!, by, subscribers, s.filter, s.period);
      const first = groups[0];
      const whole = first ? wholeOf(daily.get(first)!) : (daily.get('none')!.get(null) ?? {});
      return {
        ...head,
        policy: { id: DEFAULT_KPI_POLICY.id, version: DEFAULT_KPI_POLICY.version },
        kpis: figuresFromDaily(whole, subscribers, s.filter),
        ...(q.groupBy ? { groupBy: q.groupBy, groups: groupsOf(q.groupBy) } : {}),
        ...(extra.length ? { breakdowns: Object.fromEntries(extra.map((by) => [by, groupsOf(by)])) } : {}),
      };
    }
    const { facts, options } = await factsOf(auth, s);
    const report = computeKpis(facts, options);
    const groupsOf = (by: KpiGroupBy) =>
      groupKpis(facts, by, options).map((g) => ({ key: g.key, kpis: directFigures(g.report) }));
    return {
      ...head,
      policy: report.policy,
      kpis: directFigures(report),
      ...(q.groupBy ? { groupBy: q.groupBy, groups: groupsOf(q.groupBy) } : {}),
      ...(extra.length ? { breakdowns: Object.fromEntries(extra.map((by) => [by, groupsOf(by)])) } : {}),
    };
  }

  /** The orders the drill-down shows, as the order list shows them to this viewer. */
  async function views(auth: AuthContext, ids: readonly string[]) {
    const viewer = viewerOf(auth);
    const stored = await getWorkOrders(db, auth.tenantId, ids);
    const byId = new Map(stored.filter((o) => canSeeOrder(o, viewer)).map((o) => [o.id, o]));
    const visible = ids.map((id) => byId.get(id)).filter((o) => o !== undefined);
    return reader.views(db, viewer, visible);
  }

  return {
    kpis,

    /**
     * KPI-01 drill-down: the orders behind one figure (of the whole scope or of one group of a
     * breakdown). Whole local days: the figure from the day pre-aggregates, the first `limit` orders
     * day by day (kpi-drill.reader.ts); otherwise computed directly. `total` counts the figure's
     * orders — for SLA compliance its clocks (an order may make two promises), as `totalOf` says.
     */
    async orders(auth: AuthContext, q: KpiDrillQuery) {
      const s = scopeOf(auth, q);
      const totalOf = q.key === 'sla_compliance_rate' ? ('clocks' as const) : ('orders' as const);
      if (isWholeLocalDays(s.period)) {
        const { key: _k, groupKey: _g, limit: _l, ...kq } = q;
        const answer = await kpis(auth, kq);
        const wantedGroup = q.groupKey === NO_GROUP_KEY ? null : (q.groupKey ?? null);
        const group = q.groupBy && q.groupKey !== undefined ? { by: q.groupBy, key: wantedGroup } : undefined;
        const figures = group ? answer.groups?.find((g) => g.key === group.key)?.kpis : answer.kpis;
        const figure = figures?.find((k) => k.key === q.key);
        if (!figure) return { key: q.key, value: null, numerator: 0, denominator: 0, total: 0, totalOf, items: [] };
        const drill = {
          period: s.period,
          asOf: s.asOf,
          key: q.key,
          scope: {
            ...(s.vendorId ? { vendorId: s.vendorId } : {}),
            ...(q.stationId ? { stationId: q.stationId } : {}),
            ...(q.areaId ? { areaId: q.areaId } : {}),
            ...(q.engineerId ? { holderId: q.engineerId } : {}),
          },
          ...(group ? { group } : {}),
        };
        const total =
          q.key === 'complaints_per_users'
            ? figure.numerator
            : q.key === 'reschedules_by_us'
              ? await drillHitsFromDaily(db, auth.tenantId, drill)
              : figure.denominator;
        const ids = await drillOrderIdsFromDaily(db, auth.tenantId, { ...drill, limit: q.limit });
        return {
          key: q.key,
          value: figure.value,
          numerator: figure.numerator,
          denominator: figure.denominator,
          total,
          totalOf,
          items: await views(auth, ids),
        };
      }
      const { facts, options } = await factsOf(auth, s);
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
      return {
        key: q.key,
        value: figure.value,
        numerator: figure.numerator,
        denominator: figure.denominator,
        total: totalOf === 'clocks' ? figure.denominator : figure.orderIds.length,
        totalOf,
        items: await views(auth, figure.orderIds.slice(0, q.limit)),
      };
    },
  };
}
