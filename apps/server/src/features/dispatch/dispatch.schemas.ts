import { z } from 'zod';
import { isIsoDate } from '@daowei/domain';

// The regex puts the shape into the OpenAPI description; the refinement rejects 2026-02-30.
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine(isIsoDate, 'expected a real date YYYY-MM-DD');

export const planBody = z.object({
  stationId: z.uuid(),
  date: isoDate,
  /** DSP-03 "with parts confirmed": leave orders whose needed parts are short unplanned (policy default). */
  requireParts: z.boolean().optional(),
});
export type PlanBody = z.infer<typeof planBody>;

/** DSP-01: the station-day as it stands. */
export const dayBody = z.object({ stationId: z.uuid(), date: isoDate });
export type DayBody = z.infer<typeof dayBody>;

export const applyBody = z.object({
  stationId: z.uuid(),
  date: isoDate,
  /** Per engineer in stop order: the order of the list is the sequence stored for his day. */
  assignments: z
    .array(z.object({ orderId: z.uuid(), engineerId: z.uuid() }))
    .min(1)
    .max(1_000),
});
export type ApplyBody = z.infer<typeof applyBody>;

export const checkBody = z.object({
  orderId: z.uuid(),
  engineerId: z.uuid(),
  date: isoDate,
  /** 0-based place in the engineer's day; omitted = the cheapest place. */
  position: z.number().int().min(0).max(1_000).optional(),
});
export type CheckBody = z.infer<typeof checkBody>;

/** DSP-01/04: the drag, confirmed — same fields as the check. */
export const assignBody = checkBody;
export type AssignBody = z.infer<typeof assignBody>;

export const myDayQuery = z.object({ date: isoDate.optional() });
export type MyDayQuery = z.infer<typeof myDayQuery>;

/** DSP-03: insert an urgent order into the running day. */
export const urgentBody = z.object({ orderId: z.uuid(), date: isoDate });
export type UrgentBody = z.infer<typeof urgentBody>;

/** DSP-03: re-plan the rest of the day after an engineer falls ill or a visit runs long. */
export const replanBody = z.object({
  stationId: z.uuid(),
  date: isoDate,
  change: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('engineer_off'),
      engineerId: z.uuid(),
      reason: z.string().trim().min(1).max(200),
    }),
    z.object({ kind: z.literal('overrun'), orderId: z.uuid(), extraMinutes: z.number().int().min(1).max(1_440) }),
  ]),
});
export type ReplanBody = z.infer<typeof replanBody>;

/** DSP-01/03: the parts an order needs (replaces the list; empty clears it). */
export const partNeedsBody = z.object({
  needs: z
    .array(z.object({ itemId: z.uuid(), quantity: z.number().int().min(1).max(10_000) }))
    .max(50)
    .refine((a) => new Set(a.map((n) => n.itemId)).size === a.length, 'each item once'),
});
export type PartNeedsBody = z.infer<typeof partNeedsBody>;
export const orderIdParams = z.object({ id: z.uuid() });
