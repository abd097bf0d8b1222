import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../src/services.js';
import {
  actOk,
  call,
  DAY,
  newPhone,
  policy,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';

let h: Harness;
let tk: Tokens;
beforeAll(async () => {
  h = await startHarness(); // fake clock: Monday 2026-11-23 10:00 Asia/Shanghai
  tk = await tokensOf(h);
  // A tenant closure day on a Thursday inside the horizon: that visit moves to Friday.
  const day = await call(h.app, tk.admin, 'PUT', '/api/calendar/days/2026-12-03', {
    kind: 'closure',
    name: '社区停水',
  });
  expect(day.status, JSON.stringify(day.body)).toBe(200);
});
afterAll(async () => h?.close());

const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const PNG = `data:image/png;base64,${PNG_BYTES.toString('base64')}`;

function agreementBody(over: Record<string, unknown> = {}) {
  return {
    customer: { name: '李奶奶', phone: newPhone(), address: '和平里街道 7 号楼 3-502' },
    areaId: h.t.area.id,
    contents: ['cleaning', 'health_check'],
    schedule: { kind: 'weekly', everyWeeks: 1, weekdays: [4], start: '09:00', end: '11:00' },
    startDate: '2026-11-23',
    carerId: h.t.engineer.id,
    ...over,
  };
}

async function createAgreement(over: Record<string, unknown> = {}): Promise<Body> {
  const res = await call(h.app, tk.coordinator, 'POST', '/api/care-agreements', agreementBody(over));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
const visitOf = (token: string, orderId: string) => call(h.app, token, 'GET', `/api/work-orders/${orderId}/care-visit`);
const post = (token: string, orderId: string, tail: string, body: unknown = {}) =>
  call(h.app, token, 'POST', `/api/work-orders/${orderId}/care-visit${tail}`, body);

describe('WO-16 service agreements generate visits', () => {
  it('WO-16 a weekly agreement generates its visits up to the horizon, offered to the carer, holidays moved', async () => {
    const a = await createAgreement();
    expect(a.generated).toEqual({ created: 4, skipped: 0 });
    expect(a.visits.map((v: Body) => [v.occurrenceDate, v.plannedDate, v.holiday])).toEqual([
      ['2026-11-26', '2026-11-26', null],
      ['2026-12-03', '2026-12-04', '社区停水'],
      ['2026-12-10', '2026-12-10', null],
      ['2026-12-17', '2026-12-17', null],
    ]);
    const first = a.visits[0].order;
    expect(first).toMatchObject({
      status: 'assigned',
      appointmentStart: '2026-11-26T01:00:00.000Z',
      appointmentEnd: '2026-11-26T03:00:00.000Z',
    });
    const order = await call(h.app, tk.engineer, 'GET', `/api/work-orders/${first.id}`);
    expect(order.body.order).toMatchObject({
      type: 'care_visit',
      status: 'assigned',
      offeredToPersonId: h.t.engineer.id,
    });
  });

  it('WO-16 re-running generation never duplicates, even twice at once', async () => {
    const a = await createAgreement({ holidayHandling: 'skip' });
    expect(a.visits.find((v: Body) => v.occurrenceDate === '2026-12-03')).toMatchObject({
      state: 'skipped',
      plannedDate: null,
      order: null,
    });
    const [r1, r2] = await Promise.all([
      call(h.app, tk.coordinator, 'POST', `/api/care-agreements/${a.id}/generate`),
      call(h.app, tk.coordinator, 'POST', `/api/care-agreements/${a.id}/generate`),
    ]);
    expect([r1.status, r2.status]).toEqual([200, 200]);
    expect(r1.body.generated.created + r2.body.generated.created).toBe(0);
    const again = await call(h.app, tk.coordinator, 'GET', `/api/care-agreements/${a.id}`);
    expect(again.body.visits).toHaveLength(4);
    expect(new Set(again.body.visits.map((v: Body) => v.order?.id).filter(Boolean)).size).toBe(3);
  });

  it('WO-16 contents come from the policy list; only planners create agreements', async () => {
    const bad = await call(
      h.app,
      tk.coordinator,
      'POST',
      '/api/care-agreements',
      agreementBody({ contents: ['juggling'] }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details.field).toBe('contents');
    const engineer = await call(h.app, tk.engineer, 'POST', '/api/care-agreements', agreementBody());
    expect(engineer.status).toBe(403);
  });
});

describe('WO-16 a visit: phone confirmation, content and valuables, signature, evaluation, next visit', () => {
  it('WO-16 the whole visit, and the customer signs only after the valuables check', async () => {
    const a = await createAgreement();
    const [first, second] = a.visits.map((v: Body) => v.order.id as string);
    await actOk(h, tk.engineer, first, 'take');

    // Beforehand: the calls are logged; only a confirming one stamps the content (changed on the phone).
    expect((await post(tk.coordinator, first, '/calls', { outcome: 'no_answer' })).status).toBe(201);
    const called = await post(tk.engineer, first, '/calls', {
      outcome: 'content_changed',
      note: '老人想加一次助浴',
      contents: ['cleaning', 'health_check', 'bathing'],
    });
    expect(called.status, JSON.stringify(called.body)).toBe(201);
    expect(called.body.calls.map((c: Body) => [c.outcome, c.confirms])).toEqual([
      ['no_answer', false],
      ['content_changed', true],
    ]);
    expect(called.body.visit.contentConfirmedAt).toBe(h.clock.now().toISOString());
    expect(called.body.visit.contents).toEqual(['cleaning', 'health_check', 'bathing']);

    // On site: contents done, then the closing checks.
    await actOk(h, tk.engineer, first, 'depart');
    await actOk(h, tk.engineer, first, 'arrive');
    const ticked = await post(tk.engineer, first, '/ticks', { items: ['cleaning', 'health_check', 'bathing'] });
    expect(ticked.status, JSON.stringify(ticked.body)).toBe(200);
    expect(Object.keys(ticked.body.visit.ticks).sort()).toEqual(['bathing', 'cleaning', 'health_check']);
    expect((await post(tk.engineer, first, '/ticks', { items: ['escort'] })).status).toBe(400);

    const early = await call(h.app, tk.engineer, 'POST', `/api/work-orders/${first}/confirmation`, {
      satisfaction: 5,
      signature: PNG,
    });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: 'WO_CARE_CHECK_MISSING',
      details: { missing: ['valuables_checked', 'home_safe'] },
    });

    await post(tk.engineer, first, '/ticks', { items: ['valuables_checked', 'home_safe'] });
    const signed = await call(h.app, tk.engineer, 'POST', `/api/work-orders/${first}/confirmation`, {
      satisfaction: 5,
      comment: '小王很细心',
      signature: PNG,
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(201);

    const evaluated = await post(tk.engineer, first, '/evaluation', {
      condition: 'needs_attention',
      rating: 4,
      note: '血压偏高',
    });
    expect(evaluated.status, JSON.stringify(evaluated.body)).toBe(200);
    expect(evaluated.body.visit).toMatchObject({ condition: 'needs_attention', rating: 4, evaluationNote: '血压偏高' });
    expect(evaluated.body.nextProposal).toMatchObject({ date: '2026-12-04', orderId: second });

    const booked = await post(tk.engineer, first, '/next');
    expect(booked.status, JSON.stringify(booked.body)).toBe(200);
    expect(booked.body.visit.nextVisitId).toBe(a.visits[1].id);
    expect(booked.body.visit.nextBookedAt).toBe(h.clock.now().toISOString());

    // Someone else's carer cannot write this visit.
    expect((await post(tk.engineer2, first, '/ticks', { items: ['cleaning'] })).status).toBe(404);
  });

  it('WO-16 booking the visit after the horizon generates it', async () => {
    const a = await createAgreement();
    const last = a.visits[3].order.id as string;
    await actOk(h, tk.engineer, last, 'take');
    const proposal = (await visitOf(tk.engineer, last)).body.nextProposal;
    expect(proposal).toMatchObject({ date: '2026-12-24', orderId: null });
    const booked = await post(tk.engineer, last, '/next');
    expect(booked.status, JSON.stringify(booked.body)).toBe(200);
    expect(booked.body.nextProposal).toMatchObject({ date: '2026-12-24' });
    expect(booked.body.nextProposal.orderId).toBeTruthy();
    const detail = await call(h.app, tk.coordinator, 'GET', `/api/care-agreements/${a.id}`);
    expect(detail.body.visits).toHaveLength(5);
  });

  it('WO-16 pausing cancels the visits not started, with the reason; a paused agreement generates nothing', async () => {
    const a = await createAgreement();
    const started = a.visits[0].order.id as string;
    await actOk(h, tk.engineer, started, 'take');
    await actOk(h, tk.engineer, started, 'depart');
    const paused = await call(h.app, tk.coordinator, 'POST', `/api/care-agreements/${a.id}/status`, {
      status: 'paused',
      reason: '老人住院，家属要求暂停',
    });
    expect(paused.status, JSON.stringify(paused.body)).toBe(200);
    expect(paused.body).toMatchObject({ status: 'paused', statusReason: '老人住院，家属要求暂停', cancelled: 3 });
    expect(paused.body.visits.map((v: Body) => [v.state, v.order.status])).toEqual([
      ['planned', 'en_route'],
      ['cancelled', 'cancelled'],
      ['cancelled', 'cancelled'],
      ['cancelled', 'cancelled'],
    ]);
    expect(paused.body.visits[1].cancelReason).toBe('老人住院，家属要求暂停');
    const gen = await call(h.app, tk.coordinator, 'POST', `/api/care-agreements/${a.id}/generate`);
    expect(gen.body.generated).toEqual({ created: 0, skipped: 0 });

    const ended = await call(h.app, tk.coordinator, 'POST', `/api/care-agreements/${a.id}/status`, {
      status: 'ended',
      reason: '合同到期',
    });
    expect(ended.body.status).toBe('ended');
    const resume = await call(h.app, tk.coordinator, 'POST', `/api/care-agreements/${a.id}/status`, {
      status: 'active',
      reason: '再试',
    });
    expect(resume.status).toBe(409);
  });

  it('WO-16 the upcoming visits list shows planned visits of the next weeks', async () => {
    await createAgreement();
    const res = await call(h.app, tk.coordinator, 'GET', '/api/care-visits?from=2026-11-23&to=2026-11-30');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((v: Body) => v.plannedDate >= '2026-11-23' && v.plannedDate <= '2026-11-30')).toBe(
      true,
    );
  });

  it('WO-16 the nightly job keeps the horizon rolling, once per day however often it runs', async () => {
    const a = await createAgreement();
    const services = createServices({ db: h.database.db, clock: h.clock, policy });
    expect((await services.careAgreements.generateDue()).created).toBe(0);
    h.clock.advance(7 * DAY);
    try {
      const first = await services.careAgreements.generateDue();
      expect(first.created).toBeGreaterThanOrEqual(1);
      expect((await services.careAgreements.generateDue()).created).toBe(0);
    } finally {
      h.clock.advance(-7 * DAY);
    }
    const detail = await call(h.app, tk.coordinator, 'GET', `/api/care-agreements/${a.id}`);
    expect(detail.body.visits.map((v: Body) => v.occurrenceDate)).toContain('2026-12-24');
  });

  it('WO-16 a visit can be moved through its appointment; the schedule shows the day it now takes place', async () => {
    const a = await createAgreement();
    const second = a.visits[1].order.id as string; // planned 2026-12-04 (moved for the closure day)
    await actOk(h, tk.engineer, second, 'take');
    const moved = await call(h.app, tk.coordinator, 'POST', `/api/work-orders/${second}/appointment`, {
      window: { start: '2026-12-05T06:00:00.000Z', end: '2026-12-05T08:00:00.000Z' },
      askedBy: 'customer',
      reason: '周五要去医院复查',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBeLessThan(300);
    const detail = await call(h.app, tk.coordinator, 'GET', `/api/care-agreements/${a.id}`);
    expect(detail.body.visits[1]).toMatchObject({ occurrenceDate: '2026-12-03', plannedDate: '2026-12-05' });
    const upcoming = await call(h.app, tk.coordinator, 'GET', '/api/care-visits?from=2026-12-05&to=2026-12-05');
    expect(upcoming.body.items.map((v: Body) => v.order?.id)).toContain(second);
    const first = await visitOf(tk.coordinator, a.visits[0].order.id);
    expect(first.body.nextProposal).toMatchObject({ date: '2026-12-05', orderId: second });
  });
});
