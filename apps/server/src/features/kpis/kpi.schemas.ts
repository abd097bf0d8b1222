import { KPI_KEYS } from '@daowei/domain';
import { z } from 'zod';

const uuid = z.uuid();
const instant = z.iso.datetime({ offset: true });
const MAX_SPAN_MS = 366 * 86_400_000;

const scope = {
  from: instant,
  to: instant,
  groupBy: z.enum(['day', 'station', 'area', 'vendor', 'engineer']).optional(),
  /** More breakdowns in the same answer (the dashboard's trend and ranking in one read), comma-separated. */
  breakdowns: z
    .string()
    .regex(/^(day|station|area|vendor|engineer)(,(day|station|area|vendor|engineer)){0,2}$/, {
      message: 'one to three of day, station, area, vendor, engineer, comma-separated',
    })
    .optional(),
  vendorId: uuid.optional(),
  stationId: uuid.optional(),
  areaId: uuid.optional(),
  engineerId: uuid.optional(),
};

function period<T extends z.ZodType<{ from: string; to: string }>>(schema: T) {
  return schema
    .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'must be after from', path: ['to'] })
    .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_SPAN_MS, {
      message: 'a period is at most 366 days',
      path: ['to'],
    });
}

/** GET /api/kpis (KPI-01): the indicators for [from, to), optionally broken down. */
export const kpiQuery = period(z.object(scope));
export type KpiQuery = z.infer<typeof kpiQuery>;

/**
 * GET /api/kpis/orders (KPI-01 drill-down): the orders behind one figure — the same scope as /api/kpis,
 * the indicator's key, and for a figure of a breakdown the group (groupBy + groupKey; `none` is the
 * group of orders without a value, e.g. no station yet).
 */
export const kpiDrillQuery = period(
  z.object({
    ...scope,
    key: z.enum(KPI_KEYS),
    groupKey: z.string().max(64).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  }),
);
export type KpiDrillQuery = z.infer<typeof kpiDrillQuery>;

/** KPI-02/03: one local day (policy zone) and optionally one station. */
/** KPI-02/03: one local day; the lists (problem orders, the log) a page at a time. */
export const reportQuery = z.object({
  day: z.iso.date(),
  stationId: uuid.optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ReportQueryInput = z.infer<typeof reportQuery>;
