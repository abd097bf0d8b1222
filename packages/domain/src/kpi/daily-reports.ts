import { addDays, zonedDateTime } from '../shared/local-time.js';
import type { WorkOrderStatus, WorkOrderType } from '../work-order/work-order.types.js';
import { sameLocalTimeDaysLater } from './kpi-indicators.js';

/**
 * KPI-02 装机日报 and KPI-03 station status log: what a station reports at the end of a local day.
 * Pure: the caller passes the orders, the day, the zone and the install limit (policy data).
 */
export interface ReportOrder {
  id: string;
  number: string;
  type: WorkOrderType;
  status: WorkOrderStatus;
  stationId: string | null;
  holderId: string | null;
  acceptedAt: Date;
  completedAt: Date | null;
  appointment: { start: Date; end: Date } | null;
  suspendReason: string | null;
  /** The order has been reopened (callback, complaint) at least once. */
  reopened?: boolean;
}

export type ProblemKind = 'overdue' | 'suspended' | 'reopened';

export interface InstallReportRow {
  stationId: string | null;
  /** Installs accepted during the day. */
  received: number;
  /** Installs completed during the day. */
  completed: number;
  /** Installs still open at the end of the day (accepted before its end, not completed by then). */
  open: number;
  /** Of those, past the install limit at the end of the day. */
  overdue: number;
  /** Of those, problem orders: past the limit, on hold or reopened (the report's problem list). */
  problems: number;
}

export interface ProblemOrder {
  orderId: string;
  number: string;
  stationId: string | null;
  problems: ProblemKind[];
  /** Why it is a problem, for the report's notes column (suspend reason when suspended). */
  note: string;
  acceptedAt: Date;
}

export interface DailyInstallReport {
  day: string;
  rows: InstallReportRow[];
  totals: Omit<InstallReportRow, 'stationId'>;
  problems: ProblemOrder[];
}

/**
 * Why an install still open at `end` (the end of the report's day) is a KPI-02 problem order: past its
 * N-day deadline by then, on hold, or reopened (none: not a problem).
 */
export function problemKinds(
  o: Pick<ReportOrder, 'acceptedAt' | 'status' | 'reopened'>,
  end: Date,
  timeZone: string,
  installWithinDays: number,
): ProblemKind[] {
  const kinds: ProblemKind[] = [];
  const due = sameLocalTimeDaysLater(o.acceptedAt, installWithinDays, timeZone);
  if (due.getTime() <= end.getTime()) kinds.push('overdue');
  if (o.status === 'suspended') kinds.push('suspended');
  if (o.reopened) kinds.push('reopened');
  return kinds;
}

/** KPI-02's totals line: the station rows summed. */
export const reportTotals = (rows: readonly InstallReportRow[]): DailyInstallReport['totals'] =>
  rows.reduce(
    (t, r) => ({
      received: t.received + r.received,
      completed: t.completed + r.completed,
      open: t.open + r.open,
      overdue: t.overdue + r.overdue,
      problems: t.problems + r.problems,
    }),
    { received: 0, completed: 0, open: 0, overdue: 0, problems: 0 },
  );

/** Oldest acceptance first, then by id: a stable order a store can page through. */
export const oldestFirst = (a: { acceptedAt: Date; orderId: string }, b: { acceptedAt: Date; orderId: string }) =>
  a.acceptedAt.getTime() - b.acceptedAt.getTime() || (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0);

/** Stations by id, the orders nobody has placed at a station (null) last. */
const byStation = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

const dayBounds = (day: string, tz: string) => ({
  start: zonedDateTime(day, '00:00', tz),
  end: zonedDateTime(addDays(day, 1), '00:00', tz),
});
const within = (at: Date | null, b: { start: Date; end: Date }) =>
  at != null && at.getTime() >= b.start.getTime() && at.getTime() < b.end.getTime();

/** Open at the end of the day: accepted before it ended, not cancelled, not completed before it ended. */
const openAtEnd = (o: ReportOrder, end: Date) =>
  o.status !== 'cancelled' &&
  o.acceptedAt.getTime() < end.getTime() &&
  (o.completedAt == null || o.completedAt.getTime() >= end.getTime());

/** KPI-02: per station, installs received, completed, open and overdue, plus the problem orders with notes. */
export function dailyInstallReport(
  orders: readonly ReportOrder[],
  day: string,
  timeZone: string,
  installWithinDays: number,
): DailyInstallReport {
  const b = dayBounds(day, timeZone);
  const installs = orders.filter((o) => o.type === 'install' && o.status !== 'cancelled');
  const rows = new Map<string | null, InstallReportRow>();
  const row = (stationId: string | null) => {
    let r = rows.get(stationId);
    if (!r) rows.set(stationId, (r = { stationId, received: 0, completed: 0, open: 0, overdue: 0, problems: 0 }));
    return r;
  };
  const problems: ProblemOrder[] = [];
  for (const o of installs) {
    const r = row(o.stationId);
    if (within(o.acceptedAt, b)) r.received += 1;
    if (within(o.completedAt, b)) r.completed += 1;
    if (!openAtEnd(o, b.end)) continue;
    r.open += 1;
    const kinds = problemKinds(o, b.end, timeZone, installWithinDays);
    if (kinds.includes('overdue')) r.overdue += 1;
    if (kinds.length > 0) {
      r.problems += 1;
      problems.push({
        orderId: o.id,
        number: o.number,
        stationId: o.stationId,
        problems: kinds,
        note: o.suspendReason ?? '',
        acceptedAt: o.acceptedAt,
      });
    }
  }
  // A station with nothing received, completed or open that day has nothing to report.
  const list = [...rows.values()]
    .filter((r) => r.received + r.completed + r.open > 0)
    .sort((a, b2) => byStation(a.stationId, b2.stationId));
  const totals = reportTotals(list);
  // The longest waiting first: the order a station works its backlog in.
  problems.sort(oldestFirst);
  return { day, rows: list, totals, problems };
}

export interface StationLogEntry {
  orderId: string;
  number: string;
  type: WorkOrderType;
  status: WorkOrderStatus;
  holderId: string | null;
  appointment: { start: Date; end: Date } | null;
  /** KPI-03: true when the order was not finished by the end of the day — shown in red. */
  unfinished: boolean;
  acceptedAt: Date;
}

/**
 * KPI-03 station status log of a day: the orders the station worked on that day — due that day by
 * appointment, completed that day, or still open at its end — each marked unfinished (red) when it was
 * still open at the end of the day. Unfinished first, each part oldest first (then by id).
 */
export function stationStatusLog(orders: readonly ReportOrder[], day: string, timeZone: string): StationLogEntry[] {
  const b = dayBounds(day, timeZone);
  return orders
    .filter(
      (o) =>
        o.status !== 'cancelled' &&
        (openAtEnd(o, b.end) || within(o.completedAt, b) || within(o.appointment?.start ?? null, b)),
    )
    .map((o) => ({
      orderId: o.id,
      number: o.number,
      type: o.type,
      status: o.status,
      holderId: o.holderId,
      appointment: o.appointment,
      unfinished: openAtEnd(o, b.end),
      acceptedAt: o.acceptedAt,
    }))
    .sort((a, b2) => Number(b2.unfinished) - Number(a.unfinished) || oldestFirst(a, b2));
}
