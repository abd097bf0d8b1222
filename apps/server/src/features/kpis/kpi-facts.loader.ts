import {
  listCallbackTasksOfOrders,
  listKpiClocksOfOrders,
  listKpiPartLinesOfOrders,
  listOrderEventsByAction,
  listOrdersForKpi,
  type Db,
} from '@daowei/db';
import type { KpiOrderFacts, KpiPeriod } from '@daowei/domain';
import { KPI_EVENT_ACTIONS, kpiFactsOf } from './kpi-facts.mapper.js';

function groupByOrder<T extends { orderId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.orderId);
    if (list) list.push(r);
    else out.set(r.orderId, [r]);
  }
  return out;
}

/**
 * KPI-01 direct computation's input: the period's orders of a scope and every record their facts are
 * read from (lifecycle events, callback tasks, SLA clocks, borrow lines), grouped once per order —
 * filtering each order's rows out of the whole list is quadratic at scale.
 */
export async function loadKpiRecords(
  db: Db,
  tenantId: string,
  scope: KpiPeriod & { vendorId?: string; stationId?: string; areaId?: string },
) {
  const orders = await listOrdersForKpi(db, tenantId, scope);
  const ids = orders.map((o) => o.id);
  const events = await listOrderEventsByAction(db, tenantId, ids, KPI_EVENT_ACTIONS);
  const tasks = await listCallbackTasksOfOrders(db, tenantId, ids);
  const clocks = await listKpiClocksOfOrders(db, tenantId, ids);
  const parts = await listKpiPartLinesOfOrders(db, tenantId, ids);
  return {
    orders,
    eventsOf: groupByOrder(events),
    tasksOf: groupByOrder(tasks),
    clocksOf: groupByOrder(clocks),
    partsOf: groupByOrder(parts),
  };
}

/** The facts of the loaded orders, SLA clocks judged at `asOf`. */
export function kpiFactsAt(r: Awaited<ReturnType<typeof loadKpiRecords>>, asOf: Date): KpiOrderFacts[] {
  return r.orders.map((o) =>
    kpiFactsOf(o, r.eventsOf.get(o.id) ?? [], r.tasksOf.get(o.id) ?? [], {
      clocks: r.clocksOf.get(o.id) ?? [],
      partLines: r.partsOf.get(o.id) ?? [],
      asOf,
    }),
  );
}
