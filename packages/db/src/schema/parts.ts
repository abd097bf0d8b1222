import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  CONDITIONS,
  ITEM_TRACKING,
  LOCATION_KINDS,
  MOVEMENT_KINDS,
  type Condition,
  type ItemTracking,
  type LocationKind,
  type MovementKind,
} from '@daowei/domain';
import { createdAt, id, oneOf, sameTenant, tenantId, timestamptz } from './columns.js';
import { customers } from './customers.js';
import { orgUnits } from './org-units.js';
import { people } from './people.js';
import { tenants, vendors } from './tenants.js';
import { workOrders } from './work-orders.js';

/** PART-01: the catalogue. `tracking` decides whether stock is counted (bulk) or tracked per unit. */
export const partItems = pgTable(
  'part_items',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    tracking: text('tracking').$type<ItemTracking>().notNull(),
    unitOfMeasure: text('unit_of_measure').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('part_items_tenant_code_unique').on(t.tenantId, t.code),
    unique('part_items_tenant_id_unique').on(t.tenantId, t.id),
    check('part_items_tracking_check', oneOf(t.tracking, ITEM_TRACKING)),
  ],
);

/**
 * PART-01: where stock can be. A store names its org unit (central: NULL unit = the operator's or a
 * vendor's central warehouse); a van names its engineer, a customer location its customer. `vendor_id`
 * is copied from the unit/person so "my vendor's stores" is a plain filter (SEC-02).
 */
export const stockLocations = pgTable(
  'stock_locations',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    kind: text('kind').$type<LocationKind>().notNull(),
    name: text('name').notNull(),
    vendorId: uuid('vendor_id'),
    unitId: uuid('unit_id'),
    personId: uuid('person_id'),
    customerId: uuid('customer_id'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('stock_locations_tenant_id_unique').on(t.tenantId, t.id),
    sameTenant('stock_locations_vendor_fk', { tenantId: t.tenantId, column: t.vendorId }, vendors),
    sameTenant('stock_locations_unit_fk', { tenantId: t.tenantId, column: t.unitId }, orgUnits),
    sameTenant('stock_locations_person_fk', { tenantId: t.tenantId, column: t.personId }, people),
    sameTenant('stock_locations_customer_fk', { tenantId: t.tenantId, column: t.customerId }, customers),
    // One van per engineer and one place per customer, so find-or-create is a race-free upsert.
    uniqueIndex('stock_locations_van_unique')
      .on(t.tenantId, t.personId)
      .where(sql`${t.kind} = 'van'`),
    uniqueIndex('stock_locations_customer_unique')
      .on(t.tenantId, t.customerId)
      .where(sql`${t.kind} = 'customer'`),
    index('stock_locations_vendor_idx').on(t.tenantId, t.vendorId),
    check('stock_locations_kind_check', oneOf(t.kind, LOCATION_KINDS)),
  ],
);

/**
 * PART-01: a serialised unit (ONU, set-top box, loaner) and where it is now — exactly one place, as
 * the ledger left it. The serial is unique per tenant; the row is locked (FOR UPDATE) by every movement.
 */
export const partUnits = pgTable(
  'part_units',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    itemId: uuid('item_id').notNull(),
    serial: text('serial').notNull(),
    mac: text('mac'),
    locationId: uuid('location_id').notNull(),
    condition: text('condition').$type<Condition>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('part_units_tenant_serial_unique').on(t.tenantId, t.serial),
    unique('part_units_tenant_id_unique').on(t.tenantId, t.id),
    sameTenant('part_units_item_fk', { tenantId: t.tenantId, column: t.itemId }, partItems),
    sameTenant('part_units_location_fk', { tenantId: t.tenantId, column: t.locationId }, stockLocations),
    index('part_units_location_idx').on(t.tenantId, t.locationId, t.itemId),
    check('part_units_condition_check', oneOf(t.condition, CONDITIONS)),
  ],
);

/**
 * PART-01: on-hand per (location, item, condition), written in the same transaction as each ledger
 * row and locked while it is checked, so "the last unit issued twice" cannot happen. The CHECK is the
 * last line of defence: even a buggy caller cannot make stock negative.
 */
export const stockBalances = pgTable(
  'stock_balances',
  {
    tenantId: tenantId().references(() => tenants.id),
    locationId: uuid('location_id').notNull(),
    itemId: uuid('item_id').notNull(),
    condition: text('condition').$type<Condition>().notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    primaryKey({ name: 'stock_balances_pk', columns: [t.tenantId, t.locationId, t.itemId, t.condition] }),
    sameTenant('stock_balances_location_fk', { tenantId: t.tenantId, column: t.locationId }, stockLocations),
    sameTenant('stock_balances_item_fk', { tenantId: t.tenantId, column: t.itemId }, partItems),
    check('stock_balances_quantity_check', sql`${t.quantity} >= 0`),
    check('stock_balances_condition_check', oneOf(t.condition, CONDITIONS)),
  ],
);

/** PART-02: a borrow card — parts issued to an engineer for one order by a clerk (maybe under override). */
export const borrowCards = pgTable(
  'borrow_cards',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    engineerId: uuid('engineer_id').notNull(),
    storeId: uuid('store_id').notNull(),
    issuedBy: uuid('issued_by').notNull(),
    issuedAt: timestamptz('issued_at').notNull(),
    /** PART-02 manager override of 前件不还后件不借: who and why (NULL when no override was needed). */
    overrideBy: uuid('override_by'),
    overrideReason: text('override_reason'),
    policyVersion: integer('policy_version').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('borrow_cards_tenant_id_unique').on(t.tenantId, t.id),
    sameTenant('borrow_cards_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('borrow_cards_engineer_fk', { tenantId: t.tenantId, column: t.engineerId }, people),
    sameTenant('borrow_cards_store_fk', { tenantId: t.tenantId, column: t.storeId }, stockLocations),
    sameTenant('borrow_cards_issued_by_fk', { tenantId: t.tenantId, column: t.issuedBy }, people),
    index('borrow_cards_order_idx').on(t.tenantId, t.orderId),
    index('borrow_cards_engineer_idx').on(t.tenantId, t.engineerId),
    check('borrow_cards_override_check', sql`(${t.overrideBy} is null) = (${t.overrideReason} is null)`),
  ],
);

/** PART-02/03: one item (or unit) on a card, and how much of it has come back or been used. */
export const borrowLines = pgTable(
  'borrow_lines',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    cardId: uuid('card_id').notNull(),
    itemId: uuid('item_id').notNull(),
    unitId: uuid('unit_id'),
    quantity: integer('quantity').notNull(),
    returned: integer('returned').notNull().default(0),
    consumed: integer('consumed').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    unique('borrow_lines_tenant_id_unique').on(t.tenantId, t.id),
    sameTenant('borrow_lines_card_fk', { tenantId: t.tenantId, column: t.cardId }, borrowCards),
    sameTenant('borrow_lines_item_fk', { tenantId: t.tenantId, column: t.itemId }, partItems),
    sameTenant('borrow_lines_unit_fk', { tenantId: t.tenantId, column: t.unitId }, partUnits),
    index('borrow_lines_card_idx').on(t.tenantId, t.cardId),
    check(
      'borrow_lines_settled_check',
      sql`${t.quantity} > 0 and ${t.returned} >= 0 and ${t.consumed} >= 0 and ${t.returned} + ${t.consumed} <= ${t.quantity}`,
    ),
  ],
);

/**
 * PART-01 the ledger: one row per movement, never updated. Balances and unit places are what these
 * rows add up to; db tests check that sum against stock_balances.
 */
export const stockMovements = pgTable(
  'stock_movements',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    kind: text('kind').$type<MovementKind>().notNull(),
    itemId: uuid('item_id').notNull(),
    unitId: uuid('unit_id'),
    quantity: integer('quantity').notNull(),
    fromLocationId: uuid('from_location_id'),
    toLocationId: uuid('to_location_id'),
    fromCondition: text('from_condition').$type<Condition>(),
    toCondition: text('to_condition').$type<Condition>(),
    orderId: uuid('order_id'),
    borrowLineId: uuid('borrow_line_id'),
    actorId: uuid('actor_id').notNull(),
    at: timestamptz('at').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    sameTenant('stock_movements_item_fk', { tenantId: t.tenantId, column: t.itemId }, partItems),
    sameTenant('stock_movements_unit_fk', { tenantId: t.tenantId, column: t.unitId }, partUnits),
    sameTenant('stock_movements_from_fk', { tenantId: t.tenantId, column: t.fromLocationId }, stockLocations),
    sameTenant('stock_movements_to_fk', { tenantId: t.tenantId, column: t.toLocationId }, stockLocations),
    sameTenant('stock_movements_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('stock_movements_line_fk', { tenantId: t.tenantId, column: t.borrowLineId }, borrowLines),
    sameTenant('stock_movements_actor_fk', { tenantId: t.tenantId, column: t.actorId }, people),
    index('stock_movements_item_idx').on(t.tenantId, t.itemId, t.at),
    index('stock_movements_order_idx').on(t.tenantId, t.orderId),
    check('stock_movements_kind_check', oneOf(t.kind, MOVEMENT_KINDS)),
    check('stock_movements_quantity_check', sql`${t.quantity} > 0`),
  ],
);

/** PART-02: a borrow refused for want of stock — kept so the store can be restocked from central. */
export const borrowFailures = pgTable(
  'borrow_failures',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    engineerId: uuid('engineer_id').notNull(),
    storeId: uuid('store_id').notNull(),
    itemId: uuid('item_id').notNull(),
    quantity: integer('quantity').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    at: timestamptz('at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    sameTenant('borrow_failures_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('borrow_failures_engineer_fk', { tenantId: t.tenantId, column: t.engineerId }, people),
    sameTenant('borrow_failures_store_fk', { tenantId: t.tenantId, column: t.storeId }, stockLocations),
    sameTenant('borrow_failures_item_fk', { tenantId: t.tenantId, column: t.itemId }, partItems),
    index('borrow_failures_store_idx').on(t.tenantId, t.storeId, t.at),
  ],
);

/** PART-03: a manager's waiver letting an order complete with parts still out (one per order). */
export const partsWaivers = pgTable(
  'parts_waivers',
  {
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    waivedBy: uuid('waived_by').notNull(),
    reason: text('reason').notNull(),
    at: timestamptz('at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'parts_waivers_pk', columns: [t.tenantId, t.orderId] }),
    sameTenant('parts_waivers_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('parts_waivers_by_fk', { tenantId: t.tenantId, column: t.waivedBy }, people),
  ],
);
