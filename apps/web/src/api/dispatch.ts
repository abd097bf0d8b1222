import { apiRequest } from './http';

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
}

export interface DayPlan {
  date: string;
  timeZone: string | null;
  routes: PlanRoute[];
  unassigned: UnassignedOrder[];
  stats: { assigned: number; unassigned: number; travelMinutes: number; lateMinutes: number; distanceKm: number };
  map: {
    areas: { id: string; name: string; polygon: [number, number][] }[];
    engineers: { id: string; name: string; start: { lat: number; lng: number } }[];
    orders: { id: string; number: string; lat: number; lng: number }[];
  };
}

export interface InsertionVerdict {
  feasible: boolean;
  position: number;
  arrival: number | null;
  start: number | null;
  lateMinutes: number;
  reason: string;
}

export const dispatchApi = {
  plan: (stationId: string, date: string) =>
    apiRequest<DayPlan>('POST', '/dispatch/plan', { body: { stationId, date } }),
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
};
