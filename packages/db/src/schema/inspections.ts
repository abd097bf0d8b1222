import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, oneOf, sameTenant, tenantId, timestamptz } from './columns.js';
import { areas } from './org-units.js';
import { people } from './people.js';
import { tenants, vendors } from './tenants.js';
import { bytea } from './visit-records.js';
import { workOrders } from './work-orders.js';

export const FINDING_RESULTS = ['ok', 'hazard', 'not_applicable'] as const;
export type FindingResult = (typeof FINDING_RESULTS)[number];

/** WO-17: a vendor's yearly inspection plan; its targets are the addresses to inspect and their month. */
export const inspectionPlans = pgTable(
  'inspection_plans',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    vendorId: uuid('vendor_id').notNull(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('inspection_plans_tenant_id_unique').on(t.tenantId, t.id),
    sameTenant('inspection_plans_vendor_fk', { tenantId: t.tenantId, column: t.vendorId }, vendors),
    sameTenant('inspection_plans_created_by_fk', { tenantId: t.tenantId, column: t.createdBy }, people),
    index('inspection_plans_list_idx').on(t.tenantId, t.vendorId, t.year),
    check('inspection_plans_year_check', sql`${t.year} between 2000 and 2100`),
  ],
);

/** One address of a plan and the month it is due; `orderId` once its inspection order was generated. */
export const inspectionTargets = pgTable(
  'inspection_targets',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    planId: uuid('plan_id').notNull(),
    customerName: text('customer_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    address: text('address').notNull(),
    areaId: uuid('area_id'),
    month: integer('month').notNull(),
    orderId: uuid('order_id'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('inspection_targets_tenant_id_unique').on(t.tenantId, t.id),
    unique('inspection_targets_address_unique').on(t.tenantId, t.planId, t.address),
    unique('inspection_targets_order_unique').on(t.tenantId, t.orderId),
    sameTenant('inspection_targets_plan_fk', { tenantId: t.tenantId, column: t.planId }, inspectionPlans),
    sameTenant('inspection_targets_area_fk', { tenantId: t.tenantId, column: t.areaId }, areas),
    sameTenant('inspection_targets_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    check('inspection_targets_month_check', sql`${t.month} between 1 and 12`),
  ],
);

/** WO-17: the inspectors of an inspection order (at least the policy's minimum; one is the lead, who holds the order). */
export const inspectionCrews = pgTable(
  'inspection_crews',
  {
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    personId: uuid('person_id').notNull(),
    lead: boolean('lead').notNull(),
    assignedAt: timestamptz('assigned_at').notNull(),
    assignedBy: uuid('assigned_by').notNull(),
  },
  (t) => [
    primaryKey({ name: 'inspection_crews_pk', columns: [t.tenantId, t.orderId, t.personId] }),
    sameTenant('inspection_crews_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('inspection_crews_person_fk', { tenantId: t.tenantId, column: t.personId }, people),
    sameTenant('inspection_crews_by_fk', { tenantId: t.tenantId, column: t.assignedBy }, people),
    index('inspection_crews_person_idx').on(t.tenantId, t.personId),
  ],
);

/** WO-17: the result of one inspection item at the order's address (re-recording replaces it). */
export const inspectionFindings = pgTable(
  'inspection_findings',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    item: text('item').notNull(),
    result: text('result').$type<FindingResult>().notNull(),
    hazardLevel: text('hazard_level'),
    note: text('note'),
    recordedAt: timestamptz('recorded_at').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
  },
  (t) => [
    unique('inspection_findings_item_unique').on(t.tenantId, t.orderId, t.item),
    sameTenant('inspection_findings_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('inspection_findings_by_fk', { tenantId: t.tenantId, column: t.recordedBy }, people),
    check('inspection_findings_result_check', oneOf(t.result, FINDING_RESULTS)),
  ],
);

export interface NoticeHazard {
  item: string;
  level: string;
  note: string | null;
}

/**
 * WO-17: the rectification notice of an inspection with hazards — its deadline, and the customer's
 * answer: a signature, or the refusal with its reason (never both, never forced). One per order.
 */
export const rectificationNotices = pgTable(
  'rectification_notices',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    number: text('number').notNull(),
    hazards: jsonb('hazards').$type<NoticeHazard[]>().notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    issuedAt: timestamptz('issued_at').notNull(),
    issuedBy: uuid('issued_by').notNull(),
    signed: boolean('signed'),
    signature: bytea('signature'),
    signatureType: text('signature_type'),
    refusalReason: text('refusal_reason'),
    refusalNote: text('refusal_note'),
    answeredAt: timestamptz('answered_at'),
    rectifiedAt: timestamptz('rectified_at'),
    rectifiedBy: uuid('rectified_by'),
    rectifiedNote: text('rectified_note'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('rectification_notices_tenant_id_unique').on(t.tenantId, t.id),
    unique('rectification_notices_order_unique').on(t.tenantId, t.orderId),
    unique('rectification_notices_number_unique').on(t.tenantId, t.number),
    sameTenant('rectification_notices_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('rectification_notices_issued_by_fk', { tenantId: t.tenantId, column: t.issuedBy }, people),
    sameTenant('rectification_notices_rectified_by_fk', { tenantId: t.tenantId, column: t.rectifiedBy }, people),
    index('rectification_notices_open_idx')
      .on(t.tenantId, t.deadline)
      .where(sql`${t.rectifiedAt} is null`),
    check(
      'rectification_notices_answer_check',
      sql`${t.signed} is null or (${t.signed} = (${t.signature} is not null) and ${t.signed} = (${t.refusalReason} is null))`,
    ),
  ],
);
