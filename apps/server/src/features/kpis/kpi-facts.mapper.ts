import type { StoredCallbackTask, StoredWorkOrder } from '@daowei/db';
import {
  kpiClockOutcome,
  partsHitOf,
  type KpiClockRecord,
  type KpiKey,
  type KpiOrderFacts,
  type KpiPartLine,
} from '@daowei/domain';

/** The lifecycle events KPI facts are read from. */
export const KPI_EVENT_ACTIONS = ['arrive', 'reopen', 'reschedule', 'no_access'] as const;

export interface KpiEventRow {
  orderId: string;
  action: string;
  at: Date;
  payload: Record<string, unknown>;
}

/**
 * Indicators whose inputs the stored data does not carry. Every KPI-01 indicator has its source now
 * (SLA clocks, borrow cards, customers); the list stays in the API so a future one can say so.
 */
export const KPI_NOT_YET_MEASURED: readonly { key: KpiKey; reason: string }[] = [];

/** Records beside the order's events and tasks (optional: without them, no clocks and no parts). */
export interface KpiOrderExtras {
  clocks?: readonly KpiClockRecord[];
  partLines?: readonly KpiPartLine[];
  /** The instant the clocks are judged at (the report's asOf). */
  asOf: Date;
}

/**
 * KPI-01 facts of one stored order, from the order row, its lifecycle events and its callback tasks:
 * - arrivedAt: the first `arrive` event (the phone's time of arrival when it waited offline, ENG-07);
 * - firstVisitResolved: one arrival and never reopened (unknown when nobody arrived: no visit recorded);
 * - reschedulesByUs: `reschedule` events asked by us (SLA-07);
 * - callback: required when a satisfaction callback task exists; done and its answer from the latest
 *   task (tasks come ordered by creation; an unreachable one is not done) (CB-01/02).
 * - noAccessAttempts: `no_access` events (APT-03 上门不遇);
 * - slaClocks: each clock's outcome at asOf (kpiClockOutcome); partsHit: partsHitOf its borrow lines.
 */
export function kpiFactsOf(
  order: StoredWorkOrder,
  events: readonly KpiEventRow[],
  tasks: readonly StoredCallbackTask[],
  extras?: KpiOrderExtras,
): KpiOrderFacts {
  const mine = events.filter((e) => e.orderId === order.id);
  const arrivals = mine.filter((e) => e.action === 'arrive');
  const reopens = mine.filter((e) => e.action === 'reopen').length;
  const callbacks = tasks.filter((t) => t.orderId === order.id && t.kind === 'satisfaction');
  // The latest task speaks for the order: after a reopen and a new completion, the new callback is owed.
  const latest = callbacks[callbacks.length - 1];
  const done = latest?.state === 'done';
  return {
    id: order.id,
    tenantId: order.tenantId,
    vendorId: order.vendorId,
    stationId: order.stationId,
    areaId: order.areaId,
    holderId: order.holderId,
    type: order.type,
    status: order.status,
    acceptedAt: order.acceptedAt,
    completedAt: order.completedAt,
    closedAt: order.closedAt,
    appointment: order.appointment,
    arrivedAt: arrivals[0] ? arrivalTime(arrivals[0]) : null,
    firstVisitResolved: arrivals.length === 0 ? null : arrivals.length === 1 && reopens === 0,
    repeatOfOrderId: order.repeatOfOrderId,
    reschedulesByUs: mine.filter((e) => e.action === 'reschedule' && e.payload.askedBy === 'us').length,
    noAccessAttempts: mine.filter((e) => e.action === 'no_access').length,
    callback: {
      required: callbacks.length > 0,
      done,
      satisfaction: done ? (latest.satisfaction ?? null) : null,
    },
    partsHit: partsHitOf(extras?.partLines ?? []),
    slaClocks: extras ? (extras.clocks ?? []).map((c) => kpiClockOutcome(c, extras.asOf)) : [],
  };
}

/** ENG-07: the instant the arrive event records as the arrival (its `arrivedAt`), else when it was recorded. */
function arrivalTime(e: KpiEventRow): Date {
  const at = typeof e.payload.arrivedAt === 'string' ? new Date(e.payload.arrivedAt) : null;
  return at && !Number.isNaN(at.getTime()) ? at : e.at;
}
