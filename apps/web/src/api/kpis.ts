import { apiRequest } from './http';
import type { WorkOrderView } from './types';

/** KPI-01 answers (docs/api.md "KPIs"). */
export type KpiUnit = 'ratio' | 'hours' | 'per_users' | 'count';
export type KpiGroupBy = 'day' | 'station' | 'area' | 'vendor' | 'engineer';

export interface KpiFigure {
  key: string;
  ruleIds: string[];
  label: { 'zh-CN': string; en: string };
  formula: { 'zh-CN': string; en: string };
  unit: KpiUnit;
  value: number | null;
  numerator: number;
  denominator: number;
  /** Absent for figures read from the day pre-aggregates (`source: 'daily'`): the drill-down lists them. */
  orderIds?: string[];
  source?: 'daily' | 'direct';
}

export interface KpiScope {
  from: string;
  to: string;
  vendorId?: string;
  stationId?: string;
  areaId?: string;
  engineerId?: string;
}

export interface KpiAnswer {
  period: { from: string; to: string };
  asOf: string;
  notYetMeasured: { key: string; reason: string }[];
  /** Targets of the tenant's current SLA policy, per KPI key (lower is better). */
  targets?: { key: string; ruleId: string; atMost: number }[];
  kpis: KpiFigure[];
  groupBy?: KpiGroupBy;
  groups?: { key: string | null; kpis: KpiFigure[] }[];
  /** The further breakdowns asked for with `breakdowns`, by dimension. */
  breakdowns?: Partial<Record<KpiGroupBy, { key: string | null; kpis: KpiFigure[] }[]>>;
}

export interface KpiDrillAnswer {
  key: string;
  value: number | null;
  numerator: number;
  denominator: number;
  /** The figure's orders — or its SLA clocks (`totalOf`), an order may make two promises. */
  total: number;
  totalOf: 'orders' | 'clocks';
  items: WorkOrderView[];
}

export const kpisApi = {
  get: (scope: KpiScope, groupBy?: KpiGroupBy, breakdowns?: KpiGroupBy[]) =>
    apiRequest<KpiAnswer>('GET', '/kpis', {
      query: { ...scope, groupBy, ...(breakdowns?.length ? { breakdowns: breakdowns.join(',') } : {}) },
    }),
  orders: (scope: KpiScope & { key: string; groupBy?: KpiGroupBy; groupKey?: string; limit?: number }) =>
    apiRequest<KpiDrillAnswer>('GET', '/kpis/orders', { query: { ...scope } }),
};
