/**
 * Isolation-matrix entries of ORG-06 rosters (issue 5), spread into ISOLATION_MATRIX: the roster view
 * lists only the caller's vendor's people (the body scan checks foreign names and ids), a foreign
 * person cannot be rostered, and a shift id that is not ours is unknown.
 */
import { randomUUID } from 'node:crypto';
import type { Expectation, Probe, Scope } from './isolation-matrix.js';

const ALL: readonly Scope[] = ['tenant', 'vendor', 'engineer'];
const status = (...statuses: number[]): Expectation => ({ kind: 'status', statuses });
const PLANNERS = ['coordinator', 'team_lead', 'station_manager', 'admin'];

export const SHIFT_PROBES: Readonly<Record<string, readonly Probe[]>> = {
  'GET /api/shifts': [
    {
      name: 'the roster shows no foreign person',
      scopes: ['tenant', 'vendor'],
      build: () => ({ method: 'GET', url: '/api/shifts?from=2026-11-23&to=2026-11-29' }),
      expect: (_f, actor) => (PLANNERS.includes(actor.position) ? status(200) : status(403)),
    },
  ],
  'POST /api/shifts/roster': [
    {
      name: 'roster a foreign person',
      scopes: ['tenant', 'vendor'],
      build: (f) =>
        f.person
          ? {
              method: 'POST',
              url: '/api/shifts/roster',
              body: {
                personIds: [f.person.id],
                kind: 'evening',
                weekdays: [1],
                start: '18:00',
                end: '22:00',
                fromDate: '2026-11-23',
                toDate: '2026-11-29',
              },
            }
          : null,
      // Vendor scope is probed by vendor staff only: for them both scopes' people are strangers.
      expect: (_f, actor) => (PLANNERS.includes(actor.position) ? status(400) : status(403)),
    },
  ],
  'DELETE /api/shifts/{id}': [
    {
      name: 'take out a shift that is not ours',
      scopes: ALL,
      build: () => ({ method: 'DELETE', url: `/api/shifts/${randomUUID()}` }),
      expect: { kind: 'denied' },
    },
  ],
};
