import { z } from 'zod';
import { isIsoDate } from '@daowei/domain';

// The regex puts the shape into the OpenAPI description; the refinement rejects 2026-02-30.
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine(isIsoDate, 'expected a real date YYYY-MM-DD');
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const orderParams = z.object({ id: z.uuid() });

export const offersQuery = z.object({ date: isoDate });
export type OffersQuery = z.infer<typeof offersQuery>;

export const callBody = z.object({
  outcome: z.enum(['reached', 'no_answer', 'busy', 'call_back']),
  callBackAt: instant.optional(),
  note: z.string().trim().max(500).optional(),
});
export type CallBody = z.infer<typeof callBody>;

export const bookBody = z.object({
  window: z.object({ start: instant, end: instant }),
  askedBy: z.enum(['customer', 'us']),
  reason: z.string().trim().min(1).max(500),
});
export type BookBody = z.infer<typeof bookBody>;
