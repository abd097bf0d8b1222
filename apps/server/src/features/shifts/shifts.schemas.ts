import { z } from 'zod';
import { isIsoDate, SHIFT_KINDS } from '@daowei/domain';

// The regex puts the shape into the OpenAPI description; the refinement rejects 2026-02-30.
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine(isIsoDate, 'expected a real date YYYY-MM-DD');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:mm');

/** GET /api/shifts: the roster of the local days from..to (inclusive). */
export const shiftsQuery = z.object({ from: isoDate, to: isoDate });
export type ShiftsQuery = z.output<typeof shiftsQuery>;

/** POST /api/shifts/roster: a weekly line ("Mon–Fri 18:00–22:00, evening") expanded for some people. */
export const rosterBody = z.object({
  personIds: z.array(z.uuid()).min(1).max(100),
  kind: z.enum(SHIFT_KINDS),
  /** Days the shift starts on, 0 = Sunday … 6 = Saturday. */
  weekdays: z.array(z.number().int().min(0).max(6)).min(1).max(7),
  start: clock,
  end: clock,
  fromDate: isoDate,
  toDate: isoDate,
});
export type RosterBody = z.output<typeof rosterBody>;

export const shiftIdParams = z.object({ id: z.uuid() });
