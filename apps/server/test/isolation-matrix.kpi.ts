/**
 * Isolation-matrix entries of issue 7 (KPI-01 drill-down, VND-01 assessment, KPI-02/03 reports), spread
 * into ISOLATION_MATRIX. A drill-down into a foreign vendor is refused to vendor staff; into a foreign
 * station it must list none of that station's orders.
 */
import type { Body } from './harness.js';
import { randomUUID } from 'node:crypto';
import type { Expectation, Probe, Scope } from './isolation-matrix.js';

const ALL: readonly Scope[] = ['tenant', 'vendor', 'engineer'];
const PEOPLE_SCOPES: readonly Scope[] = ['tenant', 'vendor'];
const denied: Expectation = { kind: 'denied' };
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
  // VND-01: a foreign vendor's ledger is refused to vendor staff and empty otherwise; a foreign order
  // cannot be assessed; an unknown case cannot be disputed.
  'GET /api/assessment/cases': [
    {
      name: 'the assessment cases of a foreign vendor',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.vendorId
          ? { method: 'GET', url: `/api/assessment/cases${qs({ month: '2026-11', vendorId: f.vendorId })}` }
          : null,
      expect: status(200, 403),
      check: (res) => (res.status === 200 && res.body.items.length > 0 ? 'a foreign vendor’s cases listed' : null),
    },
  ],
  'GET /api/assessment/ledger': [
    {
      name: 'the ledger of a foreign vendor',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.vendorId
          ? { method: 'GET', url: `/api/assessment/ledger${qs({ month: '2026-11', vendorId: f.vendorId })}` }
          : null,
      expect: status(200, 403),
      check: (res) => (res.status === 200 && res.body.entries.length > 0 ? 'a foreign vendor’s ledger entries' : null),
    },
  ],
  'POST /api/assessment/cases': [
    {
      name: 'assessing a foreign order',
      scopes: ALL,
      build: (f) => ({
        method: 'POST',
        url: '/api/assessment/cases',
        body: { event: 'uncovered_claim_false', orderId: f.order.id, evidence: ['photo:1'], note: 'probe' },
      }),
      expect: denied,
    },
  ],
  'POST /api/assessment/cases/{id}/steps': [
    {
      name: 'disputing an unknown case',
      scopes: ALL,
      build: () => ({
        method: 'POST',
        url: `/api/assessment/cases/${randomUUID()}/steps`,
        body: { kind: 'disputed', note: 'probe' },
      }),
      expect: denied,
    },
  ],
  'POST /api/assessment/what-if': [
    {
      name: 'what-if over a foreign vendor',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.vendorId
          ? {
              method: 'POST',
              url: '/api/assessment/what-if',
              body: { month: '2026-11', vendorId: f.vendorId, draft: { id: 'd', version: 1, rules: [] } },
            }
          : null,
      expect: status(200, 403),
      check: (res) => (res.status === 200 && res.body.current.cases > 0 ? 'a foreign vendor’s cases counted' : null),
    },
  ],
  'POST /api/assessment/sweep': [
    {
      name: 'the sweep touches only the caller’s tenant',
      scopes: ALL,
      build: () => ({ method: 'POST', url: '/api/assessment/sweep' }),
      expect: status(200, 403),
    },
  ],
  // KPI-02/03: another station's day lists none of its orders; the Excel files are checked by status.
  ...Object.fromEntries(
    ['/api/kpi-reports/daily-install', '/api/kpi-reports/station-log'].map((path) => [
      `GET ${path}`,
      [
        {
          name: 'a foreign station’s day',
          scopes: PEOPLE_SCOPES,
          build: (f) =>
            f.unitId ? { method: 'GET', url: `${path}${qs({ day: '2026-11-23', stationId: f.unitId })}` } : null,
          expect: status(200, 403),
          check: (res) =>
            res.status === 200 && ((res.body.items ?? res.body.problems) as Body[]).length > 0
              ? 'a foreign station’s orders listed'
              : null,
        },
      ] satisfies Probe[],
    ]),
  ),
  ...Object.fromEntries(
    ['/api/exports/kpi-02.xlsx', '/api/exports/kpi-03.xlsx'].map((path) => [
      `GET ${path}`,
      [
        {
          name: 'a foreign station’s day as Excel',
          scopes: PEOPLE_SCOPES,
          build: (f) =>
            f.unitId ? { method: 'GET', url: `${path}${qs({ day: '2026-11-23', stationId: f.unitId })}` } : null,
          expect: status(200, 403),
        },
      ] satisfies Probe[],
    ]),
  ),
};
