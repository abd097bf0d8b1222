import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listExportLog } from '@daowei/db';
import { startHarness, tokensOf, type Harness, type Tokens } from './harness.js';
import { partsWorld, type PartsWorld } from './parts-setup.js';

/** Builds an .xlsx with the given header row and rows, base64 as the import routes take it. */
async function xlsx(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('parts Excel: import items and opening stock, export the ledger and takings (issue 6)', () => {
  let h: Harness;
  let tk: Tokens;
  let w: PartsWorld;
  const post = async (token: string, url: string, payload: unknown) => {
    const res = await h.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    });
    return { status: res.statusCode, body: res.json() };
  };
  beforeAll(async () => {
    h = await startHarness();
    tk = await tokensOf(h);
    w = await partsWorld(h, tk);
  });
  afterAll(async () => h?.close());

  it('PART-01 items import from Chinese headers; a file with a bad row creates nothing and names the row', async () => {
    const s = h.t.suffix;
    const bad = await xlsx([
      ['编码', '名称', '类别', '跟踪方式', '单位'],
      [`XL-A-${s}`, '水晶头', 'connector', '批量', '个'],
      [`XL-B-${s}`, '机顶盒', 'set_top_box', '按台'],
    ]);
    const refused = await post(w.clerk, '/api/parts/imports/items', { fileBase64: bad });
    expect(refused.body).toEqual({ created: 0, problems: [{ row: 3, reason: '跟踪方式应为 批量 或 序列号' }] });
    const good = await xlsx([
      ['编码', '名称', '类别', '跟踪方式', '单位'],
      [`XL-A-${s}`, '水晶头', 'connector', '批量', '个'],
      [`XL-B-${s}`, '机顶盒', 'set_top_box', '序列号', '台'],
    ]);
    const ok = await post(w.clerk, '/api/parts/imports/items', { fileBase64: good });
    expect(ok.body).toEqual({ created: 2, problems: [] });

    const stock = await xlsx([
      ['编码', '数量', '串号'],
      [`XL-A-${s}`, 200, ''],
      [`XL-B-${s}`, '', `STB-1-${s}`],
      [`XL-B-${s}`, '', `STB-2-${s}`],
    ]);
    const opened = await post(w.clerk, '/api/parts/imports/stock', { locationId: w.storeId, fileBase64: stock });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body.movements).toBe(3);
    const again = await post(w.clerk, '/api/parts/imports/stock', { locationId: w.storeId, fileBase64: stock });
    expect(again.status).toBe(400);
    expect(again.body.details.problems.map((p: { row: number }) => p.row)).toEqual([3, 4]);
  });

  it('PART-01 SEC-01 the ledger exports as Excel with Chinese headers, and the export is logged', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/exports/parts-ledger.xlsx?locationId=${w.storeId}`,
      headers: { authorization: `Bearer ${w.clerk}` },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['时间', '类型', '编码']);
    expect(ws.rowCount).toBe(4); // header + three opening receipts
    expect(ws.getRow(2).getCell(2).value).toBe('入库');
    const log = await listExportLog(h.database.db, h.t.tenant.id);
    expect(log[0]).toMatchObject({ what: 'parts-ledger.xlsx', rowCount: 3 });
  });

  it('PAY-02 takings export in fen for the station manager; an engineer may not', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/exports/takings.xlsx?date=2026-11-23',
      headers: { authorization: `Bearer ${w.manager}` },
    });
    expect(res.statusCode).toBe(200);
    const denied = await h.app.inject({
      method: 'GET',
      url: '/api/exports/takings.xlsx?date=2026-11-23',
      headers: { authorization: `Bearer ${tk.engineer}` },
    });
    expect(denied.statusCode).toBe(403);
  });
});
