import { apiRequest } from './http';

/** DSP-01: parts readiness of an order (issued for it / in its station store / short). */
export interface PartsReadiness {
  status: 'none' | 'issued' | 'available' | 'short';
  lines: {
    itemId: string;
    itemCode: string;
    itemName: string;
    needed: number;
    issued: number;
    fromStore: number;
    short: number;
  }[];
}

/** DSP-01: the open SLA promise that makes an order at risk. */
export interface RiskClock {
  kind: string;
  ruleId: string;
  dueAt: string;
}

/** DSP-03/04 answers (docs/api.md "Dispatch"); times are minutes since local midnight of the day. */
export interface PlanStop {
  orderId: string;
  orderNumber: string;
  arrival: number;
  start: number;
  end: number;
  travelMinutes: number;
  waitingMinutes: number;
  lateMinutes: number;
  breakBefore: { start: number; end: number } | null;
  pinned: boolean;
  explanation: string;
  /** Minutes since local midnight of the earliest open SLA deadline, or null. */
  dueAt?: number | null;
  atRisk?: boolean;
  risk?: RiskClock | null;
  parts?: PartsReadiness;
  carriedOver?: boolean;
}

export interface PlanRoute {
  engineerId: string;
  engineerName: string;
  shift: { start: number; end: number };
  departure: number;
  returnAt: number;
  travelMinutes: number;
  serviceMinutes: number;
  lateMinutes: number;
  distanceKm: number;
  stops: PlanStop[];
}

export interface UnassignedOrder {
  orderId: string;
  orderNumber: string;
  priority: string;
  reason: string;
  text: string;
  dueAt?: number | null;
  atRisk?: boolean;
  risk?: RiskClock | null;
  parts?: PartsReadiness;
  carriedOver?: boolean;
}

/** APT-04: a late check-in, or a visit whose window began with nobody there yet. */
export interface LateArrival {
  orderId: string;
  orderNumber: string;
  engineerName: string;
  state: 'arrived_late' | 'not_arrived';
  lateMinutes: number;
  handling: string | null;
}

/** DSP-03: a re-plan during the day after an engineer falls ill or a visit runs long. */
export type DayChange =
  | { kind: 'engineer_off'; engineerId: string; reason: string }
  | { kind: 'overrun'; orderId: string; extraMinutes: number };

export interface ReplanResult {
  kind: DayChange['kind'];
  moved: { orderId: string; number: string; engineerId: string; engineerName: string }[];
  returnedToQueue: { orderId: string; number: string }[];
  changedOrderIds: string[];
}

/** DSP-02: open work of the last days, listed first at the start of the day. */
export interface CarriedOverOrder {
  orderId: string;
  orderNumber: string;
  priority: string;
  status: string;
  appointmentStart: string | null;
  engineerId: string | null;
  engineerName: string | null;
  atRisk: boolean;
}

export interface DayPlan {
  date: string;
  timeZone: string | null;
  routes: PlanRoute[];
  unassigned: UnassignedOrder[];
  carriedOver?: CarriedOverOrder[];
  lateArrivals?: LateArrival[];
  absent?: { engineerId: string; engineerName: string; from: number }[];
  requireParts?: boolean;
  stats: { assigned: number; unassigned: number; travelMinutes: number; lateMinutes: number; distanceKm: number };
  map: {
    areas: { id: string; name: string; polygon: [number, number][] }[];
    engineers: {
      id: string;
      name: string;
      start: { lat: number; lng: number };
      /** Where the engineer's phone last reported him that day (a check-in's position). */
      position?: { lat: number; lng: number; at: string } | null;
    }[];
    orders: { id: string; number: string; lat: number; lng: number; approx?: boolean }[];
  };
}

export interface InsertionVerdict {
  feasible: boolean;
  position: number;
  arrival: number | null;
  start: number | null;
  lateMinutes: number;
  reason: string;
  /** DSP-01: the order's parts readiness (the check only; assigning does not look at it). */
  parts?: PartsReadiness['status'];
}

export interface AssignResult extends InsertionVerdict {
  dispatched: boolean;
  sequence: { seq: number; orderId: string; orderNumber: string; start: number }[];
}

/** ENG-01: one visit of the engineer's day, in planned sequence. */
export interface MyDayVisit {
  seq: number;
  orderId: string;
  number: string;
  type: string;
  status: string;
  priority: string;
  address: string;
  contactName: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  appointmentStart: string | null;
  appointmentEnd: string | null;
  /** DSP-01: parts the visit needs and how many were already issued for it. */
  parts?: { itemCode: string; itemName: string; needed: number; issued: number }[];
}

export const dispatchApi = {
  plan: (stationId: string, date: string, requireParts?: boolean) =>
    apiRequest<DayPlan>('POST', '/dispatch/plan', {
      body: { stationId, date, ...(requireParts === undefined ? {} : { requireParts }) },
    }),
  replan: (stationId: string, date: string, change: DayChange, idempotencyKey: string) =>
    apiRequest<ReplanResult>('POST', '/dispatch/replan', { body: { stationId, date, change }, idempotencyKey }),
  partNeeds: (orderId: string) =>
    apiRequest<PartsReadiness & { orderId: string; canEdit: boolean }>('GET', `/work-orders/${orderId}/part-needs`),
  setPartNeeds: (orderId: string, needs: { itemId: string; quantity: number }[], idempotencyKey: string) =>
    apiRequest<PartsReadiness & { orderId: string; canEdit: boolean }>('PUT', `/work-orders/${orderId}/part-needs`, {
      body: { needs },
      idempotencyKey,
    }),
  apply: (
    stationId: string,
    date: string,
    assignments: { orderId: string; engineerId: string }[],
    idempotencyKey: string,
  ) =>
    apiRequest<{ dispatched: { orderId: string; number: string; engineerId: string }[]; unchanged: string[] }>(
      'POST',
      '/dispatch/plan/apply',
      { body: { stationId, date, assignments }, idempotencyKey },
    ),
  check: (orderId: string, engineerId: string, date: string) =>
    apiRequest<InsertionVerdict>('POST', '/dispatch/check', { body: { orderId, engineerId, date } }),
  day: (stationId: string, date: string) => apiRequest<DayPlan>('POST', '/dispatch/day', { body: { stationId, date } }),
  assign: (orderId: string, engineerId: string, date: string, idempotencyKey: string) =>
    apiRequest<AssignResult>('POST', '/dispatch/assign', { body: { orderId, engineerId, date }, idempotencyKey }),
  urgent: (orderId: string, date: string, idempotencyKey: string) =>
    apiRequest<{
      engineerId: string;
      dispatched: { orderId: string; number: string }[];
      displaced: { orderId: string; number: string }[];
    }>('POST', '/dispatch/urgent', { body: { orderId, date }, idempotencyKey }),
  myDay: (date?: string) =>
    apiRequest<{ date: string | null; items: MyDayVisit[] }>('GET', '/dispatch/my-day', {
      query: date ? { date } : {},
    }),
};
