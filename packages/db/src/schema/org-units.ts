import { check, index, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { ORG_UNIT_KINDS, type LngLat, type OrgUnitKind } from '@daowei/domain';
import { createdAt, id, oneOf, sameTenant, tenantId } from './columns.js';
import { tenants, vendors } from './tenants.js';

/**
 * ORG-01 org tree: operator → vendor → station (服务站/辦事處) → team. `vendor_id` is NULL for the
 * operator's own units; every unit below a vendor carries the vendor so "only my vendor's tree" is a
 * plain filter rather than a recursive walk (SEC-02).
 */
export const orgUnits = pgTable(
  'org_units',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    vendorId: uuid('vendor_id'),
    parentId: uuid('parent_id'),
    kind: text('kind').$type<OrgUnitKind>().notNull(),
    name: text('name').notNull(),
    code: text('code').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('org_units_tenant_code_unique').on(t.tenantId, t.code),
    unique('org_units_tenant_id_unique').on(t.tenantId, t.id),
    sameTenant('org_units_vendor_fk', { tenantId: t.tenantId, column: t.vendorId }, vendors),
    sameTenant('org_units_parent_fk', { tenantId: t.tenantId, column: t.parentId }, t),
    index('org_units_tenant_parent_idx').on(t.tenantId, t.parentId),
    index('org_units_tenant_vendor_idx').on(t.tenantId, t.vendorId),
    check('org_units_kind_check', oneOf(t.kind, ORG_UNIT_KINDS)),
  ],
);

/** ORG-04 service area (网格): a polygon of [lng, lat] pairs (GeoJSON order) served by one station. */
export const areas = pgTable(
  'areas',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    stationId: uuid('station_id').notNull(),
    name: text('name').notNull(),
    code: text('code').notNull(),
    polygon: jsonb('polygon').$type<readonly LngLat[]>().notNull(),
    /** SLA-01: IANA zone of the area's working calendar; null follows the tenant's zone (Asia/Shanghai). */
    timeZone: text('time_zone'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('areas_tenant_code_unique').on(t.tenantId, t.code),
    unique('areas_tenant_id_unique').on(t.tenantId, t.id),
    sameTenant('areas_station_fk', { tenantId: t.tenantId, column: t.stationId }, orgUnits),
  ],
);
