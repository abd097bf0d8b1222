import type { BusinessCalendar, CalendarDay } from '../calendar/business-calendar.js';
import { minuteOfDay } from '../calendar/calendar-spec.js';
import type { ClockMeasure, ClockStep, SlaAppointment } from './clock.types.js';
import type { DeadlineRule } from './sla-policy.js';

/**
 * SLA-02: one deadline rule applied to one start instant, with the steps that explain it. Works on epoch
 * ms with the calendar's cached days: this runs once per clock of every order (the SLA bench's hot path),
 * so steps hold instants as epoch ms (params ending in `Ms`) and explainClock formats them later.
 */
export interface RuleDeadline {
  /** Due instant, epoch ms; NaN when the rule cannot apply (an appointment rule without appointment). */
  dueMs: number;
  steps: ClockStep[];
  /** Whether holidays can change the result: only then does a missing year make it provisional. */
  calendarDependent: boolean;
}

/** How pauses and warnings measure time for a rule: wall time, or working time of the calendar. */
export function measureOf(rule: DeadlineRule): ClockMeasure {
  return rule.kind === 'working_time' || rule.kind === 'working_days' ? 'working' : 'elapsed';
}

/** Whether holidays can change the result: only then does a year without official data make it provisional. */
export function dependsOnHolidays(rule: DeadlineRule): boolean {
  return measureOf(rule) === 'working' || (rule.kind === 'cutoff' && rule.dayBasis === 'working');
}

const MINUTE_MS = 60_000;

export function ruleDeadline(
  rule: DeadlineRule,
  startMs: number,
  cal: BusinessCalendar,
  appointment: SlaAppointment | null,
): RuleDeadline {
  switch (rule.kind) {
    case 'elapsed': {
      const dueMs = startMs + rule.minutes * MINUTE_MS;
      return { dueMs, calendarDependent: false, steps: [step('add_elapsed', { minutes: rule.minutes, dueMs })] };
    }
    case 'calendar_days': {
      const dueMs = cal.addCalendarDaysMs(startMs, rule.days);
      return { dueMs, calendarDependent: false, steps: [step('add_calendar_days', { days: rule.days, dueMs })] };
    }
    case 'working_time': {
      const dueMs = cal.addWorkingMs(startMs, rule.minutes * MINUTE_MS);
      return { dueMs, calendarDependent: true, steps: [step('add_working_time', { minutes: rule.minutes, dueMs })] };
    }
    case 'working_days': {
      const dueMs = cal.closeOfWorkingDayMs(startMs, rule.days);
      const steps = [step('add_working_days', { days: rule.days, dueMs }), ...skipped(cal, startMs, dueMs)];
      return { dueMs, calendarDependent: true, steps };
    }
    case 'cutoff':
      return cutoffDeadline(rule, startMs, cal);
    case 'before_appointment': {
      if (!appointment) return { dueMs: NaN, calendarDependent: false, steps: [] };
      const dueMs = appointment.start.getTime() - rule.minutes * MINUTE_MS;
      const s = step('before_appointment', { minutes: rule.minutes, dueMs });
      s.params.windowStartMs = appointment.start.getTime();
      return { dueMs, calendarDependent: false, steps: [s] };
    }
  }
}

/**
 * SLA-04: before the cut-off → same day; at or after it (18:00 exactly is "after": the promise says
 * "before 18:00") → the next day's morning time. With a working-day basis a report on a day off is
 * treated as after the cut-off of the last working day, so a fault reported on a holiday eve or during
 * the holiday is due on the morning of the first working day after it.
 */
function cutoffDeadline(rule: Extract<DeadlineRule, { kind: 'cutoff' }>, startMs: number, cal: BusinessCalendar) {
  const day = cal.dayAt(startMs);
  // Wall-clock minute (on a DST day 18:30 is not 18.5 h after midnight).
  const minute = Math.floor(cal.wallMsOf(startMs) / MINUTE_MS);
  const working = rule.dayBasis === 'calendar' || day.working;
  const before = working && minute < minuteOfDay(rule.cutoff);
  let dueDay: CalendarDay = day;
  if (!before) dueDay = rule.dayBasis === 'working' ? cal.nextWorkingDay(day) : cal.nextDay(day);
  const dueMs = cal.atMinute(dueDay, minuteOfDay(before ? rule.sameDayBy : rule.nextDayBy));
  const steps: ClockStep[] = [
    {
      code: 'cutoff',
      params: {
        cutoff: rule.cutoff,
        before,
        reportedOnWorkingDay: working,
        dayBasis: rule.dayBasis,
        dueBy: before ? rule.sameDayBy : rule.nextDayBy,
        dueMs,
      },
    },
  ];
  if (!before && rule.dayBasis === 'working') steps.push(...skipped(cal, day.endMs, dueDay.startMs));
  return { dueMs, calendarDependent: rule.dayBasis === 'working', steps };
}

/** Non-working days between two instants, named, so "why so late?" has an answer (National Day …). */
function skipped(cal: BusinessCalendar, fromMs: number, toMs: number): ClockStep[] {
  const names = new Set<string>();
  let count = 0;
  let first: string | null = null;
  let last: string | null = null;
  for (let d = cal.dayAt(fromMs); d.startMs < toMs; d = cal.nextDay(d)) {
    if (d.working) continue;
    count++;
    first ??= d.date;
    last = d.date;
    if (d.name) names.add(d.name);
  }
  if (count === 0) return [];
  return [{ code: 'skipped_days', params: { count, first, last, names: [...names].join('、') || null } }];
}

function step(
  code: 'add_elapsed' | 'add_calendar_days' | 'add_working_time' | 'add_working_days' | 'before_appointment',
  p: { minutes?: number; days?: number; dueMs: number },
): ClockStep {
  const params: ClockStep['params'] = { dueMs: p.dueMs };
  if (p.minutes !== undefined) params.minutes = p.minutes;
  if (p.days !== undefined) params.days = p.days;
  return { code, params };
}
