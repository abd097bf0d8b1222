/**
 * Isolation-matrix entries of the business calendar (issue 8, SLA-01), spread into ISOLATION_MATRIX.
 * A calendar is the caller's tenant's own and is addressed by date, never by a foreign id, so there is
 * no foreign object to aim at: the probes check that whatever the position gets back (its tenant's
 * calendar, or 403 for positions that may not use it) names nothing of the foreign fixture. Dates far
 * ahead keep the probes from touching the deadlines other probes look at.
 *
 * The SLA-01/02 settings (area zones, team hours, the SLA policy versions) are here too: zones and hours
 * are aimed at the foreign area and unit (answered like missing ones), the policy is the caller's
 * tenant's own and is only read or refused.
 */
import { randomUUID } from 'node:crypto';
import type { Expectation, Probe, Scope } from './isolation-matrix.js';

const ALL: readonly Scope[] = ['tenant', 'vendor', 'engineer'];
const status = (...statuses: number[]): Expectation => ({ kind: 'status', statuses });

export const CALENDAR_PROBES: Readonly<Record<string, readonly Probe[]>> = {
  'GET /api/calendar': [
    {
      name: 'my tenant’s calendar of a year',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/calendar?year=2026' }),
      expect: status(200, 403),
    },
  ],
  'PUT /api/calendar/days/{date}': [
    {
      name: 'an own day in my tenant’s calendar (admins only)',
      scopes: ALL,
      build: () => ({ method: 'PUT', url: '/api/calendar/days/2031-06-03', body: { kind: 'closure', name: 'probe' } }),
      expect: status(200, 403),
    },
  ],
  'DELETE /api/calendar/days/{date}': [
    {
      name: 'remove an own day of my tenant’s calendar (admins only)',
      scopes: ALL,
      build: () => ({ method: 'DELETE', url: '/api/calendar/days/2031-06-04' }),
      expect: status(403, 404),
    },
  ],
  'POST /api/calendar/notices': [
    {
      name: 'import a notice into my tenant’s calendar (admins only)',
      scopes: ALL,
      build: () => ({
        method: 'POST',
        url: '/api/calendar/notices',
        body: { year: 2031, days: [{ date: '2031-01-01', kind: 'holiday', name: '元旦' }] },
      }),
      expect: status(200, 403),
    },
  ],
  'GET /api/calendar/areas': [
    {
      name: 'my tenant’s areas with their zones',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/calendar/areas' }),
      expect: status(200, 403),
    },
  ],
  'PUT /api/calendar/areas/{id}/time-zone': [
    {
      name: 'set the zone of a foreign area',
      scopes: ['tenant'],
      build: (f) =>
        f.areaId
          ? { method: 'PUT', url: `/api/calendar/areas/${f.areaId}/time-zone`, body: { timeZone: 'Asia/Urumqi' } }
          : null,
      expect: status(403, 404),
    },
  ],
  'GET /api/calendar/working-hours': [
    {
      name: 'working hours of my tenant’s (or vendor’s) units',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/calendar/working-hours' }),
      expect: status(200, 403),
    },
  ],
  'PUT /api/calendar/working-hours/{unitId}': [
    {
      name: 'set the working hours of a foreign unit',
      scopes: ['tenant', 'vendor'],
      build: (f) =>
        f.unitId
          ? {
              method: 'PUT',
              url: `/api/calendar/working-hours/${f.unitId}`,
              // Only inspections would follow these hours, so a legitimate operator write disturbs no probe.
              body: {
                name: 'probe',
                weekly: Array(7).fill([{ start: '09:00', end: '18:00' }]),
                orderTypes: ['inspection'],
              },
            }
          : null,
      // The operator's admin oversees every vendor: vendor B's unit is theirs to set (or not a team/station).
      expect: (f, actor) =>
        f.scope === 'vendor' && actor.position === 'admin' ? status(200, 400, 403, 404) : status(403, 404),
    },
  ],
  'DELETE /api/calendar/working-hours/{unitId}': [
    {
      name: 'remove the working hours of a foreign unit',
      scopes: ['tenant', 'vendor'],
      build: (f) => (f.unitId ? { method: 'DELETE', url: `/api/calendar/working-hours/${f.unitId}` } : null),
      expect: status(403, 404),
    },
  ],
  'GET /api/sla/policy': [
    {
      name: 'my tenant’s SLA policy',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/sla/policy' }),
      expect: status(200, 403),
    },
  ],
  'GET /api/sla/policy/schema': [
    {
      name: 'the JSON schema of a policy',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/sla/policy/schema' }),
      expect: status(200),
    },
  ],
  'GET /api/sla/policy/versions/{version}': [
    {
      name: 'a version of my tenant’s SLA policy',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/sla/policy/versions/1' }),
      expect: status(200, 403),
    },
  ],
  'GET /api/sla/policy/diff': [
    {
      name: 'a diff of my tenant’s SLA policy versions',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/sla/policy/diff?from=1&to=1' }),
      expect: status(200, 403),
    },
  ],
  'POST /api/sla/policy/versions': [
    {
      name: 'save a policy version that changes nothing (refused, or not allowed)',
      scopes: ALL,
      build: () => ({
        method: 'POST',
        url: '/api/sla/policy/versions',
        body: { basedOnVersion: 1, policy: { warnShare: 2 } },
      }),
      expect: status(400, 403, 409),
    },
  ],
  'PUT /api/customers/{id}/contract': [
    {
      // The fixture names no foreign customer id; the repository updates only within the caller's tenant.
      name: 'set the contract of a customer my tenant does not have',
      scopes: ALL,
      build: () => ({
        method: 'PUT',
        url: `/api/customers/${randomUUID()}/contract`,
        body: { contractId: null },
      }),
      expect: status(403, 404),
    },
  ],
  'POST /api/sla/clocks/re-evaluate': [
    {
      name: 're-evaluate my tenant’s open clocks (admins only; reports counts, names no order)',
      scopes: ALL,
      build: () => ({ method: 'POST', url: '/api/sla/clocks/re-evaluate' }),
      expect: status(200, 403),
    },
  ],
};
