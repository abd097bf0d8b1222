import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { DomainError } from '../shared/errors.js';
import type { ClockMeasure, ClockStep, SlaClock, SlaOrderFacts } from './clock.types.js';
import { dependsOnHolidays, measureOf, ruleDeadline } from './deadline.js';
import { matchesSelector } from './selectors.js';
import type { ClockAnchor, ClockDefinition, SlaPolicy } from './sla-policy.js';

/**
 * SLA-02/09 clock engine, starting side: which clocks an order gets and their first deadlines. Pure:
 * the caller passes the policy, the area's calendar and `now`; the server persists the clocks and
 * schedules their warning and breach instants as jobs.
 */

/** Adds an amount of the measure to an instant: wall time, or working time of the calendar. */
export function addMeasured(measure: ClockMeasure, cal: BusinessCalendar, fromMs: number, ms: number): number {
  return measure === 'elapsed' ? fromMs + ms : cal.addWorkingMs(fromMs, ms);
}

/** The amount of the measure between two instants. */
export function measuredBetween(measure: ClockMeasure, cal: BusinessCalendar, aMs: number, bMs: number): number {
  return measure === 'elapsed' ? bMs - aMs : cal.workingMsBetween(aMs, bMs);
}

function anchorOf(facts: SlaOrderFacts, anchor: ClockAnchor): Date | undefined {
  return anchor === 'accepted' ? facts.acceptedAt : facts.moments[anchor];
}

/** Every clock the policy gives this order whose start has happened. */
export function startClocks(facts: SlaOrderFacts, policy: SlaPolicy, cal: BusinessCalendar, now: Date): SlaClock[] {
  const clocks: SlaClock[] = [];
  for (const def of policy.clocks) {
    if (!matchesSelector(def.when, facts)) continue;
    const at = anchorOf(facts, def.anchor);
    if (!at) continue;
    const clock = startClock(def, policy, facts, cal, at, now);
    if (clock) clocks.push(clock);
  }
  return clocks;
}

/** One clock from one definition; null when the rule cannot apply (an appointment rule, no appointment). */
export function startClock(
  def: ClockDefinition,
  policy: Pick<SlaPolicy, 'id' | 'version' | 'warnShare'>,
  facts: SlaOrderFacts,
  cal: BusinessCalendar,
  startedAt: Date,
  now: Date,
): SlaClock | null {
  const startMs = startedAt.getTime();
  if (Number.isNaN(startMs) || Number.isNaN(now.getTime())) {
    throw new DomainError('VALIDATION_FAILED', 'A clock needs valid start and current times', { field: 'at' });
  }
  const rd = ruleDeadline(def.deadline, startMs, cal, facts.appointment);
  if (Number.isNaN(rd.dueMs)) return null;
  const measure = measureOf(def.deadline);
  const ruleAllowedMs = Math.max(0, measuredBetween(measure, cal, startMs, rd.dueMs));
  const official = cal.official;
  const steps: ClockStep[] = [
    {
      code: 'policy',
      params: {
        policyId: policy.id,
        version: policy.version,
        kind: def.kind,
        ruleId: def.ruleId,
        computedAtMs: now.getTime(),
      },
    },
    {
      code: 'calendar',
      params: { calendarId: cal.id, timeZone: cal.timeZone, officialSource: official ? official.id : null },
    },
    { code: 'anchor', params: { anchor: def.anchor, atMs: startMs } },
    ...rd.steps,
  ];
  const clock: SlaClock = {
    orderId: facts.orderId,
    kind: def.kind,
    ruleId: def.ruleId,
    policyId: policy.id,
    policyVersion: policy.version,
    definition: def,
    warnShare: def.warnShare ?? policy.warnShare,
    calendarId: cal.id,
    timeZone: cal.timeZone,
    measure,
    startedAt,
    dueAt: new Date(rd.dueMs),
    warnAt: startedAt,
    ruleAllowedMs,
    allowedMs: ruleAllowedMs,
    consumedMs: 0,
    runningSince: startedAt,
    pausedIntervals: [],
    appointment: appointmentFollowed(def, facts.appointment),
    stoppedAt: null,
    stopReason: null,
    provisional: false,
    provisionalYears: [],
    lastEventAt: startedAt,
    steps,
  };
  return settle(clock, startMs, cal);
}

/** Which appointment a clock follows: the window an appointment rule is about, or a customer's choice. */
export function appointmentFollowed(def: ClockDefinition, appt: SlaClock['appointment']): SlaClock['appointment'] {
  if (!appt) return null;
  if (def.deadline.kind === 'before_appointment') return appt;
  return def.followsCustomerAppointment && appt.chosenBy === 'customer' ? appt : null;
}

/**
 * Recomputes due and warning instants of a running clock from its budget, from `segStartMs` (its start,
 * a resume, an appointment change). The deadline is the rule's budget spent from here, or the end of
 * the customer's later appointment when the clock follows it; the warning is where the used share of
 * the allowed time reaches warnShare.
 */
export function settle(clock: SlaClock, segStartMs: number, cal: BusinessCalendar): SlaClock {
  const { measure, definition: def } = clock;
  const steps = [...clock.steps];
  let dueMs: number;
  if (def.deadline.kind === 'before_appointment') {
    // An absolute instant: pauses do not move it; only a new appointment does.
    dueMs = clock.appointment
      ? clock.appointment.start.getTime() - def.deadline.minutes * 60_000
      : clock.dueAt.getTime();
  } else {
    const ruleLeft = clock.ruleAllowedMs - clock.consumedMs;
    // Once the budget is spent the deadline has passed: it stays where it was, a pause cannot revive it.
    dueMs = ruleLeft > 0 ? addMeasured(measure, cal, segStartMs, ruleLeft) : clock.dueAt.getTime();
    const appt = clock.appointment;
    if (appt && appt.end.getTime() > dueMs) {
      dueMs = appt.end.getTime();
      steps.push({
        code: 'customer_appointment',
        params: { windowStartMs: appt.start.getTime(), windowEndMs: appt.end.getTime(), dueMs },
      });
    }
  }
  const allowedMs = clock.consumedMs + Math.max(0, measuredBetween(measure, cal, segStartMs, dueMs));
  // Whole milliseconds: a fractional instant would not survive a round trip through the database.
  const warnLine = Math.floor(allowedMs * clock.warnShare);
  const warnMs =
    clock.consumedMs < warnLine
      ? addMeasured(measure, cal, segStartMs, warnLine - clock.consumedMs)
      : Math.min(clock.warnAt.getTime(), segStartMs);
  const years = dependsOnHolidays(def.deadline) ? missingYears(cal, clock.startedAt.getTime(), dueMs) : [];
  const provisionalYears = [...new Set([...clock.provisionalYears, ...years])].sort();
  if (years.length > 0 && !clock.provisional) steps.push({ code: 'provisional', params: { years: years.join(', ') } });
  return {
    ...clock,
    dueAt: new Date(dueMs),
    warnAt: new Date(Math.min(warnMs, dueMs)),
    allowedMs,
    provisional: provisionalYears.length > 0,
    provisionalYears,
    steps,
  };
}

/** Years from a start to a deadline (local, in the calendar's zone) whose holidays are unknown. */
function missingYears(cal: BusinessCalendar, fromMs: number, toMs: number): number[] {
  const from = Number(cal.dayAt(fromMs).date.slice(0, 4));
  const to = Number(cal.dayAt(Math.max(fromMs, toMs)).date.slice(0, 4));
  return from === to ? (cal.coverage(from) === 'missing' ? [from] : []) : cal.missingYears(from, to);
}
