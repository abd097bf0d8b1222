import dayjs from 'dayjs';
import type { KpiGroupBy, KpiScope } from '../../api/kpis';
import { periodOf } from './kpiFormat';

/** The dashboard's choices, kept in the address bar so the way back from a drill-down restores them. */
export interface DashboardChoice {
  fromDay: string;
  toDay: string;
  vendorId?: string;
  stationId?: string;
  areaId?: string;
  engineerId?: string;
  /** The indicator drawn in the trend, ranking and breakdown. */
  indicator: string;
  /** The dimension of the ranking and breakdown. */
  dimension: Exclude<KpiGroupBy, 'day'>;
}

const DIMENSIONS = ['station', 'area', 'vendor', 'engineer'] as const;

export function choiceFromParams(p: URLSearchParams): DashboardChoice {
  const opt = (k: string) => p.get(k) || undefined;
  const dim = p.get('dimension') ?? '';
  return {
    fromDay: p.get('fromDay') || dayjs().startOf('month').format('YYYY-MM-DD'),
    toDay: p.get('toDay') || dayjs().format('YYYY-MM-DD'),
    vendorId: opt('vendorId'),
    stationId: opt('stationId'),
    areaId: opt('areaId'),
    engineerId: opt('engineerId'),
    indicator: p.get('indicator') || 'install_within_days_rate',
    dimension: (DIMENSIONS as readonly string[]).includes(dim) ? (dim as DashboardChoice['dimension']) : 'station',
  };
}

export function choiceToParams(c: DashboardChoice): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(c)) if (v) p.set(k, String(v));
  return p;
}

export function scopeOf(c: DashboardChoice): KpiScope {
  return {
    ...periodOf(c.fromDay, c.toDay),
    vendorId: c.vendorId,
    stationId: c.stationId,
    areaId: c.areaId,
    engineerId: c.engineerId,
  };
}
