import { z } from 'zod';
import { careScheduleSchema, HOLIDAY_HANDLINGS } from '@daowei/domain';
import { CARE_AGREEMENT_STATUSES } from '@daowei/db';
import { imageData } from '../visits/visit.schemas.js';

const text = (max = 2000) => z.string().trim().max(max);
const requiredText = (max = 200) => z.string().trim().min(1, 'must not be blank').max(max);
const code = z.string().trim().min(1).max(50);
/** A calendar day `YYYY-MM-DD` (the pattern appears in OpenAPI for the bad-input fuzz). */
export const isoDay = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD')
  .describe('calendar day YYYY-MM-DD');
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 -]{5,20}$/, 'expected a phone number');

export const idParams = z.object({ id: z.uuid() });

/** POST /api/care-agreements (WO-16). */
export const agreementBody = z
  .object({
    vendorId: z.uuid().optional(),
    customer: z.object({ name: requiredText(100), phone, address: requiredText(300) }),
    areaId: z.uuid().optional(),
    contents: z.array(code).min(1).max(20),
    schedule: careScheduleSchema,
    holidayHandling: z.enum(HOLIDAY_HANDLINGS).optional(),
    startDate: isoDay,
    endDate: isoDay.optional(),
    carerId: z.uuid().optional(),
    note: text(1000).optional(),
  })
  .refine((b) => !b.endDate || b.endDate >= b.startDate, {
    message: 'must not be before startDate',
    path: ['endDate'],
  });
export type AgreementBody = z.output<typeof agreementBody>;

export const agreementsQuery = z.object({
  status: z.enum(CARE_AGREEMENT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type AgreementsQuery = z.output<typeof agreementsQuery>;

/** POST /api/care-agreements/:id/status: pause, resume or end, always with a reason. */
export const agreementStatusBody = z.object({
  status: z.enum(CARE_AGREEMENT_STATUSES),
  reason: requiredText(500),
});
export type AgreementStatusBody = z.output<typeof agreementStatusBody>;

export const upcomingQuery = z.object({
  from: isoDay.optional(),
  to: isoDay.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type UpcomingQuery = z.output<typeof upcomingQuery>;

/** POST /api/work-orders/:id/care-visit/calls: the call that confirms the content beforehand. */
export const careCallBody = z.object({
  outcome: code,
  note: text(500).optional(),
  /** The contents the customer wants this time, when they changed them on the phone. */
  contents: z.array(code).min(1).max(20).optional(),
});
export type CareCallBody = z.output<typeof careCallBody>;

/** POST /api/work-orders/:id/care-visit/ticks: contents done and closing checks ticked. */
export const careTicksBody = z.object({ items: z.array(code).min(1).max(40) });
export type CareTicksBody = z.output<typeof careTicksBody>;

/** POST /api/work-orders/:id/care-visit/evaluation. */
export const careEvaluationBody = z.object({
  condition: code,
  rating: z.number().int().min(1).max(10),
  note: text(1000).optional(),
});
export type CareEvaluationBody = z.output<typeof careEvaluationBody>;

/** POST /api/inspection-plans (WO-17). */
export const planBody = z.object({
  vendorId: z.uuid().optional(),
  year: z.number().int().min(2000).max(2100),
  name: requiredText(100),
  targets: z
    .array(
      z.object({
        customerName: requiredText(100),
        contactPhone: phone,
        address: requiredText(300),
        areaId: z.uuid().optional(),
        month: z.number().int().min(1).max(12),
      }),
    )
    .min(1)
    .max(2000),
});
export type PlanBody = z.output<typeof planBody>;

export const plansQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(100) });

/** POST /api/work-orders/:id/inspectors: the crew, lead first (WO-17). */
export const inspectorsBody = z.object({ personIds: z.array(z.uuid()).min(1).max(6), remark: text(200).optional() });
export type InspectorsBody = z.output<typeof inspectorsBody>;

/** POST /api/work-orders/:id/inspection/findings. */
export const findingBody = z.object({
  item: code,
  result: z.enum(['ok', 'hazard', 'not_applicable']),
  hazardLevel: code.optional(),
  note: text(500).optional(),
  /** DESK-04: a permitted caller sends a flagged hazard note anyway. */
  confirmFlagged: z.boolean().optional(),
});
export type FindingBody = z.output<typeof findingBody>;

/** POST /api/rectification-notices/:id/answer: a signature, or the refusal and its reason. */
export const noticeAnswerBody = z.object({
  signature: imageData.optional(),
  refusalReason: code.optional(),
  refusalNote: text(500).optional(),
});
export type NoticeAnswerBody = z.output<typeof noticeAnswerBody>;

export const noticeRectifiedBody = z.object({ note: requiredText(500) });
export type NoticeRectifiedBody = z.output<typeof noticeRectifiedBody>;

export const overdueQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(200) });
