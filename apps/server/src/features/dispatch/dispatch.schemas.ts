import { z } from 'zod';
import { isIsoDate } from '@daowei/domain';

const isoDate = z.string().refine(isIsoDate, 'expected a date YYYY-MM-DD');

export const planBody = z.object({ stationId: z.uuid(), date: isoDate });
export type PlanBody = z.infer<typeof planBody>;

export const applyBody = z.object({
  stationId: z.uuid(),
  date: isoDate,
  assignments: z
    .array(z.object({ orderId: z.uuid(), engineerId: z.uuid() }))
    .min(1)
    .max(1_000),
});
export type ApplyBody = z.infer<typeof applyBody>;

export const checkBody = z.object({ orderId: z.uuid(), engineerId: z.uuid(), date: isoDate });
export type CheckBody = z.infer<typeof checkBody>;
