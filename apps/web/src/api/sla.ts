import { apiRequest } from './http';
import type { WorkOrderType } from '@daowei/domain';

/** SLA clocks, the at-risk view and the business calendar (docs/api.md "SLA clocks", "Business calendar"). */
export type Localized = { 'zh-CN': string; en: string };
export type ClockState = 'running' | 'paused' | 'warning' | 'breached' | 'met' | 'cancelled';

export interface ClockSummary {
  id: string;
  orderId: string;
  kind: string;
  ruleId: string;
  label: Localized;
  policy: { id: string; version: number };
  state: ClockState;
  startedAt: string;
  dueAt: string;
  warnAt: string;
  msLeft: number;
  measure: 'elapsed' | 'working';
  provisional: boolean;
  provisionalYears: number[];
  pausedIntervals: { from: string; to: string | null; reason: string }[];
  stoppedAt: string | null;
  stopReason: string | null;
  warnedAt: string | null;
  breachedAt: string | null;
  overdueReason: string | null;
  flagged: boolean;
}

export interface ClockExplain {
  calendar: { id: string; timeZone: string };
  provisional: boolean;
  text: { 'zh-CN': string[]; en: string[] };
}

export interface ClockView extends ClockSummary {
  explain: ClockExplain;
}

export interface AtRiskItem extends ClockSummary {
  order: {
    id: string;
    number: string;
    type: WorkOrderType;
    status: string;
    vendorId: string;
    stationId: string | null;
    areaId: string | null;
    holderId: string | null;
  };
}

export interface AtRiskQuery {
  state?: 'warning' | 'breached';
  stationId?: string;
  areaId?: string;
  kind?: string;
  cursor?: string;
  limit?: number;
}

export interface ReevaluateAnswer {
  now: string;
  changed: {
    clockId: string;
    kind: string;
    fromVersion: number;
    toVersion: number;
    fromDueAt: string;
    toDueAt: string;
  }[];
  items: ClockView[];
}

export interface CalendarDayOverride {
  date: string;
  kind: 'holiday' | 'working' | 'closure';
  name: string;
  source: 'admin' | 'official_notice';
  updatedAt: string;
}

export interface CalendarView {
  calendarId: string;
  timeZone: string;
  holidaySource: string | null;
  year: number;
  coverage: { year: number; coverage: 'official' | 'override' | 'missing' }[];
  warnings: { code: 'CALENDAR_YEAR_MISSING'; year: number; text: Localized }[];
  days: {
    date: string;
    working: boolean;
    source: 'official' | 'override';
    name: string | null;
    override: CalendarDayOverride | null;
  }[];
}

const order = (id: string) => `/work-orders/${encodeURIComponent(id)}`;

export const slaApi = {
  clocks: (orderId: string) => apiRequest<{ now: string; items: ClockView[] }>('GET', `${order(orderId)}/clocks`),
  atRisk: (q: AtRiskQuery) =>
    apiRequest<{ now: string; items: AtRiskItem[]; nextCursor: string | null }>('GET', '/sla/at-risk', {
      query: { ...q },
    }),
  overdueReason: (orderId: string, clockId: string, reason: string) =>
    apiRequest<ClockView>('PUT', `${order(orderId)}/clocks/${encodeURIComponent(clockId)}/overdue-reason`, {
      body: { reason },
    }),
  reevaluate: (orderId: string, idempotencyKey: string) =>
    apiRequest<ReevaluateAnswer>('POST', `${order(orderId)}/clocks/re-evaluate`, { idempotencyKey }),
};

export const calendarApi = {
  view: (year?: number) => apiRequest<CalendarView>('GET', '/calendar', { query: { year } }),
  putDay: (date: string, body: { kind: CalendarDayOverride['kind']; name: string }) =>
    apiRequest<CalendarDayOverride>('PUT', `/calendar/days/${encodeURIComponent(date)}`, { body }),
  deleteDay: (date: string) => apiRequest<{ date: string }>('DELETE', `/calendar/days/${encodeURIComponent(date)}`),
  importNotice: (body: { year: number; csv: string }, idempotencyKey: string) =>
    apiRequest<{ year: number; imported: number; coverage: string }>('POST', '/calendar/notices', {
      body,
      idempotencyKey,
    }),
};
