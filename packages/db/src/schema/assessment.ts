import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, sameTenant, tenantId, timestamptz } from './columns.js';
import { people } from './people.js';
import { tenants } from './tenants.js';
import { workOrders } from './work-orders.js';

export const ASSESSMENT_CASE_STATES = ['assessed', 'disputed', 'in_review', 'upheld', 'reversed'] as const;
export type AssessmentCaseState = (typeof ASSESSMENT_CASE_STATES)[number];

/** A case's line as stored (domain CaseLine). */
export type StoredCaseLine =
  | { party: 'vendor'; vendorId: string; amountFen: number; scorePoints: number }
  | { party: 'person'; vendorId: string; personId: string | null; amountFen: number };

/**
 * VND-01: one assessment case per event (an SLA breach, a false claim found, a spot-check mismatch…).
 * `source_key` names the event that made it (e.g. `sla:<clock event id>`), unique per tenant, so a
 * replayed event never makes a second case. The lines are the domain's `assessCase` under the rule set
 * (id + version) kept on the row; the case itself is never edited afterwards — its state follows the
 * appended history (dispute → review → upheld | reversed).
 */
export const assessmentCases = pgTable(
  'assessment_cases',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    sourceKey: text('source_key').notNull(),
    eventKind: text('event_kind').notNull(),
    vendorId: uuid('vendor_id').notNull(),
    orderId: uuid('order_id').notNull(),
    personId: uuid('person_id'),
    occurredAt: timestamptz('occurred_at').notNull(),
    evidence: jsonb('evidence').$type<string[]>().notNull(),
    note: text('note'),
    ruleId: text('rule_id'),
    rulesId: text('rules_id').notNull(),
    rulesVersion: integer('rules_version').notNull(),
    lines: jsonb('lines').$type<StoredCaseLine[]>().notNull(),
    state: text('state').$type<AssessmentCaseState>().notNull().default('assessed'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    unique('assessment_cases_tenant_id_unique').on(t.tenantId, t.id),
    unique('assessment_cases_source_unique').on(t.tenantId, t.sourceKey),
    sameTenant('assessment_cases_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('assessment_cases_person_fk', { tenantId: t.tenantId, column: t.personId }, people),
    // The monthly ledger: a vendor's cases by time.
    index('assessment_cases_ledger_idx').on(t.tenantId, t.vendorId, t.occurredAt),
    index('assessment_cases_order_idx').on(t.tenantId, t.orderId),
    check(
      'assessment_cases_state_check',
      sql`${t.state} in ('assessed', 'disputed', 'in_review', 'upheld', 'reversed')`,
    ),
  ],
);

/** VND-01: every dispute step of a case, append-only, numbered per case (domain CaseHistoryEvent). */
export const assessmentCaseHistory = pgTable(
  'assessment_case_history',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    caseId: uuid('case_id').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind').$type<'disputed' | 'review_started' | 'upheld' | 'reversed'>().notNull(),
    at: timestamptz('at').notNull(),
    byPersonId: uuid('by_person_id').notNull(),
    note: text('note').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('assessment_case_history_seq_unique').on(t.caseId, t.seq),
    sameTenant('assessment_case_history_case_fk', { tenantId: t.tenantId, column: t.caseId }, assessmentCases),
    sameTenant('assessment_case_history_by_fk', { tenantId: t.tenantId, column: t.byPersonId }, people),
    check('assessment_case_history_kind_check', sql`${t.kind} in ('disputed', 'review_started', 'upheld', 'reversed')`),
  ],
);

/**
 * KPI-01 day pre-aggregates (issue 7 benchmark): numerator and denominator of one indicator for one local
 * day (the indicator's anchor day) and one combination of vendor, station, area and engineer. A month's
 * figure is the sum of its days, so the dashboard reads ~30 × groups rows instead of every order.
 * Rebuilt per day range from the same facts the direct computation uses (exactness is tested).
 */
export const kpiDaily = pgTable(
  'kpi_daily',
  {
    tenantId: tenantId().references(() => tenants.id),
    day: date('day', { mode: 'string' }).notNull(),
    kpiKey: text('kpi_key').notNull(),
    vendorId: uuid('vendor_id').notNull(),
    stationId: uuid('station_id'),
    areaId: uuid('area_id'),
    holderId: uuid('holder_id'),
    /**
     * Rows of orders still open (or SLA clocks still running): the local day their deadline, window or
     * due instant passes — they count in a figure "as of" a later day only. Null: they always count.
     */
    countsFrom: date('counts_from', { mode: 'string' }),
    numerator: doublePrecision('numerator').notNull(),
    denominator: integer('denominator').notNull(),
    /** Rows with a non-zero numerator (orders with a reschedule: the drill-down's count of orders). */
    hits: integer('hits').notNull().default(0),
  },
  (t) => [
    index('kpi_daily_tenant_day_idx').on(t.tenantId, t.day),
    index('kpi_daily_station_day_idx').on(t.tenantId, t.stationId, t.day),
  ],
);

/**
 * KPI-01: instants whose local day's aggregates may be stale — the instants an order's figures are
 * anchored on, before and after a change, written by triggers (migrations 0020, 0024, 0027). The reader
 * rebuilds what is marked before summing, so kpi_daily is exact whatever happened since the last
 * refresh. A mark names the engineer whose slice of the day changed (`holder_id`, null: orders nobody
 * holds), so one changed order rebuilds one engineer's day, not the tenant's; `whole_day` marks (older
 * ones, bulk loads) rebuild the whole day.
 */
export const kpiDailyDirty = pgTable(
  'kpi_daily_dirty',
  {
    tenantId: uuid('tenant_id').notNull(),
    at: timestamptz('at').notNull(),
    holderId: uuid('holder_id'),
    wholeDay: boolean('whole_day').notNull().default(true),
  },
  (t) => [index('kpi_daily_dirty_tenant_idx').on(t.tenantId, t.at)],
);
