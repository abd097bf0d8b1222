import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actOk,
  call,
  createOrderVia,
  dispatchToPerson,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';
import { completeOk } from './callback-setup.js';

/**
 * KPI-02/03 through the API on one day, 2026-11-25 in Beijing:
 *   A install accepted 11-21 02:00Z, still open → overdue (due 11-24 02:00Z), a problem order
 *   B install accepted 11-25 02:00Z, completed 11-25 06:00Z → received 1, completed 1
 * → station row: received 1, completed 1, open 1, overdue 1; the log: A unfinished (red), B finished.
 */
let h: Harness;
let tk: Tokens;
const o: Record<string, string> = {};
const DAY = '2026-11-25';

async function at(iso: string) {
  h.clock.set(iso);
  tk = await tokensOf(h);
}

beforeAll(async () => {
  h = await startHarness();
  await at('2026-11-21T02:00:00Z');
  o.A = (await createOrderVia(h, tk.hotline, 'install')).order.number;
  await at('2026-11-25T02:00:00Z');
  const b = await createOrderVia(h, tk.hotline, 'install');
  o.B = b.order.number;
  await dispatchToPerson(h, tk.coordinator, b.order.id, h.t.engineer.id);
  await actOk(h, tk.engineer, b.order.id, 'take');
  await at('2026-11-25T06:00:00Z');
  await completeOk(h, tk.engineer, b.order.id);
  await at('2026-11-26T01:00:00Z');
});
afterAll(async () => h?.close());

describe('KPI-02 daily install report and KPI-03 station status log', () => {
  it('KPI-02 the station row and the problem order, hand-computed', async () => {
    const res = await call(h.app, tk.coordinator, 'GET', `/api/kpi-reports/daily-install?day=${DAY}`);
    expect(res.status).toBe(200);
    const row = res.body.rows.find((r: Body) => r.stationId === h.t.units.station.id);
    expect(row).toMatchObject({ received: 1, completed: 1, open: 1, overdue: 1, problems: 1 });
    expect(res.body.problems.map((p: Body) => [p.number, p.problems])).toEqual([[o.A, ['overdue']]]);
    expect(res.body.problemTotal).toBe(1);
  });

  it('KPI-03 the log a page at a time: the totals, then the second entry alone', async () => {
    const res = await call(h.app, tk.coordinator, 'GET', `/api/kpi-reports/station-log?day=${DAY}&offset=1&limit=1`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 2, unfinished: 1, offset: 1, limit: 1 });
    expect(res.body.items.map((e: Body) => [e.number, e.unfinished])).toEqual([[o.B, false]]);
  });

  it('KPI-02 a page size out of range is a validation error', async () => {
    const res = await call(h.app, tk.coordinator, 'GET', `/api/kpi-reports/daily-install?day=${DAY}&limit=501`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('KPI-03 the log marks the order not finished that day', async () => {
    const res = await call(h.app, tk.coordinator, 'GET', `/api/kpi-reports/station-log?day=${DAY}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: Body) => [e.number, e.unfinished])).toEqual([
      [o.A, true],
      [o.B, false],
    ]);
  });

  it('KPI-02/03 Excel exports have Chinese headers, red unfinished rows, and are logged (SEC-01)', async () => {
    const x2 = await h.app.inject({
      method: 'GET',
      url: `/api/exports/kpi-02.xlsx?day=${DAY}`,
      headers: { authorization: `Bearer ${tk.coordinator}` },
    });
    expect(x2.statusCode).toBe(200);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(x2.rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets[0]!.getRow(1).values).toEqual([
      undefined,
      '服务站',
      '当日受理',
      '当日竣工',
      '在途',
      '超时',
      '问题单备注',
    ]);
    const x3 = await h.app.inject({
      method: 'GET',
      url: `/api/exports/kpi-03.xlsx?day=${DAY}`,
      headers: { authorization: `Bearer ${tk.coordinator}` },
    });
    const wb3 = new ExcelJS.Workbook();
    await wb3.xlsx.load(x3.rawPayload as unknown as ArrayBuffer);
    const ws = wb3.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('工单号');
    expect(ws.getRow(2).getCell(1).value).toBe(o.A);
    expect(ws.getRow(2).font?.color?.argb).toBe('FFCC0000');
    expect(ws.getRow(3).getCell(6).value).toBe('已完成');
    const log = await call(h.app, tk.admin, 'GET', '/api/exports/log');
    expect(log.body.items.map((i: Body) => i.what)).toEqual(expect.arrayContaining(['kpi-02.xlsx', 'kpi-03.xlsx']));
  });

  it('KPI-02 engineers get neither report nor export', async () => {
    expect((await call(h.app, tk.engineer, 'GET', `/api/kpi-reports/daily-install?day=${DAY}`)).status).toBe(403);
    expect((await call(h.app, tk.hotline, 'GET', `/api/exports/kpi-02.xlsx?day=${DAY}`)).status).toBe(403);
  });

  it('KPI-02 an order on hold carries its reason and the engineer’s remark as the problem note', async () => {
    await at('2026-11-26T02:00:00Z');
    const c = await createOrderVia(h, tk.hotline, 'install');
    await dispatchToPerson(h, tk.coordinator, c.order.id, h.t.engineer.id);
    await actOk(h, tk.engineer, c.order.id, 'take');
    await actOk(h, tk.engineer, c.order.id, 'suspend', {
      reason: 'waiting_customer',
      remark: '用户新房装修，下周再装',
    });
    const res = await call(h.app, tk.coordinator, 'GET', '/api/kpi-reports/daily-install?day=2026-11-26');
    const p = res.body.problems.find((x: Body) => x.number === c.order.number);
    expect(p).toMatchObject({ problems: ['suspended'], note: '等待用户：用户新房装修，下周再装' });
  });
});
