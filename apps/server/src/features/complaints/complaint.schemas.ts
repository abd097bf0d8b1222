import { COMPLAINT_ABOUT_KINDS, RESPONSIBLE_PARTIES } from '@daowei/domain';
import { z } from 'zod';

const uuid = z.uuid();
const instant = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().max(max);
const MAX_SPAN_MS = 366 * 86_400_000;

export const complaintParams = z.object({ orderId: uuid });

function period<T extends z.ZodType<{ from: string; to: string }>>(schema: T) {
  return schema
    .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'must be after from', path: ['to'] })
    .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_SPAN_MS, {
      message: 'a period is at most 366 days',
      path: ['to'],
    });
}

/** GET /api/complaints (CMP-01): complaint orders accepted in [from, to) with their follow-up sheets. */
export const complaintListQuery = period(
  z.object({
    from: instant,
    to: instant,
    state: z.enum(['open', 'closed', 'all']).default('all'),
    stationId: uuid.optional(),
    areaId: uuid.optional(),
    aboutKind: z.enum(COMPLAINT_ABOUT_KINDS).optional(),
    personId: uuid.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  }),
);
export type ComplaintListQuery = z.infer<typeof complaintListQuery>;

/**
 * PUT /api/complaints/:orderId (CMP-01): the follow-up sheet; the first save opens it (`about` is then
 * required). Fields not sent are kept. A complaint about staff names the person.
 */
export const complaintSaveBody = z
  .object({
    about: z
      .object({ kind: z.enum(COMPLAINT_ABOUT_KINDS), personId: uuid.nullish() })
      .refine((a) => (a.kind === 'staff') === Boolean(a.personId), {
        message: 'a complaint about staff names the person, and only then',
        path: ['personId'],
      })
      .optional(),
    fixedWithCustomer: z.boolean().optional(),
    responsibility: z.object({ party: z.enum(RESPONSIBLE_PARTIES), personId: uuid.nullish() }).nullish(),
    causeAnalysis: text(4000).nullish(),
    improvementMeasure: text(4000).nullish(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to save' });
export type ComplaintSaveBody = z.infer<typeof complaintSaveBody>;

/** POST /api/complaints/:orderId/manager-note (CMP-02): the station manager's follow-up with the person. */
export const managerNoteBody = z.object({ note: text(4000).min(1) });
export type ManagerNoteBody = z.infer<typeof managerNoteBody>;

/** GET /api/complaints/staff-log (CMP-02): complaints about staff of the manager's stations. */
export const staffLogQuery = period(
  z.object({
    from: instant,
    to: instant,
    stationId: uuid.optional(),
    personId: uuid.optional(),
    noted: z.enum(['yes', 'no', 'all']).default('all'),
  }),
);
export type StaffLogQuery = z.infer<typeof staffLogQuery>;

/** GET /api/complaints/patterns (CMP-02): complaints per person or area in a period, most first. */
export const patternQuery = period(
  z.object({
    from: instant,
    to: instant,
    by: z.enum(['person', 'area']),
    stationId: uuid.optional(),
    top: z.coerce.number().int().min(1).max(100).default(10),
  }),
);
export type PatternQuery = z.infer<typeof patternQuery>;
