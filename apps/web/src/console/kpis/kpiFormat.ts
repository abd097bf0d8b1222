import { DEFAULT_TIME_ZONE, addDays, zonedDateTime } from '@daowei/domain';
import type { KpiFigure, KpiGroupBy, KpiScope } from '../../api/kpis';

/** A figure as the dashboard prints it: rates in %, hours with one decimal, counts as they are. */
export function formatKpi(f: Pick<KpiFigure, 'unit' | 'value'>): string {
  if (f.value === null) return '—';
  switch (f.unit) {
    case 'ratio':
      return `${(f.value * 100).toFixed(1)}%`;
    case 'hours':
      return f.value.toFixed(1);
    case 'per_users':
      return f.value.toFixed(2);
    default:
      return String(f.value);
  }
}

/** A chartable number (rates in %), null when nothing counts. */
export const chartValue = (f: Pick<KpiFigure, 'unit' | 'value'>): number | null =>
  f.value === null ? null : f.unit === 'ratio' ? Math.round(f.value * 1000) / 10 : Math.round(f.value * 100) / 100;

/**
 * A period of whole local days [fromDay, toDay] in the KPI zone (the policy's default zone: days of the
 * trend are cut at its midnight on the server), as the API's half-open instants.
 */
export function periodOf(fromDay: string, toDay: string): Pick<KpiScope, 'from' | 'to'> {
  return {
    from: zonedDateTime(fromDay, '00:00', DEFAULT_TIME_ZONE).toISOString(),
    to: zonedDateTime(addDays(toDay, 1), '00:00', DEFAULT_TIME_ZONE).toISOString(),
  };
}

/** The drill-down page's address for one figure (of the whole scope, or of one group of a breakdown). */
export function drillPath(scope: KpiScope, key: string, group?: { by: KpiGroupBy; key: string | null }): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(scope)) if (v) p.set(k, v);
  p.set('key', key);
  if (group) {
    p.set('groupBy', group.by);
    p.set('groupKey', group.key ?? 'none');
  }
  return `/kpis/orders?${p.toString()}`;
}
