import { z } from 'zod';
import { ATTACHMENT_KINDS, CAUSE_CATEGORIES, SYMPTOM_REPRODUCED } from '@daowei/domain';

const uuid = z.uuid();
const text = (max = 2000) => z.string().trim().max(max);

/**
 * An image as a data URL ("data:image/png;base64,…", what a canvas exports) or bare base64. The type the
 * client declares is ignored: the server decides by the bytes (WO-14). Length is bounded here; the
 * policy's byte limit is checked after decoding.
 */
export const imageData = z
  .string()
  .max(12_000_000)
  .regex(/^(data:[a-z/+.-]+;base64,)?[A-Za-z0-9+/]+={0,2}$/, 'expected base64 image data')
  .describe('PNG, JPEG or WebP as a data URL or base64');

export const orderParams = z.object({ id: uuid });
export const attachmentParams = z.object({ id: uuid, attachmentId: uuid });

/** POST /api/work-orders/:id/consents (ENG-04). */
export const consentBody = z.object({
  kind: z.string().trim().min(1).max(50),
  backupConfirmed: z.boolean().optional(),
  quotedPriceFen: z.number().int().min(0).max(100_000_000).optional(),
  note: text().optional(),
  signature: imageData,
});
export type ConsentBody = z.infer<typeof consentBody>;

/** POST /api/work-orders/:id/attachments (WO-14). */
export const attachmentBody = z.object({
  kind: z.enum(ATTACHMENT_KINDS),
  caption: text(200).optional(),
  data: imageData,
});
export type AttachmentBody = z.infer<typeof attachmentBody>;

/** POST /api/work-orders/:id/checklist (ENG-03): steps ticked now. */
export const checklistBody = z.object({ steps: z.array(z.string().trim().min(1).max(50)).min(1).max(50) });
export type ChecklistBody = z.infer<typeof checklistBody>;

/** POST /api/work-orders/:id/confirmation (ENG-06): a signature or declinedToSign, never both. */
export const confirmationBody = z.object({
  satisfaction: z.number().int().min(1).max(10),
  comment: text().optional(),
  declinedToSign: z.boolean().default(false),
  signature: imageData.optional(),
});
export type ConfirmationBody = z.infer<typeof confirmationBody>;

/**
 * POST /api/work-orders/:id/diagnosis (ENG-05). The observation limit is the policy's and is checked by
 * the domain (WO_OBSERVATION_TOO_LONG), so only a sane bound is set here.
 */
export const diagnosisBody = z.object({
  symptomReproduced: z.enum(SYMPTOM_REPRODUCED),
  observedMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  causeCategory: z.enum(CAUSE_CATEGORIES),
  finding: text().pipe(z.string().min(1)),
});
export type DiagnosisBody = z.infer<typeof diagnosisBody>;
