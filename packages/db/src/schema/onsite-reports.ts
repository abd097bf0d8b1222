import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import {
  ONSITE_REPORT_KINDS,
  ONSITE_REPORT_STATES,
  type OnsiteReportKind,
  type OnsiteReportState,
  type Position,
} from '@daowei/domain';
import { createdAt, id, oneOf, sameTenant, tenantId, timestamptz } from './columns.js';
import { people } from './people.js';
import { tenants } from './tenants.js';
import { workOrders } from './work-orders.js';

/**
 * APT-03 / WO-15 / SLA-08: what a visit leaves for someone else — the rebook after nobody was home, the
 * network change for the resource manager, the damage to compensate. Addressed to a position (in the
 * order's station, or tenant-wide for the operator's resource manager), due by `due_at`, closed by
 * that position with a note (and the compensation paid, for a damage). `details` holds the kind's
 * facts as filed; photos are ordinary order attachments (WO-14), listed by id.
 */
export const onsiteReports = pgTable(
  'onsite_reports',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    vendorId: uuid('vendor_id').notNull(),
    stationId: uuid('station_id'),
    kind: text('kind').$type<OnsiteReportKind>().notNull(),
    state: text('state').$type<OnsiteReportState>().notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    attachmentIds: jsonb('attachment_ids').$type<string[]>().notNull(),
    forPosition: text('for_position').$type<Position>().notNull(),
    /** The unit the position works in (the order's station); null: anywhere in the tenant (operator staff). */
    forUnitId: uuid('for_unit_id'),
    dueAt: timestamptz('due_at').notNull(),
    /** The SLA clock the report runs (WO-15, SLA-08), if any. */
    clockKind: text('clock_kind'),
    raisedBy: uuid('raised_by').notNull(),
    raisedAt: timestamptz('raised_at').notNull(),
    closedBy: uuid('closed_by'),
    closedAt: timestamptz('closed_at'),
    closeNote: text('close_note'),
    /** SLA-08: the compensation paid, in fen. */
    compensationFen: integer('compensation_fen'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('onsite_reports_tenant_id_unique').on(t.tenantId, t.id),
    sameTenant('onsite_reports_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('onsite_reports_raised_by_fk', { tenantId: t.tenantId, column: t.raisedBy }, people),
    sameTenant('onsite_reports_closed_by_fk', { tenantId: t.tenantId, column: t.closedBy }, people),
    index('onsite_reports_order_idx').on(t.tenantId, t.orderId),
    index('onsite_reports_queue_idx').on(t.tenantId, t.kind, t.state, t.dueAt),
    check('onsite_reports_kind_check', oneOf(t.kind, ONSITE_REPORT_KINDS)),
    check('onsite_reports_state_check', oneOf(t.state, ONSITE_REPORT_STATES)),
    check('onsite_reports_compensation_check', sql`${t.compensationFen} is null or ${t.compensationFen} >= 0`),
  ],
);
