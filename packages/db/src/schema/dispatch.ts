import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, oneOf, sameTenant, tenantId, timestamptz } from './columns.js';
import { areas } from './org-units.js';
import { people } from './people.js';
import { tenants } from './tenants.js';
import { workOrders } from './work-orders.js';

export const PLANNED_VISIT_SOURCES = ['plan', 'manual'] as const;
export type PlannedVisitSource = (typeof PLANNED_VISIT_SOURCES)[number];

/**
 * DSP-01/03: where an order sits in an engineer's day — the sequence an applied plan or a coordinator's
 * drag gave it. One row per order (an order is visited by one engineer on one day); the engineer's
 * phone lists his day in `seq` order. Planned times are the planner's, kept for the phone and the board.
 */
export const plannedVisits = pgTable(
  'planned_visits',
  {
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    engineerId: uuid('engineer_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    seq: integer('seq').notNull(),
    plannedStart: timestamptz('planned_start'),
    plannedEnd: timestamptz('planned_end'),
    source: text('source').$type<PlannedVisitSource>().notNull(),
    /** Why the order went to this engineer, as the planner or the DSP-04 check put it. */
    explanation: text('explanation'),
    /** DSP-03 "an order runs long": minutes the visit took beyond the policy's duration, that day. */
    overrunMinutes: integer('overrun_minutes').notNull().default(0),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'planned_visits_pk', columns: [t.tenantId, t.orderId] }),
    sameTenant('planned_visits_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('planned_visits_engineer_fk', { tenantId: t.tenantId, column: t.engineerId }, people),
    index('planned_visits_day_idx').on(t.tenantId, t.engineerId, t.day, t.seq),
    check('planned_visits_source_check', oneOf(t.source, PLANNED_VISIT_SOURCES)),
    check('planned_visits_seq_check', sql`${t.seq} >= 0`),
    check('planned_visits_overrun_check', sql`${t.overrunMinutes} >= 0`),
  ],
);

/** DSP-03: where an engineer starts his day (home or base); without it the station's centre is used. */
export const engineerBases = pgTable(
  'engineer_bases',
  {
    tenantId: tenantId().references(() => tenants.id),
    personId: uuid('person_id').notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'engineer_bases_pk', columns: [t.tenantId, t.personId] }),
    sameTenant('engineer_bases_person_fk', { tenantId: t.tenantId, column: t.personId }, people),
  ],
);

/** ORG-04: the service areas an engineer covers; an engineer without rows covers all of his station's. */
export const engineerAreas = pgTable(
  'engineer_areas',
  {
    tenantId: tenantId().references(() => tenants.id),
    personId: uuid('person_id').notNull(),
    areaId: uuid('area_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'engineer_areas_pk', columns: [t.tenantId, t.personId, t.areaId] }),
    sameTenant('engineer_areas_person_fk', { tenantId: t.tenantId, column: t.personId }, people),
    sameTenant('engineer_areas_area_fk', { tenantId: t.tenantId, column: t.areaId }, areas),
  ],
);

export const APPOINTMENT_CALL_OUTCOMES = ['reached', 'no_answer', 'busy', 'call_back'] as const;
export type AppointmentCallOutcome = (typeof APPOINTMENT_CALL_OUTCOMES)[number];

/** APT-01: every call made to agree or confirm a visit, append-only. */
export const appointmentCalls = pgTable(
  'appointment_calls',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    actorId: uuid('actor_id').notNull(),
    outcome: text('outcome').$type<AppointmentCallOutcome>().notNull(),
    callBackAt: timestamptz('call_back_at'),
    note: text('note'),
    at: timestamptz('at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('appointment_calls_tenant_id_unique').on(t.tenantId, t.id),
    sameTenant('appointment_calls_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('appointment_calls_actor_fk', { tenantId: t.tenantId, column: t.actorId }, people),
    index('appointment_calls_order_idx').on(t.tenantId, t.orderId, t.at),
    check('appointment_calls_outcome_check', oneOf(t.outcome, APPOINTMENT_CALL_OUTCOMES)),
    check('appointment_calls_call_back_check', sql`(${t.outcome} = 'call_back') = (${t.callBackAt} is not null)`),
  ],
);

export const FOLLOW_UP_STATES = ['open', 'done'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

/**
 * APT-01: "call back at T" becomes a task due at T for the person who called; a pg-boss timer marks it
 * fired at T (the inbox shows it from then on). Done when the next call on the order is logged.
 */
export const appointmentFollowUps = pgTable(
  'appointment_follow_ups',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    callId: uuid('call_id').notNull(),
    assigneeId: uuid('assignee_id').notNull(),
    dueAt: timestamptz('due_at').notNull(),
    state: text('state').$type<FollowUpState>().notNull(),
    firedAt: timestamptz('fired_at'),
    doneAt: timestamptz('done_at'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('appointment_follow_ups_tenant_id_unique').on(t.tenantId, t.id),
    sameTenant('appointment_follow_ups_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('appointment_follow_ups_call_fk', { tenantId: t.tenantId, column: t.callId }, appointmentCalls),
    sameTenant('appointment_follow_ups_assignee_fk', { tenantId: t.tenantId, column: t.assigneeId }, people),
    index('appointment_follow_ups_due_idx').on(t.tenantId, t.assigneeId, t.state, t.dueAt),
    index('appointment_follow_ups_order_idx').on(t.tenantId, t.orderId),
    check('appointment_follow_ups_state_check', oneOf(t.state, FOLLOW_UP_STATES)),
  ],
);

/**
 * APT-02 / SLA-07: each reschedule with its reason, who asked, and the notice check made at the time
 * (kept, not recomputed: a later policy change must not rewrite whether a change was a breach).
 */
export const appointmentChanges = pgTable(
  'appointment_changes',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    actorId: uuid('actor_id').notNull(),
    askedBy: text('asked_by').$type<'customer' | 'us'>().notNull(),
    reason: text('reason').notNull(),
    previousStart: timestamptz('previous_start'),
    previousEnd: timestamptz('previous_end'),
    newStart: timestamptz('new_start').notNull(),
    newEnd: timestamptz('new_end').notNull(),
    requiredNoticeMinutes: integer('required_notice_minutes'),
    shortByMinutes: integer('short_by_minutes').notNull().default(0),
    breach: boolean('breach').notNull(),
    at: timestamptz('at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    sameTenant('appointment_changes_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('appointment_changes_actor_fk', { tenantId: t.tenantId, column: t.actorId }, people),
    index('appointment_changes_order_idx').on(t.tenantId, t.orderId, t.at),
    check('appointment_changes_asked_by_check', sql`${t.askedBy} in ('customer', 'us')`),
    check('appointment_changes_window_check', sql`${t.newEnd} > ${t.newStart}`),
  ],
);
