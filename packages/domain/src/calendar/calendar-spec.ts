import { z } from 'zod';
import { DomainError } from '../shared/errors.js';
import { DEFAULT_TIME_ZONE, isIsoDate } from '../shared/local-time.js';

/**
 * SLA-01: a business calendar as data — what an admin edits and what an official notice is imported
 * into. Working hours are wall-clock spans per weekday in the calendar's zone; a span never crosses
 * midnight (write a night shift as 22:00–24:00 plus 00:00–02:00 of the next weekday), which keeps
 * every working interval inside one local day and the engine's day cache simple.
 */

/** `HH:mm`, with 24:00 allowed as the end of a day. */
const TIME_OF_DAY = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** Minutes since local midnight of an `HH:mm` time; 24:00 is 1440. */
export function minuteOfDay(hhmm: string): number {
  const m = TIME_OF_DAY.exec(hhmm);
  if (!m) throw new DomainError('VALIDATION_FAILED', `Invalid time "${hhmm}", expected HH:mm`, { field: 'time' });
  return m[1] === undefined ? 1440 : Number(m[1]) * 60 + Number(m[2]);
}

const timeOfDay = z.string().regex(TIME_OF_DAY, 'expected HH:mm (24:00 allowed as an end)');
const isoDate = z.string().refine(isIsoDate, 'expected a real date YYYY-MM-DD');

export const workingSpanSchema = z
  .object({
    start: timeOfDay,
    end: timeOfDay,
    /** Shift name shown in explanations, e.g. 'day' or 'evening' (错时服务). */
    shift: z.string().min(1).optional(),
  })
  .refine((s) => minuteOfDay(s.start) < minuteOfDay(s.end), 'a span ends after it starts, on the same day');
export type WorkingSpan = z.infer<typeof workingSpanSchema>;

/** Spans of one day: sorted and not overlapping, so the engine can walk them in order. */
const daySpans = z
  .array(workingSpanSchema)
  .refine(
    (spans) => spans.every((s, i) => i === 0 || minuteOfDay(spans[i - 1]!.end) <= minuteOfDay(s.start)),
    'spans of a day are in order and do not overlap',
  );

export const dayOverrideSchema = z.object({
  date: isoDate,
  /** `holiday`: no working time (a local holiday, a typhoon closure); `working`: a worked day. */
  kind: z.enum(['holiday', 'working']),
  name: z.string().min(1),
  /** Where the day came from, shown to admins and in explanations. */
  source: z.enum(['admin', 'official_notice']).default('admin'),
  /** Hours of a `working` override; by default the calendar's make-up-day hours. */
  hours: daySpans.optional(),
});
export type DayOverride = z.input<typeof dayOverrideSchema>;

export const calendarSpecSchema = z.object({
  id: z.string().min(1),
  /** IANA zone of the area (SLA-01), e.g. Asia/Shanghai, Asia/Urumqi for a team that keeps local hours. */
  timeZone: z.string().min(1).default(DEFAULT_TIME_ZONE),
  /** The official holiday dataset to follow; null for a calendar that only has its own overrides. */
  officialHolidays: z.enum(['cn-mainland']).nullable().default('cn-mainland'),
  hours: z.object({
    /** Index 0 = Sunday … 6 = Saturday; an empty list is a day off. */
    weekly: z.array(daySpans).length(7),
    /** Hours on a make-up working day (调休) or a `working` override; by default Monday's. */
    makeUpDay: daySpans.optional(),
  }),
  overrides: z.array(dayOverrideSchema).default([]),
  /**
   * Years whose official notice an admin has entered or imported as overrides because the dataset does
   * not have it yet. Until a year is listed here (or the dataset has it), deadlines in it are provisional.
   */
  declaredYears: z.array(z.number().int().min(1900).max(2999)).default([]),
});
export type CalendarSpec = z.input<typeof calendarSpecSchema>;
export type ParsedCalendarSpec = z.output<typeof calendarSpecSchema>;

/** Validates calendar data from an admin or an import; errors name the first offending field. */
export function parseCalendarSpec(input: unknown): ParsedCalendarSpec {
  const r = calendarSpecSchema.safeParse(input);
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw new DomainError('VALIDATION_FAILED', `Invalid calendar: ${field} ${issue?.message ?? ''}`.trim(), { field });
  }
  return r.data;
}

const office = [{ start: '08:30', end: '17:30', shift: 'day' }];
const officeAndEvening = [...office, { start: '18:00', end: '22:00', shift: 'evening' }];

/**
 * The shipped default: Monday–Friday 08:30–17:30 plus an evening shift 18:00–22:00 for customers who
 * are only home after work (错时服务); weekends off except make-up working days.
 */
export const DEFAULT_CALENDAR_SPEC: CalendarSpec = {
  id: 'cn-default',
  timeZone: DEFAULT_TIME_ZONE,
  officialHolidays: 'cn-mainland',
  hours: { weekly: [[], officeAndEvening, officeAndEvening, officeAndEvening, officeAndEvening, officeAndEvening, []] },
  overrides: [],
  declaredYears: [],
};
