import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { DomainError } from '../shared/errors.js';
import type { DeadlineRule } from '../sla/sla-policy.js';
import type { SlaPolicy } from '../sla/sla-policy.js';
import type { DeskTaskKind } from './intake.js';

/**
 * The desk's promises take their numbers from the SLA policy pack, so there is one place to change
 * them: DESK-02's callback is the `guidance_callback` clock (2 h), DESK-05's reply the `hard_question`
 * clock (1 working day), DESK-03's pickup promise the `carry_in_repair` clock (3 working days).
 */
const CLOCK_OF: Readonly<Record<DeskTaskKind | 'carry_in_promise', string>> = {
  guidance_callback: 'guidance_callback',
  knowledge_reply: 'hard_question',
  carry_in_promise: 'carry_in_repair',
};

function ruleOf(policy: SlaPolicy, kind: keyof typeof CLOCK_OF): DeadlineRule {
  const clock = policy.clocks.find((c) => c.kind === CLOCK_OF[kind]);
  if (!clock) throw new DomainError('INTERNAL', `The SLA policy has no ${CLOCK_OF[kind]} clock`, { kind });
  return clock.deadline;
}

function apply(rule: DeadlineRule, from: Date, calendar: BusinessCalendar): Date {
  switch (rule.kind) {
    case 'elapsed':
      return new Date(from.getTime() + rule.minutes * 60_000);
    case 'calendar_days':
      return new Date(from.getTime() + rule.days * 86_400_000);
    case 'working_time':
      return calendar.addWorkingTime(from, rule.minutes);
    case 'working_days':
      return calendar.addWorkingDays(from, rule.days);
    default:
      throw new DomainError('INTERNAL', `A desk promise cannot use a ${rule.kind} deadline`, { kind: rule.kind });
  }
}

/** When a DESK-02/05 follow-up task is due, counted from the intake. */
export function followUpDueAt(kind: DeskTaskKind, from: Date, policy: SlaPolicy, calendar: BusinessCalendar): Date {
  return apply(ruleOf(policy, kind), from, calendar);
}

/** DESK-03: the pickup date promised on the receipt (close of the n-th working day after receipt). */
export function carryInPromisedAt(receivedAt: Date, policy: SlaPolicy, calendar: BusinessCalendar): Date {
  return apply(ruleOf(policy, 'carry_in_promise'), receivedAt, calendar);
}

/**
 * SLA-05: the channel an intake came through, as the SLA policy's selectors name it. A call or web form
 * lands at the service office's hotline (its 30-minute hand-off and 2-hour first contact apply); a
 * walk-in is served by the office itself; an external system's ticket carries the operator's promises,
 * not the desk's. The desk's clocks are those whose selector names a channel (the order's own start,
 * without a channel, never matches them).
 */
export function slaChannelOfIntake(channel: 'phone' | 'web' | 'walk_in' | 'external'): string | null {
  switch (channel) {
    case 'phone':
    case 'web':
      return 'hotline';
    case 'walk_in':
      return 'service_office';
    case 'external':
      return null;
  }
}

/** SLA-05: the call log outcome that counts as the customer contacted (stops `customer_contacted`). */
export const CUSTOMER_CONTACTED_CALL_OUTCOMES: readonly string[] = ['reached'];
