import { z } from 'zod';
import { DomainError } from '../shared/errors.js';
import { addDays, isIsoDate, weekdayOf, zonedDateTime } from '../shared/local-time.js';
import type { HolidayHandling } from './planned-policy.js';

/**
 * WO-16: when a service agreement's visits fall. Two shapes cover what home-care schedules say:
 * "every N weeks on these weekdays" (weekly, biweekly, every 3 weeks) and "the n-th weekday of each
 * month" ("first Monday", or the last one with nth = -1). Weekdays are 0 = Sunday … 6 = Saturday.
 * Everything here works on local calendar dates (`YYYY-MM-DD`); the window's instants are made in the
 * area's zone at the end.
 */
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const time = z.string().regex(HH_MM, 'expected HH:mm');
const weekday = z.number().int().min(0).max(6);

export const careScheduleSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('weekly'),
      everyWeeks: z.number().int().min(1).max(8),
      weekdays: z.array(weekday).min(1).max(7),
      start: time,
      end: time,
    }),
    z.object({
      kind: z.literal('monthly'),
      nth: z.union([z.literal(-1), z.number().int().min(1).max(4)]),
      weekday,
      start: time,
      end: time,
    }),
  ])
  .refine((s) => s.end > s.start, { message: 'end must be after start', path: ['end'] });
export type CareSchedule = z.output<typeof careScheduleSchema>;

const DAY_MS = 86_400_000;
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY_MS;
const mondayOf = (d: string) => addDays(d, -((weekdayOf(d) + 6) % 7));

function daysInMonth(d: string): number {
  const [y, m] = d.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Days from `a` to `b` (negative when `b` is earlier). */
export const daysBetween = (a: string, b: string) => dayNumber(b) - dayNumber(a);

/** Whether the schedule has a visit on `date`; weekly rhythms count weeks from the agreement's first week. */
export function occursOn(schedule: CareSchedule, startDate: string, date: string): boolean {
  const wd = weekdayOf(date);
  if (schedule.kind === 'weekly') {
    if (!schedule.weekdays.includes(wd)) return false;
    const weeks = Math.round((dayNumber(mondayOf(date)) - dayNumber(mondayOf(startDate))) / 7);
    return weeks % schedule.everyWeeks === 0;
  }
  if (wd !== schedule.weekday) return false;
  const dom = Number(date.slice(8, 10));
  return schedule.nth === -1 ? dom + 7 > daysInMonth(date) : Math.ceil(dom / 7) === schedule.nth;
}

export interface AgreementTerm {
  schedule: CareSchedule;
  startDate: string;
  /** Inclusive; null: open-ended. */
  endDate: string | null;
}

/** The schedule's dates in [from, to] within the agreement's term, in order. */
export function occurrencesBetween(term: AgreementTerm, from: string, to: string): string[] {
  if (!isIsoDate(from) || !isIsoDate(to)) throw new DomainError('VALIDATION_FAILED', 'Invalid date range');
  const first = from > term.startDate ? from : term.startDate;
  const last = term.endDate && term.endDate < to ? term.endDate : to;
  const out: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) if (occursOn(term.schedule, term.startDate, d)) out.push(d);
  return out;
}

/** The first scheduled date after `after` (within the term and a year), or null. */
export function nextOccurrence(term: AgreementTerm, after: string): string | null {
  return occurrencesBetween(term, addDays(after, 1), addDays(after, 400))[0] ?? null;
}

/** The holiday name of a date (public holiday or a tenant closure), or null on an ordinary day. */
export type HolidayOf = (date: string) => string | null;

export interface PlannedOccurrence {
  /** The date the schedule gives (the idempotency key of a generated visit). */
  occurrenceDate: string;
  /** The date the visit takes place, or null when it is skipped. */
  plannedDate: string | null;
  /** The holiday that skipped or moved it. */
  holiday: string | null;
}

/**
 * WO-16: the visits to generate from `today` to `today + aheadDays` that are not generated yet
 * (`known` holds the occurrence dates already recorded, skipped ones included — so re-running never
 * duplicates and a skipped date is not retried). Holidays are handled as the agreement says; a move
 * that would reach the next scheduled visit (or leave the term) skips the visit instead.
 */
export function planCareVisits(
  input: AgreementTerm & {
    holidayHandling: HolidayHandling;
    today: string;
    aheadDays: number;
    known: ReadonlySet<string>;
  },
  holidayOf: HolidayOf,
): PlannedOccurrence[] {
  const to = addDays(input.today, input.aheadDays);
  const out: PlannedOccurrence[] = [];
  for (const occ of occurrencesBetween(input, input.today, to)) {
    if (input.known.has(occ)) continue;
    const holiday = holidayOf(occ);
    if (!holiday || input.holidayHandling === 'keep') {
      out.push({ occurrenceDate: occ, plannedDate: occ, holiday });
      continue;
    }
    if (input.holidayHandling === 'skip') {
      out.push({ occurrenceDate: occ, plannedDate: null, holiday });
      continue;
    }
    const next = nextOccurrence(input, occ);
    let moved = addDays(occ, 1);
    while (holidayOf(moved) && moved < addDays(occ, 31)) moved = addDays(moved, 1);
    const fits =
      !holidayOf(moved) && (next === null || moved < next) && (input.endDate === null || moved <= input.endDate);
    out.push({ occurrenceDate: occ, plannedDate: fits ? moved : null, holiday });
  }
  return out;
}

/** The visit's window as instants in the area's zone. */
export function careVisitWindow(schedule: CareSchedule, date: string, timeZone: string): { start: Date; end: Date } {
  return { start: zonedDateTime(date, schedule.start, timeZone), end: zonedDateTime(date, schedule.end, timeZone) };
}
