import { z } from 'zod';
import { INCIDENT_PROGRESS, INCIDENT_STATES } from '@daowei/domain';

/** WO-11 batch incidents: request shapes (OpenAPI-visible). */

export const incidentIdParams = z.object({ id: z.uuid() });
export const incidentChildParams = z.object({ id: z.uuid(), orderId: z.uuid() });

/** Comma list or repeated parameter: `state=proposed,confirmed` or `state=proposed&state=confirmed`. */
const states = z
  .union([z.string().max(200), z.array(z.string().max(50)).max(10)])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter(Boolean))
  .pipe(z.array(z.enum(INCIDENT_STATES)));

export const incidentListQuery = z.object({
  /** Default: the desk's working list — proposed and confirmed. */
  state: states.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type IncidentListQuery = z.output<typeof incidentListQuery>;

const note = z.string().trim().max(1000);
const confirmFlagged = z.boolean().default(false);

export const incidentConfirmBody = z.object({ note: note.optional(), confirmFlagged });
export type IncidentConfirmBody = z.output<typeof incidentConfirmBody>;

export const incidentDismissBody = z.object({ reason: z.string().trim().min(1, 'must not be blank').max(1000) });
export type IncidentDismissBody = z.output<typeof incidentDismissBody>;

/** Link an order by its id or by the number the desk reads off the caller's order. */
export const incidentLinkBody = z
  .object({ orderId: z.uuid().optional(), orderNumber: z.string().trim().min(1).max(40).optional() })
  .refine((b) => !b.orderId !== !b.orderNumber, { message: 'Give exactly one of orderId and orderNumber' });
export type IncidentLinkBody = z.output<typeof incidentLinkBody>;

export const incidentProgressBody = z.object({
  progress: z.enum(INCIDENT_PROGRESS),
  note: note.optional(),
  confirmFlagged,
});
export type IncidentProgressBody = z.output<typeof incidentProgressBody>;

export const incidentCloseBody = z.object({
  note: z.string().trim().min(1, 'must not be blank').max(1000),
  confirmFlagged,
});
export type IncidentCloseBody = z.output<typeof incidentCloseBody>;
