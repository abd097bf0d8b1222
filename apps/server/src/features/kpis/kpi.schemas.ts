import { z } from 'zod';

const uuid = z.uuid();
const instant = z.iso.datetime({ offset: true });
const MAX_SPAN_MS = 366 * 86_400_000;

/** GET /api/kpis (KPI-01): the indicators for [from, to), optionally broken down. */
export const kpiQuery = z
  .object({
    from: instant,
    to: instant,
    groupBy: z.enum(['day', 'station', 'area', 'vendor', 'engineer']).optional(),
    vendorId: uuid.optional(),
    stationId: uuid.optional(),
    areaId: uuid.optional(),
    engineerId: uuid.optional(),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'must be after from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_SPAN_MS, {
    message: 'a period is at most 366 days',
    path: ['to'],
  });
export type KpiQuery = z.infer<typeof kpiQuery>;
