import { z } from 'zod';
import { SATISFACTION_LEVELS } from '@daowei/domain';

const uuid = z.uuid();
const text = (max: number) => z.string().trim().max(max);

export const callbackParams = z.object({ id: uuid });

/** GET /api/callbacks (CB-01): the agent's queue, earliest due first. */
export const callbackQueueQuery = z.object({
  state: z.enum(['open', 'done', 'unreachable']).default('open'),
  stationId: uuid.optional(),
  /** satisfaction: the callback agents' queue (CB-02); spot_check: the sales spot-checks (CB-03). */
  kind: z.enum(['satisfaction', 'spot_check']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type CallbackQueueQuery = z.infer<typeof callbackQueueQuery>;

/** POST /api/callbacks/:id/attempts (CB-02): one call, whatever came of it. */
export const attemptBody = z
  .object({
    result: z.enum(['reached', 'no_answer', 'busy', 'call_back_later']),
    /** Required for call_back_later: when the customer wants the call. */
    callBackAt: z.iso.datetime({ offset: true }).optional(),
    note: text(2000).optional(),
  })
  .refine((b) => b.result !== 'call_back_later' || b.callBackAt !== undefined, {
    message: 'Say when to call back',
    path: ['callBackAt'],
  });
export type AttemptBody = z.infer<typeof attemptBody>;

/**
 * POST /api/callbacks/:id/outcome (CB-02). Root cause, suggestion and an improvement action are
 * required when the customer is dissatisfied; the domain (decideCallbackOutcome) checks them and
 * answers 400 naming the field.
 */
export const outcomeBody = z.object({
  satisfaction: z.enum(SATISFACTION_LEVELS),
  /** The customer says the problem itself is solved; a dissatisfied "not solved" reopens the order. */
  problemSolved: z.boolean().default(true),
  rootCause: text(2000).optional(),
  suggestion: text(2000).optional(),
  remark: text(2000).optional(),
  improvementAction: z
    .object({ ownerId: uuid, measure: text(2000), dueDate: z.string().max(10) })
    .partial()
    .optional(),
});
export type OutcomeBody = z.infer<typeof outcomeBody>;

/**
 * POST /api/callbacks/:id/spot-check (CB-03): does the vendor's report match what the customer says?
 * A mismatch needs the customer's account (`truth`) and records a VND-01 case against the vendor.
 */
export const spotCheckBody = z.object({
  matchesVendorReport: z.boolean(),
  vendorReport: text(2000).optional(),
  truth: text(2000).optional(),
  note: text(2000).optional(),
});
export type SpotCheckBody = z.infer<typeof spotCheckBody>;
