/**
 * Isolation-matrix entries of dispatch and appointments (issue 3: DSP-01/04, ENG-01 day sequence),
 * spread into ISOLATION_MATRIX. A foreign station's day cannot be read, a foreign order cannot be
 * dragged onto anyone, and "my day" only ever lists the caller's own visits.
 */
import type { Expectation, Probe, Scope } from './isolation-matrix.js';

const PEOPLE_SCOPES: readonly Scope[] = ['tenant', 'vendor'];
const ALL: readonly Scope[] = ['tenant', 'vendor', 'engineer'];
const denied: Expectation = { kind: 'denied' };

export const DISPATCH_PROBES: Readonly<Record<string, readonly Probe[]>> = {
  'POST /api/dispatch/day': [
    {
      name: 'read a foreign station’s day',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.unitId
          ? { method: 'POST', url: '/api/dispatch/day', body: { stationId: f.unitId, date: '2026-11-24' } }
          : null,
      expect: denied,
    },
  ],
  'POST /api/dispatch/assign': [
    {
      name: 'drag a foreign order onto its own engineer',
      scopes: PEOPLE_SCOPES,
      build: (f) => ({
        method: 'POST',
        url: '/api/dispatch/assign',
        body: { orderId: f.order.id, engineerId: f.order.holderId, date: '2026-11-24' },
      }),
      expect: denied,
    },
  ],
  'POST /api/dispatch/urgent': [
    {
      name: 'insert a foreign urgent order into a day',
      scopes: PEOPLE_SCOPES,
      build: (f) => ({
        method: 'POST',
        url: '/api/dispatch/urgent',
        body: { orderId: f.order.id, date: '2026-11-24' },
      }),
      expect: denied,
    },
  ],
  'POST /api/dispatch/replan': [
    {
      name: 'declare an engineer ill on a foreign station’s day',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.unitId
          ? {
              method: 'POST',
              url: '/api/dispatch/replan',
              body: {
                stationId: f.unitId,
                date: '2026-11-24',
                change: { kind: 'engineer_off', engineerId: f.order.holderId ?? f.order.id, reason: 'ill' },
              },
            }
          : null,
      expect: denied,
    },
  ],
  // DSP-01/03: parts needed by a foreign order can be neither read nor written.
  'GET /api/work-orders/{id}/part-needs': [
    {
      name: 'read a foreign order’s needed parts',
      scopes: ALL,
      build: (f) => ({ method: 'GET', url: `/api/work-orders/${f.order.id}/part-needs` }),
      expect: denied,
    },
  ],
  'PUT /api/work-orders/{id}/part-needs': [
    {
      name: 'clear a foreign order’s needed parts',
      scopes: ALL,
      build: (f) => ({ method: 'PUT', url: `/api/work-orders/${f.order.id}/part-needs`, body: { needs: [] } }),
      expect: denied,
    },
  ],
  'GET /api/dispatch/my-day': [
    {
      name: 'my day lists only my own visits',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/dispatch/my-day?date=2026-11-24' }),
      expect: { kind: 'list' },
      check: (res, f) =>
        (res.body?.items ?? []).some((i: { orderId: string }) => i.orderId === f.order.id)
          ? 'foreign visit listed'
          : null,
    },
  ],
  // APT-01/02: the appointment routes hang off an order; a foreign order is answered like a missing one.
  'GET /api/work-orders/{id}/appointment-offers': [
    {
      name: 'windows for a foreign order',
      scopes: ALL,
      build: (f) => ({ method: 'GET', url: `/api/work-orders/${f.order.id}/appointment-offers?date=2026-11-24` }),
      expect: denied,
    },
  ],
  'POST /api/work-orders/{id}/appointment-calls': [
    {
      name: 'log a call on a foreign order',
      scopes: ALL,
      build: (f) => ({
        method: 'POST',
        url: `/api/work-orders/${f.order.id}/appointment-calls`,
        body: { outcome: 'busy' },
      }),
      expect: denied,
    },
  ],
  'POST /api/work-orders/{id}/appointment': [
    {
      name: 'reschedule a foreign order',
      scopes: ALL,
      build: (f) => ({
        method: 'POST',
        url: `/api/work-orders/${f.order.id}/appointment`,
        body: {
          window: { start: '2026-11-24T01:00:00Z', end: '2026-11-24T03:00:00Z' },
          askedBy: 'customer',
          reason: 'probe',
        },
      }),
      expect: denied,
    },
  ],
  'GET /api/work-orders/{id}/appointment-history': [
    {
      name: 'read a foreign order’s calls and reschedules',
      scopes: ALL,
      build: (f) => ({ method: 'GET', url: `/api/work-orders/${f.order.id}/appointment-history` }),
      expect: denied,
    },
  ],
};
