import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actOk, call, DAY, newPhone, startHarness, tokensOf, type Body, type Harness, type Tokens } from './harness.js';

let h: Harness;
let tk: Tokens;
beforeAll(async () => {
  h = await startHarness(); // fake clock: 2026-11-23 (local)
  tk = await tokensOf(h);
});
afterAll(async () => h?.close());

const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const PNG = `data:image/png;base64,${PNG_BYTES.toString('base64')}`;

const target = (month: number, n: number) => ({
  customerName: `住户${n}`,
  contactPhone: newPhone(),
  address: `安贞里 ${n} 号楼 ${month}-${n}0${n}`,
  areaId: h.t.area.id,
  month,
});

async function createPlan(): Promise<Body> {
  const res = await call(h.app, tk.coordinator, 'POST', '/api/inspection-plans', {
    year: 2026,
    name: '2026 年度入户安检',
    targets: [target(11, 1), target(12, 2), target(3, 3), target(12, 4)],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
const inspectors = (token: string, orderId: string, personIds: string[]) =>
  call(h.app, token, 'POST', `/api/work-orders/${orderId}/inspectors`, { personIds });

describe('WO-17 the yearly plan generates inspection orders', () => {
  it('WO-17 orders for the targets due (this month and the next, past months too), once', async () => {
    const plan = await createPlan();
    expect(plan.generated).toEqual({ created: 4 });
    const again = await call(h.app, tk.coordinator, 'POST', `/api/inspection-plans/${plan.id}/generate`);
    expect(again.body.generated).toEqual({ created: 0 });
    expect(again.body.targets.filter((t: Body) => t.order).length).toBe(4);
    const order = await call(h.app, tk.coordinator, 'GET', `/api/work-orders/${plan.targets[0].order.id}`);
    expect(order.body.order).toMatchObject({ type: 'inspection', status: 'created' });
    const list = await call(h.app, tk.coordinator, 'GET', '/api/inspection-plans');
    expect(list.body.items.find((p: Body) => p.id === plan.id)).toMatchObject({ targets: 4, generated: 4 });
  });

  it('WO-17 a target due later is generated when its month comes near', async () => {
    const res = await call(h.app, tk.coordinator, 'POST', '/api/inspection-plans', {
      year: 2027,
      name: '2027 年度入户安检',
      targets: [target(1, 5), target(2, 6)],
    });
    expect(res.body.generated).toEqual({ created: 0 });
    h.clock.advance(10 * DAY); // 2026-12-03: January is next month
    // Sessions idle out after 12 h: a fresh one for the later day.
    const later = await h.tokenFor(h.t.coordinator);
    const gen = await call(h.app, later, 'POST', `/api/inspection-plans/${res.body.id}/generate`).finally(() =>
      h.clock.advance(-10 * DAY),
    );
    expect(gen.body.generated).toEqual({ created: 1 });
  });
});

describe('WO-17 two inspectors, findings, rectification notice', () => {
  it('WO-17 fewer than two inspectors is refused with a clear code; a plain dispatch too', async () => {
    const plan = await createPlan();
    const orderId = plan.targets[0].order.id as string;
    const one = await inspectors(tk.coordinator, orderId, [h.t.engineer.id]);
    expect(one.status).toBe(409);
    expect(one.body).toMatchObject({ code: 'WO_INSPECTORS_REQUIRED', details: { required: 2, given: 1 } });
    const same = await inspectors(tk.coordinator, orderId, [h.t.engineer.id, h.t.engineer.id]);
    expect(same.body.code).toBe('WO_INSPECTORS_REQUIRED');
    const plain = await call(h.app, tk.coordinator, 'POST', `/api/work-orders/${orderId}/actions/dispatch`, {
      toPersonId: h.t.engineer.id,
      remark: 'one is enough?',
    });
    expect(plain.status).toBe(409);
    expect(plain.body.code).toBe('WO_INSPECTORS_REQUIRED');
  });

  it('WO-17 crew of two recorded; hazard → notice with deadline; the customer refuses and the reason is kept', async () => {
    const plan = await createPlan();
    const orderId = plan.targets[0].order.id as string;
    const crew = await inspectors(tk.coordinator, orderId, [h.t.engineer.id, h.t.engineer2.id]);
    expect(crew.status, JSON.stringify(crew.body)).toBe(200);
    expect(crew.body.crew.map((c: Body) => [c.personId, c.lead])).toEqual([
      [h.t.engineer.id, true],
      [h.t.engineer2.id, false],
    ]);
    expect(crew.body.status).toBe('assigned');
    await actOk(h, tk.engineer, orderId, 'take');

    // The second inspector sees and records the inspection too.
    const seen = await call(h.app, tk.engineer2, 'GET', `/api/work-orders/${orderId}/inspection`);
    expect(seen.status).toBe(200);
    const finding = (token: string, body: unknown) =>
      call(h.app, token, 'POST', `/api/work-orders/${orderId}/inspection/findings`, body);
    expect((await finding(tk.engineer, { item: 'pipe', result: 'ok' })).status).toBe(200);
    expect(
      (await finding(tk.engineer2, { item: 'hose', result: 'hazard', hazardLevel: 'general', note: '软管老化开裂' }))
        .status,
    ).toBe(200);
    const major = await finding(tk.engineer, {
      item: 'water_heater',
      result: 'hazard',
      hazardLevel: 'major',
      note: '直排式热水器',
    });
    expect(major.body.findings).toHaveLength(3);
    expect((await finding(tk.engineer, { item: 'valve', result: 'hazard' })).status).toBe(400);
    // DESK-04: the hazard note is printed on the notice the customer reads — checked before it is stored.
    const rude = await finding(tk.engineer, {
      item: 'valve',
      result: 'hazard',
      hazardLevel: 'general',
      note: '这不归我管，自己找燃气公司',
    });
    expect(rude.status).toBe(409);
    expect(rude.body.code).toBe('DESK_FORBIDDEN_PHRASE');

    const issued = await call(h.app, tk.engineer, 'POST', `/api/work-orders/${orderId}/rectification-notice`);
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const notice = issued.body.notice;
    expect(notice).toMatchObject({ deadline: '2026-11-26', signed: null, overdue: false });
    expect(notice.hazards.map((x: Body) => x.item)).toEqual(['hose', 'water_heater']);
    expect((await call(h.app, tk.engineer, 'POST', `/api/work-orders/${orderId}/rectification-notice`)).status).toBe(
      409,
    );

    const neither = await call(h.app, tk.engineer, 'POST', `/api/rectification-notices/${notice.id}/answer`, {});
    expect(neither.status).toBe(400);
    const refused = await call(h.app, tk.engineer, 'POST', `/api/rectification-notices/${notice.id}/answer`, {
      refusalReason: 'disagrees',
      refusalNote: '住户认为热水器刚买不久',
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    expect(refused.body.notice).toMatchObject({
      signed: false,
      hasSignature: false,
      refusalReason: 'disagrees',
      refusalNote: '住户认为热水器刚买不久',
    });
    const twice = await call(h.app, tk.engineer, 'POST', `/api/rectification-notices/${notice.id}/answer`, {
      signature: PNG,
    });
    expect(twice.status).toBe(409);

    const printable = await call(h.app, tk.coordinator, 'GET', `/api/rectification-notices/${notice.id}`);
    expect(printable.body).toMatchObject({ notice: { number: notice.number }, order: { id: orderId } });
    expect(printable.body.crew).toHaveLength(2);
  });

  it('WO-17 a signed notice keeps the signature; overdue notices are listed until rectified', async () => {
    const plan = await createPlan();
    const orderId = plan.targets[1].order.id as string;
    await inspectors(tk.coordinator, orderId, [h.t.engineer.id, h.t.engineer2.id]);
    await actOk(h, tk.engineer, orderId, 'take');
    await call(h.app, tk.engineer, 'POST', `/api/work-orders/${orderId}/inspection/findings`, {
      item: 'hose',
      result: 'hazard',
      hazardLevel: 'major',
    });
    const { notice } = (await call(h.app, tk.engineer, 'POST', `/api/work-orders/${orderId}/rectification-notice`))
      .body;
    const signed = await call(h.app, tk.engineer, 'POST', `/api/rectification-notices/${notice.id}/answer`, {
      signature: PNG,
    });
    expect(signed.body.notice).toMatchObject({ signed: true, hasSignature: true, refusalReason: null });
    const image = await h.app.inject({
      method: 'GET',
      url: `/api/rectification-notices/${notice.id}/signature`,
      headers: { authorization: `Bearer ${tk.coordinator}` },
    });
    expect(image.headers['content-type']).toBe('image/png');

    const before = await call(h.app, tk.coordinator, 'GET', '/api/rectification-notices/overdue');
    expect(before.body.items.map((n: Body) => n.id)).not.toContain(notice.id);
    h.clock.advance(4 * DAY);
    const later = await h.tokenFor(h.t.coordinator); // sessions idle out after 12 h
    const after = await call(h.app, later, 'GET', '/api/rectification-notices/overdue').finally(() =>
      h.clock.advance(-4 * DAY),
    );
    expect(after.body.items.find((n: Body) => n.id === notice.id)).toMatchObject({
      overdue: true,
      order: { id: orderId },
    });
    h.clock.advance(4 * DAY);
    const fixed = await call(h.app, later, 'POST', `/api/rectification-notices/${notice.id}/rectified`, {
      note: '复查：已更换不锈钢波纹管',
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    const gone = await call(h.app, later, 'GET', '/api/rectification-notices/overdue');
    h.clock.advance(-4 * DAY);
    expect(gone.body.items.map((n: Body) => n.id)).not.toContain(notice.id);
  });
});
