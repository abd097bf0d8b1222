/**
 * Isolation-matrix entries of the KPI-01 figures (the drill-down and reports are in isolation-matrix.kpi.ts).
 * Spread into ISOLATION_MATRIX (isolation-matrix.ts); split from it by feature like the other isolation-matrix.*.ts.
 */
import type { Body } from './harness.js';
import type { Probe } from './isolation-matrix.js';
import { PEOPLE_SCOPES, status, qs } from './isolation-matrix.kit.js';

export const KPI_FIGURE_PROBES: Readonly<Record<string, readonly Probe[]>> = {
  // KPI-01: figures of a foreign vendor are refused to vendor staff and empty for another tenant's ids.
  'GET /api/kpis': [
    {
      name: 'the KPIs of a foreign vendor',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.vendorId
          ? {
              method: 'GET',
              url: `/api/kpis${qs({ from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', vendorId: f.vendorId })}`,
            }
          : null,
      expect: status(200, 403),
    },
    {
      name: 'the KPIs of a foreign station',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.unitId
          ? {
              method: 'GET',
              url: `/api/kpis${qs({ from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', stationId: f.unitId })}`,
            }
          : null,
      expect: status(200, 403),
      check: (res) =>
        res.status === 200 && res.body.kpis.some((k: Body) => (k.orderIds ?? []).length > 0 || k.numerator > 0)
          ? 'a foreign station’s KPIs drill down to orders'
          : null,
    },
  ],
};
