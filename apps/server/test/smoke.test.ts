import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startHarness, type Harness } from './harness.js';

describe('work orders over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  it('WO-01 a hotline agent opens a fault order and a coordinator offers it to the team pool', async () => {
    const hotline = await h.tokenFor(h.t.hotline);
    const created = await call(h.app, hotline, 'POST', '/api/work-orders', {
      type: 'fault',
      acceptanceSerial: 'BSS-1001',
      product: 'broadband',
      business: 'home broadband',
      productNumber: 'BB-1001',
      customer: { name: '王先生', phone: '13812345678', address: '望京街道 1 号' },
      areaId: h.t.area.id,
      faultDescription: 'No signal',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.order.status).toBe('created');
    const coord = await h.tokenFor(h.t.coordinator);
    const dispatched = await call(h.app, coord, 'POST', `/api/work-orders/${created.body.order.id}/actions/dispatch`, {
      toUnitId: h.t.units.team.id,
      remark: 'team pool',
    });
    expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(200);
    expect(dispatched.body.order.status).toBe('assigned');
    const eng = await h.tokenFor(h.t.engineer);
    const taken = await call(h.app, eng, 'POST', `/api/work-orders/${created.body.order.id}/actions/take`, {});
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    expect(taken.body.order.holderName).toBe(h.t.engineer.name);
    expect(taken.body.events.map((e: { action: string }) => e.action)).toEqual(['create', 'dispatch', 'take']);
  });
});
