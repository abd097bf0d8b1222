import { z } from 'zod';
import { isIsoDate } from '@daowei/domain';

// The regex puts the shape into the OpenAPI description; the refinement rejects 2026-02-30.
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine(isIsoDate, 'expected a real date YYYY-MM-DD');
const year = z.coerce.number().int().min(2000).max(2999);

/** GET /api/calendar: one year's days (default: the current year in the calendar's zone). */
export const calendarQuery = z.object({ year: year.optional() });

export const calendarDayParams = z.object({ date: isoDate });

/** PUT /api/calendar/days/:date — a tenant's own day (SLA-01). */
export const calendarDayBody = z.object({
  /** holiday: a local holiday; working: a make-up working day; closure: no work (typhoon, outage). */
  kind: z.enum(['holiday', 'working', 'closure']),
  name: z.string().trim().min(1).max(100),
});
export type CalendarDayBody = z.infer<typeof calendarDayBody>;

/** POST /api/calendar/notices — one year's official notice, as a list of days or as CSV text. */
export const noticeBody = z
  .object({
    year,
    days: z
      .array(z.object({ date: z.string().max(20), kind: z.string().max(20), name: z.string().max(200).optional() }))
      .max(366)
      .optional(),
    csv: z.string().max(50_000).optional(),
  })
  .refine((b) => (b.days === undefined) !== (b.csv === undefined), 'give either days or csv');
export type NoticeBody = z.infer<typeof noticeBody>;
