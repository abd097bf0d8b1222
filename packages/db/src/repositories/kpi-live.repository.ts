import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { OPEN_STATUSES } from '@daowei/domain';
import type { Db } from '../client.js';
import { borrowCards, borrowLines } from '../schema/parts.js';
import { slaClocks } from '../schema/sla-clocks.js';
import { arrivalDueSql, type KpiDailyPolicy } from './kpi-daily-rows.js';
import { dayStartSql, groupValueSql, scopeSql, type KpiScopeFilter } from './kpi-daily.repository.js';
import {
  distinctGroups,
  groupColumns,
  rowsOf,
  sumByGroups,
  type KpiDailyGroup,
  type KpiDailySum,
} from './kpi-grouping.js';

/**
 * KPI-01 parts of the figures that depend on "as of" and so cannot be stored by day, counted live from
 * the few rows still open; and the extra facts the direct computation (drill-down, odd periods) reads.
 */

const statuses = () =>
  sql.join(
    OPEN_STATUSES.map((st) => sql`${st}`),
    sql`, `,
  );

/**
 * On-time arrival: open orders nobody has reached yet whose window (plus grace) closed on `asOf`'s local
 * day, at or before `asOf`, by their appointment's day — denominator only (windows closed on an earlier
 * day are in kpi_daily). The open-appointment indexes (by window start / end) find them.
 */
export async function kpiOpenArrivalsPastWindow(
  db: Db,
  tenantId: string,
  s: { from: Date; to: Date; asOf: Date; vendorIds: readonly string[] },
  filter: KpiScopeFilter,
  p: KpiDailyPolicy,
  groups: readonly KpiDailyGroup[],
): Promise<KpiDailySum[]> {
  if (s.vendorIds.length === 0) return [];
  const gs = distinctGroups(groups);
  const vendors = sql.join(
    s.vendorIds.map((v) => sql`${v}::uuid`),
    sql`, `,
  );
  const dayStart = dayStartSql(s.asOf, p.timeZone);
  // The window's edge as an index range, so only that day's few open appointments are read.
  const edge = sql.raw(p.onTimeArrival.by === 'window_start' ? 'w.appointment_start' : 'w.appointment_end');
  return sumByGroups(
    db,
    sql`select 'on_time_arrival_rate' as kpi_key,
               ${groupColumns(gs, (g) => groupValueSql(g, sql.raw('w.appointment_start'), p.timeZone, 'w.'))}, 0 as num, 1 as den
          from work_orders w
         where w.tenant_id = ${tenantId} and w.vendor_id in (${vendors}) and w.status in (${statuses()})
           and w.completed_at is null and w.appointment_start >= ${s.from} and w.appointment_start < ${s.to}
           and ${arrivalDueSql(p, 'w.')} >= ${dayStart} and ${arrivalDueSql(p, 'w.')} <= ${s.asOf}
           and ${edge} >= ${dayStart} - make_interval(mins => ${p.onTimeArrival.graceMinutes})
           and ${edge} <= ${s.asOf}::timestamptz - make_interval(mins => ${p.onTimeArrival.graceMinutes})
           and not exists (select 1 from work_order_events e
                            where e.order_id = w.id and e.tenant_id = w.tenant_id and e.action = 'arrive')
           ${scopeSql(filter, 'w.')}`,
    gs,
  );
}

/**
 * SLA compliance: clocks still running that fell due on `asOf`'s local day before `asOf`, by their due
 * day — denominator only (a breach). Running clocks due on an earlier day, and clocks paused after their
 * due instant (SLA-09 clockStatus), are in kpi_daily.
 */
export async function kpiOverdueOpenClocks(
  db: Db,
  tenantId: string,
  s: { from: Date; to: Date; asOf: Date },
  filter: KpiScopeFilter,
  p: Pick<KpiDailyPolicy, 'timeZone'>,
  groups: readonly KpiDailyGroup[],
): Promise<KpiDailySum[]> {
  const gs = distinctGroups(groups);
  return sumByGroups(
    db,
    sql`select 'sla_compliance_rate' as kpi_key,
               ${groupColumns(gs, (g) => groupValueSql(g, sql.raw('c.due_at'), p.timeZone, 'w.'))}, 0 as num, 1 as den
          from sla_clocks c join work_orders w on w.tenant_id = c.tenant_id and w.id = c.order_id
         where c.tenant_id = ${tenantId} and c.state <> 'stopped' and c.due_at >= ${s.from} and c.due_at < ${s.to}
           and c.state <> 'paused' and c.due_at >= ${dayStartSql(s.asOf, p.timeZone)} and c.due_at < ${s.asOf}
           and w.status <> 'cancelled' ${scopeSql(filter, 'w.')}`,
    gs,
  );
}

/**
 * 万投比's user base: the tenant's customers, each counted for its area, the area's station and the
 * station's vendor (a customer without an area counts for the tenant only).
 */
export async function kpiSubscriberCounts(db: Db, tenantId: string) {
  const res = await db.execute(sql`
    select a.id as area_id, a.station_id, u.vendor_id, count(*)::int8 as n
      from customers c
      left join areas a on a.tenant_id = c.tenant_id and a.id = c.area_id
      left join org_units u on u.tenant_id = a.tenant_id and u.id = a.station_id
     where c.tenant_id = ${tenantId}
     group by 1, 2, 3`);
  return (
    rowsOf(res) as { area_id: string | null; station_id: string | null; vendor_id: string | null; n: string }[]
  ).map((r) => ({
    tenantId,
    vendorId: r.vendor_id,
    stationId: r.station_id,
    areaId: r.area_id,
    count: Number(r.n),
  }));
}

/** SLA clocks of orders as the KPI facts need them (SLA-02 outcome at an instant). */
export async function listKpiClocksOfOrders(db: Db, tenantId: string, orderIds: readonly string[]) {
  const out: {
    orderId: string;
    kind: string;
    dueAt: Date;
    state: string;
    stoppedAt: Date | null;
    pausedAt: Date | null;
    stopReason: string | null;
  }[] = [];
  for (let i = 0; i < orderIds.length; i += 10_000) {
    const rows = await db
      .select({
        orderId: slaClocks.orderId,
        kind: slaClocks.kind,
        dueAt: slaClocks.dueAt,
        state: slaClocks.state,
        stoppedAt: slaClocks.stoppedAt,
        pausedAt: slaClocks.pausedAt,
        stopReason: sql<string | null>`${slaClocks.engine}->>'stopReason'`,
      })
      .from(slaClocks)
      .where(and(eq(slaClocks.tenantId, tenantId), inArray(slaClocks.orderId, orderIds.slice(i, i + 10_000))))
      .orderBy(asc(slaClocks.orderId), asc(slaClocks.kind));
    out.push(...rows);
  }
  return out;
}

/** Borrow lines of orders with their card's issue instant (PART-05 parts hit). */
export async function listKpiPartLinesOfOrders(db: Db, tenantId: string, orderIds: readonly string[]) {
  const out: { orderId: string; cardId: string; issuedAt: Date; consumed: number }[] = [];
  for (let i = 0; i < orderIds.length; i += 10_000) {
    const rows = await db
      .select({
        orderId: borrowCards.orderId,
        cardId: borrowCards.id,
        issuedAt: borrowCards.issuedAt,
        consumed: borrowLines.consumed,
      })
      .from(borrowCards)
      .innerJoin(
        borrowLines,
        and(eq(borrowLines.tenantId, borrowCards.tenantId), eq(borrowLines.cardId, borrowCards.id)),
      )
      .where(and(eq(borrowCards.tenantId, tenantId), inArray(borrowCards.orderId, orderIds.slice(i, i + 10_000))));
    out.push(...rows);
  }
  return out;
}
