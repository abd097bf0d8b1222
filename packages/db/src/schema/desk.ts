import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import {
  CARRY_IN_STAGES,
  DESK_TASK_KINDS,
  INTAKE_CHANNELS,
  REQUEST_KINDS,
  SERVICE_MODES,
  SYMPTOMS,
  type CarryInStage,
  type DeskTaskKind,
  type ForbiddenPhrase,
  type IntakeChannel,
  type RequestKind,
  type Script,
  type ServiceMode,
  type Symptom,
} from '@daowei/domain';
import { createdAt, id, oneOf, sameTenant, tenantId, timestamptz } from './columns.js';
import { customers } from './customers.js';
import { people } from './people.js';
import { tenants } from './tenants.js';
import { workOrders } from './work-orders.js';

/**
 * DESK-01: one request taken at the desk — what the caller said, the mode the rules decided and the
 * mode the agent chose (they may differ: the agent can overrule), and the order it opened, if any.
 */
export const deskIntakes = pgTable(
  'desk_intakes',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    channel: text('channel').$type<IntakeChannel>().notNull(),
    customerId: uuid('customer_id'),
    callerPhone: text('caller_phone').notNull(),
    requestKind: text('request_kind').$type<RequestKind>().notNull(),
    symptom: text('symptom').$type<Symptom>().notNull(),
    devicePortable: boolean('device_portable').notNull(),
    remoteReachable: boolean('remote_reachable').notNull(),
    description: text('description').notNull(),
    decidedMode: text('decided_mode').$type<ServiceMode>().notNull(),
    ruleId: text('rule_id').notNull(),
    mode: text('mode').$type<ServiceMode>().notNull(),
    orderId: uuid('order_id'),
    /** What the desk told the customer (guidance given, the answer) — checked for forbidden phrases. */
    guidance: text('guidance'),
    createdBy: uuid('created_by').notNull(),
    at: timestamptz('at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('desk_intakes_tenant_id_unique').on(t.tenantId, t.id),
    sameTenant('desk_intakes_customer_fk', { tenantId: t.tenantId, column: t.customerId }, customers),
    sameTenant('desk_intakes_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('desk_intakes_created_by_fk', { tenantId: t.tenantId, column: t.createdBy }, people),
    index('desk_intakes_customer_idx').on(t.tenantId, t.customerId, t.at),
    check('desk_intakes_channel_check', oneOf(t.channel, INTAKE_CHANNELS)),
    check('desk_intakes_kind_check', oneOf(t.requestKind, REQUEST_KINDS)),
    check('desk_intakes_symptom_check', oneOf(t.symptom, SYMPTOMS)),
    check('desk_intakes_decided_mode_check', oneOf(t.decidedMode, SERVICE_MODES)),
    check('desk_intakes_mode_check', oneOf(t.mode, SERVICE_MODES)),
  ],
);

/**
 * DESK-02 / DESK-05: a follow-up the desk owes — the confirming call after phone guidance, the
 * promised reply to a question. A pg-boss job at `due_at` marks it due once (`due_fired_at`).
 */
export const deskTasks = pgTable(
  'desk_tasks',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    intakeId: uuid('intake_id').notNull(),
    orderId: uuid('order_id'),
    kind: text('kind').$type<DeskTaskKind>().notNull(),
    dueAt: timestamptz('due_at').notNull(),
    state: text('state').$type<'open' | 'done'>().notNull(),
    question: text('question').notNull(),
    /** The callback's result or the reply given (customer-facing: checked for forbidden phrases). */
    result: text('result'),
    dueFiredAt: timestamptz('due_fired_at'),
    doneAt: timestamptz('done_at'),
    doneBy: uuid('done_by'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('desk_tasks_tenant_id_unique').on(t.tenantId, t.id),
    sameTenant('desk_tasks_intake_fk', { tenantId: t.tenantId, column: t.intakeId }, deskIntakes),
    sameTenant('desk_tasks_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('desk_tasks_done_by_fk', { tenantId: t.tenantId, column: t.doneBy }, people),
    index('desk_tasks_queue_idx').on(t.tenantId, t.state, t.dueAt),
    check('desk_tasks_kind_check', oneOf(t.kind, DESK_TASK_KINDS)),
    check('desk_tasks_state_check', sql`${t.state} in ('open', 'done')`),
  ],
);

/** One step of a carry-in device, as kept on its record. */
export interface CarryInStep {
  stage: CarryInStage;
  at: string;
  by: string;
  note: string | null;
}

/**
 * DESK-03: a device received at the carry-in counter for one order: the receipt facts the customer
 * signed, where it is stored, the promised pickup date, its current stage and every step so far.
 */
export const carryInRecords = pgTable(
  'carry_in_records',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    receiptNumber: text('receipt_number').notNull(),
    configuration: text('configuration').notNull(),
    condition: text('condition').notNull(),
    accessories: text('accessories').notNull(),
    /** The customer's name as signed on the receipt. */
    receiptSignedBy: text('receipt_signed_by').notNull(),
    shelf: text('shelf').notNull(),
    receivedAt: timestamptz('received_at').notNull(),
    promisedAt: timestamptz('promised_at').notNull(),
    receivedBy: uuid('received_by').notNull(),
    stage: text('stage').$type<CarryInStage>().notNull(),
    steps: jsonb('steps').$type<CarryInStep[]>().notNull(),
    retestNote: text('retest_note'),
    pickupSignedBy: text('pickup_signed_by'),
    pickedUpAt: timestamptz('picked_up_at'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    unique('carry_in_records_tenant_order_unique').on(t.tenantId, t.orderId),
    sameTenant('carry_in_records_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('carry_in_records_received_by_fk', { tenantId: t.tenantId, column: t.receivedBy }, people),
    index('carry_in_records_stage_idx').on(t.tenantId, t.stage, t.promisedAt),
    check('carry_in_records_stage_check', oneOf(t.stage, CARRY_IN_STAGES)),
  ],
);

/** DESK-04: a tenant's own scripts and forbidden phrases (absent: the shipped defaults). */
export const deskLibraries = pgTable('desk_libraries', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  scripts: jsonb('scripts').$type<Script[]>().notNull(),
  phrases: jsonb('phrases').$type<ForbiddenPhrase[]>().notNull(),
  version: integer('version').notNull(),
  updatedBy: uuid('updated_by').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
});

/**
 * DESK-04/06: what the desk writes to a customer about an order (shown on their self-service page).
 * `confirmed_flags`: forbidden-phrase hits a permitted position sent anyway, kept for review.
 */
export const deskCustomerMessages = pgTable(
  'desk_customer_messages',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    text: text('text').notNull(),
    authorId: uuid('author_id').notNull(),
    confirmedFlags: jsonb('confirmed_flags').$type<unknown[]>(),
    at: timestamptz('at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    sameTenant('desk_customer_messages_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('desk_customer_messages_author_fk', { tenantId: t.tenantId, column: t.authorId }, people),
    index('desk_customer_messages_order_idx').on(t.tenantId, t.orderId, t.at),
  ],
);
