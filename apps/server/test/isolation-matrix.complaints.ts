/**
 * Isolation-matrix entries of the complaint follow-up (CMP-01/02) and the sales spot-checks (CB-03),
 * spread into ISOLATION_MATRIX. A foreign order's sheet is answered like a missing one (or, to operator
 * staff who legitimately see vendor B's order, "not a complaint"); lists filtered to a foreign station
 * never show that station's orders.
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
// The foreign order is not a complaint: seen by the operator's staff it is refused as such (400).
const sheetOf = status(400, 403, 404);
const listsNone = (res: { status: number; body: Body }, f: { order: { id: string } }) =>
  res.status === 200 && (res.body.items as Body[]).some((i) => i.orderId === f.order.id)
    ? 'a foreign complaint listed'
    : null;

export const COMPLAINT_PROBES: Readonly<Record<string, readonly Probe[]>> = {
  'GET /api/complaints': [
    {
      name: 'the complaints of a foreign station',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.unitId ? { method: 'GET', url: `/api/complaints${qs({ ...MONTH, stationId: f.unitId })}` } : null,
      expect: status(200, 403),
      check: listsNone,
    },
  ],
  'GET /api/complaints/staff-log': [
    {
      name: 'the staff complaint log of a foreign station',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.unitId ? { method: 'GET', url: `/api/complaints/staff-log${qs({ ...MONTH, stationId: f.unitId })}` } : null,
      expect: status(200, 403),
      check: listsNone,
    },
  ],
  'GET /api/complaints/patterns': [
    {
      name: 'complaint patterns of a foreign station',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.unitId
          ? { method: 'GET', url: `/api/complaints/patterns${qs({ ...MONTH, by: 'area', stationId: f.unitId })}` }
          : null,
      expect: status(200, 403),
      check: (res) => (res.status === 200 && res.body.items.length > 0 ? 'a foreign station’s patterns' : null),
    },
  ],
  'GET /api/complaints/{orderId}': [
    {
      name: 'the follow-up sheet of a foreign order',
      scopes: ALL,
      build: (f) => ({ method: 'GET', url: `/api/complaints/${f.order.id}` }),
      expect: sheetOf,
    },
  ],
  'PUT /api/complaints/{orderId}': [
    {
      name: 'writing the follow-up sheet of a foreign order',
      scopes: ALL,
      build: (f) => ({
        method: 'PUT',
        url: `/api/complaints/${f.order.id}`,
        body: { about: { kind: 'service' }, causeAnalysis: 'probe' },
      }),
      expect: sheetOf,
    },
  ],
  'POST /api/complaints/{orderId}/close': [
    {
      name: 'closing a foreign complaint',
      scopes: ALL,
      build: (f) => ({ method: 'POST', url: `/api/complaints/${f.order.id}/close` }),
      expect: sheetOf,
    },
  ],
  'POST /api/complaints/{orderId}/manager-note': [
    {
      name: 'a manager note on a foreign complaint',
      scopes: ALL,
      build: (f) => ({ method: 'POST', url: `/api/complaints/${f.order.id}/manager-note`, body: { note: 'probe' } }),
      expect: sheetOf,
    },
  ],
  'POST /api/callbacks/{id}/spot-check': [
    {
      name: 'answering an unknown spot-check',
      scopes: ALL,
      build: () => ({
        method: 'POST',
        url: `/api/callbacks/${randomUUID()}/spot-check`,
        body: { matchesVendorReport: true },
      }),
      expect: denied,
    },
  ],
  'POST /api/callbacks/spot-checks/sweep': [
    {
      name: 'sampling spot-checks (own tenant only)',
      scopes: ['tenant'],
      build: () => ({ method: 'POST', url: '/api/callbacks/spot-checks/sweep' }),
      expect: status(200, 403),
    },
  ],
};
