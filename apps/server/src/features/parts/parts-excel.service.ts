import ExcelJS from 'exceljs';
import {
  createPartItem,
  getLocation,
  getUnitBySerial,
  listMovements,
  listPartItems,
  recordMovement,
  refOf,
  type Db,
} from '@daowei/db';
import { DomainError, ITEM_CATEGORIES, STORE_KINDS, type ItemCategory, type PartsPolicy } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import type { ExportLogService } from '../exports/export-log.service.js';
import type { PayService } from '../pay/pay.service.js';
import { refreshLowStock } from './low-stock.service.js';
import { usableLocation } from './parts-access.js';

export type PartsExcelService = ReturnType<typeof createPartsExcelService>;

/** Chinese column headers: what the stores' existing spreadsheets call them. */
export const ITEM_HEADERS = ['编码', '名称', '类别', '跟踪方式', '单位'] as const;
export const STOCK_HEADERS = ['编码', '数量', '串号'] as const;
const TRACKING: Record<string, 'bulk' | 'serialised'> = {
  批量: 'bulk',
  序列号: 'serialised',
  bulk: 'bulk',
  serialised: 'serialised',
};
const KINDS: Record<string, string> = {
  receive: '入库',
  transfer: '调拨',
  borrow: '借出',
  return: '退回',
  consume: '消耗',
  install: '安装',
  recover: '回收',
  scrap: '报废',
};

interface RowProblem {
  row: number;
  reason: string;
}

async function readSheet(base64: string, headers: readonly string[]): Promise<Map<string, string>[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('VALIDATION_FAILED', 'Not an Excel (.xlsx) file', { field: 'fileBase64' });
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new DomainError('VALIDATION_FAILED', 'The workbook has no sheet', { field: 'fileBase64' });
  const head = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? '').trim());
  const columns = headers.map((h) => head.indexOf(h));
  const missing = headers.filter((_, i) => columns[i]! < 0);
  if (missing.length > 0 && missing.length === headers.length) {
    throw new DomainError('VALIDATION_FAILED', `Expected the headers ${headers.join(', ')}`, { field: 'fileBase64' });
  }
  const rows: Map<string, string>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const values = sheet.getRow(r).values as unknown[];
    const row = new Map(headers.map((h, i) => [h, columns[i]! < 0 ? '' : String(values[columns[i]!] ?? '').trim()]));
    if ([...row.values()].some((v) => v !== '')) rows.push(row);
  }
  if (rows.length > 5000) throw new DomainError('VALIDATION_FAILED', 'At most 5000 rows', { field: 'fileBase64' });
  return rows;
}

async function workbook(name: string, headers: string[], rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  ws.addRow(headers).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c) => (c.width = 16));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Excel for parts (issue 6): import the catalogue and opening stock, export the ledger and the daily
 * takings — Chinese headers. Imports are all-or-nothing per file (one transaction) and say which rows
 * were refused; exports go through the export log (SEC-01) before the file is sent.
 */
export function createPartsExcelService(deps: {
  db: Db;
  clock: Clock;
  partsPolicy: PartsPolicy;
  exportLog: ExportLogService;
  pay: PayService;
}) {
  const { db, clock, partsPolicy, exportLog, pay } = deps;
  return {
    async importItems(auth: AuthContext, fileBase64: string) {
      const rows = await readSheet(fileBase64, ITEM_HEADERS);
      const problems: RowProblem[] = [];
      const valid = rows.flatMap((row, i) => {
        const category = row.get('类别') || 'other';
        const tracking = TRACKING[row.get('跟踪方式') ?? ''];
        const code = row.get('编码') ?? '';
        const name = row.get('名称') ?? '';
        if (!code || !name) problems.push({ row: i + 2, reason: '编码和名称必填' });
        else if (!tracking) problems.push({ row: i + 2, reason: '跟踪方式应为 批量 或 序列号' });
        else if (!ITEM_CATEGORIES.includes(category as ItemCategory))
          problems.push({ row: i + 2, reason: `未知类别 ${category}` });
        else
          return [
            { code, name, category: category as ItemCategory, tracking, unitOfMeasure: row.get('单位') || 'pcs' },
          ];
        return [];
      });
      if (problems.length > 0) return { created: 0, problems };
      return db.transaction(async (tx) => {
        const known = new Set((await listPartItems(tx, auth.tenantId)).map((i) => i.code));
        let created = 0;
        for (const [i, item] of valid.entries()) {
          if (known.has(item.code)) {
            problems.push({ row: i + 2, reason: `编码 ${item.code} 已存在` });
            continue;
          }
          await createPartItem(tx, auth.tenantId, item);
          known.add(item.code);
          created++;
        }
        return { created, problems };
      });
    },

    /** Opening stock of one store: bulk rows give 数量, serialised rows give one 串号 per row. */
    async importStock(auth: AuthContext, locationId: string, fileBase64: string) {
      const rows = await readSheet(fileBase64, STOCK_HEADERS);
      return db.transaction(async (tx) => {
        const store = usableLocation(auth, await getLocation(tx, auth.tenantId, locationId), locationId);
        if (!STORE_KINDS.includes(store.kind)) {
          throw new DomainError('VALIDATION_FAILED', 'Opening stock goes into a store', { field: 'locationId' });
        }
        const items = new Map((await listPartItems(tx, auth.tenantId)).map((i) => [i.code, i]));
        const problems: RowProblem[] = [];
        const at = clock.now();
        let movements = 0;
        for (const [i, row] of rows.entries()) {
          const item = items.get(row.get('编码') ?? '');
          const serial = row.get('串号') ?? '';
          const quantity = Number(row.get('数量') || (serial ? 1 : 0));
          if (!item) problems.push({ row: i + 2, reason: `未知编码 ${row.get('编码')}` });
          else if (item.tracking === 'serialised' && !serial)
            problems.push({ row: i + 2, reason: '序列号备件需填串号' });
          else if (item.tracking === 'serialised' && (await getUnitBySerial(tx, auth.tenantId, serial)))
            problems.push({ row: i + 2, reason: `串号 ${serial} 已存在` });
          else if (!Number.isSafeInteger(quantity) || quantity < 1)
            problems.push({ row: i + 2, reason: '数量应为正整数' });
          else {
            await recordMovement(tx, auth.tenantId, {
              kind: 'receive',
              item,
              quantity: item.tracking === 'serialised' ? 1 : quantity,
              ...(item.tracking === 'serialised' ? { serial } : {}),
              from: null,
              to: refOf(store),
              actorId: auth.personId,
              at,
              note: '期初导入',
            });
            movements++;
          }
        }
        // All or nothing: a file with a bad row changes no stock, so it can be fixed and sent again.
        if (problems.length > 0)
          throw new DomainError('VALIDATION_FAILED', 'Rows refused', { field: 'fileBase64', problems });
        const touched = [...items.values()].map((i) => ({ locationId: store.id, itemId: i.id }));
        await refreshLowStock(tx, auth.tenantId, touched, at, partsPolicy);
        return { movements, problems };
      });
    },

    async exportLedger(auth: AuthContext, q: { locationId?: string | undefined }) {
      // Vendor staff export one store they may use; operator staff may export the whole tenant's ledger.
      if (auth.vendorId !== null && !q.locationId) {
        throw new DomainError('VALIDATION_FAILED', 'Choose the store to export', { field: 'locationId' });
      }
      const locationIds = q.locationId
        ? [usableLocation(auth, await getLocation(db, auth.tenantId, q.locationId), q.locationId).id]
        : null;
      const rows = await listMovements(db, auth.tenantId, { locationIds, limit: 50_000 });
      await exportLog.record(auth, { what: 'parts-ledger.xlsx', filters: { ...q }, rowCount: rows.length });
      return workbook(
        '出入库台账',
        ['时间', '类型', '编码', '名称', '串号', '数量', '从', '到', '到达状态', '工单', '备注'],
        rows.map((m) => [
          m.at.toISOString(),
          KINDS[m.kind] ?? m.kind,
          m.itemCode,
          m.itemName,
          m.serial,
          m.quantity,
          m.fromName,
          m.toName,
          m.toCondition === 'faulty' ? '故障' : m.toCondition === 'good' ? '完好' : null,
          m.orderId,
          m.note,
        ]),
      );
    },

    /** PAY-02 daily takings in fen (integers: no rounding in the file either). */
    async exportTakings(auth: AuthContext, q: { date: string; unitId?: string | undefined }) {
      const t = await pay.takings(auth, q);
      await exportLog.record(auth, { what: 'takings.xlsx', filters: { ...q }, rowCount: t.rows.length });
      return workbook(
        `收款日报 ${q.date}`,
        ['工程师', '现金(分)', '微信(分)', '支付宝(分)', '刷卡(分)', '转账(分)', '合计(分)', '应交现金(分)'],
        t.rows.map((r) => [
          r.name,
          r.byMethod.cash ?? 0,
          r.byMethod.wechat ?? 0,
          r.byMethod.alipay ?? 0,
          r.byMethod.card ?? 0,
          r.byMethod.transfer ?? 0,
          r.totalFen,
          r.handInFen,
        ]),
      );
    },
  };
}
