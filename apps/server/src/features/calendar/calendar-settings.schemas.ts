import { z } from 'zod';
import { WORK_ORDER_TYPES } from '@daowei/domain';

const uuid = z.uuid();
const timeOfDay = z.string().regex(/^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/, 'expected HH:mm (24:00 allowed as an end)');
const span = z.object({ start: timeOfDay, end: timeOfDay, shift: z.string().trim().min(1).max(40).optional() });
const day = z.array(span).max(6);

export const areaParams = z.object({ id: uuid });
export const unitParams = z.object({ unitId: uuid });

/** PUT /api/calendar/areas/:id/time-zone — an IANA zone, or null to follow the tenant's zone (SLA-01). */
export const areaZoneBody = z.object({
  timeZone: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/, 'expected an IANA time zone such as Asia/Urumqi')
    .nullable(),
});

/** PUT /api/calendar/working-hours/:unitId — a team's (or station's) working hours (SLA-01). */
export const workingHoursBody = z.object({
  name: z.string().trim().min(1).max(100),
  /** Seven days, Sunday first; an empty day is a day off. */
  weekly: z.array(day).length(7),
  makeUpDay: day.optional(),
  holidays: z.enum(['observe', 'work']).default('observe'),
  orderTypes: z.array(z.enum(WORK_ORDER_TYPES)).max(WORK_ORDER_TYPES.length).default([]),
});
export type WorkingHoursBody = z.infer<typeof workingHoursBody>;
