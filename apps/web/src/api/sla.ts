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

/** SLA-01 area time zones and team working hours (docs/api.md "Business calendar"). */
export interface WorkingSpan {
  start: string;
  end: string;
  shift?: string;
}

export interface WorkingHoursBody {
  name: string;
  /** Seven days, Sunday first. */
  weekly: WorkingSpan[][];
  makeUpDay?: WorkingSpan[];
  holidays: 'observe' | 'work';
  orderTypes: WorkOrderType[];
}

export interface UnitHours extends WorkingHoursBody {
  unitId: string;
  unitCode: string;
  unitName: string;
  unitKind: string;
  parentId: string | null;
  updatedAt: string;
}

export interface AreaZone {
  id: string;
  code: string;
  name: string;
  stationId: string;
  timeZone: string | null;
  effectiveTimeZone: string;
}

export const calendarSettingsApi = {
  areas: () => apiRequest<{ tenantTimeZone: string; items: AreaZone[] }>('GET', '/calendar/areas'),
  setAreaZone: (areaId: string, timeZone: string | null) =>
    apiRequest<AreaZone>('PUT', `/calendar/areas/${encodeURIComponent(areaId)}/time-zone`, { body: { timeZone } }),
  workingHours: () =>
    apiRequest<{ shipped: { weekly: WorkingSpan[][]; holidays: 'observe' }; items: UnitHours[] }>(
      'GET',
      '/calendar/working-hours',
    ),
  setWorkingHours: (unitId: string, body: WorkingHoursBody) =>
    apiRequest<UnitHours>('PUT', `/calendar/working-hours/${encodeURIComponent(unitId)}`, { body }),
  deleteWorkingHours: (unitId: string) =>
    apiRequest<{ unitId: string }>('DELETE', `/calendar/working-hours/${encodeURIComponent(unitId)}`),
};

/** SLA-02 policy editor (docs/api.md "SLA policy"). The policy body is the domain's SlaPolicy as JSON. */
export type PolicyDeadline =
  | { kind: 'elapsed'; minutes: number }
  | { kind: 'calendar_days'; days: number }
  | { kind: 'working_time'; minutes: number }
  | { kind: 'working_days'; days: number }
  | { kind: 'cutoff'; cutoff: string; sameDayBy: string; nextDayBy: string; dayBasis: 'working' | 'calendar' }
  | { kind: 'before_appointment'; minutes: number };

export interface PolicyClock {
  kind: string;
  ruleId: string;
  label: Localized;
  deadline: PolicyDeadline;
  warnShare?: number;
  breachPenaltyFen?: number;
  [key: string]: unknown;
}

export interface SlaPolicyBody {
  id: string;
  version: number;
  warnShare: number;
  clocks: PolicyClock[];
  appointment: Record<string, number>;
  targets: Record<string, number>;
  /** SLA-02 service contracts; clocks select one by code in `when.contracts`. */
  contracts?: PolicyContract[];
  [key: string]: unknown;
}

export interface PolicyContract {
  id: string;
  code: string;
  name: string;
  terms?: string[];
}

export interface PolicyVersionEntry {
  version: number;
  note: string | null;
  createdBy: string | null;
  createdAt: string | null;
  shipped: boolean;
}

export interface PolicyChange {
  path: string;
  before?: unknown;
  after?: unknown;
}

export const slaPolicyApi = {
  current: () =>
    apiRequest<{ version: number; policy: SlaPolicyBody; versions: PolicyVersionEntry[]; editable: boolean }>(
      'GET',
      '/sla/policy',
    ),
  diff: (from: number, to: number) =>
    apiRequest<{ from: number; to: number; changes: PolicyChange[] }>('GET', '/sla/policy/diff', {
      query: { from, to },
    }),
  save: (body: { basedOnVersion: number; note?: string; policy: SlaPolicyBody }, idempotencyKey: string) =>
    apiRequest<{ version: number; changes: PolicyChange[] }>('POST', '/sla/policy/versions', {
      body,
      idempotencyKey,
    }),
  /** SLA-02 tenant-wide re-evaluate (operator admins). */
  reevaluateAll: (idempotencyKey: string) =>
    apiRequest<TenantReevaluation>('POST', '/sla/clocks/re-evaluate', { idempotencyKey }),
};

export interface TenantReevaluation {
  policyVersion: number;
  startedAt: string;
  finishedAt: string;
  orders: number;
  batches: number;
  moved: number;
  movedByKind: Record<string, number>;
}
