import { z } from 'zod';
import { CAUSE_CATEGORIES, SCRIPT_SITUATIONS } from '@daowei/domain';

/** GET /api/scripts (DESK-04). */
export const scriptsQuery = z.object({
  situation: z.enum(SCRIPT_SITUATIONS).optional(),
  cause: z.enum(CAUSE_CATEGORIES).optional(),
});
export type ScriptsQuery = z.infer<typeof scriptsQuery>;

/** POST /api/text-check (DESK-04). */
export const textCheckBody = z.object({ text: z.string().max(10_000) });

/** POST /api/work-orders/:id/self-service-link (DESK-06). */
export const orderIdParams = z.object({ id: z.uuid() });

/**
 * The customer's token. Deliberately loose: any string that is not a live link answers the same 404,
 * so a malformed token tells a prober nothing a wrong one would not.
 */
export const tokenParams = z.object({ token: z.string().min(1).max(200) });

/** POST /api/public/orders/:token/rating (DESK-06); the scale's top is checked against the desk policy. */
export const ratingBody = z.object({
  satisfaction: z.number().int().min(1).max(10),
  comment: z.string().trim().max(2000).optional(),
});
export type RatingBody = z.infer<typeof ratingBody>;

/** GET /api/customers/lookup (DESK-01). */
export const lookupQuery = z.object({ phone: z.string().trim().min(3).max(30) });
