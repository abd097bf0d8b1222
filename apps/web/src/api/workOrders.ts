import type { WorkOrderAction } from '@daowei/domain';
import { apiRequest } from './http';
import type { Page, WorkOrderDetail, WorkOrderQuery, WorkOrderView } from './types';

export const workOrdersApi = {
  list: (query: WorkOrderQuery, cursor: string | null) =>
    apiRequest<Page<WorkOrderView>>('GET', '/work-orders', { query: { ...query, cursor } }),
  get: (id: string) => apiRequest<WorkOrderDetail>('GET', `/work-orders/${encodeURIComponent(id)}`),
  act: (id: string, action: WorkOrderAction, body: object, idempotencyKey: string) =>
    apiRequest<WorkOrderDetail>('POST', `/work-orders/${encodeURIComponent(id)}/actions/${action}`, {
      body,
      idempotencyKey,
    }),
};
