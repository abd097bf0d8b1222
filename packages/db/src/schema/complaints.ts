import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, sameTenant, tenantId, timestamptz } from './columns.js';
import { people } from './people.js';
import { tenants } from './tenants.js';
import { workOrders } from './work-orders.js';

export const COMPLAINT_STATES = ['open', 'closed'] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

/** One change of a follow-up sheet, kept in order (AUD-01: nothing is silently changed). */
export interface StoredComplaintChange {
  at: string;
  by: string;
  action: 'opened' | 'updated' | 'closed' | 'manager_noted';
  fields: Record<string, unknown>;
}

/**
 * CMP-01/02: the follow-up sheet of one complaint order (投诉跟踪单) — what was complained about
 * (staff complaints name the person), the three principles (fixed with the customer, the responsible
 * party and person, cause analysis, improvement measure) and the closure. vendor/station/area and the
 * acceptance instant are copied from the order so the station manager's log and the patterns are index
 * scans here. The closing callback is the order's CB-01 callback task, not a copy.
 */
export const complaintFollowUps = pgTable(
  'complaint_follow_ups',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    vendorId: uuid('vendor_id').notNull(),
    stationId: uuid('station_id'),
    areaId: uuid('area_id'),
    acceptedAt: timestamptz('accepted_at').notNull(),
    aboutKind: text('about_kind').notNull(),
    aboutPersonId: uuid('about_person_id'),
    fixedWithCustomer: boolean('fixed_with_customer').notNull().default(false),
    responsibleParty: text('responsible_party'),
    responsiblePersonId: uuid('responsible_person_id'),
    causeAnalysis: text('cause_analysis'),
    improvementMeasure: text('improvement_measure'),
    state: text('state').$type<ComplaintState>().notNull().default('open'),
    closedAt: timestamptz('closed_at'),
    closedBy: uuid('closed_by'),
    /** CMP-02: the station manager's note after talking to the person complained about. */
    managerNote: text('manager_note'),
    managerNotedAt: timestamptz('manager_noted_at'),
    managerNotedBy: uuid('manager_noted_by'),
    history: jsonb('history').$type<StoredComplaintChange[]>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    unique('complaint_follow_ups_tenant_id_unique').on(t.tenantId, t.id),
    unique('complaint_follow_ups_order_unique').on(t.tenantId, t.orderId),
    sameTenant('complaint_follow_ups_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('complaint_follow_ups_about_fk', { tenantId: t.tenantId, column: t.aboutPersonId }, people),
    sameTenant('complaint_follow_ups_responsible_fk', { tenantId: t.tenantId, column: t.responsiblePersonId }, people),
    // The list and the patterns: a tenant's complaints by acceptance; the manager's log by station.
    index('complaint_follow_ups_accepted_idx').on(t.tenantId, t.acceptedAt),
    index('complaint_follow_ups_station_idx').on(t.tenantId, t.stationId, t.acceptedAt),
    check('complaint_follow_ups_state_check', sql`${t.state} in ('open', 'closed')`),
    check(
      'complaint_follow_ups_about_check',
      sql`${t.aboutKind} in ('staff', 'service', 'network', 'billing', 'other') and (${t.aboutKind} = 'staff') = (${t.aboutPersonId} is not null)`,
    ),
    check(
      'complaint_follow_ups_party_check',
      sql`${t.responsibleParty} is null or ${t.responsibleParty} in ('vendor', 'staff', 'operator', 'network', 'customer', 'third_party')`,
    ),
  ],
);
