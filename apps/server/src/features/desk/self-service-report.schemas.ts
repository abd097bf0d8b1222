import { z } from 'zod';
import { SYMPTOMS } from '@daowei/domain';

/** POST /api/public/orders/:token/faults (DESK-06): what is wrong, in the customer's words. */
export const selfReportBody = z.object({
  description: z.string().trim().min(1, 'must not be blank').max(1000),
  symptom: z.enum(SYMPTOMS).optional(),
});
export type SelfReportBody = z.output<typeof selfReportBody>;
