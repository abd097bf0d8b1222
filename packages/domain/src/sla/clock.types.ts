import type { Priority, SuspendReason, WorkOrderType } from '../work-order/work-order.types.js';
import type { ClockAnchor, ClockDefinition } from './sla-policy.js';

/** The facts of an order that decide which clocks it gets and when they are due (SLA-02 "inputs"). */
export interface SlaOrderFacts {
  orderId: string;
  tenantId: string;
  vendorId: string;
  areaId: string | null;
  type: WorkOrderType;
  priority: Priority;
  /** How the request came in: 'hotline', 'service_office', 'app', 'operator', … */
  channel: string | null;
  /** ORG-04 coverage of the address, when known. */
  coverage: 'inside' | 'near' | 'not_covered' | null;
  /** The service contract the order names (SLA-02 "by contract"), null for none. */
  contract: SlaContractRef | null;
  /** Terms of the customer's contract that switch promises on, e.g. 'urgent_repair'. */
  contractTerms: readonly string[];
  /** Order flags a selector can ask for, e.g. 'hard_question'. */
  tags: readonly string[];
  acceptedAt: Date;
  /** The agreed visit window and who chose it (SLA-04: a customer's later choice moves the deadline). */
  appointment: SlaAppointment | null;
  /** Other anchors, present once they happened (damage reported, phone guidance ended, …). */
  moments: Partial<Record<Exclude<ClockAnchor, 'accepted'>, Date>>;
}

export interface SlaContractRef {
  id: string;
  code: string;
  name: string;
}

export interface SlaAppointment {
  start: Date;
  end: Date;
  chosenBy: 'customer' | 'us';
}

export type ClockMeasure = 'elapsed' | 'working';

export interface PausedInterval {
  from: Date;
  /** null while the pause lasts. */
  to: Date | null;
  reason: SuspendReason;
}

/**
 * One step of how a deadline came about, as data: `explainClock` renders it in zh-CN and en. Instants
 * are epoch ms in params ending in `Ms` (formatting waits for explainClock, off the hot path). The
 * policy, calendar and start steps are not stored: explainClock derives them from the clock's fields.
 */
export interface ClockStep {
  code: StepCode;
  params: Record<string, string | number | boolean | null>;
}

export type StepCode =
  | 'policy'
  | 'contract'
  | 'calendar'
  | 'anchor'
  | 'add_elapsed'
  | 'add_calendar_days'
  | 'add_working_time'
  | 'add_working_days'
  | 'cutoff'
  | 'skipped_days'
  | 'before_appointment'
  | 'customer_appointment'
  | 'provisional'
  | 'warning'
  | 'paused'
  | 'pause_not_allowed'
  | 'resumed'
  | 'appointment_changed'
  | 'stopped'
  | 'reevaluated';

/**
 * A running promise of one order (SLA-02/09). It carries the definition it was started with and the
 * policy version, so a newer policy never moves it unless `reevaluateClock` is called.
 *
 * Budget model: `allowedMs` is the time the promise allows, measured in `measure` (wall time, or working
 * time of the calendar); `consumedMs` is what was used up to `runningSince` (or up to the pause). While
 * running, dueAt = runningSince + (allowed − consumed) in that measure, so a pause simply stops the
 * consumption and resuming moves the deadline by exactly the paused amount of the measure.
 */
export interface SlaClock {
  orderId: string;
  kind: string;
  ruleId: string;
  policyId: string;
  policyVersion: number;
  definition: ClockDefinition;
  warnShare: number;
  calendarId: string;
  timeZone: string;
  /** The official holiday dataset the calendar followed (e.g. 'cn-mainland'), null for none. */
  holidaySource: string | null;
  measure: ClockMeasure;
  startedAt: Date;
  dueAt: Date;
  warnAt: Date;
  /** The rule's own budget, before a customer's appointment widened it. */
  ruleAllowedMs: number;
  allowedMs: number;
  consumedMs: number;
  /** Start of the current running segment; null while paused or stopped. */
  runningSince: Date | null;
  pausedIntervals: readonly PausedInterval[];
  /** The customer's chosen appointment, for clocks that follow it. */
  appointment: SlaAppointment | null;
  stoppedAt: Date | null;
  stopReason: 'completed' | 'cancelled' | null;
  /** SLA-01: the deadline lies in a year without official holiday data (or depends on one). */
  provisional: boolean;
  provisionalYears: readonly number[];
  /** When the clock was computed (the `now` given to startClocks). */
  computedAt: Date;
  /** Time of the last event applied; events are applied in time order. */
  lastEventAt: Date;
  steps: readonly ClockStep[];
}

export type ClockEvent =
  | { type: 'pause'; at: Date; reason: SuspendReason }
  | { type: 'resume'; at: Date }
  | { type: 'appointment_changed'; at: Date; appointment: SlaAppointment | null }
  | { type: 'stop'; at: Date; reason: 'completed' | 'cancelled' };

export type ClockState = 'running' | 'paused' | 'warning' | 'breached' | 'met' | 'cancelled';

export interface ClockStatus {
  state: ClockState;
  dueAt: Date;
  warnAt: Date;
  /**
   * Time left: while running, wall time until dueAt (negative once breached); while paused, the
   * remaining budget in the clock's measure; once stopped, how early (positive) or late it stopped.
   */
  msLeft: number;
  measure: ClockMeasure;
  provisional: boolean;
}
