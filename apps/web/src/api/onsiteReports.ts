import { apiRequest } from './http';

/** APT-03 / WO-15 / SLA-08 reports (docs/api.md "On-site reports"). */
export type OnsiteReportKind = 'no_access' | 'resource_change' | 'damage';

export interface OnsiteReport {
  id: string;
  orderId: string;
  kind: OnsiteReportKind;
  state: 'open' | 'closed';
  details: Record<string, unknown>;
  attachmentIds: string[];
  forPosition: string;
  dueAt: string;
  overdue: boolean;
  clockKind: string | null;
  raisedBy: string;
  raisedByName: string | null;
  raisedAt: string;
  closedBy: string | null;
  closedAt: string | null;
  closeNote: string | null;
  compensationFen: number | null;
  order?: { number: string; type: string; status: string; address: string };
}

export const onsiteReportsApi = {
  list: (q: { kind?: OnsiteReportKind; state: 'open' | 'closed' }) =>
    apiRequest<{ now: string; items: OnsiteReport[] }>('GET', '/onsite-reports', {
      query: { ...(q.kind ? { kind: q.kind } : {}), state: q.state, limit: 200 },
    }),
  ofOrder: (orderId: string) =>
    apiRequest<{ items: OnsiteReport[] }>('GET', `/work-orders/${encodeURIComponent(orderId)}/onsite-reports`),
  close: (id: string, body: { note: string; compensationFen?: number }, idempotencyKey: string) =>
    apiRequest<OnsiteReport>('POST', `/onsite-reports/${encodeURIComponent(id)}/close`, { body, idempotencyKey }),
};
