import { z } from 'zod';
import {
  PRIORITIES,
  SUSPEND_REASONS,
  WARRANTY_STATES,
  WORK_ORDER_ACTIONS,
  WORK_ORDER_STATUSES,
  WORK_ORDER_TYPES,
} from '@daowei/domain';

const text = (max = 2000) => z.string().trim().max(max);
const requiredText = (max = 2000) => z.string().trim().min(1, 'must not be blank').max(max);
/**
 * Dates the database can store: ISO 8601 with an offset, between the years 1900 and 9999 in UTC
 * (PostgreSQL has no year 0, so "0000-01-01T00:00:00Z" would otherwise fail as a 500).
 */
const MIN_DATE = Date.UTC(1900, 0, 1);
const MAX_DATE = Date.UTC(10000, 0, 1) - 1;
const inStorableRange = (d: Date) => d.getTime() >= MIN_DATE && d.getTime() <= MAX_DATE;
const isoDate = z.iso
  .datetime({ offset: true })
  .transform((s) => new Date(s))
  .refine(inStorableRange, { message: 'must be between the years 1900 and 9999' });

/**
 * The opaque list cursor (base64url of `[acceptedAt ISO, id]`, as the list answer gave it). The list
 * service checks it so that a forged one is a 400, never a date the database cannot read.
 */
export function isWellFormedCursor(cursor: string): boolean {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) return false;
    const [at, id] = parsed as unknown[];
    return (
      typeof at === 'string' &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(at) &&
      !Number.isNaN(new Date(at).getTime()) &&
      inStorableRange(new Date(at)) &&
      typeof id === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
    );
  } catch {
    return false;
  }
}

export const windowSchema = z
  .object({ start: isoDate, end: isoDate })
  .refine((w) => w.end > w.start, { message: 'end must be after start', path: ['end'] });

export const idParams = z.object({ id: z.uuid() });

export const actionParams = z.object({ id: z.uuid(), action: z.enum(WORK_ORDER_ACTIONS) });

export const listQuery = z.object({
  scope: z.enum(['todo', 'done', 'all']).default('all'),
  type: z.enum(WORK_ORDER_TYPES).optional(),
  status: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').filter(Boolean) : undefined))
    .pipe(z.array(z.enum(WORK_ORDER_STATUSES)).optional()),
  areaId: z.uuid().optional(),
  engineerId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: text(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListQuery = z.output<typeof listQuery>;

export const createBody = z.object({
  type: z.enum(WORK_ORDER_TYPES),
  /** Operator staff name the vendor (or an area whose station belongs to one); vendor staff create for their own. */
  vendorId: z.uuid().optional(),
  priority: z.enum(PRIORITIES).default('normal'),
  acceptanceSerial: requiredText(64),
  product: requiredText(100),
  business: requiredText(100),
  /** Required by type (WO-02, domain required-fields): installs, faults and complaints name the line. */
  productNumber: text(64).default(''),
  customer: z.object({
    name: requiredText(100),
    phone: z.string().regex(/^[0-9+\-\s]{5,20}$/, 'not a phone number'),
    /** Required for every order that sends someone to the customer (WO-02). */
    address: text(300).default(''),
  }),
  areaId: z.uuid().optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  faultDescription: text().optional(),
  customerMessage: text().optional(),
  broadband: z
    .object({
      bandwidthMbps: z.number().int().positive(),
      tariff: requiredText(100),
      accessMethod: requiredText(50),
      cooperationMode: requiredText(50),
      accessDevice: text(100).optional(),
    })
    .optional(),
  productModel: text(100).optional(),
  purchaseDate: z.iso.date().optional(),
  warranty: z.enum(WARRANTY_STATES).default('unknown'),
  appointment: windowSchema.optional(),
  /** SLA-02: the service contract the order names (an id of the tenant's SLA policy); null for none, absent: the customer's. */
  contractId: z.string().min(1).max(64).nullable().optional(),
});
export type CreateBody = z.output<typeof createBody>;

const outcome = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('done') }),
  z.object({
    kind: z.literal('resolved'),
    causeCode: requiredText(50),
    solution: requiredText(),
    steps: requiredText(),
  }),
  z.object({ kind: z.literal('unresolved_to_fault'), steps: requiredText() }),
  z.object({ kind: z.literal('reschedule'), reason: requiredText(), window: windowSchema }),
  z.object({ kind: z.literal('cannot_resolve'), explanation: requiredText() }),
  z.object({ kind: z.literal('misdispatched'), remark: requiredText() }),
]);

/** One body schema per action (docs/api.md); the route picks it by the :action parameter. */
export const actionBodies = {
  triage: z.object({ remark: text().optional() }),
  dispatch: z.object({ toPersonId: z.uuid().optional(), toUnitId: z.uuid().optional(), remark: text() }),
  take: z.object({}),
  return: z.object({ reasonCode: requiredText(50), remark: text() }),
  confirm_appointment: z.object({ window: windowSchema }),
  reschedule: z.object({ reason: requiredText(), window: windowSchema, askedBy: z.enum(['customer', 'us']) }),
  /** INT-01/ENG-02: where the phone is when the engineer leaves — the customer's ETA is worked out from it. */
  depart: z.object({
    position: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
  }),
  arrive: z.object({
    position: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
    escalationNote: text().optional(),
    /** ENG-07: the phone's time of arrival; counts only when the check-in waited offline (Offline-Queued-At). */
    arrivedAt: isoDate.optional(),
  }),
  suspend: z.object({ reason: z.enum(SUSPEND_REASONS), remark: text() }),
  resume: z.object({ remark: text().optional() }),
  complete: z.object({
    customerContacted: z.boolean(),
    handlingMinutes: z.number().int().min(0).max(100_000),
    remark: text(),
    outcome,
    /** CB-01: not sure the fix holds — the callback queue gets a call 2–3 h later. */
    uncertainFix: z.boolean().optional(),
  }),
  start_callback: z.object({}),
  close: z.object({ remark: text().optional() }),
  reopen: z.object({ reason: requiredText() }),
  cancel: z.object({ reason: requiredText() }),
  /** APT-03 nobody home: the doorstep protocol with the phone's times (the note's photo is an attachment). */
  no_access: z.object({
    knockedAt: isoDate,
    call: z.object({ at: isoDate, outcome: requiredText(50) }),
    neighbour: z.object({ at: isoDate, outcome: requiredText(50), note: text(500).optional() }),
    noteLeft: z.boolean(),
    leftAt: isoDate.optional(),
    remark: text().optional(),
  }),
} as const;

/** The body is validated after routing, so the schema in OpenAPI is the union of all action bodies. */
export const anyActionBody = z.record(z.string(), z.unknown()).default({});
