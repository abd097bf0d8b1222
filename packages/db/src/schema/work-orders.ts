import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  BroadbandFacts,
  Priority,
  SuspendReason,
  WarrantyState,
  WorkOrderStatus,
  WorkOrderType,
} from '@daowei/domain';
import { createdAt, id, sameTenant, tenantId, timestamptz } from './columns.js';
import { customers } from './customers.js';
import { areas, orgUnits } from './org-units.js';
import { people } from './people.js';
import { tenants, vendors } from './tenants.js';

/**
 * Completion as stored (WO-07): the domain `Completion` after a JSON round trip, so dates inside an
 * outcome are ISO strings here; the mapper turns them back into Dates.
 */
export type StoredCompletion = Record<string, unknown> & { outcome: { kind: string } };

/**
 * WO-02: one row per work order, one column per field of the domain `WorkOrder`. Status, type and
 * priority are plain text checked by the domain (its lists grow with features; an enum or CHECK here
 * would need a migration for every new state). `version` is bumped on every update so a writer can
 * detect that someone else changed the row since it was read (optimistic check, WO_STALE_VERSION).
 */
export const workOrders = pgTable(
  'work_orders',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    vendorId: uuid('vendor_id').notNull(),
    number: text('number').notNull(),
    acceptanceSerial: text('acceptance_serial').notNull(),
    type: text('type').$type<WorkOrderType>().notNull(),
    status: text('status').$type<WorkOrderStatus>().notNull(),
    priority: text('priority').$type<Priority>().notNull(),
    product: text('product').notNull(),
    business: text('business').notNull(),
    productNumber: text('product_number').notNull(),
    customerId: uuid('customer_id').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    address: text('address').notNull(),
    areaId: uuid('area_id'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    appointmentStart: timestamptz('appointment_start'),
    appointmentEnd: timestamptz('appointment_end'),
    step: text('step').notNull(),
    customerMessage: text('customer_message'),
    faultDescription: text('fault_description'),
    broadband: jsonb('broadband').$type<BroadbandFacts>(),
    productModel: text('product_model'),
    purchaseDate: date('purchase_date', { mode: 'string' }),
    warranty: text('warranty').$type<WarrantyState>().notNull(),
    stationId: uuid('station_id'),
    offeredToPersonId: uuid('offered_to_person_id'),
    offeredToUnitId: uuid('offered_to_unit_id'),
    holderId: uuid('holder_id'),
    suspendReason: text('suspend_reason').$type<SuspendReason>(),
    parentOrderId: uuid('parent_order_id'),
    repeatOfOrderId: uuid('repeat_of_order_id'),
    completion: jsonb('completion').$type<StoredCompletion>(),
    // SLA-02: the policy pack (id, version) the order's deadlines were computed with.
    policyId: text('policy_id').notNull(),
    policyVersion: integer('policy_version').notNull(),
    // SLA-02: the service contract the order names (an id of the tenant's SLA policy `contracts`), null for none.
    contractId: text('contract_id'),
    acceptedAt: timestamptz('accepted_at').notNull(),
    completedAt: timestamptz('completed_at'),
    closedAt: timestamptz('closed_at'),
    createdAt: createdAt(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    unique('work_orders_tenant_number_unique').on(t.tenantId, t.number),
    unique('work_orders_tenant_id_unique').on(t.tenantId, t.id),
    sameTenant('work_orders_vendor_fk', { tenantId: t.tenantId, column: t.vendorId }, vendors),
    sameTenant('work_orders_customer_fk', { tenantId: t.tenantId, column: t.customerId }, customers),
    sameTenant('work_orders_area_fk', { tenantId: t.tenantId, column: t.areaId }, areas),
    sameTenant('work_orders_station_fk', { tenantId: t.tenantId, column: t.stationId }, orgUnits),
    sameTenant('work_orders_offered_person_fk', { tenantId: t.tenantId, column: t.offeredToPersonId }, people),
    sameTenant('work_orders_offered_unit_fk', { tenantId: t.tenantId, column: t.offeredToUnitId }, orgUnits),
    sameTenant('work_orders_holder_fk', { tenantId: t.tenantId, column: t.holderId }, people),
    sameTenant('work_orders_parent_fk', { tenantId: t.tenantId, column: t.parentOrderId }, t),
    sameTenant('work_orders_repeat_of_fk', { tenantId: t.tenantId, column: t.repeatOfOrderId }, t),
    // The list screen: one vendor's orders by status, newest first (keyset on accepted_at, id).
    index('work_orders_list_idx').on(
      t.tenantId,
      t.vendorId,
      t.status,
      t.acceptedAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    // Operator staff see all vendors: newest first across the tenant.
    index('work_orders_accepted_idx').on(t.tenantId, t.acceptedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // An engineer's orders; by instant, KPI-01's rebuild of one engineer's slice of a stale day reads
    // that engineer's accepted / completed / appointed orders of the day, not the whole tenant's day.
    index('work_orders_holder_idx').on(t.tenantId, t.holderId, t.acceptedAt),
    index('work_orders_holder_completed_idx').on(t.tenantId, t.holderId, t.completedAt),
    index('work_orders_holder_appointment_idx')
      .on(t.tenantId, t.holderId, t.appointmentStart)
      .where(sql`${t.appointmentStart} is not null`),
    // KPI-01: a day's completions (kpi_daily refresh of the days an order change made stale).
    index('work_orders_completed_idx').on(t.tenantId, t.completedAt),
    // KPI-01: the on-time arrival rate counts an order on its appointment's local day (kpi_daily refresh).
    index('work_orders_appointment_idx')
      .on(t.tenantId, t.appointmentStart)
      .where(sql`${t.appointmentStart} is not null`),
    // KPI-01 live "as of" parts: open orders past their deadline (by acceptance) or appointment window.
    // Open orders are few, so these stay small while the table grows.
    index('work_orders_open_accepted_idx')
      .on(t.tenantId, t.acceptedAt)
      .where(sql`${t.completedAt} is null`),
    index('work_orders_open_appointment_idx')
      .on(t.tenantId, t.appointmentStart)
      .where(sql`${t.completedAt} is null and ${t.appointmentStart} is not null`),
    // KPI-01: open orders whose window closes today (the live part of on-time arrival by window end).
    index('work_orders_open_appointment_end_idx')
      .on(t.tenantId, t.appointmentEnd)
      .where(sql`${t.completedAt} is null and ${t.appointmentEnd} is not null`),
    // KPI-03: orders appointed on a day but done before it (or accepted after it) — finished that day
    // without being completed on it. Rare, so the station log counts them from this small index.
    index('work_orders_odd_appointment_idx')
      .on(t.tenantId, t.appointmentStart)
      .where(sql`${t.completedAt} < ${t.appointmentStart} or ${t.acceptedAt} > ${t.appointmentStart}`),
    index('work_orders_offered_person_idx').on(t.tenantId, t.offeredToPersonId),
    index('work_orders_offered_unit_idx').on(t.tenantId, t.offeredToUnitId),
    index('work_orders_contact_phone_idx').on(t.tenantId, t.contactPhone),
    // WO-12: the last closed fault of a customer's product.
    index('work_orders_customer_product_idx').on(t.tenantId, t.customerId, t.productNumber, t.closedAt),
    check('work_orders_version_check', sql`${t.version} >= 1`),
    check(
      'work_orders_appointment_check',
      sql`(${t.appointmentStart} is null) = (${t.appointmentEnd} is null) and (${t.appointmentStart} is null or ${t.appointmentEnd} > ${t.appointmentStart})`,
    ),
  ],
);

/** WO-08 and friends: a directed link between two orders, e.g. the fault a complaint turned into. */
export const workOrderLinks = pgTable(
  'work_order_links',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    fromOrderId: uuid('from_order_id').notNull(),
    toOrderId: uuid('to_order_id').notNull(),
    kind: text('kind').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('work_order_links_unique').on(t.fromOrderId, t.toOrderId, t.kind),
    sameTenant('work_order_links_from_fk', { tenantId: t.tenantId, column: t.fromOrderId }, workOrders),
    sameTenant('work_order_links_to_fk', { tenantId: t.tenantId, column: t.toOrderId }, workOrders),
    index('work_order_links_to_idx').on(t.tenantId, t.toOrderId),
    index('work_order_links_from_idx').on(t.tenantId, t.fromOrderId),
  ],
);

/**
 * Order numbers are per tenant and per local day (WO-20261123-000123). A counter row per day, bumped
 * with INSERT … ON CONFLICT DO UPDATE, gives gap-free numbers that are safe under concurrent inserts
 * from several processes (the row lock serialises them until commit); a PostgreSQL SEQUENCE would
 * need one object per tenant-day and leaks numbers on rollback.
 */
export const orderNumberCounters = pgTable(
  'order_number_counters',
  {
    tenantId: tenantId().references(() => tenants.id),
    day: date('day', { mode: 'string' }).notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ name: 'order_number_counters_pk', columns: [t.tenantId, t.day] })],
);
