import { pgTable, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId } from './columns.js';

/**
 * ORG-01: the operator (carrier, brand) that owns the data. The only table without a tenant_id: it is
 * the tenant. `time_zone` is the default for calendars and for the day in an order number.
 */
export const tenants = pgTable('tenants', {
  id: id(),
  code: text('code').notNull().unique('tenants_code_unique'),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
  createdAt: createdAt(),
});

/** ORG-01: a maintenance company (代维公司) contracted by the tenant. */
export const vendors = pgTable(
  'vendors',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('vendors_tenant_code_unique').on(t.tenantId, t.code),
    // Target of the composite (tenant_id, vendor_id) foreign keys below: a row can only point at a
    // vendor of its own tenant, so isolation holds even if a repository forgot a filter (SEC-02).
    unique('vendors_tenant_id_unique').on(t.tenantId, t.id),
  ],
);
