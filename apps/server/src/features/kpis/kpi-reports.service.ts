import ExcelJS from 'exceljs';
import { getPeople, listOrderEventsByAction, listOrdersForKpi, listOrgUnits, type Db } from '@daowei/db';
import {
  addDays,
  dailyInstallReport,
  DEFAULT_KPI_POLICY,
  DomainError,
  isSupervisor,
  stationStatusLog,
  SUSPEND_REASON_LABELS,
  zonedDateTime,
  type KpiPolicy,
  type ReportOrder,
  type SuspendReason,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import { assertMayExport, type ExportLogService } from '../exports/export-log.service.js';

export type KpiReportService = ReturnType<typeof createKpiReportService>;

export interface ReportQuery {
  day: string;
  stationId?: string | undefined;
}

const PROBLEM_ZH = { overdue: '超时未装', suspended: '挂起', reopened: '重开' } as const;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * KPI-02 装机日报 and KPI-03 station status log over stored orders of one local day (policy zone), as
 * JSON for the pages and as Excel with Chinese headers; every Excel export is logged (SEC-01) first.
 */
export function createKpiReportService({
  db,
  exportLog,
  policy = DEFAULT_KPI_POLICY,
}: {
  db: Db;
  exportLog: ExportLogService;
  policy?: KpiPolicy;
}) {
  const tz = policy.timeZone;

  async function ordersOf(auth: AuthContext, q: ReportQuery): Promise<ReportOrder[]> {
    if (!isSupervisor(auth.position)) {
      throw new DomainError('FORBIDDEN', 'Reports are for coordinators and managers', { position: auth.position });
    }
    const from = zonedDateTime(q.day, '00:00', tz);
    const to = zonedDateTime(addDays(q.day, 1), '00:00', tz);
    const stored = await listOrdersForKpi(db, auth.tenantId, {
      from,
      to,
      ...(auth.vendorId ? { vendorId: auth.vendorId } : {}),
      ...(q.stationId ? { stationId: q.stationId } : {}),
    });
    const events = await listOrderEventsByAction(
      db,
      auth.tenantId,
      stored.map((o) => o.id),
      ['reopen', 'suspend'],
    );
    const reopened = new Set(events.filter((e) => e.action === 'reopen').map((e) => e.orderId));
    // KPI-02 problem-order notes: why it is on hold, in the engineer's words (the latest suspension).
    const onHold = new Map<string, string>();
    for (const e of events.filter((x) => x.action === 'suspend')) {
      const { reason, remark } = (e.payload ?? {}) as { reason?: SuspendReason; remark?: string };
      const label = reason && reason in SUSPEND_REASON_LABELS ? SUSPEND_REASON_LABELS[reason]['zh-CN'] : '';
      onHold.set(e.orderId, [label, remark?.trim()].filter(Boolean).join('：'));
    }
    return stored.map((o) => ({
      id: o.id,
      number: o.number,
      type: o.type,
      status: o.status,
      stationId: o.stationId,
      holderId: o.holderId,
      acceptedAt: o.acceptedAt,
      completedAt: o.completedAt,
      appointment: o.appointment,
      suspendReason: o.suspendReason ? (onHold.get(o.id) ?? o.suspendReason) : null,
      reopened: reopened.has(o.id),
    }));
  }

  async function names(auth: AuthContext, personIds: readonly (string | null)[]) {
    const units = await listOrgUnits(db, auth.tenantId);
    const people = await getPeople(db, auth.tenantId, [...new Set(personIds.filter((p): p is string => p !== null))]);
    const unit = new Map(units.map((u) => [u.id, u.name]));
    const person = new Map(people.map((p) => [p.id, p.name]));
    return {
      station: (id: string | null) => (id ? (unit.get(id) ?? id) : '—'),
      person: (id: string | null) => (id ? (person.get(id) ?? id) : '—'),
    };
  }

  async function installReport(auth: AuthContext, q: ReportQuery) {
    const orders = await ordersOf(auth, q);
    const r = dailyInstallReport(orders, q.day, tz, policy.installWithinDays);
    const n = await names(auth, []);
    return {
      ...r,
      rows: r.rows.map((x) => ({ ...x, stationName: n.station(x.stationId) })),
      problems: r.problems.map((p) => ({ ...p, stationName: n.station(p.stationId) })),
    };
  }

  async function stationLog(auth: AuthContext, q: ReportQuery) {
    const log = stationStatusLog(await ordersOf(auth, q), q.day, tz);
    const n = await names(
      auth,
      log.map((e) => e.holderId),
    );
    return {
      day: q.day,
      stationId: q.stationId ?? null,
      items: log.map((e) => ({
        ...e,
        holderName: n.person(e.holderId),
        appointment: e.appointment ? { start: iso(e.appointment.start), end: iso(e.appointment.end) } : null,
      })),
    };
  }

  async function workbook(sheet: string, headers: string[], rows: (string | number)[][], red?: (i: number) => boolean) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(sheet);
    ws.addRow(headers).font = { bold: true };
    rows.forEach((cells, i) => {
      const row = ws.addRow(cells);
      // KPI-03: unfinished orders in red, as on the page.
      if (red?.(i)) row.font = { color: { argb: 'FFCC0000' } };
    });
    ws.columns.forEach((c) => (c.width = 16));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  return {
    installReport,
    stationLog,

    /** KPI-02 as Excel: a station table and the problem orders with notes; logged (SEC-01). */
    async installReportXlsx(auth: AuthContext, q: ReportQuery) {
      assertMayExport(auth);
      const r = await installReport(auth, q);
      const rows: (string | number)[][] = [
        ...r.rows.map((x) => [x.stationName, x.received, x.completed, x.open, x.overdue, '']),
        ['合计', r.totals.received, r.totals.completed, r.totals.open, r.totals.overdue, ''],
        ...r.problems.map((p) => [
          p.stationName,
          p.number,
          p.problems.map((k) => PROBLEM_ZH[k]).join('、'),
          '',
          '',
          p.note,
        ]),
      ];
      await exportLog.record(auth, { what: 'kpi-02.xlsx', filters: { ...q }, rowCount: rows.length });
      return workbook(`装机日报 ${q.day}`, ['服务站', '当日受理', '当日竣工', '在途', '超时', '问题单备注'], rows);
    },

    /** KPI-03 as Excel: the day's orders, unfinished ones in red; logged (SEC-01). */
    async stationLogXlsx(auth: AuthContext, q: ReportQuery) {
      assertMayExport(auth);
      const log = await stationLog(auth, q);
      const rows = log.items.map((e) => [
        e.number,
        e.type,
        e.status,
        e.holderName,
        e.appointment?.start ?? '',
        e.unfinished ? '未完成' : '已完成',
      ]);
      await exportLog.record(auth, { what: 'kpi-03.xlsx', filters: { ...q }, rowCount: rows.length });
      return workbook(
        `服务站状态 ${q.day}`,
        ['工单号', '类型', '状态', '工程师', '预约时间', '当日完成情况'],
        rows,
        (i) => log.items[i]!.unfinished,
      );
    },
  };
}
