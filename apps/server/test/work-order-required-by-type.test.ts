import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createOrderVia,
  listAll,
  newPhone,
  orderBody,
  startHarness,
  tokensOf,
  type Harness,
  type Tokens,
} from './harness.js';

describe('required fields depend on the order type (WO-02) and phone search respects masking (SEC-01)', () => {
  let h: Harness;
  let tk: Tokens;
  beforeAll(async () => {
    h = await startHarness();
    tk = await tokensOf(h);
  });
  afterAll(async () => h?.close());

  it('WO-02 a phone consultation needs no address or product number; a fault does', async () => {
    const consultation = orderBody(h, 'consultation', {
      productNumber: '',
      customer: { name: '赵女士', phone: newPhone(), address: '' },
      areaId: undefined,
      vendorId: h.t.vendor.id,
    });
    const ok = await call(h.app, tk.hotline, 'POST', '/api/work-orders', consultation);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.order.type).toBe('consultation');

    const before = (await listAll(h, tk.hotline)).length;
    const fault = orderBody(h, 'fault', {
      productNumber: '   ',
      customer: { name: '钱先生', phone: newPhone(), address: ' ' },
    });
    const refused = await call(h.app, tk.hotline, 'POST', '/api/work-orders', fault);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('WO_REQUIRED_FIELD_MISSING');
    expect(refused.body.details.fields).toEqual(expect.arrayContaining(['productNumber', 'customer.address']));
    expect((await listAll(h, tk.hotline)).length).toBe(before);
  });

  it('SEC-01 a viewer who sees phones masked cannot find an order by the full phone number', async () => {
    const phone = newPhone();
    const order = await createOrderVia(h, tk.hotline, 'fault', {
      customer: { name: '孙女士', phone, address: '望京街道 9 号' },
    });
    const lead = await h.tokenFor(h.t.engineer2, 'team_lead');
    const byLead = await listAll(h, lead, { q: phone });
    expect(byLead.map((o) => o['id'])).not.toContain(order.order.id);
    const byHotline = await listAll(h, tk.hotline, { q: phone });
    expect(byHotline.map((o) => o['id'])).toEqual([order.order.id]);
    // The order itself is still found by its number.
    const byNumber = await listAll(h, lead, { q: order.order.number });
    expect(byNumber.map((o) => o['id'])).toEqual([order.order.id]);
  });
});
