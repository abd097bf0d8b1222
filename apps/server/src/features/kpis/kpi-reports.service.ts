import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  getPeople,
  getWorkOrders,
  kpiBacklogCounts,
  listOrderEventsByAction,
  listOrgUnits,
  type Db,
  type KpiBacklogScope,
} from '@daowei/db';
import {
  addDays,
  DEFAULT_KPI_POLICY,
  DomainError,
  isSupervisor,
  problemKinds,
  reportTotals,
  SUSPEND_REASON_LABELS,
  type KpiPolicy,
  type SuspendReason,
  zonedDateTime,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import { assertMayExport, type ExportLogService } from '../exports/export-log.service.js';
import { KPI_DAILY_POLICY } from './kpi-daily.reader.js';
import { backlogPage, freshenBacklog, stationLogPage, type PageAsked } from './kpi-backlog.reader.js';

export type KpiReportService = ReturnType<typeof createKpiReportService>;

export interface ReportQuery {
  day: string;
  stationId?: string | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

const PROBLEM_ZH = { overdue: '超时未装', suspended: '挂起', reopened: '重开' } as const;
const iso = (d: Date | null) => (d ? d.toISOString() : null);
/** A page when none is asked; exports read every row, this many at a time. */
const DEFAULT_LIMIT = 100;
const EXPORT_PAGE = 5_000;

/**
 * KPI-02 装机日报 and KPI-03 station status log of one local day (policy zone), as JSON for the pages
 * (the lists a page at a time, with their totals) and as Excel with Chinese headers (every row); every
 * Excel export is logged (SEC-01) first. Counts come from the backlog aggregates (kpi-backlog.reader.ts)
 * — what the domain's dailyInstallReport / stationStatusLog define, without reading the backlog.
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
  const N = policy.installWithinDays;

  function scopeOf(auth: AuthContext, q: ReportQuery) {
    if (!isSupervisor(auth.position)) {
      throw new DomainError('FORBIDDEN', 'Reports are for coordinators and managers', { position: auth.position });
    }
    return { vendorId: auth.vendorId ?? undefined, stationId: q.stationId };
  }
  const pageOf = (q: ReportQuery): PageAsked => ({ offset: q.offset ?? 0, limit: q.limit ?? DEFAULT_LIMIT });

  /** The orders of a page, in the page's order, with why each is a problem (KPI-02 notes, when asked). */
  async function ordersOf(auth: AuthContext, ids: readonly string[], tx: Db, notes = true) {
    const byId = new Map((await getWorkOrders(tx, auth.tenantId, ids)).map((o) => [o.id, o]));
    const events = notes ? await listOrderEventsByAction(tx, auth.tenantId, ids, ['reopen', 'suspend']) : [];
    const reopened = new Set(events.filter((e) => e.action === 'reopen').map((e) => e.orderId));
    // KPI-02 problem-order notes: why it is on hold, in the engineer's words (the latest suspension).
    const onHold = new Map<string, string>();
    for (const e of events.filter((x) => x.action === 'suspend')) {
      const { reason, remark } = (e.payload ?? {}) as { reason?: SuspendReason; remark?: string };
      const label = reason && reason in SUSPEND_REASON_LABELS ? SUSPEND_REASON_LABELS[reason]['zh-CN'] : '';
      onHold.set(e.orderId, [label, remark?.trim()].filter(Boolean).join('：'));
    }
    return ids.flatMap((id) => {
      const o = byId.get(id);
      if (!o) return [];
      const note = o.suspendReason ? (onHold.get(o.id) ?? o.suspendReason) : '';
      return [{ o, reopened: reopened.has(o.id), note }];
    });
  }

  async function names(auth: AuthContext, personIds: readonly (string | null)[], tx: Db) {
    const units = await listOrgUnits(tx, auth.tenantId);
    const people = await getPeople(tx, auth.tenantId, [...new Set(personIds.filter((p): p is string => p !== null))]);
    const unit = new Map(units.map((u) => [u.id, u.name]));
    const person = new Map(people.map((p) => [p.id, p.name]));
    return {
      station: (id: string | null) => (id ? (unit.get(id) ?? id) : '—'),
      person: (id: string | null) => (id ? (person.get(id) ?? id) : '—'),
    };
  }

  /**
   * A report read in one transaction: what the triggers marked stale up to the day is rebuilt first,
   * then every read (all pages of an export too) sees the same aggregates.
   */
  const fresh = <T>(auth: AuthContext, q: ReportQuery, read: (tx: Db, scope: KpiBacklogScope) => Promise<T>) => {
    const scope = scopeOf(auth, q);
    return db.transaction(async (tx) => {
      await freshenBacklog(tx, auth.tenantId, q.day);
      return read(tx, scope);
    });
  };

  /** KPI-02: per station received, completed, open, overdue and problem counts; a page of problem orders. */
  async function installReportIn(tx: Db, auth: AuthContext, q: ReportQuery, scope: KpiBacklogScope) {
    const page = pageOf(q);
    const rows = await kpiBacklogCounts(
      tx,
      auth.tenantId,
      { day: q.day, installWithinDays: N, type: 'install' },
      scope,
    );
    const problems = await backlogPage(
      tx,
      auth.tenantId,
      { day: q.day, installWithinDays: N, type: 'install', problemsOnly: true },
      scope,
      page,
    );
    const n = await names(auth, [], tx);
    const end = zonedDateTime(addDays(q.day, 1), '00:00', KPI_DAILY_POLICY.timeZone);
    return {
      day: q.day,
      rows: rows.map((x) => ({ ...x, stationName: n.station(x.stationId) })),
      totals: reportTotals(rows),
      problemTotal: problems.total,
      offset: page.offset,
      limit: page.limit,
      problems: (await ordersOf(auth, problems.ids, tx)).map(({ o, reopened, note }) => {
        return {
          orderId: o.id,
          number: o.number,
          stationId: o.stationId,
          stationName: n.station(o.stationId),
          acceptedAt: o.acceptedAt.toISOString(),
          problems: problemKinds({ ...o, reopened }, end, KPI_DAILY_POLICY.timeZone, N),
          note,
        };
      }),
    };
  }

  /** KPI-03: a page of the day's log, unfinished orders first (red), with the totals. */
  async function stationLogIn(tx: Db, auth: AuthContext, q: ReportQuery, scope: KpiBacklogScope) {
    const page = pageOf(q);
    const log = await stationLogPage(tx, auth.tenantId, q.day, scope, page);
    const unfinished = new Set(log.unfinishedIds);
    const orders = await ordersOf(auth, [...log.unfinishedIds, ...log.finishedIds], tx, false);
    const n = await names(
      auth,
      orders.map(({ o }) => o.holderId),
      tx,
    );
    return {
      day: q.day,
      stationId: q.stationId ?? null,
      total: log.total,
      unfinished: log.unfinished,
      offset: page.offset,
      limit: page.limit,
      items: orders.map(({ o }) => ({
        orderId: o.id,
        number: o.number,
        type: o.type,
        status: o.status,
        holderId: o.holderId,
        holderName: n.person(o.holderId),
        acceptedAt: o.acceptedAt.toISOString(),
        appointment: o.appointment ? { start: iso(o.appointment.start), end: iso(o.appointment.end) } : null,
        unfinished: unfinished.has(o.id),
      })),
    };
  }

  /** Every row of a paged list, for an export (pages read one after another). */
  async function everyPage<T extends { items: unknown[] }>(
    read: (offset: number) => Promise<T & { total: number }>,
  ): Promise<{ first: T; items: T['items'] }> {
    const first = await read(0);
    const items = [...first.items];
    while (items.length < first.total) {
      const next = await read(items.length);
      if (next.items.length === 0) break;
      items.push(...next.items);
    }
    return { first, items };
  }

  /**
   * One sheet, written row by row with ExcelJS's streaming writer: a station's whole backlog can be
   * 100,000+ rows, which the in-memory workbook builds several times slower.
   */
  async function workbook(sheet: string, headers: string[], rows: (string | number)[][], red?: (i: number) => boolean) {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise<void>((resolve, reject) => {
      out.on('end', resolve);
      out.on('error', reject);
    });
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const ws = wb.addWorksheet(sheet);
    ws.columns = headers.map(() => ({ width: 16 }));
    const head = ws.addRow(headers);
    head.font = { bold: true };
    head.commit();
    rows.forEach((cells, i) => {
      const row = ws.addRow(cells);
      // KPI-03: unfinished orders in red, as on the page.
      if (red?.(i)) row.font = { color: { argb: 'FFCC0000' } };
      row.commit();
    });
    ws.commit();
    await wb.commit();
    await ended;
    return Buffer.concat(chunks);
  }

  return {
    installReport: (auth: AuthContext, q: ReportQuery) =>
      fresh(auth, q, (tx, scope) => installReportIn(tx, auth, q, scope)),
    stationLog: (auth: AuthContext, q: ReportQuery) => fresh(auth, q, (tx, scope) => stationLogIn(tx, auth, q, scope)),

    /** KPI-02 as Excel: a station table and every problem order with its note; logged (SEC-01). */
    async installReportXlsx(auth: AuthContext, q: ReportQuery) {
      assertMayExport(auth);
      const { first: r, items: problems } = await fresh(auth, q, (tx, scope) =>
        everyPage(async (offset) => {
          const x = await installReportIn(tx, auth, { ...q, offset, limit: EXPORT_PAGE }, scope);
          return { ...x, items: x.problems, total: x.problemTotal };
        }),
      );
      const rows: (string | number)[][] = [
        ...r.rows.map((x) => [x.stationName, x.received, x.completed, x.open, x.overdue, '']),
        ['合计', r.totals.received, r.totals.completed, r.totals.open, r.totals.overdue, ''],
        ...problems.map((p) => [
          p.stationName,
          p.number,
          p.problems.map((k) => PROBLEM_ZH[k]).join('、'),
          '',
          '',
          p.note,
        ]),
      ];
      await exportLog.record(auth, {
        what: 'kpi-02.xlsx',
        filters: { day: q.day, stationId: q.stationId },
        rowCount: rows.length,
      });
      return workbook(`装机日报 ${q.day}`, ['服务站', '当日受理', '当日竣工', '在途', '超时', '问题单备注'], rows);
    },

    /** KPI-03 as Excel: the day's orders, unfinished ones in red; logged (SEC-01). */
    async stationLogXlsx(auth: AuthContext, q: ReportQuery) {
      assertMayExport(auth);
      const log = await fresh(auth, q, (tx, scope) =>
        everyPage((offset) => stationLogIn(tx, auth, { ...q, offset, limit: EXPORT_PAGE }, scope)),
      );
      const rows = log.items.map((e) => [
        e.number,
        e.type,
        e.status,
        e.holderName,
        e.appointment?.start ?? '',
        e.unfinished ? '未完成' : '已完成',
      ]);
      await exportLog.record(auth, {
        what: 'kpi-03.xlsx',
        filters: { day: q.day, stationId: q.stationId },
        rowCount: rows.length,
      });
      return workbook(
        `服务站状态 ${q.day}`,
        ['工单号', '类型', '状态', '工程师', '预约时间', '当日完成情况'],
        rows,
        (i) => log.items[i]!.unfinished,
      );
    },
  };
}
