/**
 * Isolation-matrix entries of issue 7 (KPI-01 drill-down, VND-01 assessment, KPI-02/03 reports), spread
 * into ISOLATION_MATRIX. A drill-down into a foreign vendor is refused to vendor staff; into a foreign
 * station it must list none of that station's orders.
 */
import type { Body } from './harness.js';
import type { Expectation, Probe, Scope } from './isolation-matrix.js';

const PEOPLE_SCOPES: readonly Scope[] = ['tenant', 'vendor'];
const status = (...statuses: number[]): Expectation => ({ kind: 'status', statuses });
const qs = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;
const MONTH = { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' };

export const KPI_PROBES: Readonly<Record<string, readonly Probe[]>> = {
  'GET /api/kpis/orders': [
    {
      name: 'the orders behind a foreign vendor’s figure',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.vendorId
          ? {
              method: 'GET',
              url: `/api/kpis/orders${qs({ ...MONTH, key: 'callback_completion_rate', vendorId: f.vendorId })}`,
            }
          : null,
      expect: status(200, 403),
      check: (res) => (res.status === 200 && res.body.items.length > 0 ? 'a foreign vendor’s orders listed' : null),
    },
    {
      name: 'the orders behind a foreign station’s figure, by group',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.unitId
          ? {
              method: 'GET',
              url: `/api/kpis/orders${qs({ ...MONTH, key: 'install_within_days_rate', groupBy: 'station', groupKey: f.unitId })}`,
            }
          : null,
      expect: status(200, 403),
      check: (res, f) =>
        res.status === 200 && (res.body.items as Body[]).some((o) => o.id === f.order.id)
          ? 'a foreign station’s order listed'
          : null,
    },
  ],
};
