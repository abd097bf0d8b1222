import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actOk,
  call,
  completeBody,
  dispatchToPerson,
  MINUTE,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';
import { deskOrderTaken } from './desk-setup.js';

/** DESK-06 customer self-service: reporting a fault through the link, then following it. */
let h: Harness;
let tk: Tokens;
beforeAll(async () => {
  h = await startHarness();
  tk = await tokensOf(h);
});
afterAll(async () => h?.close());

/** An install done by the engineer, with the customer's link (as the desk hands it out). */
async function installedLine() {
  tk = await tokensOf(h); // earlier tests may have moved the clock past the sessions' idle limit
  const { id, number, token } = await deskOrderTaken(h, tk, {
    type: 'install',
    requestKind: 'install',
    symptom: 'other',
    description: '新装宽带',
    mode: 'on_site',
    order: { lat: 39.99, lng: 116.47 },
  });
  await actOk(h, tk.engineer, id, 'depart');
  await actOk(h, tk.engineer, id, 'arrive');
  await actOk(h, tk.engineer, id, 'complete', completeBody());
  return { id, number, token };
}

const report = (token: string, body: unknown) => call(h.app, null, 'POST', `/api/public/orders/${token}/faults`, body);

describe('DESK-06 customer self-service: report a fault through the link', () => {
  it('DESK-06 self-service the customer reports a fault: a fault order for their line reaches the desk, and they follow it on its own link', async () => {
    const line = await installedLine();
    h.clock.advance(3 * 24 * 60 * MINUTE);
    tk = await tokensOf(h); // sessions idle out over the days skipped
    const res = await report(line.token, { description: '光猫 LOS 灯红色闪烁，上不了网', symptom: 'no_service' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.order.number).toMatch(/-\d{8}-\d{6}$/);
    expect(res.body.path).toBe(`/s/${res.body.token}`);

    // The desk sees it like any fault: same customer, line and place; created by the customer.
    const list = await call(h.app, tk.coordinator, 'GET', `/api/work-orders?q=${res.body.order.number}`);
    const created = (list.body.items as Body[]).find((o) => o.number === res.body.order.number)!;
    const detail = (await call(h.app, tk.coordinator, 'GET', `/api/work-orders/${created.id}`)).body;
    const install = (await call(h.app, tk.coordinator, 'GET', `/api/work-orders/${line.id}`)).body;
    expect(detail.order).toMatchObject({
      type: 'fault',
      status: 'created',
      faultDescription: '光猫 LOS 灯红色闪烁，上不了网',
      productNumber: install.order.productNumber,
      areaId: install.order.areaId,
      customerId: install.order.customerId,
    });
    expect(detail.events[0]).toMatchObject({ action: 'create', actorId: null, payload: { via: 'self_service' } });

    // Progress on the new link: the customer watches the engineer come.
    const page = await call(h.app, null, 'GET', `/api/public/orders/${res.body.token}`);
    expect(page.body).toMatchObject({ number: res.body.order.number, type: 'fault', status: 'created' });
    await dispatchToPerson(h, tk.coordinator, created.id as string, h.t.engineer.id);
    await actOk(h, tk.engineer, created.id as string, 'take');
    const later = await call(h.app, null, 'GET', `/api/public/orders/${res.body.token}`);
    expect(later.body.statusText).toBe('工程师已接单');
    expect(later.body.engineer).toBeTruthy();
    // The first link still shows the install.
    expect((await call(h.app, null, 'GET', `/api/public/orders/${line.token}`)).body.number).toBe(line.number);
  });

  it('DESK-06 self-service a second report while the fault is open names the open request instead of opening another', async () => {
    const line = await installedLine();
    const first = await report(line.token, { description: '网速很慢' });
    expect(first.status).toBe(201);
    const again = await report(line.token, { description: '还是很慢' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'DESK_DUPLICATE_REPORT',
      details: { number: first.body.order.number, sameOrder: false, statusText: '已受理，正在安排' },
    });
    const fromFault = await report(first.body.token, { description: '还是很慢' });
    expect(fromFault.status).toBe(409);
    expect(fromFault.body.details).toMatchObject({ sameOrder: true });
  });

  it('DESK-06 self-service a blank report is refused and a made-up link opens nothing', async () => {
    const line = await installedLine();
    const blank = await report(line.token, { description: '   ' });
    expect(blank.status).toBe(400);
    const fake = await report('x'.repeat(43), { description: '断网' });
    expect(fake.status).toBe(404);
  });
});
