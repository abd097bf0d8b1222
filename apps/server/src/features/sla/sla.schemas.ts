import { z } from 'zod';
import { WORK_ORDER_TYPES } from '@daowei/domain';

const uuid = z.uuid();

export const orderClocksParams = z.object({ id: uuid });
export const clockParams = z.object({ id: uuid, clockId: uuid });

/** GET /api/sla/at-risk (SLA-09): warning and breached clocks, earliest due first. */
export const atRiskQuery = z.object({
  /** warning = past the warning share, not yet due; breached = past due; omitted = both. */
  state: z.enum(['warning', 'breached']).optional(),
  vendorId: uuid.optional(),
  stationId: uuid.optional(),
  type: z.enum(WORK_ORDER_TYPES).optional(),
  /** The order's service area (ORG-04). */
  areaId: uuid.optional(),
  /** The clock's kind (policy clock name, e.g. fault_repair). */
  kind: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .max(60)
    .optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type AtRiskQuery = z.infer<typeof atRiskQuery>;

/** PUT /api/work-orders/:id/clocks/:clockId/overdue-reason (SLA-04). */
export const overdueReasonBody = z.object({
  reason: z.string().trim().min(1, 'must not be blank').max(2000),
});
