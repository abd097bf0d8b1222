import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { OrgUnitKind } from '@daowei/domain';
import type { Db } from '../client.js';
import { toArea, toOrgUnit, toTenant, toVendor, type StoredOrgUnit, type StoredTenant } from '../mappers/org.mapper.js';
import { areas, orgUnits } from '../schema/org-units.js';
import { tenants, vendors } from '../schema/tenants.js';
import { isUuid } from './helpers.js';

/**
 * ORG-01/ORG-04: tenants, vendors, the org tree and service areas. Every function except the tenant
 * ones takes the tenant id and filters by it; a row of another tenant is simply not found.
 */

export async function createTenant(
  db: Db,
  input: { code: string; name: string; timeZone?: string },
): Promise<StoredTenant> {
  const [row] = await db
    .insert(tenants)
    .values({ code: input.code, name: input.name, ...(input.timeZone ? { timeZone: input.timeZone } : {}) })
    .returning();
  return toTenant(row!);
}

export async function getTenant(db: Db, tenantId: string): Promise<StoredTenant | null> {
  if (!isUuid(tenantId)) return null;
  const [row] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
  return row ? toTenant(row) : null;
}

export async function findTenantByCode(db: Db, code: string): Promise<StoredTenant | null> {
  const [row] = await db.select().from(tenants).where(eq(tenants.code, code));
  return row ? toTenant(row) : null;
}

export async function createVendor(db: Db, tenantId: string, input: { code: string; name: string }) {
  const [row] = await db
    .insert(vendors)
    .values({ tenantId, ...input })
    .returning();
  return toVendor(row!);
}

export async function listVendors(db: Db, tenantId: string) {
  const rows = await db.select().from(vendors).where(eq(vendors.tenantId, tenantId)).orderBy(asc(vendors.code));
  return rows.map(toVendor);
}

export async function getVendor(db: Db, tenantId: string, vendorId: string) {
  if (!isUuid(vendorId)) return null;
  const [row] = await db
    .select()
    .from(vendors)
    .where(and(eq(vendors.tenantId, tenantId), eq(vendors.id, vendorId)));
  return row ? toVendor(row) : null;
}

export interface NewOrgUnit {
  parentId: string | null;
  kind: OrgUnitKind;
  name: string;
  code: string;
  /** NULL for the operator's own units; every unit under a vendor names that vendor. */
  vendorId: string | null;
}

export async function createOrgUnit(db: Db, tenantId: string, input: NewOrgUnit): Promise<StoredOrgUnit> {
  const [row] = await db
    .insert(orgUnits)
    .values({ tenantId, ...input })
    .returning();
  return toOrgUnit(row!);
}

export async function getOrgUnit(db: Db, tenantId: string, unitId: string): Promise<StoredOrgUnit | null> {
  if (!isUuid(unitId)) return null;
  const [row] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, unitId)));
  return row ? toOrgUnit(row) : null;
}

/**
 * The org tree of a tenant as a flat list (the domain's org-tree walks work on lists). `vendorId`: a
 * vendor id = only that vendor's units (SEC-02: vendor staff see their own tree); null or omitted =
 * every unit — pass the viewer's vendorId as it is (null for operator staff, who see all).
 */
export async function listOrgUnits(
  db: Db,
  tenantId: string,
  filter: { vendorId?: string | null } = {},
): Promise<StoredOrgUnit[]> {
  const where: SQL[] = [eq(orgUnits.tenantId, tenantId)];
  if (filter.vendorId) where.push(eq(orgUnits.vendorId, filter.vendorId));
  const rows = await db
    .select()
    .from(orgUnits)
    .where(and(...where))
    .orderBy(asc(orgUnits.code));
  return rows.map(toOrgUnit);
}

export interface NewArea {
  stationId: string;
  name: string;
  code: string;
  polygon: readonly (readonly [number, number])[];
}

export async function createArea(db: Db, tenantId: string, input: NewArea) {
  const [row] = await db
    .insert(areas)
    .values({ tenantId, ...input })
    .returning();
  return toArea(row!);
}

export async function getArea(db: Db, tenantId: string, areaId: string) {
  if (!isUuid(areaId)) return null;
  const [row] = await db
    .select()
    .from(areas)
    .where(and(eq(areas.tenantId, tenantId), eq(areas.id, areaId)));
  return row ? toArea(row) : null;
}

/** ORG-04: a tenant's areas, optionally only those served by the given stations. */
export async function listAreas(db: Db, tenantId: string, filter: { stationIds?: readonly string[] } = {}) {
  const where: SQL[] = [eq(areas.tenantId, tenantId)];
  if (filter.stationIds) where.push(inArray(areas.stationId, [...filter.stationIds]));
  const rows = await db
    .select()
    .from(areas)
    .where(and(...where))
    .orderBy(asc(areas.code));
  return rows.map(toArea);
}
