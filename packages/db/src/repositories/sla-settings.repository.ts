import { and, asc, desc, eq } from 'drizzle-orm';
import type { SlaPolicy, WorkingHours } from '@daowei/domain';
import type { Db } from '../client.js';
import { areas, orgUnits } from '../schema/org-units.js';
import { slaPolicyVersions, unitWorkingHours } from '../schema/sla-settings.js';
import { tenants } from '../schema/tenants.js';
import { isUuid } from './helpers.js';

/**
 * SLA-01/02 settings of a tenant that shape its clocks: areas' time zones, units' working hours and the
 * versions of its SLA policy. Read by the SLA service per call (inside the caller's transaction), so an
 * admin's edit reaches every server process at once.
 */

export interface StoredUnitHours {
  unitId: string;
  unitCode: string;
  unitName: string;
  unitKind: string;
  parentId: string | null;
  vendorId: string | null;
  hours: WorkingHours;
  updatedBy: string;
  updatedAt: Date;
}

export async function listUnitWorkingHours(db: Db, tenantId: string): Promise<StoredUnitHours[]> {
  const rows = await db
    .select({ h: unitWorkingHours, u: orgUnits })
    .from(unitWorkingHours)
    .innerJoin(
      orgUnits,
      and(eq(orgUnits.tenantId, unitWorkingHours.tenantId), eq(orgUnits.id, unitWorkingHours.unitId)),
    )
    .where(eq(unitWorkingHours.tenantId, tenantId))
    .orderBy(asc(orgUnits.code));
  return rows.map(({ h, u }) => ({
    unitId: u.id,
    unitCode: u.code,
    unitName: u.name,
    unitKind: u.kind,
    parentId: u.parentId,
    vendorId: u.vendorId,
    hours: h.hours,
    updatedBy: h.updatedBy,
    updatedAt: h.updatedAt,
  }));
}

/** Sets a unit's hours (one row per unit; a later edit replaces it). */
export async function upsertUnitWorkingHours(
  db: Db,
  tenantId: string,
  unitId: string,
  hours: WorkingHours,
  by: string,
  at: Date,
): Promise<void> {
  await db
    .insert(unitWorkingHours)
    .values({ tenantId, unitId, hours, updatedBy: by, createdAt: at, updatedAt: at })
    .onConflictDoUpdate({
      target: [unitWorkingHours.tenantId, unitWorkingHours.unitId],
      set: { hours, updatedBy: by, updatedAt: at },
    });
}

export async function deleteUnitWorkingHours(db: Db, tenantId: string, unitId: string): Promise<boolean> {
  if (!isUuid(unitId)) return false;
  const rows = await db
    .delete(unitWorkingHours)
    .where(and(eq(unitWorkingHours.tenantId, tenantId), eq(unitWorkingHours.unitId, unitId)))
    .returning({ id: unitWorkingHours.id });
  return rows.length > 0;
}

export interface AreaZone {
  id: string;
  code: string;
  name: string;
  stationId: string;
  /** The area's own zone; null follows the tenant's. */
  timeZone: string | null;
}

export async function listAreaZones(db: Db, tenantId: string): Promise<AreaZone[]> {
  return db
    .select({ id: areas.id, code: areas.code, name: areas.name, stationId: areas.stationId, timeZone: areas.timeZone })
    .from(areas)
    .where(eq(areas.tenantId, tenantId))
    .orderBy(asc(areas.code));
}

/** Sets (or, with null, clears) an area's zone; null when the tenant has no such area. */
export async function setAreaTimeZone(
  db: Db,
  tenantId: string,
  areaId: string,
  timeZone: string | null,
): Promise<AreaZone | null> {
  if (!isUuid(areaId)) return null;
  const [row] = await db
    .update(areas)
    .set({ timeZone })
    .where(and(eq(areas.tenantId, tenantId), eq(areas.id, areaId)))
    .returning({
      id: areas.id,
      code: areas.code,
      name: areas.name,
      stationId: areas.stationId,
      timeZone: areas.timeZone,
    });
  return row ?? null;
}

/** The zone an order's calendar uses: its area's, else the tenant's. */
export async function zoneOf(db: Db, tenantId: string, areaId: string | null): Promise<string> {
  if (areaId) {
    const [a] = await db
      .select({ tz: areas.timeZone })
      .from(areas)
      .where(and(eq(areas.tenantId, tenantId), eq(areas.id, areaId)));
    if (a?.tz) return a.tz;
  }
  const [t] = await db.select({ tz: tenants.timeZone }).from(tenants).where(eq(tenants.id, tenantId));
  return t?.tz ?? 'Asia/Shanghai';
}

export interface StoredSlaPolicyVersion {
  version: number;
  policy: SlaPolicy;
  note: string | null;
  createdBy: string;
  createdAt: Date;
}

const toVersion = (r: typeof slaPolicyVersions.$inferSelect): StoredSlaPolicyVersion => ({
  version: r.version,
  policy: r.policy,
  note: r.note,
  createdBy: r.createdBy,
  createdAt: r.createdAt,
});

/** The tenant's newest stored version (its current policy), or null when it uses the shipped one. */
export async function latestSlaPolicyVersion(db: Db, tenantId: string): Promise<StoredSlaPolicyVersion | null> {
  const [row] = await db
    .select()
    .from(slaPolicyVersions)
    .where(eq(slaPolicyVersions.tenantId, tenantId))
    .orderBy(desc(slaPolicyVersions.version))
    .limit(1);
  return row ? toVersion(row) : null;
}

export async function getSlaPolicyVersion(
  db: Db,
  tenantId: string,
  version: number,
): Promise<StoredSlaPolicyVersion | null> {
  const [row] = await db
    .select()
    .from(slaPolicyVersions)
    .where(and(eq(slaPolicyVersions.tenantId, tenantId), eq(slaPolicyVersions.version, version)));
  return row ? toVersion(row) : null;
}

/** Versions newest first, without their bodies. */
export async function listSlaPolicyVersions(
  db: Db,
  tenantId: string,
): Promise<Omit<StoredSlaPolicyVersion, 'policy'>[]> {
  return db
    .select({
      version: slaPolicyVersions.version,
      note: slaPolicyVersions.note,
      createdBy: slaPolicyVersions.createdBy,
      createdAt: slaPolicyVersions.createdAt,
    })
    .from(slaPolicyVersions)
    .where(eq(slaPolicyVersions.tenantId, tenantId))
    .orderBy(desc(slaPolicyVersions.version));
}

/** Stores a new version; false when that version number was taken meanwhile (another admin's save). */
export async function insertSlaPolicyVersion(
  db: Db,
  tenantId: string,
  v: { policy: SlaPolicy; note: string | null; by: string; at: Date },
): Promise<boolean> {
  const rows = await db
    .insert(slaPolicyVersions)
    .values({ tenantId, version: v.policy.version, policy: v.policy, note: v.note, createdBy: v.by, createdAt: v.at })
    .onConflictDoNothing({ target: [slaPolicyVersions.tenantId, slaPolicyVersions.version] })
    .returning({ id: slaPolicyVersions.id });
  return rows.length > 0;
}
