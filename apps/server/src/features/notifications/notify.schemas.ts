import { z } from 'zod';
import { OUTBOX_STATES } from '@daowei/db';
import { CUSTOMER_EVENTS, MESSAGE_CHANNELS, MESSAGE_LOCALES } from '@daowei/domain';

/** /api/notify/templates/:event/:channel/:locale — one template (INT-01). */
export const templateKeyParams = z.object({
  event: z.enum(CUSTOMER_EVENTS),
  channel: z.enum(MESSAGE_CHANNELS),
  locale: z.enum(MESSAGE_LOCALES),
});
export type TemplateKeyParams = z.infer<typeof templateKeyParams>;

/** PUT body: the new wording; `version` is the version the editor started from (0 = our default). */
export const templateBody = z.object({
  subject: z.string().max(200).nullable().optional(),
  body: z.string().trim().min(1).max(1000),
  enabled: z.boolean().default(true),
  version: z.number().int().min(0),
});
export type TemplateBody = z.infer<typeof templateBody>;

/** GET /api/notify/outbox: the send log, newest first. */
export const outboxQuery = z.object({
  status: z.enum(OUTBOX_STATES).optional(),
  orderId: z.uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type OutboxQueryInput = z.infer<typeof outboxQuery>;

export const outboxParams = z.object({ id: z.uuid() });
