import { ASSESSMENT_EVENTS, assessmentRulesSchema } from '@daowei/domain';
import { z } from 'zod';

const uuid = z.uuid();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month is YYYY-MM');
const text = (max: number) => z.string().trim().max(max);

export const caseParams = z.object({ id: uuid });

/** GET /api/assessment/cases and /ledger (VND-01): one vendor's month (vendor staff: their own). */
export const ledgerQuery = z.object({ month, vendorId: uuid.optional() });
export type LedgerQuery = z.infer<typeof ledgerQuery>;

/** POST /api/assessment/cases: a case for an event no rule raises on its own (a supervisor's finding). */
export const manualCaseBody = z.object({
  event: z.enum(ASSESSMENT_EVENTS),
  orderId: uuid,
  personId: uuid.optional(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  evidence: z.array(text(200).min(1)).min(1).max(20),
  note: text(2000).min(1),
});
export type ManualCaseBody = z.infer<typeof manualCaseBody>;

/** POST /api/assessment/cases/:id/steps: dispute → review → upheld | reversed, each with its reason. */
export const caseStepBody = z.object({
  kind: z.enum(['disputed', 'review_started', 'upheld', 'reversed']),
  note: text(2000).min(1),
});
export type CaseStepBody = z.infer<typeof caseStepBody>;

/** POST /api/assessment/what-if: the month's standing cases re-run under a draft rule set. */
export const whatIfBody = z.object({ month, vendorId: uuid.optional(), draft: assessmentRulesSchema });
export type WhatIfBody = z.infer<typeof whatIfBody>;
