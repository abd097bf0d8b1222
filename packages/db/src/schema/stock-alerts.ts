import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, sameTenant, tenantId, timestamptz } from './columns.js';
import { partItems, stockLocations } from './parts.js';
import { people } from './people.js';
import { tenants, vendors } from './tenants.js';

/** PART-04: the least good stock a store wants of an item; at or below it a warning is raised. */
export const stockThresholds = pgTable(
  'stock_thresholds',
  {
    tenantId: tenantId().references(() => tenants.id),
    locationId: uuid('location_id').notNull(),
    itemId: uuid('item_id').notNull(),
    minimum: integer('minimum').notNull(),
    setBy: uuid('set_by').notNull(),
    setAt: timestamptz('set_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'stock_thresholds_pk', columns: [t.tenantId, t.locationId, t.itemId] }),
    sameTenant('stock_thresholds_location_fk', { tenantId: t.tenantId, column: t.locationId }, stockLocations),
    sameTenant('stock_thresholds_item_fk', { tenantId: t.tenantId, column: t.itemId }, partItems),
    sameTenant('stock_thresholds_set_by_fk', { tenantId: t.tenantId, column: t.setBy }, people),
    check('stock_thresholds_minimum_check', sql`${t.minimum} >= 0`),
  ],
);

/**
 * PART-04: a low-stock warning. At most one open (unresolved) per store and item — the partial unique
 * index is what makes "raised once" hold under concurrent movements. `missed_at` marks a warning not
 * acknowledged in time, counted against `vendor_id` (the store's vendor; NULL = the operator's own).
 */
export const stockAlerts = pgTable(
  'stock_alerts',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    locationId: uuid('location_id').notNull(),
    itemId: uuid('item_id').notNull(),
    vendorId: uuid('vendor_id'),
    minimum: integer('minimum').notNull(),
    onHandAtRaise: integer('on_hand_at_raise').notNull(),
    raisedAt: timestamptz('raised_at').notNull(),
    acknowledgedAt: timestamptz('acknowledged_at'),
    acknowledgedBy: uuid('acknowledged_by'),
    resolvedAt: timestamptz('resolved_at'),
    missedAt: timestamptz('missed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    sameTenant('stock_alerts_location_fk', { tenantId: t.tenantId, column: t.locationId }, stockLocations),
    sameTenant('stock_alerts_item_fk', { tenantId: t.tenantId, column: t.itemId }, partItems),
    sameTenant('stock_alerts_vendor_fk', { tenantId: t.tenantId, column: t.vendorId }, vendors),
    sameTenant('stock_alerts_ack_by_fk', { tenantId: t.tenantId, column: t.acknowledgedBy }, people),
    uniqueIndex('stock_alerts_open_unique')
      .on(t.tenantId, t.locationId, t.itemId)
      .where(sql`${t.resolvedAt} is null`),
    index('stock_alerts_vendor_idx').on(t.tenantId, t.vendorId, t.raisedAt),
  ],
);
