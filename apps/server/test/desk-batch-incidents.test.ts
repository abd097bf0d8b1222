import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@daowei/db';
import {
  actOk,
  call,
  dispatchToPerson,
  MINUTE,
  orderBody,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';

let h: Harness;
let tk: Tokens;
beforeAll(async () => {
  h = await startHarness();
  tk = await tokensOf(h);
});
afterAll(async () => h?.close());

/** A fault reported at the desk, a few minutes after the previous one. */
async function fault(over: Record<string, unknown> = {}) {
  h.clock.advance(2 * MINUTE);
  const res = await call(h.app, tk.hotline, 'POST', '/api/work-orders', {
    ...orderBody(h, 'fault', { lat: 39.99 + Math.random() / 100, lng: 116.47 + Math.random() / 100 }),
    ...over,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.order as { id: string; number: string };
}

const incidents = async (q = '') =>
  (await call(h.app, tk.hotline, 'GET', `/api/batch-incidents${q}`)).body.items as Body[];
const post = (token: string, path: string, body: unknown) => call(h.app, token, 'POST', path, body);
const eventsOf = (orderId: string) =>
  h.database.db
    .select()
    .from(schema.workOrderEvents)
    .where(and(eq(schema.workOrderEvents.tenantId, h.t.tenant.id), eq(schema.workOrderEvents.orderId, orderId)))
    // In the order's own numbering: without it PostgreSQL may return the rows in any order.
    .orderBy(schema.workOrderEvents.seq);
const smsOf = (orderId: string) =>
  h.database.db
    .select()
    .from(schema.notificationSends)
    .where(
      and(
        eq(schema.notificationSends.orderId, orderId),
        eq(schema.notificationSends.template, 'desk.incident_progress'),
      ),
    );

/** Each scenario starts after the previous one's window, with no live incident left behind. */
async function freshWindow() {
  h.clock.advance(3 * 60 * MINUTE);
  tk = await tokensOf(h); // sessions idle out across the hours skipped
  for (const i of await incidents()) {
    if (i.state === 'proposed') await post(tk.hotline, `/api/batch-incidents/${i.id}/dismiss`, { reason: '测试收尾' });
    else await post(tk.hotline, `/api/batch-incidents/${i.id}/close`, { note: '测试收尾' });
  }
}

describe('WO-11 batch faults: proposal', () => {
  it('WO-11 the fifth fault of one area within the window proposes one parent incident; a sixth joins it', async () => {
    await freshWindow();
    const first = [];
    for (let k = 0; k < 4; k++) first.push(await fault());
    expect(await incidents()).toHaveLength(0);
    const fifth = await fault();
    const [proposed, ...others] = await incidents();
    expect(others).toHaveLength(0);
    expect(proposed).toMatchObject({
      state: 'proposed',
      key: { kind: 'area', value: h.t.area.id },
      counts: { proposed: 5, linked: 0 },
    });
    expect(proposed!.number).toMatch(/^INC-\d{8}-[0-9A-F]{6}$/);
    const sixth = await fault();
    const detail = (await call(h.app, tk.coordinator, 'GET', `/api/batch-incidents/${proposed!.id}`)).body;
    expect(detail.children.map((c: Body) => c.number).sort()).toEqual(
      [...first, fifth, sixth].map((o) => o.number).sort(),
    );
    expect(detail.map.orders).toHaveLength(6);
    expect(detail.map.areas.map((a: Body) => a.id)).toEqual([h.t.area.id]);
  });

  it('WO-11 reports spread wider than the window do not cluster', async () => {
    await freshWindow();
    for (let k = 0; k < 5; k++) {
      h.clock.advance(10 * MINUTE); // 5 reports over 50 min + 2 min each: never 5 within 30 min
      await fault();
    }
    expect(await incidents()).toHaveLength(0);
  });

  it('WO-11 five reports behind one access device cluster by the device, not the area', async () => {
    await freshWindow();
    const device = { bandwidthMbps: 300, tariff: '300M', accessMethod: 'FTTH', cooperationMode: 'self-run' };
    for (let k = 0; k < 5; k++) await fault({ broadband: { ...device, accessDevice: 'OLT-3/PON-1/2' } });
    const [i] = await incidents();
    expect(i).toMatchObject({ key: { kind: 'access_device', value: 'OLT-3/PON-1/2' }, counts: { proposed: 5 } });
  });

  it('WO-11 a dismissed proposal releases its reports, which are not proposed again', async () => {
    await freshWindow();
    for (let k = 0; k < 5; k++) await fault();
    const [i] = await incidents();
    const dismissed = await post(tk.hotline, `/api/batch-incidents/${i!.id}/dismiss`, { reason: '各自原因不同' });
    expect(dismissed.status, JSON.stringify(dismissed.body)).toBe(200);
    expect(dismissed.body).toMatchObject({ state: 'dismissed', counts: { released: 5 } });
    await fault();
    expect(await incidents()).toHaveLength(0);
    const again = await post(tk.hotline, `/api/batch-incidents/${i!.id}/confirm`, {});
    expect(again.status).toBe(409);
    expect(again.body.details).toMatchObject({ reason: 'incident_state', state: 'dismissed' });
  });
});

describe('WO-11 batch faults: the desk works the incident', () => {
  it('WO-11 confirm links the children and tells their customers; a status reaches all children at once; close resolves them', async () => {
    await freshWindow();
    const orders = [];
    for (let k = 0; k < 5; k++) orders.push(await fault());
    const [i] = await incidents();
    const url = `/api/batch-incidents/${i!.id}`;

    // An engineer is already on the way to the first customer.
    const [onTheWay, released, ...rest] = orders;
    await dispatchToPerson(h, tk.coordinator, onTheWay!.id, h.t.engineer.id);
    await actOk(h, tk.engineer, onTheWay!.id, 'take');
    await actOk(h, tk.engineer, onTheWay!.id, 'depart');

    const confirmed = await post(tk.coordinator, `${url}/confirm`, { note: '光缆被挖断' });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({ state: 'confirmed', progress: 'investigating', told: 5 });
    expect(confirmed.body.counts).toMatchObject({ linked: 5, proposed: 0 });
    const messages = await call(h.app, tk.hotline, 'GET', `/api/work-orders/${rest[0]!.id}/customer-messages`);
    expect(messages.body.items[0].text).toContain('集中故障');
    expect(messages.body.items[0].text).toContain('光缆被挖断');
    expect(await smsOf(rest[0]!.id)).toHaveLength(1);

    // The desk takes one child out: it is worked alone from now on.
    const unlinked = await call(h.app, tk.hotline, 'DELETE', `${url}/children/${released!.id}`);
    expect(unlinked.status, JSON.stringify(unlinked.body)).toBe(200);
    expect(unlinked.body.counts).toMatchObject({ linked: 4, released: 1 });

    // A later report of the area joins as proposed; the desk links it by number.
    const late = await fault();
    const linked = await post(tk.hotline, `${url}/children`, { orderNumber: late.number });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body.counts).toMatchObject({ linked: 5, released: 1 });

    const cause = await post(tk.hotline, `${url}/progress`, { progress: 'cause_found', note: '预计 18:00 前恢复' });
    expect(cause.status, JSON.stringify(cause.body)).toBe(200);
    expect(cause.body).toMatchObject({ progress: 'cause_found', progressNote: '预计 18:00 前恢复', told: 5 });
    expect(await smsOf(rest[0]!.id)).toHaveLength(2);
    expect(await smsOf(released!.id)).toHaveLength(1); // told at confirmation only
    const childEvents = (await eventsOf(rest[1]!.id)).map((e) => e.action);
    expect(childEvents).toEqual(['create', 'incident_linked', 'incident_progress', 'incident_progress']);

    const closed = await post(tk.hotline, `${url}/close`, { note: '光缆已熔接，业务恢复' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.state).toBe('closed');
    const outcome = Object.fromEntries(
      (closed.body.resolved as Body[]).map((r) => [r.number as string, r.outcome as string]),
    );
    expect(outcome[onTheWay!.number]).toBe('left_with_engineer');
    expect(outcome[late.number]).toBe('complete');
    expect(outcome[released!.number]).toBeUndefined();

    const child = (await call(h.app, tk.hotline, 'GET', `/api/work-orders/${rest[0]!.id}`)).body;
    expect(child.order?.status ?? child.status).toBe('completed');
    const stillOut = (await call(h.app, tk.hotline, 'GET', `/api/work-orders/${onTheWay!.id}`)).body;
    expect(stillOut.order?.status ?? stillOut.status).toBe('en_route');
    const alone = (await call(h.app, tk.hotline, 'GET', `/api/work-orders/${released!.id}`)).body;
    expect(alone.order?.status ?? alone.status).toBe('created');

    // CB-01: every fault gets its callback before closing — the resolved children too.
    const tasks = await h.database.db
      .select()
      .from(schema.callbackTasks)
      .where(and(eq(schema.callbackTasks.tenantId, h.t.tenant.id), eq(schema.callbackTasks.orderId, rest[0]!.id)));
    expect(tasks.length).toBeGreaterThan(0);
    // SLA-04: the fault repair clock stopped with the completion.
    const clocks = await call(h.app, tk.hotline, 'GET', `/api/work-orders/${rest[0]!.id}/clocks`);
    const repair = (clocks.body.items as Body[]).find((c) => c.kind === 'fault_repair');
    expect(repair?.stoppedAt).toBe(h.clock.now().toISOString());
    expect((await eventsOf(rest[0]!.id)).map((e) => e.action).at(-1)).toBe('complete');

    const after = await post(tk.hotline, `${url}/progress`, { progress: 'restored' });
    expect(after.status).toBe(409);
  });

  it('WO-11 DESK-04 a status note with a forbidden phrase is refused before any customer hears it', async () => {
    await freshWindow();
    const orders = [];
    for (let k = 0; k < 5; k++) orders.push(await fault());
    const [i] = await incidents();
    await post(tk.hotline, `/api/batch-incidents/${i!.id}/confirm`, {});
    const hit = await post(tk.hotline, `/api/batch-incidents/${i!.id}/progress`, {
      progress: 'restoring',
      note: '这不归我管，等着吧',
    });
    expect(hit.status).toBe(409);
    expect(hit.body.code).toBe('DESK_FORBIDDEN_PHRASE');
    expect(await smsOf(orders[0]!.id)).toHaveLength(1); // only the confirmation's
  });

  it('WO-11 only the desk works incidents: an engineer is refused, a foreign order cannot be linked', async () => {
    await freshWindow();
    for (let k = 0; k < 5; k++) await fault();
    const [i] = await incidents();
    const engineer = await call(h.app, tk.engineer, 'GET', '/api/batch-incidents');
    expect(engineer.status).toBe(403);
    const none = await post(tk.hotline, `/api/batch-incidents/${i!.id}/children`, {
      orderNumber: 'WO-19990101-000001',
    });
    expect(none.status).toBe(404);
    const install = await call(h.app, tk.hotline, 'POST', '/api/work-orders', orderBody(h, 'install'));
    const wrongType = await post(tk.hotline, `/api/batch-incidents/${i!.id}/children`, {
      orderId: install.body.order.id,
    });
    expect(wrongType.status).toBe(409);
    expect(wrongType.body.details.reason).toBe('incident_child_type');
  });
});
