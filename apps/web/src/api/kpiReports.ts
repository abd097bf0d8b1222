import { ApiError } from './ApiError';
import { apiRequest } from './http';
import { getToken } from './token';

/** KPI-02/03 answers (docs/api.md "KPIs"). */
export interface InstallReportView {
  day: string;
  rows: {
    stationId: string | null;
    stationName: string;
    received: number;
    completed: number;
    open: number;
    overdue: number;
    problems: number;
  }[];
  totals: { received: number; completed: number; open: number; overdue: number; problems: number };
  /** Problem orders in all; `problems` is the page asked (offset, limit), longest waiting first. */
  problemTotal: number;
  problems: {
    orderId: string;
    number: string;
    stationName: string;
    acceptedAt: string;
    problems: string[];
    note: string;
  }[];
}

export interface StationLogView {
  day: string;
  /** Entries in all and unfinished ones; `items` is the page asked, unfinished first. */
  total: number;
  unfinished: number;
  items: {
    orderId: string;
    number: string;
    type: string;
    status: string;
    holderName: string;
    acceptedAt: string;
    appointment: { start: string; end: string } | null;
    unfinished: boolean;
  }[];
}

/** A page of a report's list: 1-based, as the table shows it. */
export interface ReportPage {
  page: number;
  size: number;
}
const query = (day: string, stationId: string | undefined, p: ReportPage) => ({
  day,
  stationId,
  offset: (p.page - 1) * p.size,
  limit: p.size,
});

export const kpiReportsApi = {
  installReport: (day: string, stationId: string | undefined, p: ReportPage) =>
    apiRequest<InstallReportView>('GET', '/kpi-reports/daily-install', { query: query(day, stationId, p) }),
  stationLog: (day: string, stationId: string | undefined, p: ReportPage) =>
    apiRequest<StationLogView>('GET', '/kpi-reports/station-log', { query: query(day, stationId, p) }),
  /** Downloads an Excel export with the bearer token and saves it under its file name. */
  async download(kind: 'kpi-02' | 'kpi-03', day: string, stationId?: string) {
    const params = new URLSearchParams({ day, ...(stationId ? { stationId } : {}) });
    const res = await fetch(`/api/exports/${kind}.xlsx?${params.toString()}`, {
      headers: { Authorization: `Bearer ${getToken() ?? ''}` },
    });
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
      throw new ApiError(res.status, body.code ?? `HTTP_${res.status}`, body.message ?? res.statusText);
    }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `${kind}-${day}.xlsx`;
    a.click();
    URL.revokeObjectURL(url);
  },
};
