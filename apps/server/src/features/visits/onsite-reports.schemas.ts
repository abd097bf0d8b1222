import { z } from 'zod';
import { ONSITE_REPORT_KINDS, ONSITE_REPORT_STATES } from '@daowei/domain';
import { imageData } from './visit.schemas.js';

const text = (max = 2000) => z.string().trim().max(max);
const requiredText = (max = 2000) => z.string().trim().min(1, 'must not be blank').max(max);
const isoDate = z.iso
  .datetime({ offset: true })
  .transform((s) => new Date(s))
  .refine((d) => d.getUTCFullYear() >= 1900 && d.getUTCFullYear() <= 9999, { message: 'out of range' });

/** POST /api/work-orders/:id/resource-changes (WO-15): what was changed in the network on site. */
export const resourceChangeBody = z.object({
  /** A kind from the policy pack (visit.resourceChange.kinds). */
  changeKind: requiredText(50),
  description: requiredText(),
  /** Resource before and after, e.g. "OLT-3/1/5 分光器 B-12 口 3" → "口 7". */
  before: text(500).optional(),
  after: text(500).optional(),
  /** When the change was made (the phone's time); the deadline runs from it. Defaults to now. */
  changedAt: isoDate.optional(),
});
export type ResourceChangeBody = z.output<typeof resourceChangeBody>;

/** POST /api/work-orders/:id/damage-reports (SLA-08): what was damaged, with a photo. */
export const damageBody = z.object({
  item: requiredText(200),
  description: requiredText(),
  /** The engineer's estimate of the loss, in fen. */
  estimatedFen: z.number().int().min(0).max(100_000_000).optional(),
  /** The customer saw the damage recorded. */
  customerPresent: z.boolean().optional(),
  /** Required from the engineer on site; the desk may record a damage reported by phone without one. */
  photo: imageData.optional(),
});
export type DamageBody = z.output<typeof damageBody>;

/** POST /api/onsite-reports/:id/close: acknowledged, settled (compensation in fen) or followed up. */
export const closeReportBody = z.object({
  note: requiredText(),
  compensationFen: z.number().int().min(0).max(100_000_000).optional(),
});
export type CloseReportBody = z.output<typeof closeReportBody>;

/** GET /api/onsite-reports: a position's list. */
export const reportsQuery = z.object({
  kind: z.enum(ONSITE_REPORT_KINDS).optional(),
  state: z.enum(ONSITE_REPORT_STATES).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ReportsQuery = z.output<typeof reportsQuery>;

export const reportIdParams = z.object({ id: z.uuid() });
