/**
 * Isolation-matrix entries of the business calendar (issue 8, SLA-01), spread into ISOLATION_MATRIX.
 * A calendar is the caller's tenant's own and is addressed by date, never by a foreign id, so there is
 * no foreign object to aim at: the probes check that whatever the position gets back (its tenant's
 * calendar, or 403 for positions that may not use it) names nothing of the foreign fixture. Dates far
 * ahead keep the probes from touching the deadlines other probes look at.
 */
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
};
