import type { Position } from '../org/positions.js';
import type { Priority, WorkOrderType } from '../work-order/work-order.types.js';

/**
 * DSP-03/04 numbers as data (architecture: policies are data, never literals in code). Orders do not
 * store the skills or the time a visit needs: both follow from the order's type and product here, so a
 * tenant can change them without touching stored orders. Versioned like the parts policy.
 */
export interface DispatchPolicy {
  version: number;
  /** Who may plan a station's day, apply a plan and ask for a DSP-04 verdict. */
  plannerPositions: readonly Position[];
  /** ORG-03: skills every order of a type needs. */
  skillsByType: Readonly<Partial<Record<WorkOrderType, readonly string[]>>>;
  /** Extra skills when the order's product name contains the key (e.g. IPTV → iptv). */
  skillsByProduct: Readonly<Record<string, readonly string[]>>;
  /** Minutes on site per order type; `defaultServiceMinutes` otherwise. */
  serviceMinutesByType: Readonly<Partial<Record<WorkOrderType, number>>>;
  defaultServiceMinutes: number;
  /** APT-04: minutes past the window end a planned start may be, priced as lateness. */
  softLateMinutes: number;
  /** A break inside every shift that spans it, in local "HH:mm" (ORG-06 shifts have no stored breaks yet). */
  lunchBreak: { earliest: string; latest: string; minutes: number };
  /** How long a planning request may search before answering with the best plan so far. */
  planTimeLimitMs: number;
  /** Improvement rounds cap: with it a plan of the same data is the same plan, however fast the server. */
  planMaxIterations: number;
  /** DSP-03: how long inserting urgent work into a running day may search (it changes as little as needed). */
  replanTimeLimitMs: number;
  /** Days with at least this many orders are planned on a worker thread (starting one costs ~0.3 s). */
  workerMinOrders: number;
  /** A fixed seed keeps two plans of the same data the same (the board must not flicker). */
  seed: number;
  /** APT-01: the windows offered to customers, local "HH:mm", `minutes` long, back to back. */
  appointmentSlots: { from: string; to: string; minutes: number };
  /** APT-01: a "call back at T" must lie within this many minutes from the call. */
  maxCallBackMinutes: number;
  /** SLA-07: order types that are planned visits (a change needs the longer notice). */
  plannedVisitTypes: readonly WorkOrderType[];
  /** DSP-02: outstanding orders accepted within this many days before the day come first at start of day. */
  startOfDayLookbackDays: number;
  /** DSP-05: priorities whose same-day dispatch notifies the engineer at once. */
  notifyNowPriorities: readonly Priority[];
  /** DSP-01: an order is at risk on the board when its SLA deadline is within this many minutes. */
  atRiskMinutes: number;
  /** DSP-03/SLA-05: SLA clocks that stop on these events bind the visit and become the planner's due times (hand-off and first-contact clocks do not). */
  visitDueClockStops: readonly string[];
  /** DSP-01: who may record the parts an order needs (the desk that diagnosed it, planners, the store). */
  partNeedsPositions: readonly Position[];
  /** DSP-03: a plan leaves orders whose needed parts are short unplanned unless the planner says otherwise. */
  planRequiresParts: boolean;
  /** DSP-03 "an order runs long": the most extra minutes one overrun may add. */
  maxOverrunMinutes: number;
}

export const DEFAULT_DISPATCH_POLICY: DispatchPolicy = {
  version: 1,
  plannerPositions: ['coordinator', 'station_manager'],
  skillsByType: { install: ['broadband_install'], fault: ['fault_repair'] },
  skillsByProduct: { IPTV: ['iptv'], 政企专线: ['enterprise_line'] },
  serviceMinutesByType: { install: 90, fault: 60, complaint: 45 },
  defaultServiceMinutes: 60,
  softLateMinutes: 30,
  lunchBreak: { earliest: '11:30', latest: '13:30', minutes: 45 },
  planTimeLimitMs: 3_000,
  planMaxIterations: 5_000,
  seed: 1,
  workerMinOrders: 150,
  replanTimeLimitMs: 800,
  appointmentSlots: { from: '08:00', to: '20:00', minutes: 120 },
  maxCallBackMinutes: 7 * 24 * 60,
  plannedVisitTypes: ['inspection', 'care_visit'],
  startOfDayLookbackDays: 2,
  notifyNowPriorities: ['urgent'],
  atRiskMinutes: 120,
  visitDueClockStops: ['arrived', 'completed'],
  partNeedsPositions: ['hotline_agent', 'coordinator', 'station_manager', 'parts_clerk', 'team_lead'],
  planRequiresParts: true,
  maxOverrunMinutes: 480,
};
