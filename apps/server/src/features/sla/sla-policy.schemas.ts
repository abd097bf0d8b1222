import { z } from 'zod';

/** Path parameters are strings in the OpenAPI description (INT-02); a version is a positive whole number. */
export const policyVersionParams = z.object({
  version: z.string().regex(/^[1-9]\d{0,6}$/, 'expected a version number'),
});

/** GET /api/sla/policy/diff?from=&to= — what changed between two versions. */
export const policyDiffQuery = z.object({
  from: z.coerce.number().int().min(1).max(1_000_000),
  to: z.coerce.number().int().min(1).max(1_000_000),
});

/**
 * POST /api/sla/policy/versions — an edited policy (the shape GET /api/sla/policy/schema describes),
 * the version it was edited from, and a note for the history. The domain schema validates the policy.
 */
export const newPolicyVersionBody = z.object({
  basedOnVersion: z.number().int().min(1),
  note: z.string().trim().max(500).optional(),
  policy: z.record(z.string(), z.unknown()),
});
export type NewPolicyVersionBody = z.infer<typeof newPolicyVersionBody>;

/** PUT /api/customers/:id/contract — the service contract the customer holds (SLA-02), null for none. */
export const customerContractParams = z.object({ id: z.uuid() });
export const customerContractBody = z.object({ contractId: z.string().min(1).max(64).nullable() });
export type CustomerContractBody = z.infer<typeof customerContractBody>;
