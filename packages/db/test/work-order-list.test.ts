import { ancestors, canSeeOrder, type Person, type Position, type Viewer } from '@daowei/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countWorkOrders,
  listOrgUnits,
  listWorkOrders,
  visibilityFor,
  type Database,
  type Db,
  type StoredWorkOrder,
  type WorkOrderListFilter,
} from '../src/index.js';
import {
  addTestVendor,
  createTestOrder,
  createTestTenant,
  openTestDatabase,
  type TestTenant,
  type TestVendor,
} from '../src/testing/index.js';
import { domainCodeOf } from './helpers.js';

let database: Database;
let db: Db;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
});
afterAll(() => database?.close());

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 1, minute));

/** Every page of a listing, following nextCursor. */
async function allPages(tenantId: string, filter: WorkOrderListFilter): Promise<StoredWorkOrder[][]> {
  const pages: StoredWorkOrder[][] = [];
  let cursor: string | null = null;
  do {
    const page = await listWorkOrders(db, tenantId, { ...filter, cursor });
    pages.push(page.items);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 50);
  return pages;
}

describe('work order list', () => {
  let t: TestTenant;
  let b: TestVendor;

  beforeAll(async () => {
    t = await createTestTenant(db);
    b = await addTestVendor(db, t, 'vb');
  });

  it("SEC-02 listing as vendor A never returns vendor B's orders", async () => {
    const mineA = [
      await createTestOrder(db, t, { acceptedAt: at(1) }),
      await createTestOrder(db, t, { acceptedAt: at(2) }),
    ];
    const mineB = [
      await createTestOrder(db, t, { vendorId: b.vendor.id, stationId: b.units.station.id, acceptedAt: at(3) }),
    ];
    const other = await createTestTenant(db);
    await createTestOrder(db, other, { acceptedAt: at(4) });

    const asA = await listWorkOrders(db, t.tenant.id, { vendorId: t.vendor.id });
    const asB = await listWorkOrders(db, t.tenant.id, { vendorId: b.vendor.id });
    const asOperator = await listWorkOrders(db, t.tenant.id, { vendorId: null });
    expect(asA.items.map((o) => o.id).sort()).toEqual(mineA.map((o) => o.id).sort());
    expect(asB.items.map((o) => o.id)).toEqual(mineB.map((o) => o.id));
    expect(asOperator.items).toHaveLength(3);
    expect(asOperator.items.every((o) => o.tenantId === t.tenant.id)).toBe(true);
    expect(await countWorkOrders(db, t.tenant.id, { vendorId: t.vendor.id })).toBe(2);
    // The same vendor id used with the wrong tenant finds nothing.
    expect((await listWorkOrders(db, other.tenant.id, { vendorId: t.vendor.id })).items).toEqual([]);
  });
});

describe('SEC-01 what an engineer lists is what the domain lets them see', () => {
  it('SEC-01 list visibility in SQL agrees with canSeeOrder for every viewer and order', async () => {
    const t = await createTestTenant(db);
    const b = await addTestVendor(db, t, 'vb');
    const units = await listOrgUnits(db, t.tenant.id);
    const e1 = t.engineer.id;
    const e2 = t.engineer2.id;
    const team = t.units.team.id;
    const station = t.units.station.id;
    const mk = (minute: number, over: Parameters<typeof createTestOrder>[2]) =>
      createTestOrder(db, t, { acceptedAt: at(minute), ...over });
    const orders = [
      await mk(1, { status: 'assigned', offeredToPersonId: e1 }),
      await mk(2, { status: 'assigned', offeredToPersonId: e2 }),
      await mk(3, { status: 'assigned', offeredToUnitId: team }),
      await mk(4, { status: 'assigned', offeredToUnitId: station }),
      await mk(5, { status: 'taken', offeredToUnitId: team, holderId: e2 }), // a colleague took the pool offer
      await mk(6, { status: 'taken', offeredToPersonId: e1, holderId: e1 }),
      await mk(7, { status: 'closed', holderId: e1, completedAt: at(30), closedAt: at(40) }),
      await mk(8, { status: 'created' }),
      await mk(9, { status: 'assigned', offeredToPersonId: e1, offeredToUnitId: team }),
      await mk(10, {
        vendorId: b.vendor.id,
        stationId: b.units.station.id,
        status: 'assigned',
        offeredToUnitId: b.units.team.id,
      }),
      await mk(11, { vendorId: b.vendor.id, stationId: b.units.station.id, status: 'taken', holderId: b.engineer.id }),
    ];
    const viewer = (p: Person, position: Position): Viewer => ({
      personId: p.id,
      position,
      unitIds: ancestors(p.unitId, units),
      vendorId: p.vendorId,
      tenantId: t.tenant.id,
    });
    const viewers = [
      viewer(t.engineer, 'onsite_engineer'),
      viewer(t.engineer2, 'onsite_engineer'),
      viewer(t.engineer2, 'team_lead'),
      viewer(t.coordinator, 'coordinator'),
      viewer(b.engineer, 'onsite_engineer'),
      viewer(b.coordinator, 'coordinator'),
      viewer(t.admin, 'admin'),
      viewer(t.hotline, 'hotline_agent'),
    ];
    for (const v of viewers) {
      const expected = orders.filter((o) => canSeeOrder(o, v)).map((o) => o.number);
      const scope = visibilityFor(v);
      const listed = scope ? (await listWorkOrders(db, t.tenant.id, scope)).items.map((o) => o.number) : [];
      expect({ who: `${v.position} ${v.personId}`, listed: listed.sort() }).toEqual({
        who: `${v.position} ${v.personId}`,
        listed: expected.sort(),
      });
    }
    // Sanity: the rule is not trivially all-or-nothing for an engineer.
    const e1Sees = (await listWorkOrders(db, t.tenant.id, visibilityFor(viewers[0]!)!)).items.map((o) => o.number);
    expect(e1Sees.sort()).toEqual(
      [orders[0], orders[2], orders[3], orders[5], orders[6], orders[8]].map((o) => o!.number).sort(),
    );
  });
});

describe('keyset pagination and filters', () => {
  let t: TestTenant;
  let all: StoredWorkOrder[];

  beforeAll(async () => {
    t = await createTestTenant(db);
    all = [];
    // Seven orders, three of them accepted at the very same instant: ties are broken by id.
    for (const minute of [5, 1, 3, 3, 3, 9, 7]) all.push(await createTestOrder(db, t, { acceptedAt: at(minute) }));
  });

  const newestFirst = (orders: StoredWorkOrder[]) =>
    [...orders].sort((x, y) => y.acceptedAt.getTime() - x.acceptedAt.getTime() || (x.id < y.id ? 1 : -1));

  it('pages walk every order exactly once, newest first, with ties broken by id', async () => {
    const pages = await allPages(t.tenant.id, { limit: 3 });
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat().map((o) => o.id)).toEqual(newestFirst(all).map((o) => o.id));
  });

  it('an order inserted after the first page does not shift the next pages', async () => {
    const own = await createTestTenant(db);
    const orders: StoredWorkOrder[] = [];
    for (const minute of [1, 2, 3, 4]) orders.push(await createTestOrder(db, own, { acceptedAt: at(minute) }));
    const first = await listWorkOrders(db, own.tenant.id, { limit: 2 });
    await createTestOrder(db, own, { acceptedAt: at(50) });
    const second = await listWorkOrders(db, own.tenant.id, { limit: 2, cursor: first.nextCursor });
    expect(first.items.map((o) => o.id)).toEqual([orders[3]!.id, orders[2]!.id]);
    expect(second.items.map((o) => o.id)).toEqual([orders[1]!.id, orders[0]!.id]);
    expect(second.nextCursor).toBeNull();
  });

  it('a cursor that was not issued by the list is refused as invalid input', async () => {
    expect(await domainCodeOf(listWorkOrders(db, t.tenant.id, { cursor: 'bm90LWEtY3Vyc29y' }))).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('ENG-01 filters: scope, type, status, area, engineer, accepted range and search', async () => {
    const own = await createTestTenant(db);
    const mk = (minute: number, over: Parameters<typeof createTestOrder>[2]) =>
      createTestOrder(db, own, { acceptedAt: at(minute), ...over });
    const open = await mk(1, { status: 'taken', holderId: own.engineer.id });
    const done = await mk(2, { status: 'closed', holderId: own.engineer.id, closedAt: at(20) });
    const install = await mk(3, { type: 'install', areaId: null, address: '西湖区文三路 100 号' });
    const serial = await mk(4, { acceptanceSerial: 'BSS-UNIQUE-42' });
    const ids = async (f: WorkOrderListFilter) =>
      (await listWorkOrders(db, own.tenant.id, f)).items.map((o) => o.id).sort();
    const sorted = (...os: StoredWorkOrder[]) => os.map((o) => o.id).sort();

    expect(await ids({ scope: 'done' })).toEqual(sorted(done));
    expect(await ids({ scope: 'todo' })).toEqual(sorted(open, install, serial));
    expect(await ids({ type: 'install' })).toEqual(sorted(install));
    expect(await ids({ status: ['taken', 'closed'] })).toEqual(sorted(open, done));
    expect(await ids({ areaId: own.area.id })).toEqual(sorted(open, done, serial));
    expect(await ids({ engineerId: own.engineer.id })).toEqual(sorted(open, done));
    expect(await ids({ acceptedFrom: at(2), acceptedTo: at(4) })).toEqual(sorted(done, install));
    expect(await ids({ q: 'unique-42' })).toEqual(sorted(serial));
    expect(await ids({ q: '文三路' })).toEqual(sorted(install));
    expect(await ids({ q: own.customer.phone.slice(3, 9) })).toEqual(sorted(open, done, install, serial));
    expect(await ids({ q: open.number })).toEqual(sorted(open));
    // LIKE wildcards in the search text are taken literally.
    expect(await ids({ q: '%' })).toEqual([]);
  });
});
