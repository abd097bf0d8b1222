import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import type { WorkOrderType } from '@daowei/domain';
import { createdAt, id, sameTenant, tenantId, timestamptz } from './columns.js';
import { people } from './people.js';
import { tenants } from './tenants.js';
import { workOrders } from './work-orders.js';

/** A paused interval as stored (ISO instants); `to` is null while the pause lasts. */
export interface StoredPausedInterval {
  from: string;
  to: string | null;
  reason: string;
}

/**
 * SLA-02/09: one promise of one order. The columns are what the at-risk view filters and sorts on
 * (state, due and warning instants, vendor, station, order type — copied from the order at start so
 * the coordinator's page is an index scan on this table alone); `engine` is the whole domain
 * `SlaClock` (definition snapshot, budget, steps) so pauses and explanations replay exactly, and a new
 * policy version never moves a stored clock (SLA-02). `state` is the stored life-cycle
 * (running/paused/stopped); warning and breached are computed from the instants at read time.
 */
export const slaClocks = pgTable(
  'sla_clocks',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    vendorId: uuid('vendor_id').notNull(),
    stationId: uuid('station_id'),
    /**
     * The order's holder, copied and kept equal by triggers (migration 0028): KPI-01 rebuilds one
     * engineer's slice of a day from that engineer's clocks due that day, not from all of them.
     */
    holderId: uuid('holder_id'),
    orderType: text('order_type').$type<WorkOrderType>().notNull(),
    kind: text('kind').notNull(),
    ruleId: text('rule_id').notNull(),
    policyId: text('policy_id').notNull(),
    policyVersion: integer('policy_version').notNull(),
    startedAt: timestamptz('started_at').notNull(),
    dueAt: timestamptz('due_at').notNull(),
    warnAt: timestamptz('warn_at').notNull(),
    pausedIntervals: jsonb('paused_intervals').$type<StoredPausedInterval[]>().notNull(),
    state: text('state').$type<'running' | 'paused' | 'stopped'>().notNull(),
    /** Start of the open pause: a clock paused after its due time stays breached (clockStatus). */
    pausedAt: timestamptz('paused_at'),
    stoppedAt: timestamptz('stopped_at'),
    provisional: boolean('provisional').notNull(),
    /** When the warning / breach job recorded its event (null until then). */
    warnedAt: timestamptz('warned_at'),
    breachedAt: timestamptz('breached_at'),
    /** SLA-04: why the order is late; an overdue clock without one is flagged to coordinators. */
    overdueReason: text('overdue_reason'),
    overdueReasonBy: uuid('overdue_reason_by'),
    overdueReasonAt: timestamptz('overdue_reason_at'),
    engine: jsonb('engine').$type<Record<string, unknown>>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('sla_clocks_tenant_id_unique').on(t.tenantId, t.id),
    // One clock per promise of an order: starting clocks twice (a replayed hook) cannot duplicate one.
    unique('sla_clocks_order_kind_unique').on(t.orderId, t.kind),
    sameTenant('sla_clocks_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('sla_clocks_reason_by_fk', { tenantId: t.tenantId, column: t.overdueReasonBy }, people),
    // The at-risk view: open clocks of a tenant by due time (breached = due_at < now).
    index('sla_clocks_at_risk_idx').on(t.tenantId, t.state, t.dueAt, t.id),
    // Warning view: warn_at <= now.
    index('sla_clocks_warn_idx').on(t.tenantId, t.warnAt),
    // The at-risk page reads open clocks earliest due first and stops after one page: with these the
    // read is an ordered index scan (tenant-wide for operator staff, per vendor for vendor staff)
    // instead of collecting every running clock and sorting (bench:sla-query, docs/benchmarks.md).
    index('sla_clocks_open_due_idx')
      .on(t.tenantId, t.dueAt, t.id)
      .where(sql`${t.state} <> 'stopped'`),
    index('sla_clocks_open_vendor_due_idx')
      .on(t.tenantId, t.vendorId, t.dueAt, t.id)
      .where(sql`${t.state} <> 'stopped'`),
    index('sla_clocks_order_idx').on(t.tenantId, t.orderId),
    index('sla_clocks_holder_due_idx').on(t.tenantId, t.holderId, t.dueAt),
    check('sla_clocks_state_check', sql`${t.state} in ('running', 'paused', 'stopped')`),
    check('sla_clocks_version_check', sql`${t.version} >= 1`),
  ],
);

/**
 * SLA-09: what happened to a clock on its own (not an order action): warning, breach, escalation,
 * re-evaluation (SLA-02). Append-only and recorded once per kind and occurrence — unique (clock_id,
 * kind, occurrence) — so a timer delivered twice, or by two server processes, records one event.
 * `occurrence` is '' for warning and breach (once per clock), the trigger ('warning' / 'breach') for an
 * escalation, and the clock version for a re-evaluation. The order's hash-chained history keeps lifecycle
 * actions only. The vendor assessment (a later issue) consumes breaches from here.
 */
export const slaClockEvents = pgTable(
  'sla_clock_events',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    clockId: uuid('clock_id').notNull(),
    orderId: uuid('order_id').notNull(),
    kind: text('kind').$type<'warning' | 'breach' | 'escalation' | 'reevaluated'>().notNull(),
    occurrence: text('occurrence').notNull().default(''),
    at: timestamptz('at').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('sla_clock_events_clock_kind_occurrence_unique').on(t.clockId, t.kind, t.occurrence),
    sameTenant('sla_clock_events_clock_fk', { tenantId: t.tenantId, column: t.clockId }, slaClocks),
    sameTenant('sla_clock_events_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    index('sla_clock_events_tenant_at_idx').on(t.tenantId, t.at),
    check('sla_clock_events_kind_check', sql`${t.kind} in ('warning', 'breach', 'escalation', 'reevaluated')`),
  ],
);
