import { date, doublePrecision, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import type { WarrantyState } from '@daowei/domain';
import { createdAt, id, sameTenant, tenantId, timestamptz } from './columns.js';
import { areas } from './org-units.js';
import { tenants } from './tenants.js';

/**
 * DESK-01: a customer, found by phone at intake. The phone is unique per tenant so that
 * find-or-create is a single race-free INSERT … ON CONFLICT, not a read-then-write.
 */
export const customers = pgTable(
  'customers',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    address: text('address').notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    areaId: uuid('area_id'),
    // SLA-02: the customer's service contract (an id of the tenant's SLA policy `contracts`), null for none.
    contractId: text('contract_id'),
    createdAt: createdAt(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('customers_tenant_phone_unique').on(t.tenantId, t.phone),
    unique('customers_tenant_id_unique').on(t.tenantId, t.id),
    sameTenant('customers_area_fk', { tenantId: t.tenantId, column: t.areaId }, areas),
  ],
);

/**
 * WO-02/WO-12: a product the customer holds (a broadband account, an appliance). Repeat faults are
 * counted per customer and product number.
 */
export const customerProducts = pgTable(
  'customer_products',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    customerId: uuid('customer_id').notNull(),
    product: text('product').notNull(),
    productNumber: text('product_number').notNull(),
    productModel: text('product_model'),
    purchaseDate: date('purchase_date', { mode: 'string' }),
    warranty: text('warranty').$type<WarrantyState>().notNull().default('unknown'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('customer_products_customer_product_unique').on(t.tenantId, t.customerId, t.product, t.productNumber),
    sameTenant('customer_products_customer_fk', { tenantId: t.tenantId, column: t.customerId }, customers),
    index('customer_products_number_idx').on(t.tenantId, t.productNumber),
  ],
);
