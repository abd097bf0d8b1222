import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestVendor, type TestVendor } from '@daowei/db/testing';
import {
  actOk,
  call,
  completeBody,
  createOrderVia,
  dispatchToPerson,
  dispatchToPool,
  getOrder,
  ids,
  listAll,
  MINUTE,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';

const PHONE = '13812345678';
const MASKED = '138****5678';

describe('who sees which orders over HTTP (SEC-01, SEC-02)', () => {
  let h: Harness;
  let tk: Tokens;
  let vb: TestVendor;
  let vbCoordinator: string;
  let vbEngineer: string;
  beforeAll(async () => {
    h = await startHarness();
    tk = await tokensOf(h);
    vb = await addTestVendor(h.database.db, h.t, 'vb');
    vbCoordinator = await h.tokenFor(vb.coordinator);
    vbEngineer = await h.tokenFor(vb.engineer);
  });
  afterAll(async () => h?.close());

  it("SEC-02 vendor B's staff get 404 on vendor A's order and never see it in lists or searches", async () => {
    const a = await createOrderVia(h, tk.hotline, 'fault', {
      customer: { name: '赵女士', phone: PHONE, address: 'A 区 1 号' },
    });
    await dispatchToPool(h, tk.coordinator, a.order.id);
    const b = await createOrderVia(h, vbCoordinator, 'fault', { areaId: vb.area.id });
    expect(b.order.vendorId).toBe(vb.vendor.id);

    for (const token of [vbCoordinator, vbEngineer]) {
      const got = await call(h.app, token, 'GET', `/api/work-orders/${a.order.id}`);
      expect(got.status).toBe(404);
      expect(got.body.code).toBe('NOT_FOUND');
      const acted = await call(h.app, token, 'POST', `/api/work-orders/${a.order.id}/actions/take`, {});
      expect(acted.status).toBe(404);
    }
    const bList = await listAll(h, vbCoordinator);
    expect(ids(bList)).toContain(b.order.id);
    expect(bList.every((o: Body) => o.vendorId === vb.vendor.id)).toBe(true);
    for (const q of [a.order.number, PHONE, a.order.acceptanceSerial]) {
      expect(ids(await listAll(h, vbCoordinator, { q }))).toEqual([]);
    }
    // The unknown id and the other vendor's id give the very same answer: existence does not leak.
    const missing = await call(h.app, vbCoordinator, 'GET', `/api/work-orders/00000000-0000-4000-8000-000000000000`);
    const foreign = await call(h.app, vbCoordinator, 'GET', `/api/work-orders/${a.order.id}`);
    expect(foreign.status).toBe(missing.status);
    expect({ ...foreign.body, details: null }).toEqual({ ...missing.body, details: null });
    // Operator staff oversee both vendors.
    const all = ids(await listAll(h, tk.hotline));
    expect(all).toEqual(expect.arrayContaining([a.order.id, b.order.id]));
  });

  it('SEC-01 the phone is masked for an engineer who does not hold the order, in full for the holder while open', async () => {
    const o = await createOrderVia(h, tk.hotline, 'fault', {
      customer: { name: '钱先生', phone: PHONE, address: 'A 区 2 号' },
    });
    const id: string = o.order.id;
    expect(o.order.contactPhone).toBe(PHONE); // hotline agents call customers
    await dispatchToPool(h, tk.coordinator, id);
    expect((await getOrder(h, tk.coordinator, id)).order.contactPhone).toBe(PHONE);

    // On offer to the pool: both engineers see the order, neither sees the number yet.
    for (const token of [tk.engineer, tk.engineer2]) {
      expect((await getOrder(h, token, id)).order.contactPhone).toBe(MASKED);
      const listed = (await listAll(h, token, { scope: 'todo' })).find((x: Body) => x.id === id);
      expect(listed.contactPhone).toBe(MASKED);
    }
    const taken = await actOk(h, tk.engineer, id, 'take');
    expect(taken.order.contactPhone).toBe(PHONE);
    expect((await getOrder(h, tk.engineer, id)).order.contactPhone).toBe(PHONE);
    // The colleague no longer sees it; the team lead supervises and sees it masked.
    expect((await call(h.app, tk.engineer2, 'GET', `/api/work-orders/${id}`)).status).toBe(404);
    const lead = await h.tokenFor(h.t.engineer2, 'team_lead');
    expect((await getOrder(h, lead, id)).order.contactPhone).toBe(MASKED);
    // A search by the full number does not confirm the number either: the phone is not searched.
    const leadList = (await listAll(h, lead, { q: PHONE })).find((x: Body) => x.id === id);
    expect(leadList).toBeUndefined();

    const done = await actOk(h, tk.engineer, id, 'complete', completeBody());
    expect(done.order.status).toBe('completed');
    expect(done.order.contactPhone).toBe(MASKED);
    const after = await getOrder(h, tk.engineer, id);
    expect(after.order.contactPhone).toBe(MASKED);
    expect(JSON.stringify(after)).not.toContain(PHONE);
    expect((await getOrder(h, tk.hotline, id)).order.contactPhone).toBe(PHONE);
  });

  it("SEC-01 an engineer's to-do lists only orders offered to them or their pool, or held by them", async () => {
    const mk = () => createOrderVia(h, tk.hotline, 'fault').then((d: Body) => d.order.id as string);
    const [toMe, toPool, toColleague, undispatched, heldByMe, heldByColleague, takenFromPool] = await Promise.all(
      Array.from({ length: 7 }, mk),
    );
    await dispatchToPerson(h, tk.coordinator, toMe!, h.t.engineer.id);
    await dispatchToPool(h, tk.coordinator, toPool!);
    await dispatchToPerson(h, tk.coordinator, toColleague!, h.t.engineer2.id);
    await dispatchToPerson(h, tk.coordinator, heldByMe!, h.t.engineer.id);
    await actOk(h, tk.engineer, heldByMe!, 'take');
    await dispatchToPerson(h, tk.coordinator, heldByColleague!, h.t.engineer2.id);
    await actOk(h, tk.engineer2, heldByColleague!, 'take');
    await dispatchToPool(h, tk.coordinator, takenFromPool!);
    await actOk(h, tk.engineer2, takenFromPool!, 'take');

    const todo = ids(await listAll(h, tk.engineer, { scope: 'todo' }));
    expect(todo).toEqual(expect.arrayContaining([toMe, toPool, heldByMe]));
    for (const hidden of [toColleague, undispatched, heldByColleague, takenFromPool]) {
      expect(todo).not.toContain(hidden);
    }
    // Nothing else slips in: every item is offered to the engineer, their pool, or held by them.
    for (const o of await listAll(h, tk.engineer, { scope: 'todo' })) {
      const mine =
        o.holderId === h.t.engineer.id ||
        (o.status === 'assigned' &&
          (o.offeredToPersonId === h.t.engineer.id || o.offeredToUnitId === h.t.units.team.id));
      expect(mine, o.number).toBe(true);
    }
    // The same rule answers single reads.
    expect((await call(h.app, tk.engineer, 'GET', `/api/work-orders/${toColleague}`)).status).toBe(404);
    expect((await call(h.app, tk.engineer, 'GET', `/api/work-orders/${undispatched}`)).status).toBe(404);

    // scope=done: a finished order moves from to-do to done.
    await actOk(h, tk.engineer, heldByMe!, 'complete', completeBody());
    expect(ids(await listAll(h, tk.engineer, { scope: 'todo' }))).not.toContain(heldByMe);
    const done = await listAll(h, tk.engineer, { scope: 'done' });
    expect(ids(done)).toContain(heldByMe);
    expect(
      done.every((o: Body) => o.holderId === h.t.engineer.id && ['completed', 'callback', 'closed'].includes(o.status)),
    ).toBe(true);
  });

  it('ENG-01 filters: type, status list, area, engineer and free-text q each narrow the list', async () => {
    const coord = tk.coordinator;
    const install = await createOrderVia(h, tk.hotline, 'install');
    const fault = await createOrderVia(h, tk.hotline, 'fault', {
      customer: { name: '孙先生', phone: '13955550001', address: '幸福路 77 号' },
    });
    await dispatchToPerson(h, coord, fault.order.id, h.t.engineer2.id);
    await actOk(h, tk.engineer2, fault.order.id, 'take');

    const byType = await listAll(h, coord, { type: 'install' });
    expect(ids(byType)).toContain(install.order.id);
    expect(ids(byType)).not.toContain(fault.order.id);
    expect(byType.every((o: Body) => o.type === 'install')).toBe(true);

    const byStatus = await listAll(h, coord, { status: 'taken,appointment_confirmed' });
    expect(ids(byStatus)).toContain(fault.order.id);
    expect(ids(byStatus)).not.toContain(install.order.id);
    expect(byStatus.every((o: Body) => ['taken', 'appointment_confirmed'].includes(o.status))).toBe(true);
    const badStatus = await call(h.app, coord, 'GET', '/api/work-orders?status=taken,flying');
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.details.field).toMatch(/^querystring\.status/);

    const byArea = await listAll(h, coord, { areaId: h.t.area.id });
    expect(ids(byArea)).toEqual(expect.arrayContaining([install.order.id, fault.order.id]));
    expect(byArea.every((o: Body) => o.areaId === h.t.area.id)).toBe(true);
    expect(await listAll(h, coord, { areaId: vb.area.id })).toEqual([]);

    const byEngineer = await listAll(h, coord, { engineerId: h.t.engineer2.id });
    expect(ids(byEngineer)).toContain(fault.order.id);
    expect(byEngineer.every((o: Body) => o.holderId === h.t.engineer2.id)).toBe(true);

    for (const q of [fault.order.number, '13955550001', '幸福路 77', fault.order.acceptanceSerial.toLowerCase()]) {
      expect(ids(await listAll(h, coord, { q })), q).toEqual([fault.order.id]);
    }
    expect(await listAll(h, coord, { q: '100%_' })).toEqual([]);
  });

  it('ENG-01 cursor pagination walks every order exactly once, newest first, ties included; from/to select by time', async () => {
    const coord = await h.tokenFor(h.t.coordinator);
    // Several orders share one acceptance instant, others are minutes apart.
    for (let i = 0; i < 4; i++) await createOrderVia(h, tk.hotline, 'inspection');
    h.clock.advance(5 * MINUTE);
    for (let i = 0; i < 3; i++) await createOrderVia(h, tk.hotline, 'care_visit');
    h.clock.advance(5 * MINUTE);
    await createOrderVia(h, tk.hotline, 'consultation');

    const whole = await listAll(h, coord, {}, 100);
    const paged = await listAll(h, coord, {}, 3);
    expect(whole.length).toBeGreaterThan(8);
    expect(ids(paged)).toEqual(ids(whole));
    expect(new Set(ids(paged)).size).toBe(paged.length);
    const times = whole.map((o: Body) => Date.parse(o.acceptedAt));
    expect(times).toEqual([...times].sort((x, y) => y - x));

    // from/to select by acceptance time, [from, to).
    const middle = new Date(h.clock.now().getTime() - 5 * MINUTE);
    const inMiddle = await listAll(h, coord, {
      from: middle.toISOString(),
      to: new Date(middle.getTime() + MINUTE).toISOString(),
    });
    expect(inMiddle.map((o: Body) => o.type)).toEqual(['care_visit', 'care_visit', 'care_visit']);
    expect(await listAll(h, coord, { from: h.clock.now().toISOString(), to: h.clock.now().toISOString() })).toEqual([]);

    const first = await call(h.app, coord, 'GET', '/api/work-orders?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const bad = await call(h.app, coord, 'GET', '/api/work-orders?cursor=not-a-cursor');
    expect(bad.status).toBe(400);
    expect(bad.body.details.field).toBe('cursor');
    const tooMany = await call(h.app, coord, 'GET', '/api/work-orders?limit=101');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.details.field).toBe('querystring.limit');
  });
});
