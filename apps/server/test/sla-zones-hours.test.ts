import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArea, createOrgUnit } from '@daowei/db';
import { call, createOrderVia, startHarness, tokensOf, type Body, type Harness, type Tokens } from './harness.js';

/**
 * SLA-01 on the server: an order's clocks run on the calendar of its area's time zone and of the team
 * that will do it. Every instant comes from the FakeClock; orders are created through the API.
 */
let h: Harness;
let tk: Tokens;
let urumqiArea: string;
let berlinArea: string;
let faultTeam: string;
let installTeam: string;

const allDay = [{ start: '00:00', end: '24:00', shift: '24h' }];
const nineToSix = [{ start: '09:00', end: '18:00', shift: 'day' }];

beforeAll(async () => {
  h = await startHarness();
  tk = await tokensOf(h);
  const db = h.database.db;
  const tenantId = h.t.tenant.id;
  const polygon = h.t.area.polygon;
  const stationId = h.t.units.station.id;
  urumqiArea = (await createArea(db, tenantId, { stationId, name: '乌鲁木齐片区', code: 'urc-area', polygon })).id;
  berlinArea = (await createArea(db, tenantId, { stationId, name: 'Berlin Mitte', code: 'ber-area', polygon })).id;
  const team = (code: string) =>
    createOrgUnit(db, tenantId, { parentId: stationId, kind: 'team', name: code, code, vendorId: h.t.vendor.id });
  faultTeam = (await team('FT-24')).id;
  installTeam = (await team('IT-01')).id;
});
afterAll(async () => h?.close());

async function at(iso: string): Promise<void> {
  h.clock.set(iso);
  tk = await tokensOf(h);
}

async function clockOf(orderId: string, kind: string): Promise<Body> {
  const res = await call(h.app, tk.coordinator, 'GET', `/api/work-orders/${orderId}/clocks`);
  expect(res.status).toBe(200);
  const c = res.body.items.find((i: Body) => i.kind === kind);
  if (!c) throw new Error(`no ${kind} clock`);
  return c;
}

describe('SLA-01 calendars per area time zone', () => {
  it('SLA-01 admins set an area’s zone; others may only look; an unknown zone is refused', async () => {
    const url = `/api/calendar/areas/${urumqiArea}/time-zone`;
    expect((await call(h.app, tk.coordinator, 'PUT', url, { timeZone: 'Asia/Urumqi' })).status).toBe(403);
    const bad = await call(h.app, tk.admin, 'PUT', url, { timeZone: 'Mars/Olympus' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const ok = await call(h.app, tk.admin, 'PUT', url, { timeZone: 'Asia/Urumqi' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ id: urumqiArea, timeZone: 'Asia/Urumqi', effectiveTimeZone: 'Asia/Urumqi' });
    await call(h.app, tk.admin, 'PUT', `/api/calendar/areas/${berlinArea}/time-zone`, { timeZone: 'Europe/Berlin' });

    const list = await call(h.app, tk.coordinator, 'GET', '/api/calendar/areas');
    expect(list.status).toBe(200);
    expect(list.body.tenantTimeZone).toBe('Asia/Shanghai');
    const byId = new Map(list.body.items.map((a: Body) => [a.id, a]));
    expect(byId.get(h.t.area.id)).toMatchObject({ timeZone: null, effectiveTimeZone: 'Asia/Shanghai' });
    expect(byId.get(urumqiArea)).toMatchObject({ effectiveTimeZone: 'Asia/Urumqi' });
    expect((await call(h.app, tk.engineer, 'GET', '/api/calendar/areas')).status).toBe(403);
  });

  it('SLA-04 in an Asia/Urumqi area the 18:00 cut-off is local: 17:30 there (19:30 Beijing) is still same-day', async () => {
    await at('2026-11-23T11:30:00Z'); // Monday 17:30 Urumqi, 19:30 Beijing
    const local = (await createOrderVia(h, tk.hotline, 'fault', { areaId: urumqiArea })).order;
    const beijing = (await createOrderVia(h, tk.hotline, 'fault')).order;
    const u = await clockOf(local.id, 'fault_repair');
    expect(u.dueAt).toBe('2026-11-23T18:00:00.000Z'); // 24:00 Urumqi the same day
    expect(u.explain.calendar).toEqual({ id: 'cn-default', timeZone: 'Asia/Urumqi' });
    expect(u.explain.text['zh-CN'].join('\n')).toContain('时区 Asia/Urumqi');
    expect(u.explain.text.en.join('\n')).toContain('Before the 18:00 cut-off');
    // The same instant in a Beijing area is after the cut-off: due 09:00 Tuesday Beijing.
    expect((await clockOf(beijing.id, 'fault_repair')).dueAt).toBe('2026-11-24T01:00:00.000Z');

    await at('2026-11-23T12:00:00Z'); // exactly 18:00 Urumqi
    const late = (await createOrderVia(h, tk.hotline, 'fault', { areaId: urumqiArea })).order;
    const l = await clockOf(late.id, 'fault_repair');
    expect(l.dueAt).toBe('2026-11-24T03:00:00.000Z'); // 09:00 Tuesday Urumqi
    expect(l.explain.text.en.join('\n')).toContain('At or after the 18:00 cut-off');
  });

  it('SLA-04 DST-safe: a Friday 18:00 fault in a Europe/Berlin area is due Monday 09:00 summer time', async () => {
    await at('2026-03-27T17:00:00Z'); // Friday 18:00 CET; clocks go forward on Sunday 29 March
    const o = (await createOrderVia(h, tk.hotline, 'fault', { areaId: berlinArea })).order;
    const c = await clockOf(o.id, 'fault_repair');
    expect(c.dueAt).toBe('2026-03-30T07:00:00.000Z'); // 09:00 CEST (UTC+2)
    expect(c.explain.calendar.timeZone).toBe('Europe/Berlin');
    expect(c.explain.text.en.join('\n')).toContain('2026-03-30 09:00');
  });
});

describe('SLA-01 working hours per team', () => {
  it('SLA-01 a manager sets team hours; an engineer may not; bad hours are refused naming the field', async () => {
    await at('2026-11-23T02:00:00Z');
    const url = `/api/calendar/working-hours/${faultTeam}`;
    const body = {
      name: '故障抢修 24 小时班',
      weekly: Array(7).fill(allDay),
      holidays: 'work',
      orderTypes: ['fault'],
    };
    expect((await call(h.app, tk.engineer, 'PUT', url, body)).status).toBe(403);
    const bad = await call(h.app, tk.admin, 'PUT', url, { ...body, weekly: Array(7).fill([]) });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toMatchObject({ field: 'weekly' });
    const ok = await call(h.app, tk.admin, 'PUT', url, body);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ unitId: faultTeam, unitCode: 'FT-24', holidays: 'work', orderTypes: ['fault'] });
    const install = await call(h.app, tk.admin, 'PUT', `/api/calendar/working-hours/${installTeam}`, {
      name: '装机白班',
      weekly: [[], nineToSix, nineToSix, nineToSix, nineToSix, nineToSix, []],
      orderTypes: ['carry_in', 'install'],
    });
    expect(install.status, JSON.stringify(install.body)).toBe(200);
    const list = await call(h.app, tk.coordinator, 'GET', '/api/calendar/working-hours');
    expect(list.body.items.map((i: Body) => i.unitCode)).toEqual(['FT-24', 'IT-01']);
    expect(list.body.shipped.weekly[1]).toEqual(expect.arrayContaining([expect.objectContaining({ start: '08:30' })]));
  });

  it('SLA-04 a fault for the 24×7 team reported Saturday 19:00 is due Sunday 09:00 (not Monday), named by the team', async () => {
    await at('2026-11-28T11:00:00Z'); // Saturday 19:00 Beijing
    const o = (await createOrderVia(h, tk.hotline, 'fault')).order;
    const c = await clockOf(o.id, 'fault_repair');
    expect(c.dueAt).toBe('2026-11-29T01:00:00.000Z'); // Sunday 09:00 Beijing
    expect(c.explain.calendar.id).toBe('cn-default/FT-24');
    expect(c.explain.text['zh-CN'].join('\n')).toContain('日历 cn-default/FT-24');
  });

  it('SLA-05 a carry-in for the 09:00–18:00 team is due at 18:00 close of business, not the 22:00 evening shift', async () => {
    await at('2026-11-23T02:00:00Z'); // Monday 10:00 Beijing
    const o = (await createOrderVia(h, tk.hotline, 'carry_in')).order;
    expect((await clockOf(o.id, 'carry_in_repair')).dueAt).toBe('2026-11-26T10:00:00.000Z'); // Thursday 18:00

    // Without the team's hours the shipped calendar (evening shift to 22:00) applies again.
    expect((await call(h.app, tk.engineer, 'DELETE', `/api/calendar/working-hours/${installTeam}`)).status).toBe(403);
    expect((await call(h.app, tk.admin, 'DELETE', `/api/calendar/working-hours/${installTeam}`)).status).toBe(200);
    const after = (await createOrderVia(h, tk.hotline, 'carry_in')).order;
    expect((await clockOf(after.id, 'carry_in_repair')).dueAt).toBe('2026-11-26T14:00:00.000Z'); // 22:00
    // The earlier order keeps the deadline it was given (SLA-02: nothing moves silently).
    expect((await clockOf(o.id, 'carry_in_repair')).dueAt).toBe('2026-11-26T10:00:00.000Z');
    expect((await call(h.app, tk.admin, 'DELETE', `/api/calendar/working-hours/${installTeam}`)).status).toBe(404);
  });
});
