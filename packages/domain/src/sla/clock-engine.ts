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
  // SLA-02: a rule chosen by the order's contract says so in its explanation.
  if (facts.contract && (def.when.contracts || def.when.contractTerms)) {
    const { id, code, name } = facts.contract;
    rd.steps.unshift({ code: 'contract', params: { contractId: id, code, name } });
  }
  const measure = measureOf(def.deadline);
  const ruleAllowedMs = Math.max(0, measuredBetween(measure, cal, startMs, rd.dueMs));
  const appointment = appointmentFollowed(def, facts.appointment);
  const warnShare = def.warnShare ?? policy.warnShare;
  // Built in one go (not start-then-settle): this runs for every clock of every order.
  const t = computeTimes(
    {
      definition: def,
      measure,
      warnShare,
      startMs,
      ruleAllowedMs,
      consumedMs: 0,
      dueMs: rd.dueMs,
      warnMs: startMs,
      appointment,
      provisionalYears: NO_YEARS,
    },
    startMs,
    cal,
  );
  if (t.step) rd.steps.push(t.step);
  if (t.provisionalStep) rd.steps.push(t.provisionalStep);
  return {
    orderId: facts.orderId,
    kind: def.kind,
    ruleId: def.ruleId,
    policyId: policy.id,
    policyVersion: policy.version,
    definition: def,
    warnShare,
    calendarId: cal.id,
    timeZone: cal.timeZone,
    holidaySource: cal.official ? cal.official.id : null,
    measure,
    startedAt,
    dueAt: new Date(t.dueMs),
    warnAt: new Date(t.warnMs),
    ruleAllowedMs,
    allowedMs: t.allowedMs,
    consumedMs: 0,
    runningSince: startedAt,
    pausedIntervals: [],
    appointment,
    stoppedAt: null,
    stopReason: null,
    provisional: t.provisionalYears.length > 0,
    provisionalYears: t.provisionalYears,
    computedAt: now,
    lastEventAt: startedAt,
    steps: rd.steps,
  };
}

const NO_YEARS: readonly number[] = [];

/** Which appointment a clock follows: the window an appointment rule is about, or a customer's choice. */
export function appointmentFollowed(def: ClockDefinition, appt: SlaClock['appointment']): SlaClock['appointment'] {
  if (!appt) return null;
  if (def.deadline.kind === 'before_appointment') return appt;
  return def.followsCustomerAppointment && appt.chosenBy === 'customer' ? appt : null;
}

interface TimesInput {
  definition: ClockDefinition;
  measure: SlaClock['measure'];
  warnShare: number;
  startMs: number;
  ruleAllowedMs: number;
  consumedMs: number;
  /** The current due and warning instants (kept when the budget is already spent). */
  dueMs: number;
  warnMs: number;
  appointment: SlaClock['appointment'];
  provisionalYears: readonly number[];
}

interface Times {
  dueMs: number;
  warnMs: number;
  allowedMs: number;
  provisionalYears: readonly number[];
  step: ClockStep | null;
  provisionalStep: ClockStep | null;
}

/**
 * Due and warning instants of a running clock from its budget, from `segStartMs` (its start, a resume,
 * an appointment change). The deadline is the rule's remaining budget spent from there, or the end of
 * the customer's later appointment when the clock follows it; the warning is where the used share of
 * the allowed time reaches warnShare.
 */
function computeTimes(c: TimesInput, segStartMs: number, cal: BusinessCalendar): Times {
  const { measure, definition: def } = c;
  let step: ClockStep | null = null;
  let dueMs: number;
  if (def.deadline.kind === 'before_appointment') {
    // An absolute instant: pauses do not move it; only a new appointment does.
    dueMs = c.appointment ? c.appointment.start.getTime() - def.deadline.minutes * 60_000 : c.dueMs;
  } else {
    const ruleLeft = c.ruleAllowedMs - c.consumedMs;
    // Once the budget is spent the deadline has passed: it stays where it was, a pause cannot revive it.
    dueMs = ruleLeft > 0 ? addMeasured(measure, cal, segStartMs, ruleLeft) : c.dueMs;
    const appt = c.appointment;
    if (appt && appt.end.getTime() > dueMs) {
      dueMs = appt.end.getTime();
      step = {
        code: 'customer_appointment',
        params: { windowStartMs: appt.start.getTime(), windowEndMs: dueMs, dueMs },
      };
    }
  }
  const allowedMs = c.consumedMs + Math.max(0, measuredBetween(measure, cal, segStartMs, dueMs));
  // Whole milliseconds: a fractional instant would not survive a round trip through the database.
  // Rounded, not floored: 70 % of 48 h is 0.999… ms short in binary and must still read 11:36, not 11:35:59.999.
  const warnLine = Math.round(allowedMs * c.warnShare);
  const warnMs =
    c.consumedMs < warnLine
      ? addMeasured(measure, cal, segStartMs, warnLine - c.consumedMs)
      : Math.min(c.warnMs, segStartMs);
  let provisionalYears = c.provisionalYears;
  let provisionalStep: ClockStep | null = null;
  if (dependsOnHolidays(def.deadline)) {
    const years = missingYears(cal, c.startMs, dueMs);
    const added = years.filter((y) => !provisionalYears.includes(y));
    if (added.length > 0) {
      provisionalYears = [...provisionalYears, ...added].sort();
      provisionalStep = { code: 'provisional', params: { years: added.join(', ') } };
    }
  }
  return { dueMs, warnMs: Math.min(warnMs, dueMs), allowedMs, provisionalYears, step, provisionalStep };
}

/** A clock with due and warning instants recomputed from `segStartMs` (after a resume or a new appointment). */
export function settle(clock: SlaClock, segStartMs: number, cal: BusinessCalendar): SlaClock {
  const t = computeTimes(
    {
      ...clock,
      startMs: clock.startedAt.getTime(),
      dueMs: clock.dueAt.getTime(),
      warnMs: clock.warnAt.getTime(),
    },
    segStartMs,
    cal,
  );
  const steps = [...clock.steps];
  if (t.step) steps.push(t.step);
  if (t.provisionalStep) steps.push(t.provisionalStep);
  return {
    ...clock,
    dueAt: new Date(t.dueMs),
    warnAt: new Date(t.warnMs),
    allowedMs: t.allowedMs,
    provisional: t.provisionalYears.length > 0,
    provisionalYears: t.provisionalYears,
    steps,
  };
}

/** Years from a start to a deadline (local, in the calendar's zone) whose holidays are unknown. */
function missingYears(cal: BusinessCalendar, fromMs: number, toMs: number): number[] {
  const from = cal.dayAt(fromMs).year;
  const to = cal.dayAt(Math.max(fromMs, toMs)).year;
  if (from === to) return cal.coverage(from) === 'missing' ? [from] : [];
  return cal.missingYears(from, to);
}
