import { z } from 'zod';
import { COVERAGE_CLAIM_KINDS, COVERAGE_CLAIM_STATES } from '@daowei/domain';

/** POST /api/work-orders/:id/coverage-claims (WO-09/10): the engineer's claim. */
export const claimBody = z.object({
  kind: z.enum(COVERAGE_CLAIM_KINDS),
  reason: z.string().trim().min(1).max(2000),
  /** WO-10: metres of drop cable the connection would need. */
  dropCableM: z.number().int().min(0).max(100_000).optional(),
  /** WO-10: the demand is real (the customer or neighbours want the service). */
  demandConfirmed: z.boolean().optional(),
});
export type ClaimBody = z.infer<typeof claimBody>;

/** POST /api/coverage-claims/:id/decision: the supervisor's confirmation or rejection. */
export const claimDecisionBody = z.object({
  decision: z.enum(['confirm', 'reject']),
  note: z.string().trim().min(1).max(2000),
});
export type ClaimDecisionBody = z.infer<typeof claimDecisionBody>;

/** POST /api/coverage-claims/:id/close: the customer was contacted / the supplement is built. */
export const claimCloseBody = z.object({ note: z.string().trim().min(1).max(2000) });
export type ClaimCloseBody = z.infer<typeof claimCloseBody>;

/** GET /api/coverage-claims: the supervisor's queue, optionally one state, one kind, one vendor. */
export const claimsQuery = z.object({
  state: z.enum(COVERAGE_CLAIM_STATES).optional(),
  kind: z.enum(COVERAGE_CLAIM_KINDS).optional(),
  vendorId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ClaimsQuery = z.infer<typeof claimsQuery>;

export const claimIdParams = z.object({ id: z.uuid() });
