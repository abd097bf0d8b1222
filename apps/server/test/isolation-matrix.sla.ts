/**
 * Isolation-matrix entries of SLA clocks and the at-risk view (SLA-02/04/09).
 * Spread into ISOLATION_MATRIX (isolation-matrix.ts); split from it by feature like the other isolation-matrix.*.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Probe } from './isolation-matrix.js';
import { ALL, PEOPLE_SCOPES, denied, list, empty, qs } from './isolation-matrix.kit.js';

export const SLA_PROBES: Readonly<Record<string, readonly Probe[]>> = {
  // SLA-02/04/09 (issue 8): clocks are read and annotated through their order; the at-risk view is a
  // list scoped like the work-order list (vendor staff see their own vendor whatever they ask for).
  'GET /api/work-orders/{id}/clocks': [
    {
      name: 'the clocks of a foreign order',
      scopes: ALL,
      build: (f) => ({ method: 'GET', url: `/api/work-orders/${f.order.id}/clocks` }),
      expect: denied,
    },
  ],
  'GET /api/sla/at-risk': [
    {
      name: 'the unfiltered at-risk view',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/sla/at-risk' }),
      expect: list,
    },
    {
      name: 'the at-risk view of a foreign vendor',
      scopes: PEOPLE_SCOPES,
      build: (f) => (f.vendorId ? { method: 'GET', url: `/api/sla/at-risk${qs({ vendorId: f.vendorId })}` } : null),
      expect: list,
    },
    {
      name: 'the at-risk view of a foreign station',
      scopes: PEOPLE_SCOPES,
      build: (f) => (f.unitId ? { method: 'GET', url: `/api/sla/at-risk${qs({ stationId: f.unitId })}` } : null),
      expect: empty,
    },
  ],
  'POST /api/work-orders/{id}/clocks/re-evaluate': [
    {
      name: 're-evaluate the clocks of a foreign order',
      scopes: ALL,
      build: (f) => ({ method: 'POST', url: `/api/work-orders/${f.order.id}/clocks/re-evaluate` }),
      expect: denied,
    },
  ],
  'PUT /api/work-orders/{id}/clocks/{clockId}/overdue-reason': [
    {
      name: 'note an overdue reason on a foreign order',
      scopes: ALL,
      build: (f) => ({
        method: 'PUT',
        url: `/api/work-orders/${f.order.id}/clocks/${randomUUID()}/overdue-reason`,
        body: { reason: 'probe reason' },
      }),
      expect: denied,
    },
  ],
};
