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
  }[];
  totals: { received: number; completed: number; open: number; overdue: number };
  problems: { orderId: string; number: string; stationName: string; problems: string[]; note: string }[];
}

export interface StationLogView {
  day: string;
  items: {
    orderId: string;
    number: string;
    type: string;
    status: string;
    holderName: string;
    appointment: { start: string; end: string } | null;
    unfinished: boolean;
  }[];
}

const query = (day: string, stationId?: string) => ({ day, stationId });

export const kpiReportsApi = {
  installReport: (day: string, stationId?: string) =>
    apiRequest<InstallReportView>('GET', '/kpi-reports/daily-install', { query: query(day, stationId) }),
  stationLog: (day: string, stationId?: string) =>
    apiRequest<StationLogView>('GET', '/kpi-reports/station-log', { query: query(day, stationId) }),
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
