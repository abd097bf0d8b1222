import type { KpiContext, KpiOrderFacts } from './kpi-facts.js';
import { DEFAULT_KPI_POLICY } from './kpi-facts.js';

/** Shanghai wall time, e.g. at('01-05 10:00') → 2026-01-05T10:00+08:00. */
export const at = (mmdd_hhmm: string, year = 2026): Date => {
  const [md, hm] = mmdd_hhmm.split(' ');
  return new Date(`${year}-${md}T${hm}:00+08:00`);
};

/** January 2026 in Asia/Shanghai, judged right after it ends. */
export const JANUARY = { from: at('01-01 00:00'), to: at('02-01 00:00') };
export const CTX: KpiContext = { policy: DEFAULT_KPI_POLICY, period: JANUARY, asOf: JANUARY.to };

let n = 0;
export function kpiOrder(over: Partial<KpiOrderFacts> = {}): KpiOrderFacts {
  n += 1;
  return {
    id: `o${n}`,
    tenantId: 't1',
    vendorId: 'v1',
    stationId: 's1',
    areaId: 'a1',
    holderId: 'p1',
    type: 'fault',
    status: 'closed',
    acceptedAt: at('01-10 09:00'),
    completedAt: null,
    closedAt: null,
    appointment: null,
    arrivedAt: null,
    firstVisitResolved: null,
    repeatOfOrderId: null,
    reschedulesByUs: 0,
    noAccessAttempts: 0,
    callback: null,
    partsHit: null,
    ...over,
  };
}
