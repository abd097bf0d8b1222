import { WORK_ORDER_STATUSES, WORK_ORDER_TYPES, type WorkOrderStatus, type WorkOrderType } from '@daowei/domain';
import dayjs from 'dayjs';
import type { WorkOrderQuery } from '../../api';

/** The list's filters, kept in the address bar so going back from a detail restores them. */
export interface ListFilters {
  type?: WorkOrderType;
  status: WorkOrderStatus[];
  areaId?: string;
  engineerId?: string;
  from?: string; // YYYY-MM-DD
  to?: string; // YYYY-MM-DD
  q?: string;
}

export function filtersFromParams(p: URLSearchParams): ListFilters {
  const type = p.get('type');
  const opt = (k: string) => p.get(k) || undefined;
  return {
    type: (WORK_ORDER_TYPES as readonly string[]).includes(type ?? '') ? (type as WorkOrderType) : undefined,
    status: (p.get('status') ?? '')
      .split(',')
      .filter((s): s is WorkOrderStatus => (WORK_ORDER_STATUSES as readonly string[]).includes(s)),
    areaId: opt('areaId'),
    engineerId: opt('engineerId'),
    from: opt('from'),
    to: opt('to'),
    q: opt('q'),
  };
}

export function filtersToParams(f: ListFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    const s = Array.isArray(v) ? v.join(',') : (v as string | undefined);
    if (s) p.set(k, s);
  }
  return p;
}

/** The API query: the accepted-date range becomes instants covering whole local days. */
export function filtersToQuery(f: ListFilters): WorkOrderQuery {
  return {
    scope: 'all',
    type: f.type,
    status: f.status.length ? f.status : undefined,
    areaId: f.areaId,
    engineerId: f.engineerId,
    from: f.from ? dayjs(f.from).startOf('day').toISOString() : undefined,
    to: f.to ? dayjs(f.to).endOf('day').toISOString() : undefined,
    q: f.q?.trim() || undefined,
    limit: 20,
  };
}
