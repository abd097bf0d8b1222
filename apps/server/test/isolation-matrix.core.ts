/**
 * Isolation-matrix entries of sign-in, the caller's own session and position, reference data and the org/people routes (ORG-01/02/05, SEC-03). A foreign person can neither be logged in as nor found, and no foreign id appears in any answer.
 * Spread into ISOLATION_MATRIX (isolation-matrix.ts); split from it by feature like the other isolation-matrix.*.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Probe } from './isolation-matrix.js';
import { ALL, PEOPLE_SCOPES, denied, list, empty, status, qs } from './isolation-matrix.kit.js';

export const CORE_PROBES: Readonly<Record<string, readonly Probe[]>> = {
  'POST /api/auth/login': [
    {
      name: 'log in as a foreign person with a wrong password',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.person
          ? { method: 'POST', url: '/api/auth/login', body: { login: f.person.login, password: 'wrong-password' } }
          : null,
      expect: status(401),
    },
  ],
  'POST /api/auth/logout': [
    {
      name: 'log out ends only the caller’s own session',
      scopes: ALL,
      build: () => ({ method: 'POST', url: '/api/auth/logout' }),
      expect: status(204),
      freshSession: true,
    },
  ],
  'GET /api/me': [
    {
      name: 'who am I names only the caller',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/me' }),
      expect: status(200),
    },
  ],
  'PUT /api/me/position': [
    {
      name: 'switch to a position the person does not hold',
      scopes: ALL,
      build: (_f, a) => ({ method: 'PUT', url: '/api/me/position', body: { position: a.notHeld } }),
      expect: status(403),
    },
  ],
  'GET /api/meta': [
    {
      name: 'reference data carries no foreign record',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/meta' }),
      expect: status(200),
    },
  ],
  'GET /api/org/tree': [
    {
      name: 'the org tree shows only the caller’s tenant (and vendor)',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/org/tree' }),
      expect: status(200, 403),
    },
  ],
  'GET /api/areas': [
    {
      name: 'areas of the caller’s tenant (vendor staff: of their vendor) only',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/areas' }),
      expect: list,
    },
  ],
  'GET /api/people': [
    {
      name: 'search people by a foreign phone',
      scopes: PEOPLE_SCOPES,
      build: (f) => (f.person ? { method: 'GET', url: `/api/people${qs({ q: f.person.phone })}` } : null),
      expect: empty,
    },
    {
      name: 'search people by a foreign staff number',
      scopes: PEOPLE_SCOPES,
      build: (f) => (f.person ? { method: 'GET', url: `/api/people${qs({ q: f.person.staffNo })}` } : null),
      expect: empty,
    },
    {
      name: 'search people by a foreign name',
      scopes: ['vendor'], // the other tenant's test people have the same names as this tenant's
      build: (f) => (f.person ? { method: 'GET', url: `/api/people${qs({ q: f.person.name })}` } : null),
      expect: empty,
    },
  ],
  'GET /api/external-accounts': [
    {
      name: 'list every mapping the caller may see',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/external-accounts' }),
      expect: list,
    },
    {
      name: 'search mappings by a foreign external id',
      scopes: PEOPLE_SCOPES,
      build: (f) => (f.externalId ? { method: 'GET', url: `/api/external-accounts${qs({ q: f.externalId })}` } : null),
      expect: empty,
    },
    {
      name: 'search mappings by a foreign phone',
      scopes: PEOPLE_SCOPES,
      build: (f) => (f.person ? { method: 'GET', url: `/api/external-accounts${qs({ q: f.person.phone })}` } : null),
      expect: empty,
    },
  ],
  'POST /api/people/{id}/external-accounts': [
    {
      name: 'link a foreign person to an external account',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.person
          ? {
              method: 'POST',
              url: `/api/people/${f.person.id}/external-accounts`,
              body: { system: 'BSS', externalId: `probe-${randomUUID().slice(0, 8)}` },
            }
          : null,
      expect: denied,
    },
  ],
};
