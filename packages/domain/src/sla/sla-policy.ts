import { z } from 'zod';
import { DomainError } from '../shared/errors.js';
import { POSITIONS } from '../org/positions.js';
import { PRIORITIES, SUSPEND_REASONS, WORK_ORDER_TYPES } from '../work-order/work-order.types.js';

/**
 * SLA-02..09 as data: the SLA section of a policy pack. Every promise is a clock definition — when it
 * applies (selector), what starts it (anchor), how its deadline is computed (deadline rule), what may
 * pause it — so a tenant changes promises by editing data, and a new version never touches clocks
 * already running (each clock carries a snapshot of the definition it was started with).
 */

const timeOfDay = z.string().regex(/^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/, 'expected HH:mm');
const positiveInt = z.number().int().positive();

export const deadlineRuleSchema = z.discriminatedUnion('kind', [
  /** Wall-clock time, nights and holidays included (30 min hand-off, 2 h first contact, 48 h compensation). */
  z.object({ kind: z.literal('elapsed'), minutes: positiveInt }),
  /** The same local time n calendar days later (SLA-03 "within 3 days"), DST-safe. */
  z.object({ kind: z.literal('calendar_days'), days: positiveInt }),
  /** Working time of the calendar (hours of the team's shifts on working days). */
  z.object({ kind: z.literal('working_time'), minutes: positiveInt }),
  /** Close of business of the n-th working day after the start day (SLA-05 "within 2 working days"). */
  z.object({ kind: z.literal('working_days'), days: positiveInt }),
  /**
   * SLA-04: reported before `cutoff` → due `sameDayBy` the same day; at or after it → `nextDayBy` the next
   * day. With dayBasis 'working' a report on a non-working day counts as after the cut-off and "next
   * day" is the next working day (no repair promise runs through National Day); 'calendar' is 7×24.
   */
  z.object({
    kind: z.literal('cutoff'),
    cutoff: timeOfDay,
    sameDayBy: timeOfDay,
    nextDayBy: timeOfDay,
    dayBasis: z.enum(['working', 'calendar']),
  }),
  /** SLA-07: due `minutes` before the agreed appointment window starts (arrive ≥ 5 min early). */
  z.object({ kind: z.literal('before_appointment'), minutes: z.number().int().min(0) }),
]);
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

/** Instants of an order that can start a clock; a clock whose anchor the order lacks does not start. */
export const CLOCK_ANCHORS = [
  'accepted', // the order was accepted (the customer's first request)
  'appointment_agreed', // an appointment window was agreed with the customer
  'damage_reported', // damage to customer property was reported (SLA-08)
  'phone_guidance_ended', // a fix was guided by phone (DESK-02 callback)
  'coverage_claim_confirmed', // a supervisor confirmed an uncovered-address or supplement claim (WO-09/10)
  'resource_change_made', // the engineer changed network resources on site (WO-15)
] as const;
export type ClockAnchor = (typeof CLOCK_ANCHORS)[number];

interface SelectorShape {
  tenantIds?: string[] | undefined;
  vendorIds?: string[] | undefined;
  areaIds?: string[] | undefined;
  orderTypes?: (typeof WORK_ORDER_TYPES)[number][] | undefined;
  priorities?: (typeof PRIORITIES)[number][] | undefined;
  channels?: string[] | undefined;
  coverage?: ('inside' | 'near' | 'not_covered')[] | undefined;
  contracts?: string[] | undefined;
  contractTerms?: string[] | undefined;
  tags?: string[] | undefined;
  not?: SelectorShape | undefined;
}

/**
 * Which orders get a clock. Each listed field must match (any of its values); an absent field matches
 * everything. `contractTerms` and `tags` need all listed values present on the order. `not` excludes.
 */
export const selectorSchema: z.ZodType<SelectorShape> = z.lazy(() =>
  z.object({
    tenantIds: z.array(z.string()).optional(),
    vendorIds: z.array(z.string()).optional(),
    areaIds: z.array(z.string()).optional(),
    orderTypes: z.array(z.enum(WORK_ORDER_TYPES)).optional(),
    priorities: z.array(z.enum(PRIORITIES)).optional(),
    /** How the request came in: 'hotline', 'service_office', 'app', 'operator', … */
    channels: z.array(z.string()).optional(),
    /** ORG-04 coverage of the address: inside an area, near one (within coverageOutsideKm), not covered. */
    coverage: z.array(z.enum(['inside', 'near', 'not_covered'])).optional(),
    /** The order's service contract, by code (one of the policy's `contracts`). */
    contracts: z.array(z.string()).optional(),
    contractTerms: z.array(z.string()).optional(),
    tags: z.array(z.string()).optional(),
    not: selectorSchema.optional(),
  }),
);
export type ClockSelector = SelectorShape;

const label = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) });

/**
 * SLA-09 escalation: who is told when the clock warns or breaches — a position in the order's station
 * (or its vendor's top unit). Not a deadline: it never moves a clock, and a clock carries the target
 * of the policy version it was started (or re-evaluated) with.
 */
export const escalationTargetSchema = z.object({
  position: z.enum(POSITIONS),
  unit: z.enum(['station', 'vendor']).default('station'),
});
export type EscalationTarget = z.output<typeof escalationTargetSchema>;
export const ESCALATION_TRIGGERS = ['warning', 'breach'] as const;
export type EscalationTrigger = (typeof ESCALATION_TRIGGERS)[number];

export const clockDefinitionSchema = z.object({
  /** Stable name of the promise, e.g. 'fault_repair'; unique within a policy. */
  kind: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** The requirement the promise implements, shown in explanations (SLA-02). */
  ruleId: z.string().min(1),
  label,
  when: selectorSchema,
  anchor: z.enum(CLOCK_ANCHORS),
  deadline: deadlineRuleSchema,
  /** SLA-09: suspend reasons that pause this clock; other suspensions leave it running. */
  pauseOn: z.array(z.enum(SUSPEND_REASONS)).default([]),
  /** SLA-04: a later appointment chosen by the customer moves the deadline to the window's end. */
  followsCustomerAppointment: z.boolean().default(false),
  /** The order event that stops the clock (for the server's wiring), e.g. 'completed', 'arrived'. */
  stopOn: z.string().min(1),
  /** Overrides the policy's warning share for this clock. */
  warnShare: z.number().gt(0).lt(1).optional(),
  /** SLA-03: amount counted against the vendor per breach, in fen (the assessment consumes it). */
  breachPenaltyFen: z.number().int().min(0).optional(),
  /** SLA-09: positions notified at the warning and at the breach (none when absent). */
  escalate: z
    .object({ warning: escalationTargetSchema.optional(), breach: escalationTargetSchema.optional() })
    .optional(),
});
export type ClockDefinition = z.output<typeof clockDefinitionSchema>;

/**
 * SLA-02/06: a tenant's service contract (a business-line SLA "政企专线 4 小时修复", a VIP contract).
 * An order names it (the desk, or the customer's record); clocks select it by `code` in `when.contracts`,
 * and its `terms` switch on promises that ask for them (`when.contractTerms`, e.g. 'urgent_repair').
 */
export const slaContractSchema = z.object({
  /** Stable id stored on customers and orders; the code and name may be corrected later. */
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ or -'),
  code: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ or -'),
  name: z.string().trim().min(1).max(100),
  terms: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).default([]),
});
export type SlaContract = z.output<typeof slaContractSchema>;

/** Contract codes a selector names, its `not` branches included. */
function contractCodesOf(sel: SelectorShape): string[] {
  return [...(sel.contracts ?? []), ...(sel.not ? contractCodesOf(sel.not) : [])];
}

export const slaPolicySchema = z
  .object({
    id: z.string().min(1),
    version: z.number().int().positive(),
    /** SLA-09: share of the allowed time after which a clock warns (at risk). */
    warnShare: z.number().gt(0).lt(1),
    clocks: z.array(clockDefinitionSchema),
    /** SLA-07 appointment keeping (checks, not clocks: see appointment-rules.ts). */
    appointment: z.object({
      arriveEarlyMinutes: z.number().int().min(0),
      arriveEarlyTargetMaxMinutes: z.number().int().min(0),
      rescheduleNoticeMinutes: z.number().int().min(0),
      plannedVisitNoticeMinutes: z.number().int().min(0),
    }),
    /** Averages the assessment measures, not per-order deadlines (SLA-04: 8 h average fault duration). */
    targets: z.object({ faultAverageDurationMinutes: positiveInt }),
    /** The tenant's service contracts (none by default). */
    contracts: z.array(slaContractSchema).default([]),
  })
  .refine((p) => new Set(p.clocks.map((c) => c.kind)).size === p.clocks.length, 'clock kinds are unique')
  .refine((p) => new Set(p.contracts.map((c) => c.id)).size === p.contracts.length, {
    message: 'contract ids are unique',
    path: ['contracts'],
  })
  .refine((p) => new Set(p.contracts.map((c) => c.code)).size === p.contracts.length, {
    message: 'contract codes are unique',
    path: ['contracts'],
  })
  .superRefine((p, ctx) => {
    // A rule naming a contract the policy does not have would silently never match.
    const codes = new Set(p.contracts.map((c) => c.code));
    p.clocks.forEach((c, i) => {
      for (const code of contractCodesOf(c.when)) {
        if (!codes.has(code)) {
          ctx.addIssue({
            code: 'custom',
            message: `unknown contract ${code}`,
            path: ['clocks', i, 'when', 'contracts'],
          });
        }
      }
    });
  });
export type SlaPolicy = z.output<typeof slaPolicySchema>;
export type SlaPolicyInput = z.input<typeof slaPolicySchema>;

/** Validates SLA policy data (an admin's edit, an import); the error names the first bad field. */
export function parseSlaPolicy(input: unknown): SlaPolicy {
  const r = slaPolicySchema.safeParse(input);
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw new DomainError('VALIDATION_FAILED', `Invalid SLA policy: ${field} ${issue?.message ?? ''}`.trim(), {
      field,
    });
  }
  return r.data;
}

/** JSON Schema of the SLA section, for the API docs and for editors of policy files. */
export function slaPolicyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(slaPolicySchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
