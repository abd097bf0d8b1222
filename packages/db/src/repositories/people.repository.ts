import { and, asc, eq, gt, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { DomainError, type Person, type Position, type ShiftKind } from '@daowei/domain';
import type { Db } from '../client.js';
import { toCertificate, toPerson, toShift, type StoredCertificate, type StoredShift } from '../mappers/org.mapper.js';
import { orgUnits } from '../schema/org-units.js';
import { people, personPositions } from '../schema/people.js';
import { shifts } from '../schema/shifts.js';
import { personCertificates, skills } from '../schema/skills.js';
import { tenants } from '../schema/tenants.js';
import { clampLimit, containsPattern, isUuid } from './helpers.js';

/** ORG-01/02/03/06: people, their positions, skills, certificates and shifts. */

export interface NewPerson {
  unitId: string;
  name: string;
  staffNo: string;
  phone: string;
  login: string;
  passwordHash: string;
  active?: boolean;
  positions?: readonly Position[];
}

/**
 * Creates a person in a unit. The person's vendor is copied from the unit in the same statement, so
 * it cannot disagree with the tree (visibility filters rely on people.vendor_id).
 */
export async function createPerson(db: Db, tenantId: string, input: NewPerson): Promise<Person> {
  return db.transaction(async (tx) => {
    const [unit] = await tx
      .select({ vendorId: orgUnits.vendorId })
      .from(orgUnits)
      .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, input.unitId)));
    if (!unit) throw new DomainError('VALIDATION_FAILED', 'Unknown org unit', { field: 'unitId' });
    const { positions, ...fields } = input;
    const [row] = await tx
      .insert(people)
      .values({ tenantId, ...fields, vendorId: unit.vendorId })
      .returning();
    const person = toPerson(row!);
    if (positions?.length) await setPositions(tx, tenantId, person.id, positions);
    return person;
  });
}

export async function getPerson(db: Db, tenantId: string, personId: string): Promise<Person | null> {
  if (!isUuid(personId)) return null;
  const [row] = await db
    .select()
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)));
  return row ? toPerson(row) : null;
}

export async function getPeople(db: Db, tenantId: string, personIds: readonly string[]): Promise<Person[]> {
  const valid = personIds.filter(isUuid);
  if (valid.length === 0) return [];
  const rows = await db
    .select()
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, valid)));
  return rows.map(toPerson);
}

/** People of the tenant; `vendorId` as in listOrgUnits (a vendor = its people only; null/omitted = all). */
export async function listPeople(
  db: Db,
  tenantId: string,
  filter: { vendorId?: string | null; unitIds?: readonly string[]; activeOnly?: boolean } = {},
): Promise<Person[]> {
  const where = [eq(people.tenantId, tenantId), ...vendorCondition(filter.vendorId)];
  if (filter.unitIds) where.push(inArray(people.unitId, [...filter.unitIds]));
  if (filter.activeOnly) where.push(eq(people.active, true));
  const rows = await db
    .select()
    .from(people)
    .where(and(...where))
    .orderBy(asc(people.name), asc(people.id));
  return rows.map(toPerson);
}

/** ORG-05: search by name, staff number or phone (contains, case-insensitive). */
export async function searchPeople(
  db: Db,
  tenantId: string,
  q: string,
  opts: { vendorId?: string | null; limit?: number } = {},
): Promise<Person[]> {
  const p = containsPattern(q);
  const rows = await db
    .select()
    .from(people)
    .where(
      and(
        eq(people.tenantId, tenantId),
        ...vendorCondition(opts.vendorId),
        or(ilike(people.name, p), ilike(people.staffNo, p), ilike(people.phone, p)),
      ),
    )
    .orderBy(asc(people.name), asc(people.id))
    .limit(clampLimit(opts.limit));
  return rows.map(toPerson);
}

export interface LoginAccount {
  person: Person;
  passwordHash: string;
  tenant: { id: string; name: string; timeZone: string };
}

/**
 * SEC-03 login: the login form names no tenant, so this is the one lookup across tenants. Logins are
 * unique case-insensitively (people_login_unique on lower(login)).
 */
export async function findLoginAccount(db: Db, login: string): Promise<LoginAccount | null> {
  const [row] = await db
    .select({ person: people, tenant: { id: tenants.id, name: tenants.name, timeZone: tenants.timeZone } })
    .from(people)
    .innerJoin(tenants, eq(tenants.id, people.tenantId))
    .where(eq(sql`lower(${people.login})`, login.trim().toLowerCase()));
  return row ? { person: toPerson(row.person), passwordHash: row.person.passwordHash, tenant: row.tenant } : null;
}

export async function updatePasswordHash(db: Db, tenantId: string, personId: string, passwordHash: string) {
  await db
    .update(people)
    .set({ passwordHash })
    .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)));
}

export async function setPersonActive(db: Db, tenantId: string, personId: string, active: boolean) {
  await db
    .update(people)
    .set({ active })
    .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)));
}

/** SEC-02: a vendor's staff see their vendor's people; null (operator staff) or omitted = everyone. */
function vendorCondition(vendorId: string | null | undefined): SQL[] {
  return vendorId ? [eq(people.vendorId, vendorId)] : [];
}

/** ORG-02: positions a person holds, in a stable order. */
export async function listPositions(db: Db, tenantId: string, personId: string): Promise<Position[]> {
  const rows = await db
    .select({ position: personPositions.position })
    .from(personPositions)
    .where(and(eq(personPositions.tenantId, tenantId), eq(personPositions.personId, personId)))
    .orderBy(asc(personPositions.position));
  return rows.map((r) => r.position);
}

/** Positions of many people at once (the org tree screen), as personId → positions. */
export async function listPositionsOf(
  db: Db,
  tenantId: string,
  personIds: readonly string[],
): Promise<Map<string, Position[]>> {
  const result = new Map<string, Position[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return result;
  const rows = await db
    .select()
    .from(personPositions)
    .where(and(eq(personPositions.tenantId, tenantId), inArray(personPositions.personId, [...personIds])))
    .orderBy(asc(personPositions.position));
  for (const r of rows) result.get(r.personId)?.push(r.position);
  return result;
}

/** Replaces the person's positions with exactly `positions`. */
export async function setPositions(
  db: Db,
  tenantId: string,
  personId: string,
  positions: readonly Position[],
): Promise<void> {
  await db
    .delete(personPositions)
    .where(and(eq(personPositions.tenantId, tenantId), eq(personPositions.personId, personId)));
  const unique = [...new Set(positions)];
  if (unique.length) {
    await db.insert(personPositions).values(unique.map((position) => ({ tenantId, personId, position })));
  }
}

/** ORG-03 skills catalogue. */
export async function createSkill(db: Db, tenantId: string, input: { code: string; name: string }) {
  const [row] = await db
    .insert(skills)
    .values({ tenantId, ...input })
    .returning();
  return { tenantId: row!.tenantId, code: row!.code, name: row!.name };
}

export async function listSkills(db: Db, tenantId: string) {
  const rows = await db.select().from(skills).where(eq(skills.tenantId, tenantId)).orderBy(asc(skills.code));
  return rows.map((r) => ({ tenantId: r.tenantId, code: r.code, name: r.name }));
}

/** ORG-03: records a passed exam; renewals are new rows so the history stays. */
export async function addCertificate(
  db: Db,
  tenantId: string,
  input: { personId: string; skillCode: string; certificateNo: string; validUntil: string },
): Promise<StoredCertificate> {
  const [row] = await db
    .insert(personCertificates)
    .values({ tenantId, ...input })
    .returning();
  return toCertificate(row!);
}

/** Certificates of the given people (all of the tenant's when omitted); the domain decides validity. */
export async function listCertificates(
  db: Db,
  tenantId: string,
  personIds?: readonly string[],
): Promise<StoredCertificate[]> {
  const where = [eq(personCertificates.tenantId, tenantId)];
  if (personIds) where.push(inArray(personCertificates.personId, [...personIds]));
  const rows = await db
    .select()
    .from(personCertificates)
    .where(and(...where))
    .orderBy(asc(personCertificates.personId), asc(personCertificates.skillCode), asc(personCertificates.validUntil));
  return rows.map(toCertificate);
}

/** ORG-06: one rostered shift. */
export async function addShift(
  db: Db,
  tenantId: string,
  input: { personId: string; start: Date; end: Date; kind: ShiftKind },
): Promise<StoredShift> {
  const [row] = await db
    .insert(shifts)
    .values({ tenantId, personId: input.personId, startsAt: input.start, endsAt: input.end, kind: input.kind })
    .returning();
  return toShift(row!);
}

/** Shifts overlapping [from, to), optionally for some people only, earliest first. */
export async function listShifts(
  db: Db,
  tenantId: string,
  range: { from: Date; to: Date; personIds?: readonly string[] },
): Promise<StoredShift[]> {
  const where = [eq(shifts.tenantId, tenantId), lt(shifts.startsAt, range.to), gt(shifts.endsAt, range.from)];
  if (range.personIds) where.push(inArray(shifts.personId, [...range.personIds]));
  const rows = await db
    .select()
    .from(shifts)
    .where(and(...where))
    .orderBy(asc(shifts.startsAt), asc(shifts.id));
  return rows.map(toShift);
}
