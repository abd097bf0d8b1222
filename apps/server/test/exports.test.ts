import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listExportLog } from '@daowei/db';
import { maskPhone } from '@daowei/domain';
import { call, createOrderVia, startHarness, tokensOf, type Harness, type Tokens } from './harness.js';

/** SEC-01: the order list as CSV — masked phones, supervisors only, and every export in the export log. */
describe('exports (SEC-01)', () => {
  let h: Harness;
  let tk: Tokens;
  let phone: string;
  let number: string;
  beforeAll(async () => {
    h = await startHarness();
    tk = await tokensOf(h);
    const o = await createOrderVia(h, tk.hotline, 'fault', {
      customer: { name: '=HYPERLINK("http://x")', phone: '13912345678', address: '望京街道 9 号, 3-201' },
    });
    number = o.order.number;
    phone = '13912345678';
    await createOrderVia(h, tk.hotline, 'install');
  });
  afterAll(async () => h?.close());

  const csv = (token: string, query = '') =>
    h.app.inject({
      method: 'GET',
      url: `/api/exports/work-orders.csv${query}`,
      headers: { authorization: `Bearer ${token}` },
    });

  it('SEC-01 a coordinator exports the order list as CSV: a header, one row per order, phones masked', async () => {
    const res = await csv(tk.coordinator);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('work-orders.csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'number,type,status,priority,acceptedAt,completedAt,contactName,contactPhone,address,product,business,holderName,areaName',
    );
    expect(lines).toHaveLength(3);
    const row = lines.find((l) => l.startsWith(number))!;
    expect(row).toContain(maskPhone(phone));
    expect(res.body).not.toContain(phone);
    // The address has a comma: quoted. The name would be a formula in a spreadsheet: neutralised.
    expect(row).toContain('"望京街道 9 号, 3-201"');
    expect(row).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('SEC-01 every export is logged: who, position, what, filters and row count', async () => {
    const before = (await listExportLog(h.database.db, h.t.tenant.id)).length;
    const res = await csv(tk.coordinator, '?type=fault&scope=all');
    expect(res.statusCode).toBe(200);
    const log = await listExportLog(h.database.db, h.t.tenant.id);
    expect(log).toHaveLength(before + 1);
    expect(log[0]).toMatchObject({
      personId: h.t.coordinator.id,
      position: 'coordinator',
      what: 'work-orders.csv',
      filters: { type: 'fault', scope: 'all' },
      rowCount: 1,
      at: h.clock.now(),
    });
    const api = await call(h.app, tk.coordinator, 'GET', '/api/exports/log');
    expect(api.status).toBe(200);
    expect(api.body.items[0]).toMatchObject({ what: 'work-orders.csv', rowCount: 1, filters: { type: 'fault' } });
  });

  it('SEC-01 an engineer or the hotline may not export, and a refused export is not logged', async () => {
    const before = (await listExportLog(h.database.db, h.t.tenant.id)).length;
    for (const token of [tk.engineer, tk.hotline]) {
      const res = await csv(token);
      expect(res.statusCode).toBe(403);
      expect(JSON.parse(res.body).code).toBe('FORBIDDEN');
    }
    expect(await listExportLog(h.database.db, h.t.tenant.id)).toHaveLength(before);
    expect((await call(h.app, tk.engineer, 'GET', '/api/exports/log')).status).toBe(403);
  });

  it('SEC-01 without a session there is no export', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/exports/work-orders.csv' });
    expect(res.statusCode).toBe(401);
  });
});
