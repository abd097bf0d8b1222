import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createOrderVia,
  newPhone,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';

describe('scripts and forbidden phrases over HTTP (DESK-04)', () => {
  let h: Harness;
  let tk: Tokens;
  beforeAll(async () => {
    h = await startHarness();
    tk = await tokensOf(h);
  });
  afterAll(async () => h?.close());

  it('DESK-04 staff read the scripts of a situation; cause explanations per cause category', async () => {
    const arrival = await call(h.app, tk.engineer, 'GET', '/api/scripts?situation=arrival');
    expect(arrival.status).toBe(200);
    expect(arrival.body.items.length).toBeGreaterThan(0);
    expect(arrival.body.items.every((s: { situation: string }) => s.situation === 'arrival')).toBe(true);
    const third = await call(h.app, tk.hotline, 'GET', '/api/scripts?situation=cause_explanation&cause=third_party');
    expect(third.body.items.map((s: { causeCategory: string }) => s.causeCategory)).toEqual(['third_party']);
    const bad = await call(h.app, tk.hotline, 'GET', '/api/scripts?situation=weather');
    expect(bad.status).toBe(400);
    expect((await call(h.app, null, 'GET', '/api/scripts')).status).toBe(401);
  });

  it('DESK-04 a forbidden phrase in a customer text is flagged with its position and a suggested script', async () => {
    const text = '您好，这 不，归我 管，请联系别人';
    const res = await call(h.app, tk.engineer, 'POST', '/api/text-check', { text });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    const [flag] = res.body.flags;
    expect(text.slice(flag.start, flag.end)).toBe('这 不，归我 管');
    expect(flag.excerpt).toBe('这 不，归我 管');
    expect(flag.suggestions.length).toBeGreaterThan(0);
    expect(flag.suggestions[0].text).toMatch(/\S/);
    const clean = await call(h.app, tk.coordinator, 'POST', '/api/text-check', { text: '我们马上为您安排工程师上门' });
    expect(clean.body).toEqual({ ok: true, flags: [] });
  });
});

describe('intake lookup over HTTP (DESK-01)', () => {
  let h: Harness;
  let tk: Tokens;
  beforeAll(async () => {
    h = await startHarness();
    tk = await tokensOf(h);
  });
  afterAll(async () => h?.close());

  it('DESK-01 the desk types a phone and sees the customer, their products and their latest orders', async () => {
    const phone = newPhone();
    const first = await createOrderVia(h, tk.hotline, 'fault', {
      customer: { name: '周先生', phone, address: '望京 5 号' },
    });
    h.clock.advance(60_000);
    const second = await createOrderVia(h, tk.hotline, 'fault', {
      customer: { name: '周先生', phone, address: '望京 5 号' },
    });
    const res = await call(h.app, tk.hotline, 'GET', `/api/customers/lookup?phone=${phone}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.customer).toMatchObject({ name: '周先生', phone });
    expect(res.body.products.map((p: Body) => p.productNumber)).toContain(first.order.productNumber);
    expect(res.body.orders.map((o: Body) => o.number)).toEqual([second.order.number, first.order.number]);
    expect((await call(h.app, tk.hotline, 'GET', `/api/customers/lookup?phone=${newPhone()}`)).status).toBe(404);
    expect((await call(h.app, tk.engineer, 'GET', `/api/customers/lookup?phone=${phone}`)).status).toBe(403);
  });
});
