import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCertificate,
  addShift,
  createOrgUnit,
  createPerson,
  createSkill,
  findLoginAccount,
  getOrgUnit,
  getPerson,
  linkExternalAccount,
  listAreas,
  listCertificates,
  listExternalAccounts,
  listOrgUnits,
  listPeople,
  listPositions,
  listPositionsOf,
  listShifts,
  searchExternalAccounts,
  searchPeople,
  setPositions,
  type Database,
  type Db,
} from '../src/index.js';
import {
  addTestVendor,
  createTestTenant,
  openTestDatabase,
  type TestTenant,
  type TestVendor,
} from '../src/testing/index.js';
import { domainCodeOf, expectPgError } from './helpers.js';

let database: Database;
let db: Db;
let t: TestTenant;
let b: TestVendor;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  t = await createTestTenant(db);
  b = await addTestVendor(db, t, 'vb');
});
afterAll(() => database?.close());

describe('org tree and people', () => {
  it('ORG-01 a vendor sees only its own units and people; operator staff see all', async () => {
    const unitsA = await listOrgUnits(db, t.tenant.id, { vendorId: t.vendor.id });
    const all = await listOrgUnits(db, t.tenant.id, { vendorId: null });
    expect(unitsA.map((u) => u.code).sort()).toEqual(['va', 'va-station', 'va-team']);
    expect(all.map((u) => u.code).sort()).toEqual(['op', 'va', 'va-station', 'va-team', 'vb', 'vb-station', 'vb-team']);
    const peopleB = await listPeople(db, t.tenant.id, { vendorId: b.vendor.id });
    expect(peopleB.map((p) => p.id).sort()).toEqual([b.coordinator.id, b.engineer.id, b.engineer2.id].sort());
    expect((await listPeople(db, t.tenant.id)).length).toBe(8);
  });

  it('ORG-01 a person takes the vendor of their unit', async () => {
    expect(t.engineer.vendorId).toBe(t.vendor.id);
    expect(b.engineer.vendorId).toBe(b.vendor.id);
    expect(t.admin.vendorId).toBeNull();
    expect(await getPerson(db, t.tenant.id, t.engineer.id)).toEqual(t.engineer);
  });

  it('ORG-01 a row cannot point at a row of another tenant', async () => {
    const other = await createTestTenant(db);
    // Unit of another tenant as parent: refused by the composite foreign key, not by repository code.
    const err = await expectPgError(
      createOrgUnit(db, t.tenant.id, {
        parentId: other.units.team.id,
        kind: 'team',
        name: 'x',
        code: 'x',
        vendorId: null,
      }),
    );
    expect(err.code).toBe('23503');
    expect(await getOrgUnit(db, t.tenant.id, other.units.team.id)).toBeNull();
    expect(await getPerson(db, t.tenant.id, other.engineer.id)).toBeNull();
    // An id from a URL that is not even a uuid is "not found", not a database error.
    expect(await getPerson(db, t.tenant.id, 'not-a-uuid')).toBeNull();
  });

  it('ORG-02 positions are replaced as a set and read in a stable order', async () => {
    await setPositions(db, t.tenant.id, t.engineer2.id, ['team_lead', 'onsite_engineer', 'team_lead']);
    expect(await listPositions(db, t.tenant.id, t.engineer2.id)).toEqual(['onsite_engineer', 'team_lead']);
    const many = await listPositionsOf(db, t.tenant.id, [t.engineer.id, t.coordinator.id, t.admin.id]);
    expect(Object.fromEntries(many)).toEqual({
      [t.engineer.id]: ['onsite_engineer'],
      [t.coordinator.id]: ['coordinator'],
      [t.admin.id]: ['admin'],
    });
  });

  it('SEC-03 a login is found across tenants, case-insensitively, and is unique', async () => {
    const account = await findLoginAccount(db, `  VA-ENGINEER-${t.suffix.toUpperCase()} `);
    expect(account).toMatchObject({
      person: { id: t.engineer.id },
      tenant: { id: t.tenant.id },
      passwordHash: expect.any(String),
    });
    expect(await findLoginAccount(db, 'nobody-at-all')).toBeNull();
    const err = await expectPgError(
      createPerson(db, t.tenant.id, {
        unitId: t.units.team.id,
        name: 'dup',
        staffNo: 'D1',
        phone: '1',
        login: `Va-Engineer-${t.suffix}`,
        passwordHash: 'x',
      }),
    );
    expect(err.code).toBe('23505');
  });

  it('ORG-05 people are searched by name, staff number or phone within the viewer’s vendor', async () => {
    expect((await searchPeople(db, t.tenant.id, 'va-engineer2')).map((p) => p.id)).toEqual([t.engineer2.id]);
    expect((await searchPeople(db, t.tenant.id, t.engineer.staffNo)).map((p) => p.id)).toEqual([t.engineer.id]);
    expect((await searchPeople(db, t.tenant.id, t.coordinator.phone.slice(-6))).map((p) => p.id)).toEqual([
      t.coordinator.id,
    ]);
    expect(
      (await searchPeople(db, t.tenant.id, 'engineer', { vendorId: b.vendor.id })).map((p) => p.id).sort(),
    ).toEqual([b.engineer.id, b.engineer2.id].sort());
  });
});

describe('external accounts', () => {
  it('ORG-05 external accounts are found by phone', async () => {
    await linkExternalAccount(db, t.tenant.id, { personId: t.engineer.id, system: 'BSS', externalId: 'GZ-ENG-0001' });
    await linkExternalAccount(db, t.tenant.id, { personId: t.coordinator.id, system: 'BSS', externalId: 'GZ-CO-0002' });
    const found = await searchExternalAccounts(db, t.tenant.id, t.engineer.phone);
    expect(found).toEqual([
      {
        id: expect.any(String),
        personId: t.engineer.id,
        personName: t.engineer.name,
        staffNo: t.engineer.staffNo,
        phone: t.engineer.phone,
        system: 'BSS',
        externalId: 'GZ-ENG-0001',
      },
    ]);
  });

  it('ORG-05 external accounts are found by name, staff number and external id, and listed', async () => {
    const by = async (q: string) => (await searchExternalAccounts(db, t.tenant.id, q)).map((a) => a.externalId);
    expect(await by('coordinator')).toEqual(['GZ-CO-0002']);
    expect(await by(t.engineer.staffNo)).toEqual(['GZ-ENG-0001']);
    expect(await by('co-00')).toEqual(['GZ-CO-0002']);
    expect((await listExternalAccounts(db, t.tenant.id, { personId: t.engineer.id })).map((a) => a.externalId)).toEqual(
      ['GZ-ENG-0001'],
    );
    expect((await listExternalAccounts(db, t.tenant.id, { vendorId: b.vendor.id })).length).toBe(0);
  });

  it('ORG-05 an external id already linked in that system is refused', async () => {
    const code = await domainCodeOf(
      linkExternalAccount(db, t.tenant.id, { personId: t.engineer2.id, system: 'BSS', externalId: 'GZ-ENG-0001' }),
    );
    expect(code).toBe('ORG_EXTERNAL_ACCOUNT_TAKEN');
    // The same id in another system, or in another tenant, is a different account.
    await linkExternalAccount(db, t.tenant.id, { personId: t.engineer2.id, system: 'CRM', externalId: 'GZ-ENG-0001' });
    const other = await createTestTenant(db);
    await linkExternalAccount(db, other.tenant.id, {
      personId: other.engineer.id,
      system: 'BSS',
      externalId: 'GZ-ENG-0001',
    });
    expect((await searchExternalAccounts(db, t.tenant.id, 'GZ-ENG-0001')).map((a) => a.system).sort()).toEqual([
      'BSS',
      'CRM',
    ]);
  });
});

describe('skills, areas and shifts', () => {
  it('ORG-03 certificates keep their history and expiry dates', async () => {
    await createSkill(db, t.tenant.id, { code: 'ftth', name: 'FTTH splicing' });
    await addCertificate(db, t.tenant.id, {
      personId: t.engineer.id,
      skillCode: 'ftth',
      certificateNo: 'C-1',
      validUntil: '2025-12-31',
    });
    await addCertificate(db, t.tenant.id, {
      personId: t.engineer.id,
      skillCode: 'ftth',
      certificateNo: 'C-2',
      validUntil: '2027-06-30',
    });
    const certs = await listCertificates(db, t.tenant.id, [t.engineer.id]);
    expect(certs.map((c) => [c.certificateNo, c.validUntil])).toEqual([
      ['C-1', '2025-12-31'],
      ['C-2', '2027-06-30'],
    ]);
    // A certificate for a skill the tenant does not have is refused.
    const err = await expectPgError(
      addCertificate(db, t.tenant.id, {
        personId: t.engineer.id,
        skillCode: 'nope',
        certificateNo: 'C-3',
        validUntil: '2027-01-01',
      }),
    );
    expect(err.code).toBe('23503');
  });

  it('ORG-04 areas are listed with their outline, optionally by station', async () => {
    const areas = await listAreas(db, t.tenant.id, { stationIds: [b.units.station.id] });
    expect(areas).toEqual([b.area]);
    expect(areas[0]!.polygon[0]).toEqual([116.4, 39.9]);
    expect((await listAreas(db, t.tenant.id)).length).toBe(2);
  });

  it('ORG-06 shifts overlapping a period are listed, evening shifts crossing midnight included', async () => {
    const h = (day: number, hour: number) => new Date(Date.UTC(2026, 10, day, hour));
    await addShift(db, t.tenant.id, { personId: t.engineer.id, start: h(23, 1), end: h(23, 9), kind: 'day' });
    await addShift(db, t.tenant.id, { personId: t.engineer.id, start: h(23, 10), end: h(23, 18), kind: 'evening' });
    await addShift(db, t.tenant.id, { personId: t.engineer2.id, start: h(24, 1), end: h(24, 9), kind: 'weekend' });
    const shifts = await listShifts(db, t.tenant.id, { from: h(23, 12), to: h(24, 2) });
    expect(shifts.map((s) => [s.personId, s.kind])).toEqual([
      [t.engineer.id, 'evening'],
      [t.engineer2.id, 'weekend'],
    ]);
    const err = await expectPgError(
      addShift(db, t.tenant.id, { personId: t.engineer.id, start: h(25, 9), end: h(25, 1), kind: 'day' }),
    );
    expect(err.code).toBe('23514');
  });
});
