import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, sameTenant, tenantId, timestamptz } from './columns.js';
import { partItems } from './parts.js';
import { people } from './people.js';
import { tenants } from './tenants.js';
import { workOrders } from './work-orders.js';

/**
 * DSP-01/03: the parts a visit needs (from the hotline's diagnosis, the customer's device, a first
 * visit). The board's parts readiness compares them with what was issued for the order (borrow cards)
 * and with the station store's stock; a plan "with parts confirmed" leaves an order whose parts are
 * short unplanned. One row per order and item; replaced whole when the list is edited.
 */
export const orderPartNeeds = pgTable(
  'order_part_needs',
  {
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    itemId: uuid('item_id').notNull(),
    quantity: integer('quantity').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamptz('recorded_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'order_part_needs_pk', columns: [t.tenantId, t.orderId, t.itemId] }),
    sameTenant('order_part_needs_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('order_part_needs_item_fk', { tenantId: t.tenantId, column: t.itemId }, partItems),
    sameTenant('order_part_needs_by_fk', { tenantId: t.tenantId, column: t.recordedBy }, people),
    check('order_part_needs_quantity_check', sql`${t.quantity} > 0`),
  ],
);

/**
 * DSP-03 "an engineer is ill": the engineer is off from `starts_at` to `ends_at` (usually the rest of
 * the day). The roster (shifts) stays as published; day plans subtract absences from it.
 */
export const engineerAbsences = pgTable(
  'engineer_absences',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    personId: uuid('person_id').notNull(),
    startsAt: timestamptz('starts_at').notNull(),
    endsAt: timestamptz('ends_at').notNull(),
    reason: text('reason').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('engineer_absences_tenant_id_unique').on(t.tenantId, t.id),
    sameTenant('engineer_absences_person_fk', { tenantId: t.tenantId, column: t.personId }, people),
    sameTenant('engineer_absences_by_fk', { tenantId: t.tenantId, column: t.recordedBy }, people),
    index('engineer_absences_person_idx').on(t.tenantId, t.personId, t.startsAt),
    check('engineer_absences_period_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);
