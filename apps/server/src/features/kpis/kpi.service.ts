import { listCallbackTasksOfOrders, listOrderEventsByAction, listOrdersForKpi, type Db } from '@daowei/db';
import {
  computeKpis,
  DomainError,
  groupKpis,
  isSupervisor,
  KPI_KEYS,
  type KpiFilter,
  type KpiReport,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import { KPI_EVENT_ACTIONS, KPI_NOT_YET_MEASURED, kpiFactsOf } from './kpi-facts.mapper.js';
import type { KpiQuery } from './kpi.schemas.js';

export type KpiService = ReturnType<typeof createKpiService>;

/**
 * KPI-01 on the server: facts are built from stored orders, their events and callback tasks
 * (kpi-facts.mapper.ts), then the domain's one definition per indicator computes every figure. Direct
 * computation over the period's orders; day pre-aggregates (issue 7's benchmark) come later.
 */
export function createKpiService({ db, clock }: { db: Db; clock: Clock }) {
  function present(r: KpiReport) {
    return KPI_KEYS.map((k) => {
      const v = r.kpis[k];
      return {
        key: k,
        ruleIds: v.ruleIds,
        label: v.label,
        formula: v.formula,
        unit: v.unit,
        value: v.value,
        numerator: v.numerator,
        denominator: v.denominator,
        orderIds: v.orderIds,
      };
    });
  }

  return {
    async kpis(auth: AuthContext, q: KpiQuery) {
      if (!isSupervisor(auth.position)) {
        throw new DomainError('FORBIDDEN', 'KPIs are for coordinators and managers', { position: auth.position });
      }
      // SEC-02: vendor staff measure their own vendor only.
      if (auth.vendorId && q.vendorId && q.vendorId !== auth.vendorId) {
        throw new DomainError('FORBIDDEN', 'Vendor staff see their own vendor’s KPIs', { field: 'vendorId' });
      }
      const vendorId = auth.vendorId ?? q.vendorId;
      const period = { from: new Date(q.from), to: new Date(q.to) };
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
      const facts = orders.map((o) => kpiFactsOf(o, events, tasks));
      const filter: KpiFilter = {
        tenantId: auth.tenantId,
        ...(vendorId ? { vendorId } : {}),
        ...(q.stationId ? { stationId: q.stationId } : {}),
        ...(q.areaId ? { areaId: q.areaId } : {}),
        ...(q.engineerId ? { holderId: q.engineerId } : {}),
      };
      const options = { period, filter, asOf };
      const report = computeKpis(facts, options);
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
        kpis: present(report),
        ...(q.groupBy
          ? {
              groupBy: q.groupBy,
              groups: groupKpis(facts, q.groupBy, options).map((g) => ({ key: g.key, kpis: present(g.report) })),
            }
          : {}),
      };
    },
  };
}
