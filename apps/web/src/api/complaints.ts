import { apiRequest } from './http';
import type { WorkOrderView } from './types';

/** CMP-01/02 answers (docs/api.md "Complaints"). */
export type ComplaintAbout = 'staff' | 'service' | 'network' | 'billing' | 'other';
export type ResponsibleParty = 'vendor' | 'staff' | 'operator' | 'network' | 'customer' | 'third_party';
export type CloseRequirement =
  | 'follow_up_sheet'
  | 'order_completed'
  | 'fixed_with_customer'
  | 'responsibility'
  | 'cause_analysis'
  | 'improvement_measure'
  | 'callback';

export interface ComplaintView {
  orderId: string;
  order: WorkOrderView;
  opened: boolean;
  state: 'open' | 'closed';
  about: { kind: ComplaintAbout; personId: string | null } | null;
  fixedWithCustomer: boolean;
  responsibility: { party: ResponsibleParty; personId: string | null } | null;
  causeAnalysis: string | null;
  improvementMeasure: string | null;
  callback: {
    taskId: string;
    state: string;
    satisfaction: string | null;
    dueAt: string;
    finishedAt: string | null;
  } | null;
  missing: CloseRequirement[];
  closedAt: string | null;
  managerNote: string | null;
  managerNotedAt: string | null;
  history: { at: string; by: string; action: string; fields: Record<string, unknown> }[];
  personName?: string | null;
}

export interface ComplaintSaveInput {
  about?: { kind: ComplaintAbout; personId?: string | null };
  fixedWithCustomer?: boolean;
  responsibility?: { party: ResponsibleParty; personId?: string | null } | null;
  causeAnalysis?: string | null;
  improvementMeasure?: string | null;
}

export interface ComplaintPattern {
  key: string;
  name: string | null;
  count: number;
  orderIds: string[];
}

type Period = { from: string; to: string };

export const complaintsApi = {
  list: (
    q: Period & {
      state?: 'open' | 'closed' | 'all';
      stationId?: string;
      areaId?: string;
      aboutKind?: string;
      personId?: string;
    },
  ) => apiRequest<{ items: ComplaintView[] }>('GET', '/complaints', { query: { ...q, limit: 500 } }),
  get: (orderId: string) => apiRequest<ComplaintView>('GET', `/complaints/${encodeURIComponent(orderId)}`),
  save: (orderId: string, body: ComplaintSaveInput, idempotencyKey: string) =>
    apiRequest<ComplaintView>('PUT', `/complaints/${encodeURIComponent(orderId)}`, { body, idempotencyKey }),
  close: (orderId: string, idempotencyKey: string) =>
    apiRequest<ComplaintView>('POST', `/complaints/${encodeURIComponent(orderId)}/close`, { idempotencyKey }),
  staffLog: (q: Period & { stationId?: string; noted?: 'yes' | 'no' | 'all' }) =>
    apiRequest<{ items: ComplaintView[] }>('GET', '/complaints/staff-log', { query: q }),
  managerNote: (orderId: string, note: string, idempotencyKey: string) =>
    apiRequest<ComplaintView>('POST', `/complaints/${encodeURIComponent(orderId)}/manager-note`, {
      body: { note },
      idempotencyKey,
    }),
  patterns: (q: Period & { by: 'person' | 'area'; stationId?: string; top?: number }) =>
    apiRequest<{ by: string; total: number; items: ComplaintPattern[] }>('GET', '/complaints/patterns', { query: q }),
};
