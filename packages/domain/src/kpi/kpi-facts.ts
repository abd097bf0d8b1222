import { z } from 'zod';
import { DomainError } from '../shared/errors.js';
import { DEFAULT_TIME_ZONE } from '../shared/local-time.js';
import type { AppointmentWindow, WorkOrderStatus, WorkOrderType } from '../work-order/work-order.types.js';

/**
 * KPI-01 inputs. Indicators are computed over plain facts rather than over `WorkOrder` rows: the server
 * assembles these from orders, events, clocks and callbacks (or from daily aggregates), and the same
 * function then serves a dashboard, a drill-down and a test fixture.
 */

export const SATISFACTION_LEVELS = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];

/** One SLA clock of an order as the SLA engine left it (KPI-01 "SLA compliance per policy"). */
export interface KpiClockOutcome {
  kind: string;
  dueAt: Date;
  /** `excused`: withdrawn, neither kept nor broken (the clock stopped because the order was cancelled). */
  outcome: 'met' | 'breached' | 'excused' | 'running';
}

export interface KpiOrderFacts {
  id: string;
  tenantId: string;
  vendorId: string;
  stationId: string | null;
  areaId: string | null;
  /** The engineer who held the order when it was completed (or holds it now). */
  holderId: string | null;
  type: WorkOrderType;
  status: WorkOrderStatus;
  acceptedAt: Date;
  completedAt: Date | null;
  closedAt: Date | null;
  /** The last agreed appointment window; null for orders handled without a visit. */
  appointment: AppointmentWindow | null;
  /** First arrival on site (check-in); absent when nobody got there yet. */
  arrivedAt?: Date | null;
  /** Fault fixed on the first visit, no revisit needed (一次修复). Unknown → the order is left out. */
  firstVisitResolved?: boolean | null;
  /** WO-12: set when this fault repeats an earlier one. */
  repeatOfOrderId: string | null;
  /** Appointments moved at our (vendor's) initiative, not the customer's (SLA-07). */
  reschedulesByUs: number;
  /** Visits where nobody was home / the site was not accessible (上门不遇). */
  noAccessAttempts: number;
  /** CB-01: whether a callback was due for this order, whether it was made, and its answer. */
  callback?: { required: boolean; done: boolean; satisfaction?: Satisfaction | null } | null;
  /** PART-05: null when the job took no parts; true when the parts taken were the parts needed. */
  partsHit?: boolean | null;
  slaClocks?: readonly KpiClockOutcome[];
  /** IANA zone of the order's area; the policy's zone when absent. */
  timeZone?: string;
}

/** Subscriber base for 万投比: how many users a tenant/vendor/station/area serves. */
export interface SubscriberCount {
  tenantId: string;
  vendorId?: string | null;
  stationId?: string | null;
  areaId?: string | null;
  count: number;
}

const positiveInt = z.number().int().positive();

/** KPI-01 numbers, as data: every figure of a formula comes from here, never from a literal. */
export const kpiPolicySchema = z.object({
  id: z.string().min(1),
  version: z.number().int().positive(),
  /** Installs are due this many calendar days after acceptance, same local time ([000 篇2] 3 days). */
  installWithinDays: positiveInt,
  /** Faults resolved within this many hours of acceptance count for the 24 h rate. */
  faultResolutionHours: positiveInt,
  /** 万投比: complaints per this many users. */
  complaintsPerUsers: positiveInt,
  /** Arrival is on time up to this point of the agreed window, plus a grace in minutes. */
  onTimeArrival: z.object({ by: z.enum(['window_start', 'window_end']), graceMinutes: z.number().int().min(0) }),
  /** Answers that count as satisfied in the satisfaction rate. */
  satisfiedLevels: z.array(z.enum(SATISFACTION_LEVELS)).min(1),
  /** Zone for calendar days and for grouping by day when an order has none of its own. */
  timeZone: z.string().min(1),
});
export type KpiPolicy = z.output<typeof kpiPolicySchema>;

export const DEFAULT_KPI_POLICY: KpiPolicy = {
  id: 'default-kpi',
  version: 1,
  installWithinDays: 3,
  faultResolutionHours: 24,
  complaintsPerUsers: 10_000,
  onTimeArrival: { by: 'window_end', graceMinutes: 0 },
  satisfiedLevels: ['very_satisfied', 'satisfied'],
  timeZone: DEFAULT_TIME_ZONE,
};

export function parseKpiPolicy(input: unknown): KpiPolicy {
  const r = kpiPolicySchema.safeParse(input);
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw new DomainError('VALIDATION_FAILED', `Invalid KPI policy: ${field} ${issue?.message ?? ''}`.trim(), {
      field,
    });
  }
  return r.data;
}

/** Half-open interval [from, to): consecutive periods never count an order twice. */
export interface KpiPeriod {
  from: Date;
  to: Date;
}

export const inPeriod = (at: Date | null | undefined, p: KpiPeriod): at is Date =>
  at != null && at.getTime() >= p.from.getTime() && at.getTime() < p.to.getTime();

/** What an indicator needs besides the orders. */
export interface KpiContext {
  policy: KpiPolicy;
  period: KpiPeriod;
  /**
   * The instant the figures are computed for (the caller's clock). An order whose deadline is still
   * ahead of it and that has not finished is undecided and left out, so an order accepted late on the
   * last day of a month does not count as a failure before it had its chance.
   */
  asOf: Date;
  /** Subscriber base of the scope, for 万投比. */
  subscribers?: number;
}

export interface KpiValue {
  /** A rate in [0,1], hours, complaints per N users or a count, by the indicator's unit; null when nothing counts. */
  value: number | null;
  numerator: number;
  denominator: number;
  /** The orders behind the figure (the denominator's orders, or the counted ones for counts), for drill-down. */
  orderIds: string[];
}

export type KpiUnit = 'ratio' | 'hours' | 'per_users' | 'count';

/** Stable names of the KPI-01 indicators (API fields, export columns, aggregate tables). */
export const KPI_KEYS = [
  'install_within_days_rate',
  'on_time_arrival_rate',
  'sla_compliance_rate',
  'average_fault_duration_hours',
  'fault_resolved_within_hours_rate',
  'first_time_fix_rate',
  'repeat_fault_rate',
  'complaints_per_users',
  'callback_completion_rate',
  'satisfaction_rate',
  'parts_hit_rate',
  'reschedules_by_us',
  'no_access_rate',
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

export interface KpiDefinition {
  key: KpiKey;
  ruleIds: readonly string[];
  label: { 'zh-CN': string; en: string };
  formula: { 'zh-CN': string; en: string };
  unit: KpiUnit;
  compute(orders: readonly KpiOrderFacts[], ctx: KpiContext): KpiValue;
}

/** A rate over a population: value = hits / population, null for an empty population. */
export function kpiRate(population: readonly KpiOrderFacts[], hit: (o: KpiOrderFacts) => boolean): KpiValue {
  const numerator = population.filter(hit).length;
  const denominator = population.length;
  return {
    value: denominator === 0 ? null : numerator / denominator,
    numerator,
    denominator,
    orderIds: population.map((o) => o.id),
  };
}
