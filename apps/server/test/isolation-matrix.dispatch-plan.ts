/**
 * Isolation-matrix entries of day plans and the DSP-04 check (DSP-03/04).
 * Spread into ISOLATION_MATRIX (isolation-matrix.ts); split from it by feature like the other isolation-matrix.*.ts.
 */
import type { Probe } from './isolation-matrix.js';
import { PEOPLE_SCOPES, denied } from './isolation-matrix.kit.js';

export const DISPATCH_PLAN_PROBES: Readonly<Record<string, readonly Probe[]>> = {
  // DSP-03/04 (issue 3): a foreign station (here: any foreign unit, which is no station of the actor's)
  // cannot be planned, a foreign order cannot be dispatched through a plan nor checked (404, or 403 for
  // positions that may not plan at all).
  'POST /api/dispatch/plan': [
    {
      name: 'plan a foreign station',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.unitId
          ? { method: 'POST', url: '/api/dispatch/plan', body: { stationId: f.unitId, date: '2026-11-24' } }
          : null,
      expect: denied,
    },
  ],
  'POST /api/dispatch/plan/apply': [
    {
      name: 'apply a plan dispatching a foreign order',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.unitId
          ? {
              method: 'POST',
              url: '/api/dispatch/plan/apply',
              body: {
                stationId: f.unitId,
                date: '2026-11-24',
                assignments: [{ orderId: f.order.id, engineerId: f.order.holderId }],
              },
            }
          : null,
      expect: denied,
    },
  ],
  'POST /api/dispatch/check': [
    {
      name: 'check a foreign order against its engineer',
      scopes: PEOPLE_SCOPES,
      build: (f) => ({
        method: 'POST',
        url: '/api/dispatch/check',
        body: { orderId: f.order.id, engineerId: f.order.holderId, date: '2026-11-24' },
      }),
      expect: denied,
    },
  ],
};
