import { DomainError } from '../shared/errors.js';
import { DEFAULT_TIME_ZONE, addDays, isIsoDate, weekdayOf, zonedDateTime } from '../shared/local-time.js';
import type { Shift, ShiftKind } from './org.types.js';

/**
 * ORG-06 shifts and working calendars, including evening and weekend shifts (错时服务: serving customers
 * when they are home, after work and at weekends). A rostered shift is a pair of instants, so a shift
 * from 18:00 to 02:00 needs no special case once it is rostered; the special case lives where rosters
 * are written in wall-clock time (expandWeeklyPattern).
 */
export type ShiftSpan = Pick<Shift, 'personId' | 'start' | 'end'>;

/** Start inclusive, end exclusive: at 02:00 the night shift is over and the next one has begun. */
function covers(shift: ShiftSpan, at: Date): boolean {
  const t = at.getTime();
  return shift.start.getTime() <= t && t < shift.end.getTime();
}

export function isOnShift(shifts: readonly ShiftSpan[], personId: string, at: Date): boolean {
  return shifts.some((s) => s.personId === personId && covers(s, at));
}

/** Every shift running at `at` — e.g. who can take an evening call-out right now. */
export function shiftsCovering<S extends ShiftSpan>(shifts: readonly S[], at: Date): S[] {
  return shifts.filter((s) => covers(s, at));
}

/**
 * A repeating weekly roster line in wall-clock time, e.g. "Mon–Fri 18:00–22:00, evening" or
 * "Sat 20:00–02:00, weekend". When `end` is not after `start`, the shift ends on the next day.
 */
export interface WeeklyShiftPattern {
  tenantId: string;
  personId: string;
  kind: ShiftKind;
  /** Days the shift *starts* on, 0 = Sunday … 6 = Saturday. */
  weekdays: readonly number[];
  start: string; // HH:mm
  end: string; // HH:mm
}

/** Longest span a roster may produce: refuses a mistyped year before it floods the schedule. */
const MAX_EXPAND_DAYS = 400;

/**
 * The shifts a weekly pattern yields for the local days `fromDate`..`toDate` (inclusive, `YYYY-MM-DD`),
 * in the roster's time zone. A shift that starts on `toDate` and runs past midnight is included whole.
 * Holidays and make-up working days are the calendar's business (SLA-01): filter the result by it.
 */
export function expandWeeklyPattern(
  pattern: WeeklyShiftPattern,
  fromDate: string,
  toDate: string,
  timeZone: string = DEFAULT_TIME_ZONE,
): Shift[] {
  if (!isIsoDate(fromDate) || !isIsoDate(toDate) || toDate < fromDate) {
    throw new DomainError('VALIDATION_FAILED', 'A roster needs a valid date range', { field: 'fromDate' });
  }
  if (pattern.start === pattern.end) {
    throw new DomainError('VALIDATION_FAILED', 'A shift cannot start and end at the same time', { field: 'end' });
  }
  const crossesMidnight = pattern.end < pattern.start; // HH:mm strings compare as times
  const shifts: Shift[] = [];
  for (let day = fromDate, n = 0; day <= toDate; day = addDays(day, 1), n++) {
    if (n >= MAX_EXPAND_DAYS) {
      throw new DomainError('VALIDATION_FAILED', `A roster covers at most ${MAX_EXPAND_DAYS} days`, {
        field: 'toDate',
      });
    }
    if (!pattern.weekdays.includes(weekdayOf(day))) continue;
    shifts.push({
      tenantId: pattern.tenantId,
      personId: pattern.personId,
      kind: pattern.kind,
      start: zonedDateTime(day, pattern.start, timeZone),
      end: zonedDateTime(crossesMidnight ? addDays(day, 1) : day, pattern.end, timeZone),
    });
  }
  return shifts;
}
