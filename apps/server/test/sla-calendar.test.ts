import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createOrderVia, startHarness, tokensOf, type Body, type Harness, type Tokens } from './harness.js';

/**
 * SLA-01 calendar admin over HTTP: the official dataset (holidays and 调休), a tenant's own days
 * (here a typhoon closure) that new deadlines follow, the warning for a year without official data,
 * provisional deadlines in it, and the import of that year's notice followed by a re-evaluate.
 */
let h: Harness;
let tk: Tokens;

beforeAll(async () => {
  h = await startHarness();
  await at('2026-11-23T02:00:00Z');
});
afterAll(async () => h?.close());

async function at(iso: string): Promise<void> {
  h.clock.set(iso);
  tk = await tokensOf(h);
}

const faultClock = async (orderId: string): Promise<Body> => {
  const res = await call(h.app, tk.coordinator, 'GET', `/api/work-orders/${orderId}/clocks`);
  expect(res.status).toBe(200);
  return res.body.items.find((c: Body) => c.kind === 'fault_repair');
};

describe('business calendar admin', () => {
  it('SLA-01 shows official holidays and make-up Saturdays, and warns admins of next year without data', async () => {
    const res = await call(h.app, tk.admin, 'GET', '/api/calendar?year=2026');
    expect(res.status).toBe(200);
    const byDate = new Map(res.body.days.map((d: Body) => [d.date, d]));
    expect(byDate.get('2026-10-01')).toMatchObject({ working: false, source: 'official' });
    expect(byDate.get('2026-10-10')).toMatchObject({ working: true, source: 'official' }); // 调休 Saturday
    expect(byDate.has('2026-11-21')).toBe(false); // a plain Saturday is not listed
    expect(res.body.coverage).toEqual([
      { year: 2025, coverage: 'official' },
      { year: 2026, coverage: 'official' },
      { year: 2027, coverage: 'missing' },
      { year: 2028, coverage: 'missing' },
    ]);
    expect(res.body.warnings).toEqual([expect.objectContaining({ code: 'CALENDAR_YEAR_MISSING', year: 2027 })]);
    expect((await call(h.app, tk.engineer, 'GET', '/api/calendar')).status).toBe(403);
  });

  it('SLA-01 a typhoon closure on Tuesday moves a Monday-evening fault to Wednesday 09:00; only admins edit', async () => {
    const closure = { kind: 'closure', name: '台风停工' };
    expect((await call(h.app, tk.coordinator, 'PUT', '/api/calendar/days/2026-11-24', closure)).status).toBe(403);
    const put = await call(h.app, tk.admin, 'PUT', '/api/calendar/days/2026-11-24', closure);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ date: '2026-11-24', kind: 'closure', name: '台风停工', source: 'admin' });
    expect((await call(h.app, tk.admin, 'PUT', '/api/calendar/days/2026-02-30', closure)).status).toBe(400);

    await at('2026-11-23T11:00:00Z'); // Monday 19:00 Beijing, after the cut-off
    const order = (await createOrderVia(h, tk.hotline, 'fault')).order;
    const clock = await faultClock(order.id);
    expect(clock.dueAt).toBe('2026-11-25T01:00:00.000Z'); // Wednesday 09:00 Beijing
    expect(clock.explain.text['zh-CN'].join('')).toContain('台风停工');

    const shown = await call(h.app, tk.admin, 'GET', '/api/calendar?year=2026');
    expect(shown.body.days.find((d: Body) => d.date === '2026-11-24')).toMatchObject({
      working: false,
      source: 'override',
      override: { kind: 'closure' },
    });
    expect((await call(h.app, tk.admin, 'DELETE', '/api/calendar/days/2026-11-24')).status).toBe(200);
    expect((await call(h.app, tk.admin, 'DELETE', '/api/calendar/days/2026-11-24')).status).toBe(404);
  });

  it('SLA-01 a deadline in a year without data is provisional until the notice is imported and the clock re-evaluated', async () => {
    await at('2026-12-31T11:00:00Z'); // Thursday 19:00 Beijing: due the next working day 09:00
    const order = (await createOrderVia(h, tk.hotline, 'fault')).order;
    const before = await faultClock(order.id);
    // Without 2027's notice, New Year's Day is a plain Friday.
    expect(before).toMatchObject({ dueAt: '2027-01-01T01:00:00.000Z', provisional: true, provisionalYears: [2027] });
    expect(before.explain.provisional).toBe(true);

    const bad = await call(h.app, tk.admin, 'POST', '/api/calendar/notices', { year: 2027, csv: '2026-12-31,休,元旦' });
    expect(bad.status).toBe(400);
    const imported = await call(h.app, tk.admin, 'POST', '/api/calendar/notices', {
      year: 2027,
      csv: 'date,kind,name\n2027-01-01,休,元旦\n2027-02-06,班,春节调休',
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toEqual({ year: 2027, imported: 2, coverage: 'override' });
    expect((await call(h.app, tk.admin, 'GET', '/api/calendar?year=2027')).body.warnings).toEqual([]);

    // The stored deadline does not move by itself (SLA-02)…
    expect(await faultClock(order.id)).toMatchObject({ dueAt: '2027-01-01T01:00:00.000Z', provisional: true });
    // …re-evaluating applies the notice: Friday is a holiday, the weekend follows, due Monday 09:00.
    const re = await call(h.app, tk.coordinator, 'POST', `/api/work-orders/${order.id}/clocks/re-evaluate`);
    expect(re.status).toBe(200);
    expect(re.body.items.find((c: Body) => c.kind === 'fault_repair')).toMatchObject({
      dueAt: '2027-01-04T01:00:00.000Z',
      provisional: false,
    });
  });
});
