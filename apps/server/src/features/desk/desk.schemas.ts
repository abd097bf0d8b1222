import { z } from 'zod';
import {
  CAUSE_CATEGORIES,
  CARRY_IN_STAGES,
  INTAKE_CHANNELS,
  REQUEST_KINDS,
  SCRIPT_SITUATIONS,
  SERVICE_MODES,
  SYMPTOMS,
} from '@daowei/domain';
import { createBody, windowSchema } from '../work-orders/work-order.schemas.js';

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

/** DESK-04: customer-facing text fields may carry this to send a flagged text anyway (policy permitting). */
const confirmFlagged = z.boolean().default(false);

/** PUT /api/desk/library (DESK-04). */
export const libraryBody = z.object({
  version: z.number().int().min(0),
  scripts: z
    .array(
      z.object({
        id: z.string().trim().min(1).max(64),
        situation: z.enum(SCRIPT_SITUATIONS),
        causeCategory: z.enum(CAUSE_CATEGORIES).optional(),
        title: z.string().trim().min(1).max(100),
        text: z.string().trim().min(1).max(2000),
      }),
    )
    .max(500),
  phrases: z
    .array(
      z.object({
        id: z.string().trim().min(1).max(64),
        phrase: z.string().trim().min(1).max(100),
        variants: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
        suggest: z.enum(SCRIPT_SITUATIONS),
      }),
    )
    .max(500),
});
export type LibraryBody = z.infer<typeof libraryBody>;

/** POST /api/desk/intakes (DESK-01): the call, the facts that decide the mode, and the order if one is opened. */
export const intakeBody = z.object({
  channel: z.enum(INTAKE_CHANNELS).default('phone'),
  callerPhone: z.string().regex(/^[0-9+\-\s]{5,20}$/, 'not a phone number'),
  requestKind: z.enum(REQUEST_KINDS),
  symptom: z.enum(SYMPTOMS),
  devicePortable: z.boolean().default(false),
  remoteReachable: z.boolean().default(false),
  description: z.string().trim().min(1, 'must not be blank').max(2000),
  /** The agent may overrule the rules' mode; both are kept. */
  mode: z.enum(SERVICE_MODES).optional(),
  /** What the desk told the customer on the call (guidance, an answer): customer-facing. */
  guidance: z.string().trim().max(2000).optional(),
  /** Consultation: answered on the call (no DESK-05 task). */
  answeredNow: z.boolean().default(false),
  /** The order to open when the mode sends someone (on-site, carry-in, paid); its type follows the mode. */
  order: createBody.omit({ type: true }).optional(),
  confirmFlagged,
});
export type IntakeBody = z.output<typeof intakeBody>;

/** GET /api/desk/tasks */
export const deskTasksQuery = z.object({
  state: z.enum(['open', 'done']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const taskIdParams = z.object({ id: z.uuid() });

/** POST /api/desk/tasks/:id/done (DESK-02/05): the callback's result or the reply given. */
export const taskDoneBody = z.object({
  result: z.string().trim().min(1, 'must not be blank').max(2000),
  confirmFlagged,
});
export type TaskDoneBody = z.output<typeof taskDoneBody>;

/** POST /api/work-orders/:id/carry-in (DESK-03): the receipt. */
export const carryInReceiptBody = z.object({
  configuration: z.string().trim().min(1, 'must not be blank').max(1000),
  condition: z.string().trim().min(1, 'must not be blank').max(1000),
  accessories: z.string().trim().max(500).default(''),
  receiptSignedBy: z.string().trim().min(1, 'must not be blank').max(100),
  shelf: z.string().trim().min(1, 'must not be blank').max(50),
});
export type CarryInReceiptBody = z.output<typeof carryInReceiptBody>;

/** POST /api/work-orders/:id/carry-in/stage: the next bench step; `ready` tells the customer. */
export const carryInStageBody = z.object({
  stage: z.enum(CARRY_IN_STAGES).exclude(['received', 'picked_up']),
  note: z.string().trim().max(1000).optional(),
  confirmFlagged,
});
export type CarryInStageBody = z.output<typeof carryInStageBody>;

/** POST /api/work-orders/:id/carry-in/pickup */
export const carryInPickupBody = z.object({
  retestPassed: z.boolean(),
  retestNote: z.string().trim().min(1, 'must not be blank').max(1000),
  signedBy: z.string().trim().min(1, 'must not be blank').max(100),
});
export type CarryInPickupBody = z.output<typeof carryInPickupBody>;

export const carryInListQuery = z.object({
  stage: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').filter(Boolean) : undefined))
    .pipe(z.array(z.enum(CARRY_IN_STAGES)).optional()),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** POST /api/work-orders/:id/customer-messages (DESK-04/06): a note the customer reads on their page. */
export const customerMessageBody = z.object({ text: z.string().trim().min(1).max(1000), confirmFlagged });
export type CustomerMessageBody = z.output<typeof customerMessageBody>;

/** POST /api/public/orders/:token/reschedule (DESK-06, SLA-07). */
export const selfRescheduleBody = z.object({
  window: windowSchema,
  reason: z.string().trim().min(1, 'must not be blank').max(500),
});
export type SelfRescheduleBody = z.output<typeof selfRescheduleBody>;
