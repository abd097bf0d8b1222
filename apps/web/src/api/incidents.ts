import type { IncidentChildState, IncidentProgress, IncidentState, WorkOrderStatus } from '@daowei/domain';
import { apiRequest } from './http';

/** WO-11 a batch incident as GET /api/batch-incidents lists it (docs/api.md). */
export interface IncidentSummary {
  id: string;
  number: string;
  vendorId: string;
  key: { kind: 'access_device' | 'area'; value: string };
  areaId: string | null;
  state: IncidentState;
  progress: IncidentProgress | null;
  progressNote: string | null;
  progressAt: string | null;
  proposedAt: string;
  decidedAt: string | null;
  closedAt: string | null;
  closeNote: string | null;
  counts: { proposed: number; linked: number; released: number };
}

export interface IncidentDetail extends IncidentSummary {
  children: {
    orderId: string;
    number: string;
    status: WorkOrderStatus;
    state: IncidentChildState;
    contactName: string;
    address: string;
    acceptedAt: string;
  }[];
  map: {
    areas: { id: string; name: string; polygon: [number, number][] }[];
    orders: { id: string; number: string; lat: number; lng: number }[];
  };
  told?: number;
  resolved?: { orderId: string; number: string; outcome: 'complete' | 'left_with_engineer' | 'untouched' }[];
}

const one = (id: string) => `/batch-incidents/${encodeURIComponent(id)}`;
const key = (idempotencyKey?: string) => (idempotencyKey ? { idempotencyKey } : {});

export const incidentsApi = {
  list: (states?: IncidentState[]) =>
    apiRequest<{ items: IncidentSummary[] }>('GET', '/batch-incidents', { query: { state: states ?? null } }),
  get: (id: string) => apiRequest<IncidentDetail>('GET', one(id)),
  confirm: (id: string, body: { note?: string }, k?: string) =>
    apiRequest<IncidentDetail>('POST', `${one(id)}/confirm`, { body, ...key(k) }),
  dismiss: (id: string, reason: string, k?: string) =>
    apiRequest<IncidentDetail>('POST', `${one(id)}/dismiss`, { body: { reason }, ...key(k) }),
  link: (id: string, orderNumber: string, k?: string) =>
    apiRequest<IncidentDetail>('POST', `${one(id)}/children`, { body: { orderNumber }, ...key(k) }),
  unlink: (id: string, orderId: string) =>
    apiRequest<IncidentDetail>('DELETE', `${one(id)}/children/${encodeURIComponent(orderId)}`),
  progress: (id: string, body: { progress: IncidentProgress; note?: string }, k?: string) =>
    apiRequest<IncidentDetail>('POST', `${one(id)}/progress`, { body, ...key(k) }),
  close: (id: string, note: string, k?: string) =>
    apiRequest<IncidentDetail>('POST', `${one(id)}/close`, { body: { note }, ...key(k) }),
};
