import { z } from 'zod';

/**
 * DESK-04/06 numbers as data (architecture: policies are data, versioned, zod-validated). Kept beside
 * the desk rules rather than in the foundation pack so the desk can evolve its section on its own.
 */
export const deskPolicySchema = z.object({
  version: z.number().int().positive(),
  /** DESK-06: a customer's self-service link works this many days after it was issued. */
  selfServiceLinkValidDays: z.number().int().positive(),
  /** DESK-06: a customer may urge (催办) one order at most once per this many minutes. */
  urgeMinIntervalMinutes: z.number().int().positive(),
  /** DESK-06: satisfaction is given on a scale from 1 to this. */
  satisfactionScaleMax: z.number().int().min(2).max(10),
  /** DESK-06: the longest comment a customer may leave with a rating, in characters. */
  ratingCommentMaxLength: z.number().int().positive(),
  /** DESK-06: requests per minute one client address may make to the public self-service routes. */
  publicRequestsPerMinute: z.number().int().positive(),
  /** DESK-01: how many of the customer's latest orders the intake lookup shows. */
  intakeHistoryOrders: z.number().int().min(1).max(100),
});
export type DeskPolicy = z.infer<typeof deskPolicySchema>;

export const DEFAULT_DESK_POLICY: DeskPolicy = deskPolicySchema.parse({
  version: 1,
  selfServiceLinkValidDays: 30,
  urgeMinIntervalMinutes: 60,
  satisfactionScaleMax: 5,
  ratingCommentMaxLength: 500,
  publicRequestsPerMinute: 60,
  intakeHistoryOrders: 10,
});
