import { check, index, integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import {
  INCIDENT_CHILD_STATES,
  INCIDENT_STATES,
  type IncidentChildState,
  type IncidentProgress,
  type IncidentState,
} from '@daowei/domain';
import { createdAt, id, oneOf, sameTenant, tenantId, timestamptz } from './columns.js';
import { people } from './people.js';
import { tenants, vendors } from './tenants.js';
import { workOrders } from './work-orders.js';

/**
 * WO-11 批量故障: a parent incident over fault orders of one vendor that cluster by access device or
 * area. Proposed by the clustering rule when a fault arrives, confirmed or dismissed by the desk; its
 * progress reaches every linked child. One live (proposed or confirmed) incident per cluster key.
 */
export const batchIncidents = pgTable(
  'batch_incidents',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    vendorId: uuid('vendor_id').notNull(),
    number: text('number').notNull(),
    keyKind: text('key_kind').$type<'access_device' | 'area'>().notNull(),
    keyValue: text('key_value').notNull(),
    /** The area the children are in (the key itself for an area cluster): the map draws it. */
    areaId: uuid('area_id'),
    state: text('state').$type<IncidentState>().notNull(),
    progress: text('progress').$type<IncidentProgress>(),
    progressNote: text('progress_note'),
    progressAt: timestamptz('progress_at'),
    proposedAt: timestamptz('proposed_at').notNull(),
    /** Policy the proposal came from (count within window), for the record. */
    policyVersion: integer('policy_version').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamptz('decided_at'),
    closedBy: uuid('closed_by'),
    closedAt: timestamptz('closed_at'),
    closeNote: text('close_note'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    unique('batch_incidents_tenant_id_unique').on(t.tenantId, t.id),
    unique('batch_incidents_tenant_number_unique').on(t.tenantId, t.number),
    sameTenant('batch_incidents_vendor_fk', { tenantId: t.tenantId, column: t.vendorId }, vendors),
    sameTenant('batch_incidents_decided_by_fk', { tenantId: t.tenantId, column: t.decidedBy }, people),
    sameTenant('batch_incidents_closed_by_fk', { tenantId: t.tenantId, column: t.closedBy }, people),
    index('batch_incidents_key_idx').on(t.tenantId, t.vendorId, t.keyKind, t.keyValue, t.state),
    index('batch_incidents_list_idx').on(t.tenantId, t.state, t.proposedAt),
    check('batch_incidents_state_check', oneOf(t.state, INCIDENT_STATES)),
    check('batch_incidents_key_kind_check', oneOf(t.keyKind, ['access_device', 'area'])),
  ],
);

/**
 * A fault order under an incident. An order is under at most one incident; a released child stays
 * recorded so the clustering does not propose it again.
 */
export const batchIncidentChildren = pgTable(
  'batch_incident_children',
  {
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    incidentId: uuid('incident_id').notNull(),
    state: text('state').$type<IncidentChildState>().notNull(),
    at: timestamptz('at').notNull(),
    by: uuid('by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'batch_incident_children_pk', columns: [t.tenantId, t.orderId] }),
    sameTenant('batch_incident_children_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('batch_incident_children_incident_fk', { tenantId: t.tenantId, column: t.incidentId }, batchIncidents),
    sameTenant('batch_incident_children_by_fk', { tenantId: t.tenantId, column: t.by }, people),
    index('batch_incident_children_incident_idx').on(t.tenantId, t.incidentId),
    check('batch_incident_children_state_check', oneOf(t.state, INCIDENT_CHILD_STATES)),
  ],
);
