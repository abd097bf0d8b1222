import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { HOLIDAY_HANDLINGS, type CareSchedule, type HolidayHandling } from '@daowei/domain';
import { createdAt, id, oneOf, sameTenant, tenantId, timestamptz } from './columns.js';
import { customers } from './customers.js';
import { areas } from './org-units.js';
import { people } from './people.js';
import { tenants, vendors } from './tenants.js';
import { workOrders } from './work-orders.js';

export const CARE_AGREEMENT_STATUSES = ['active', 'paused', 'ended'] as const;
export type CareAgreementStatus = (typeof CARE_AGREEMENT_STATUSES)[number];
export const CARE_VISIT_STATES = ['planned', 'skipped', 'cancelled'] as const;
export type CareVisitState = (typeof CARE_VISIT_STATES)[number];

/**
 * WO-16: a home-care service agreement — who is visited, what each visit contains, the schedule, the
 * term and (optionally) the carer. Only an active agreement generates visits; pausing or ending it
 * cancels the generated visits nobody has started.
 */
export const careAgreements = pgTable(
  'care_agreements',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    vendorId: uuid('vendor_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    address: text('address').notNull(),
    areaId: uuid('area_id'),
    contents: jsonb('contents').$type<string[]>().notNull(),
    schedule: jsonb('schedule').$type<CareSchedule>().notNull(),
    holidayHandling: text('holiday_handling').$type<HolidayHandling>().notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    carerId: uuid('carer_id'),
    note: text('note'),
    status: text('status').$type<CareAgreementStatus>().notNull(),
    statusReason: text('status_reason'),
    statusChangedAt: timestamptz('status_changed_at'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    unique('care_agreements_tenant_id_unique').on(t.tenantId, t.id),
    sameTenant('care_agreements_vendor_fk', { tenantId: t.tenantId, column: t.vendorId }, vendors),
    sameTenant('care_agreements_customer_fk', { tenantId: t.tenantId, column: t.customerId }, customers),
    sameTenant('care_agreements_area_fk', { tenantId: t.tenantId, column: t.areaId }, areas),
    sameTenant('care_agreements_carer_fk', { tenantId: t.tenantId, column: t.carerId }, people),
    sameTenant('care_agreements_created_by_fk', { tenantId: t.tenantId, column: t.createdBy }, people),
    index('care_agreements_list_idx').on(t.tenantId, t.vendorId, t.status),
    check('care_agreements_status_check', oneOf(t.status, CARE_AGREEMENT_STATUSES)),
    check('care_agreements_holiday_check', oneOf(t.holidayHandling, HOLIDAY_HANDLINGS)),
    check('care_agreements_term_check', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

/**
 * WO-16: one row per scheduled date of an agreement — the idempotency key of generation is
 * (agreement, occurrence date), so re-running never duplicates and a skipped holiday stays skipped.
 * The row carries what the visit adds to its order: ticks, evaluation and the next visit booked.
 */
export const careVisits = pgTable(
  'care_visits',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    agreementId: uuid('agreement_id').notNull(),
    occurrenceDate: date('occurrence_date', { mode: 'string' }).notNull(),
    plannedDate: date('planned_date', { mode: 'string' }),
    holiday: text('holiday'),
    state: text('state').$type<CareVisitState>().notNull(),
    orderId: uuid('order_id'),
    /** Contents of this visit (the agreement's, or what the customer changed on the phone). */
    contents: jsonb('contents').$type<string[]>().notNull(),
    /** Contents and closing checks ticked on site: code → ISO time. */
    ticks: jsonb('ticks').$type<Record<string, string>>().notNull().default({}),
    contentConfirmedAt: timestamptz('content_confirmed_at'),
    condition: text('condition'),
    rating: integer('rating'),
    evaluationNote: text('evaluation_note'),
    evaluatedAt: timestamptz('evaluated_at'),
    evaluatedBy: uuid('evaluated_by'),
    nextVisitId: uuid('next_visit_id'),
    nextBookedAt: timestamptz('next_booked_at'),
    cancelReason: text('cancel_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('care_visits_tenant_id_unique').on(t.tenantId, t.id),
    unique('care_visits_occurrence_unique').on(t.tenantId, t.agreementId, t.occurrenceDate),
    sameTenant('care_visits_agreement_fk', { tenantId: t.tenantId, column: t.agreementId }, careAgreements),
    sameTenant('care_visits_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('care_visits_evaluated_by_fk', { tenantId: t.tenantId, column: t.evaluatedBy }, people),
    index('care_visits_order_idx').on(t.tenantId, t.orderId),
    index('care_visits_planned_idx').on(t.tenantId, t.plannedDate),
    check('care_visits_state_check', oneOf(t.state, CARE_VISIT_STATES)),
    check('care_visits_rating_check', sql`${t.rating} is null or ${t.rating} >= 1`),
  ],
);

/** WO-16: the phone calls that confirm a visit's content beforehand (several when nobody answers first). */
export const careVisitCalls = pgTable(
  'care_visit_calls',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    visitId: uuid('visit_id').notNull(),
    outcome: text('outcome').notNull(),
    confirms: boolean('confirms').notNull(),
    note: text('note'),
    calledAt: timestamptz('called_at').notNull(),
    calledBy: uuid('called_by').notNull(),
  },
  (t) => [
    sameTenant('care_visit_calls_visit_fk', { tenantId: t.tenantId, column: t.visitId }, careVisits),
    sameTenant('care_visit_calls_by_fk', { tenantId: t.tenantId, column: t.calledBy }, people),
    index('care_visit_calls_visit_idx').on(t.tenantId, t.visitId),
  ],
);
