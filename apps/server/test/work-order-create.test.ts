import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestVendor } from '@daowei/db/testing';
import { WORK_ORDER_TYPES } from '@daowei/domain';
import { call, listAll, orderBody, startHarness, tokensOf, type Harness, type Tokens } from './harness.js';

describe('creating work orders over HTTP', () => {
  let h: Harness;
  let tk: Tokens;
  beforeAll(async () => {
    h = await startHarness();
    tk = await tokensOf(h);
  });
  afterAll(async () => h?.close());

  const create = (body: unknown, token = tk.hotline) => call(h.app, token, 'POST', '/api/work-orders', body);
  const count = async () => (await listAll(h, tk.hotline)).length;

  /** The request is refused and nothing at all is stored: no order appears in the list. */
  async function refused(body: unknown, status = 400) {
    const before = await count();
    const res = await create(body);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(await count()).toBe(before);
    return res.body;
  }

  it.each(WORK_ORDER_TYPES)(
    'WO-01 a hotline agent creates a %s order with the fields its type requires',
    async (type) => {
      const body = orderBody(h, type);
      const res = await create(body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const { order, events } = res.body;
      expect(order).toMatchObject({
        type,
        status: 'created',
        acceptanceSerial: body.acceptanceSerial,
        product: body.product,
        productNumber: body.productNumber,
        contactPhone: body.customer.phone, // the desk calls customers: full number
        address: body.customer.address,
        vendorId: h.t.vendor.id, // derived from the area's station
        areaId: h.t.area.id,
        areaName: h.t.area.name,
        repeatOfOrderId: null,
      });
      expect(order.number).toMatch(/^[A-Z]+-?\d{8}-?\d+/);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: 'create', toStatus: 'created', actorId: h.t.hotline.id });
      // It reads back the same through GET and appears in the list.
      const got = await call(h.app, tk.hotline, 'GET', `/api/work-orders/${order.id}`);
      expect(got.body.order).toEqual(order);
      const listed = await call(h.app, tk.hotline, 'GET', `/api/work-orders?type=${type}&q=${body.acceptanceSerial}`);
      expect(listed.body.items.map((o: { id: string }) => o.id)).toEqual([order.id]);
    },
  );

  it('WO-01 type-specific facts are stored: broadband facts, fault description, model, appointment', async () => {
    const install = await create(
      orderBody(h, 'install', { appointment: { start: '2026-11-24T01:00:00Z', end: '2026-11-24T03:00:00+00:00' } }),
    );
    expect(install.status).toBe(201);
    expect(install.body.order.broadband).toEqual({
      bandwidthMbps: 500,
      tariff: '500M 家庭套餐',
      accessMethod: 'FTTH',
      cooperationMode: 'self-run',
    });
    expect(install.body.order.appointment).toEqual({
      start: '2026-11-24T01:00:00.000Z',
      end: '2026-11-24T03:00:00.000Z',
    });
    const carry = await create(orderBody(h, 'carry_in', { purchaseDate: '2025-03-01', warranty: 'in_warranty' }));
    expect(carry.body.order).toMatchObject({
      productModel: 'ThinkPad X1 Carbon',
      purchaseDate: '2025-03-01',
      warranty: 'in_warranty',
    });
  });

  it('WO-02 a whitespace-only required field is refused naming it, and nothing is written', async () => {
    const body = await refused(orderBody(h, 'fault', { acceptanceSerial: '   ' }));
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details.field).toBe('body.acceptanceSerial');
    const nested = await refused(
      orderBody(h, 'fault', { customer: { name: '\u3000 ', phone: '13800000000', address: 'x' } }),
    );
    expect(nested.details.field).toBe('body.customer.name');
  });

  it('WO-02 invisible characters (zero-width space) do not count as filling a field', async () => {
    const body = await refused(orderBody(h, 'install', { business: '\u200B\u200B' }));
    expect(body.code).toBe('WO_REQUIRED_FIELD_MISSING');
    expect(body.details.fields).toEqual(['business']);
  });

  it('WO-02 a broadband install without its broadband facts is refused naming each missing fact', async () => {
    const { broadband: _omit, ...noFacts } = orderBody(h, 'install');
    const missing = await refused(noFacts);
    expect(missing.code).toBe('WO_REQUIRED_FIELD_MISSING');
    expect(missing.details.fields).toEqual([
      'broadband.bandwidthMbps',
      'broadband.tariff',
      'broadband.accessMethod',
      'broadband.cooperationMode',
    ]);
    const blankTariff = await refused(
      orderBody(h, 'install', {
        broadband: { bandwidthMbps: 300, tariff: ' ', accessMethod: 'FTTH', cooperationMode: 'x' },
      }),
    );
    expect(blankTariff.details.field).toBe('body.broadband.tariff');
    // Not every install is broadband: an appliance install needs no bandwidth.
    const { broadband: _none, ...appliance } = orderBody(h, 'install', { product: 'air conditioner' });
    expect((await create(appliance)).status).toBe(201);
  });

  it('WO-02 a fault or complaint without a fault description, or a carry-in without a model, is refused', async () => {
    for (const [type, over, field] of [
      ['fault', { faultDescription: undefined }, 'faultDescription'],
      ['fault', { faultDescription: ' \n\t ' }, 'faultDescription'],
      ['complaint', { faultDescription: undefined }, 'faultDescription'],
      ['carry_in', { productModel: undefined }, 'productModel'],
    ] as const) {
      const body = await refused(orderBody(h, type, over));
      expect(body.code, `${type} ${field}`).toBe('WO_REQUIRED_FIELD_MISSING');
      expect(body.details.fields).toEqual([field]);
    }
  });

  it('WO-02 a missing customer phone, or one that is not a number, names the field', async () => {
    const { customer } = orderBody(h, 'fault');
    const noPhone = await refused(
      orderBody(h, 'fault', { customer: { name: customer.name, address: customer.address } }),
    );
    expect(noPhone.details.field).toBe('body.customer.phone');
    const letters = await refused(orderBody(h, 'fault', { customer: { ...customer, phone: 'call me maybe' } }));
    expect(letters).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'body.customer.phone' } });
  });

  it('WO-02 wrong types and unknown codes are 400 with details.field', async () => {
    for (const [over, field] of [
      [{ type: 'repair_everything' }, 'body.type'],
      [{ priority: 'asap' }, 'body.priority'],
      [{ productNumber: 12345 }, 'body.productNumber'],
      [{ lat: 'north' }, 'body.lat'],
      [{ areaId: 'not-a-uuid' }, 'body.areaId'],
      [{ purchaseDate: '2025-13-45' }, 'body.purchaseDate'],
      [{ appointment: { start: '2026-11-24T03:00:00Z', end: '2026-11-24T01:00:00Z' } }, 'body.appointment.end'],
    ] as const) {
      const body = await refused(orderBody(h, 'fault', over));
      expect(body.code, field).toBe('VALIDATION_FAILED');
      expect(body.details.field, JSON.stringify(over)).toBe(field);
    }
  });

  it('WO-02 an area that does not exist is refused and nothing is written', async () => {
    const body = await refused(orderBody(h, 'fault', { areaId: randomUUID() }));
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details.field).toBe('areaId');
  });

  it('WO-02 operator staff naming an unknown vendor, or a vendor that does not serve the area, are refused', async () => {
    const other = await addTestVendor(h.database.db, h.t, `vb${h.t.suffix.slice(0, 4)}`);
    const unknown = await refused(orderBody(h, 'fault', { vendorId: randomUUID(), areaId: undefined }));
    expect(unknown.details.field).toBe('vendorId');
    const mismatch = await refused(orderBody(h, 'fault', { vendorId: other.vendor.id }));
    expect(mismatch.details.field).toBe('areaId');
    const noPlace = await refused(orderBody(h, 'fault', { areaId: undefined }));
    expect(noPlace.details.field).toBe('vendorId');
    const named = await create(orderBody(h, 'fault', { vendorId: other.vendor.id, areaId: other.area.id }));
    expect(named.status).toBe(201);
    expect(named.body.order.vendorId).toBe(other.vendor.id);
  });

  it('WO-02 malformed JSON and a non-object body are 400 naming the body', async () => {
    const before = await count();
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/work-orders',
      headers: { authorization: `Bearer ${tk.hotline}`, 'content-type': 'application/json' },
      payload: '{"type": "fault", "acceptanceSerial": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'body' } });
    const array = await create([1, 2, 3]);
    expect(array.status).toBe(400);
    expect(array.body.details.field).toMatch(/^body/);
    expect(await count()).toBe(before);
  });

  it('WO-02 GET of an unknown order id is 404; a malformed id is 400 naming it', async () => {
    const unknown = await call(h.app, tk.hotline, 'GET', `/api/work-orders/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    const action = await call(h.app, tk.coordinator, 'POST', `/api/work-orders/${randomUUID()}/actions/triage`, {});
    expect(action.status).toBe(404);
    const malformed = await call(h.app, tk.hotline, 'GET', '/api/work-orders/123');
    expect(malformed.status).toBe(400);
    expect(malformed.body.details.field).toBe('params.id');
  });

  it('WO-01 engineers may not create orders (403 FORBIDDEN), and nothing is written', async () => {
    const before = await count();
    for (const token of [tk.engineer, tk.engineer2]) {
      const res = await create(orderBody(h, 'fault'), token);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    expect((await create(orderBody(h, 'fault'), null as unknown as string)).status).toBe(401);
    expect(await count()).toBe(before);
  });

  it('WO-01 a vendor coordinator creates orders for their own vendor only', async () => {
    const res = await create(orderBody(h, 'fault', { vendorId: randomUUID() }), tk.coordinator);
    expect(res.status).toBe(201);
    expect(res.body.order.vendorId).toBe(h.t.vendor.id);
  });
});
