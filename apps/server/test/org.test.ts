import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestVendor, createTestPerson, type TestVendor } from '@daowei/db/testing';
import { call, startHarness, tokensOf, type Body, type Harness, type Tokens } from './harness.js';

describe('org tree, people and external accounts over HTTP', () => {
  let h: Harness;
  let tk: Tokens;
  let vb: TestVendor;
  let vbCoordinator: string;
  beforeAll(async () => {
    h = await startHarness();
    tk = await tokensOf(h);
    vb = await addTestVendor(h.database.db, h.t, 'vb');
    vbCoordinator = await h.tokenFor(vb.coordinator);
  });
  afterAll(async () => h?.close());

  const link = (token: string, personId: string, system: string, externalId: string) =>
    call(h.app, token, 'POST', `/api/people/${personId}/external-accounts`, { system, externalId });

  it('ORG-05 an admin links a person to a BSS id; a search by their phone or the id finds the mapping', async () => {
    const externalId = `BSS-${randomUUID().slice(0, 6)}`;
    const res = await link(tk.admin, h.t.engineer.id, 'BSS', externalId);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      personId: h.t.engineer.id,
      personName: h.t.engineer.name,
      system: 'BSS',
      externalId,
    });

    const mapping = expect.objectContaining({
      personId: h.t.engineer.id,
      phone: h.t.engineer.phone,
      system: 'BSS',
      externalId,
    });
    for (const q of [h.t.engineer.phone, externalId.toLowerCase(), h.t.engineer.staffNo]) {
      const found = await call(h.app, tk.admin, 'GET', `/api/external-accounts?q=${encodeURIComponent(q)}`);
      expect(found.status).toBe(200);
      expect(found.body.items, q).toEqual([mapping]);
    }
    const byName = await call(h.app, tk.admin, 'GET', `/api/external-accounts?q=${h.t.engineer.name}`);
    expect(byName.body.items).toContainEqual(mapping);
    const all = await call(h.app, tk.admin, 'GET', '/api/external-accounts');
    expect(all.body.items.map((i: Body) => i.externalId)).toContain(externalId);
    const none = await call(h.app, tk.admin, 'GET', '/api/external-accounts?q=13000000000-none');
    expect(none.body.items).toEqual([]);
  });

  it('ORG-05 an external id already linked is 409 ORG_EXTERNAL_ACCOUNT_TAKEN; the same id in another system is fine', async () => {
    const externalId = `BSS-${randomUUID().slice(0, 6)}`;
    expect((await link(tk.admin, h.t.engineer2.id, 'BSS', externalId)).status).toBe(201);
    const again = await link(tk.admin, h.t.coordinator.id, 'BSS', externalId);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ORG_EXTERNAL_ACCOUNT_TAKEN');
    const same = await link(tk.admin, h.t.engineer2.id, 'BSS', `  ${externalId}  `);
    expect(same.status).toBe(409);
    expect((await link(tk.admin, h.t.coordinator.id, 'CRM', externalId)).status).toBe(201);
    const found = await call(h.app, tk.admin, 'GET', `/api/external-accounts?q=${externalId}`);
    expect(found.body.items.map((i: Body) => [i.personId, i.system])).toEqual(
      expect.arrayContaining([
        [h.t.engineer2.id, 'BSS'],
        [h.t.coordinator.id, 'CRM'],
      ]),
    );
    expect(found.body.items).toHaveLength(2);
  });

  it('ORG-05 only an admin links accounts (403 otherwise); unknown people are 404; bad input names the field', async () => {
    for (const token of [tk.coordinator, tk.hotline, tk.engineer]) {
      const res = await link(token, h.t.engineer.id, 'BSS', `X-${randomUUID()}`);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    expect((await call(h.app, tk.engineer, 'GET', '/api/external-accounts')).status).toBe(403);
    const ghost = await link(tk.admin, randomUUID(), 'BSS', `X-${randomUUID()}`);
    expect(ghost.status).toBe(404);
    const blank = await link(tk.admin, h.t.engineer.id, 'BSS', '   ');
    expect(blank.status).toBe(400);
    expect(blank.body.details.field).toBe('body.externalId');
    const badSystem = await link(tk.admin, h.t.engineer.id, 'B S S', 'X-1');
    expect(badSystem.body.details.field).toBe('body.system');
  });

  it("ORG-05 SEC-02 a vendor's staff never see another vendor's mappings", async () => {
    const externalId = `BSS-${randomUUID().slice(0, 6)}`;
    await link(tk.admin, h.t.engineer.id, 'BSS', externalId);
    const station = await h.tokenFor(vb.coordinator);
    // A coordinator may not read mappings at all; a vendor manager of B may, but sees only B's people.
    expect((await call(h.app, station, 'GET', '/api/external-accounts')).status).toBe(403);
    const manager = await createTestPerson(h.database.db, h.t.tenant.id, {
      name: 'vb-manager',
      unitId: vb.units.vendor.id,
      positions: ['vendor_manager'],
      suffix: h.t.suffix,
    });
    const token = await h.tokenFor(manager);
    const res = await call(h.app, token, 'GET', `/api/external-accounts?q=${externalId}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });

  it("ORG-01 a vendor's staff see only their vendor's units and people in the org tree", async () => {
    const res = await call(h.app, vbCoordinator, 'GET', '/api/org/tree');
    expect(res.status).toBe(200);
    const { units, people } = res.body;
    expect(units.map((u: Body) => u.id).sort()).toEqual(
      [vb.units.vendor.id, vb.units.station.id, vb.units.team.id].sort(),
    );
    expect(units.every((u: Body) => u.vendorId === vb.vendor.id)).toBe(true);
    const unitIds = new Set(units.map((u: Body) => u.id));
    expect(people.every((p: Body) => unitIds.has(p.unitId))).toBe(true);
    expect(people.map((p: Body) => p.id)).toEqual(
      expect.arrayContaining([vb.coordinator.id, vb.engineer.id, vb.engineer2.id]),
    );
    expect(people.map((p: Body) => p.id)).not.toContain(h.t.engineer.id);
    expect(people.find((p: Body) => p.id === vb.engineer2.id).positions).toEqual(['onsite_engineer', 'team_lead']);
    // The team lead's tree shows the team as the parent of its people.
    const team = units.find((u: Body) => u.id === vb.units.team.id);
    expect(team).toMatchObject({ kind: 'team', parentId: vb.units.station.id });
  });

  it('ORG-01 operator staff see every vendor in the org tree', async () => {
    const res = await call(h.app, tk.admin, 'GET', '/api/org/tree');
    const unitIds = res.body.units.map((u: Body) => u.id);
    expect(unitIds).toEqual(expect.arrayContaining([h.t.operatorUnit.id, h.t.units.team.id, vb.units.team.id]));
    const personIds = res.body.people.map((p: Body) => p.id);
    expect(personIds).toEqual(expect.arrayContaining([h.t.admin.id, h.t.engineer.id, vb.engineer.id]));
  });

  it('ORG-05 /api/people?q= finds a person by phone, staff number or name, within the caller’s vendor', async () => {
    for (const q of [h.t.engineer.phone, h.t.engineer.staffNo, h.t.engineer.name]) {
      const res = await call(h.app, tk.coordinator, 'GET', `/api/people?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(
        res.body.items.map((p: Body) => p.id),
        q,
      ).toContain(h.t.engineer.id);
    }
    const exact = await call(h.app, tk.coordinator, 'GET', `/api/people?q=${h.t.engineer.phone}`);
    expect(exact.body.items).toEqual([expect.objectContaining({ id: h.t.engineer.id, phone: h.t.engineer.phone })]);
    const foreign = await call(h.app, vbCoordinator, 'GET', `/api/people?q=${h.t.engineer.phone}`);
    expect(foreign.body.items).toEqual([]);
    const blank = await call(h.app, tk.coordinator, 'GET', '/api/people?q=%20%20');
    expect(blank.status).toBe(400);
    expect(blank.body.details.field).toBe('querystring.q');
  });

  it('ORG-04 /api/areas lists the tenant areas with their station', async () => {
    const res = await call(h.app, tk.coordinator, 'GET', '/api/areas');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual(
      expect.arrayContaining([
        { id: h.t.area.id, name: h.t.area.name, code: h.t.area.code, stationId: h.t.units.station.id },
      ]),
    );
  });
});
