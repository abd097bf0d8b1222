import type { ShiftKind } from '@daowei/domain';
import { apiRequest } from './http';

/** ORG-06 GET /api/shifts (docs/api.md). */
export interface RosterView {
  timeZone: string;
  people: { id: string; name: string; unitId: string }[];
  items: { id: string; personId: string; kind: ShiftKind; start: string; end: string }[];
}

export interface RosterLine {
  personIds: string[];
  kind: ShiftKind;
  weekdays: number[];
  start: string;
  end: string;
  fromDate: string;
  toDate: string;
}

export const shiftsApi = {
  list: (from: string, to: string) => apiRequest<RosterView>('GET', '/shifts', { query: { from, to } }),
  roster: (body: RosterLine, idempotencyKey?: string) =>
    apiRequest<{ created: number; skipped: number }>('POST', '/shifts/roster', {
      body,
      ...(idempotencyKey ? { idempotencyKey } : {}),
    }),
  remove: (id: string) => apiRequest<{ id: string }>('DELETE', `/shifts/${encodeURIComponent(id)}`),
};
