/**
 * The isolation matrix (issue 9, SEC-01/SEC-02): for every route of the OpenAPI description, how to
 * aim a request at somebody else's object and what must come back. isolation-matrix.test.ts runs every
 * probe as every position of tenant A / vendor A and fails for a described route without an entry here.
 *
 * A probe aims at one kind of foreign object (its `scope`):
 * - `tenant`:   objects of another tenant (foreign to everyone of tenant A);
 * - `vendor`:   objects of vendor B in the same tenant (foreign to vendor A's staff; the operator's own
 *               staff legitimately oversee every vendor of the tenant);
 * - `engineer`: an order of the same team held by another engineer (foreign to an on-site engineer).
 *
 * Whatever the status, no foreign id, number, serial, phone or external id may appear anywhere in the
 * body; besides that the probe says what status is allowed:
 * - `denied`:  403 or 404 (the other vendor's / tenant's object is answered like a missing one);
 * - `list`:    200 with a list (`items`) — or 403 when the position may not use the route at all;
 * - `empty`:   like `list`, and the list is empty;
 * - `status`:  exactly one of the given statuses.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_POLICY_PACK, WORK_ORDER_ACTIONS, type Position } from '@daowei/domain';
import type { Body } from './harness.js';
import { DESK_PROBES } from './isolation-matrix.desk.js';
import { COVERAGE_CLAIM_PROBES } from './isolation-matrix.coverage-claims.js';
import { BATCH_INCIDENT_PROBES } from './isolation-matrix.batch-incidents.js';
import { SHIFT_PROBES } from './isolation-matrix.shifts.js';
import { PLANNED_WORK_PROBES } from './isolation-matrix.planned-work.js';
import { ONSITE_REPORT_PROBES } from './isolation-matrix.onsite-reports.js';
import { NOTIFICATION_PROBES } from './isolation-matrix.notifications.js';
import { NOTIFY_PROBES } from './isolation-matrix.notify.js';
import { CALENDAR_PROBES } from './isolation-matrix.calendar.js';
import { KPI_PROBES } from './isolation-matrix.kpi.js';
import { COMPLAINT_PROBES } from './isolation-matrix.complaints.js';
import { EXPORT_PROBES } from './isolation-matrix.exports.js';
import { DISPATCH_PROBES } from './isolation-matrix.dispatch.js';
import { PARTS_PROBES } from './isolation-matrix.parts.js';

export type Scope = 'tenant' | 'vendor' | 'engineer';

/** The foreign objects of one scope; absent fields mean "this scope has no such object". */
export interface Foreign {
  scope: Scope;
  order: { id: string; number: string; acceptanceSerial: string; phone: string; holderId: string };
  person?: { id: string; name: string; login: string; staffNo: string; phone: string };
  areaId?: string;
  unitId?: string;
  vendorId?: string;
  externalId?: string;
}

export interface Actor {
  name: string;
  position: Position;
  /** A position this person does not hold (for PUT /api/me/position). */
  notHeld: Position;
  /** An order of the actor's own tenant and vendor, in `created` state (target of own-order probes). */
  ownOrderId: string;
}

export interface ProbeRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Expectation =
  { kind: 'denied' } | { kind: 'list' } | { kind: 'empty' } | { kind: 'status'; statuses: readonly number[] };

export interface Probe {
  name: string;
  scopes: readonly Scope[];
  /** The request, or null when this scope has no object of the kind the probe needs. */
  build(f: Foreign, actor: Actor): ProbeRequest | null;
  expect: Expectation | ((f: Foreign, actor: Actor) => Expectation);
  /** A further check of the answer: null when right, else what is wrong. */
  check?(answer: { status: number; body: Body }, f: Foreign): string | null;
  /** Run on a fresh session of the actor (the probe ends its session). */
  freshSession?: boolean;
}

const ALL: readonly Scope[] = ['tenant', 'vendor', 'engineer'];
const PEOPLE_SCOPES: readonly Scope[] = ['tenant', 'vendor'];
const denied: Expectation = { kind: 'denied' };
const list: Expectation = { kind: 'list' };
const empty: Expectation = { kind: 'empty' };
const status = (...statuses: number[]): Expectation => ({ kind: 'status', statuses });

const at = (iso: string) => new Date(iso).toISOString();
/** An appointment window a day after the harness clock's start (2026-11-23T02:00Z). */
export const FUTURE_WINDOW = { start: at('2026-11-24T01:00:00Z'), end: at('2026-11-24T03:00:00Z') };

/** A body each action accepts, so a probe is refused for whose order it is and not for its shape. */
export const VALID_ACTION_BODIES: Readonly<Record<(typeof WORK_ORDER_ACTIONS)[number], Record<string, unknown>>> = {
  triage: { remark: 'looked at it' },
  dispatch: { toPersonId: '00000000-0000-4000-8000-000000000001', remark: 'yours' },
  take: {},
  return: { reasonCode: DEFAULT_POLICY_PACK.returnReasons[0]!.code, remark: 'not mine' },
  confirm_appointment: { window: FUTURE_WINDOW },
  reschedule: { reason: 'customer away', window: FUTURE_WINDOW, askedBy: 'customer' },
  depart: {},
  arrive: {},
  suspend: { reason: 'waiting_parts', remark: 'router on order' },
  resume: { remark: 'parts here' },
  complete: { customerContacted: true, handlingMinutes: 30, remark: 'fixed', outcome: { kind: 'done' } },
  start_callback: {},
  close: { remark: 'ok' },
  reopen: { reason: 'customer called again' },
  cancel: { reason: 'customer withdrew' },
  no_access: {
    knockedAt: at('2026-11-23T01:00:00Z'),
    call: { at: at('2026-11-23T01:03:00Z'), outcome: 'no_answer' },
    neighbour: { at: at('2026-11-23T01:06:00Z'), outcome: 'nobody_around' },
    noteLeft: true,
  },
};

/** A create body (docs/api.md) that is valid apart from what the probe aims at. */
function createBody(over: Record<string, unknown>) {
  const s = randomUUID().slice(0, 8);
  return {
    type: 'fault',
    acceptanceSerial: `ISO-${s}`,
    product: 'broadband',
    business: 'home broadband',
    productNumber: `BB-${s}`,
    customer: { name: '隔离测试', phone: '13700000000', address: '望京街道 1 号' },
    faultDescription: 'No internet',
    ...over,
  };
}

const qs = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;

/** Route ("METHOD /openapi/path") → probes. Every route of /api/docs/json must be a key here. */
export const ISOLATION_MATRIX: Readonly<Record<string, readonly Probe[]>> = {
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
  'GET /api/work-orders': [
    {
      name: 'the unfiltered list',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/work-orders?limit=100' }),
      expect: list,
    },
    {
      name: 'search by a foreign order number',
      scopes: ALL,
      build: (f) => ({ method: 'GET', url: `/api/work-orders${qs({ q: f.order.number })}` }),
      // Numbers are per tenant and day, so the other tenant's number may also be one of ours.
      expect: (f) => (f.scope === 'tenant' ? list : empty),
    },
    {
      name: 'search by a foreign acceptance serial',
      scopes: ALL,
      build: (f) => ({ method: 'GET', url: `/api/work-orders${qs({ q: f.order.acceptanceSerial })}` }),
      expect: empty,
    },
    {
      name: 'search by a foreign customer phone',
      scopes: ALL,
      build: (f) => ({ method: 'GET', url: `/api/work-orders${qs({ q: f.order.phone })}` }),
      expect: empty,
    },
    {
      name: 'filter by a foreign engineer',
      scopes: ALL,
      build: (f) => ({ method: 'GET', url: `/api/work-orders${qs({ engineerId: f.order.holderId, scope: 'all' })}` }),
      expect: empty,
    },
    {
      name: 'filter by a foreign area',
      scopes: PEOPLE_SCOPES,
      build: (f) => (f.areaId ? { method: 'GET', url: `/api/work-orders${qs({ areaId: f.areaId })}` } : null),
      expect: empty,
    },
  ],
  'GET /api/work-orders/{id}': [
    {
      name: 'read a foreign order',
      scopes: ALL,
      build: (f) => ({ method: 'GET', url: `/api/work-orders/${f.order.id}` }),
      expect: denied,
    },
  ],
  'POST /api/work-orders': [
    {
      name: 'create an order in a foreign area',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.areaId ? { method: 'POST', url: '/api/work-orders', body: createBody({ areaId: f.areaId }) } : null,
      expect: status(400, 403, 404),
    },
    {
      name: 'create an order for a foreign vendor',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.vendorId ? { method: 'POST', url: '/api/work-orders', body: createBody({ vendorId: f.vendorId }) } : null,
      // Vendor staff always create for their own vendor (the named one is ignored, WO-01): a 201 is
      // right as long as the order did not land in the foreign vendor.
      expect: status(201, 400, 403, 404),
      check: (a, f) =>
        a.status === 201 && a.body.order.vendorId === f.vendorId ? 'created for the foreign vendor' : null,
    },
  ],
  'POST /api/work-orders/{id}/actions/{action}': [
    ...WORK_ORDER_ACTIONS.map((action): Probe => ({
      name: `${action} a foreign order`,
      scopes: ALL,
      build: (f) => ({
        method: 'POST',
        url: `/api/work-orders/${f.order.id}/actions/${action}`,
        body: VALID_ACTION_BODIES[action],
      }),
      // A colleague's order may answer "not yours" or "already taken"; another vendor's or tenant's
      // order is always "not found" so its existence does not leak.
      expect: (f) => (f.scope === 'engineer' ? status(403, 404, 409) : denied),
    })),
    {
      name: 'dispatch an own order to a foreign person',
      scopes: PEOPLE_SCOPES,
      build: (f, a) =>
        f.person
          ? {
              method: 'POST',
              url: `/api/work-orders/${a.ownOrderId}/actions/dispatch`,
              body: { toPersonId: f.person.id, remark: 'to a stranger' },
            }
          : null,
      expect: status(400, 403, 404, 409),
    },
    {
      name: 'dispatch an own order to a foreign unit',
      scopes: PEOPLE_SCOPES,
      build: (f, a) =>
        f.unitId
          ? {
              method: 'POST',
              url: `/api/work-orders/${a.ownOrderId}/actions/dispatch`,
              body: { toUnitId: f.unitId, remark: 'to a stranger' },
            }
          : null,
      expect: status(400, 403, 404, 409),
    },
  ],
  // PART-01..03 (issue 6): stock and borrowing. Foreign orders, people and units stand in for foreign
  // stock objects (an id of another kind must be refused just the same).
  'GET /api/parts/items': [
    {
      name: 'the catalogue of the caller’s tenant',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/parts/items' }),
      expect: list,
    },
  ],
  'POST /api/parts/items': [
    {
      name: 'add an item to the caller’s own catalogue',
      scopes: ['tenant'],
      build: () => ({
        method: 'POST',
        url: '/api/parts/items',
        body: { code: `ISO-${randomUUID().slice(0, 8)}`, name: 'probe', category: 'other', tracking: 'bulk' },
      }),
      expect: status(201, 403),
    },
  ],
  'GET /api/parts/locations': [
    {
      name: 'stores the caller may use',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/parts/locations' }),
      expect: list,
    },
  ],
  'POST /api/parts/locations': [
    {
      name: 'add a store for a foreign station',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.unitId
          ? { method: 'POST', url: '/api/parts/locations', body: { kind: 'station', name: 'probe', unitId: f.unitId } }
          : null,
      expect: status(400, 403, 404),
    },
  ],
  'GET /api/parts/locations/{id}/stock': [
    {
      name: 'read stock at a foreign id',
      scopes: PEOPLE_SCOPES,
      build: (f) => (f.unitId ? { method: 'GET', url: `/api/parts/locations/${f.unitId}/stock` } : null),
      expect: denied,
    },
  ],
  'POST /api/parts/receipts': [
    {
      name: 'receive stock into a foreign id',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.unitId
          ? {
              method: 'POST',
              url: '/api/parts/receipts',
              body: { locationId: f.unitId, itemId: randomUUID(), quantity: 1 },
            }
          : null,
      expect: status(400, 403, 404),
    },
  ],
  'POST /api/parts/borrows': [
    {
      name: 'borrow parts against a foreign order',
      scopes: ALL,
      build: (f) => ({
        method: 'POST',
        url: '/api/parts/borrows',
        body: {
          orderId: f.order.id,
          engineerId: f.order.holderId,
          storeId: randomUUID(),
          lines: [{ itemId: randomUUID() }],
        },
      }),
      expect: status(400, 403, 404),
    },
  ],
  'GET /api/parts/borrows': [
    {
      name: 'the borrows of a foreign engineer',
      scopes: ALL,
      build: (f) => ({ method: 'GET', url: `/api/parts/borrows${qs({ engineerId: f.order.holderId })}` }),
      expect: empty,
    },
  ],
  'POST /api/parts/borrow-lines/{id}/return': [
    {
      name: 'return a line by a foreign id',
      scopes: ALL,
      build: (f) => ({
        method: 'POST',
        url: `/api/parts/borrow-lines/${f.order.id}/return`,
        body: { faultTag: 'good' },
      }),
      expect: denied,
    },
  ],
  'POST /api/parts/borrow-lines/{id}/consume': [
    {
      name: 'consume a line by a foreign id',
      scopes: ALL,
      build: (f) => ({ method: 'POST', url: `/api/parts/borrow-lines/${f.order.id}/consume`, body: {} }),
      expect: denied,
    },
  ],
  'GET /api/parts/orders/{id}/borrows': [
    {
      name: 'the borrows of a foreign order',
      scopes: ALL,
      build: (f) => ({ method: 'GET', url: `/api/parts/orders/${f.order.id}/borrows` }),
      expect: denied,
    },
  ],
  'POST /api/parts/orders/{id}/waiver': [
    {
      name: 'waive parts settlement of a foreign order',
      scopes: ALL,
      build: (f) => ({
        method: 'POST',
        url: `/api/parts/orders/${f.order.id}/waiver`,
        body: { reason: 'probe waiver' },
      }),
      expect: denied,
    },
  ],
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
  ...DESK_PROBES,
  ...COVERAGE_CLAIM_PROBES,
  ...BATCH_INCIDENT_PROBES,
  ...SHIFT_PROBES,
  ...PLANNED_WORK_PROBES,
  ...ONSITE_REPORT_PROBES,
  ...NOTIFICATION_PROBES,
  ...NOTIFY_PROBES,
  ...CALENDAR_PROBES,
  ...KPI_PROBES,
  ...COMPLAINT_PROBES,
  ...EXPORT_PROBES,
  ...DISPATCH_PROBES,
  ...PARTS_PROBES,
  // ENG-03/04/06, WO-14 (issue 4): the visit record is read and written through its order; only the
  // holder writes, so every probe at a foreign order is denied whatever the position.
  ...visitProbes(),
  // CB-01/02 (issue 7): the queue is scoped like the work-order list; a task is reached through its
  // order (another vendor's or tenant's answers 404). Foreign task ids are not part of the fixture: the
  // probes aim at an unknown id, and the queue/KPI answers are checked for foreign order data.
  'GET /api/callbacks': [
    {
      name: 'the unfiltered callback queue',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/callbacks' }),
      expect: list,
    },
    {
      name: 'the callback queue of a foreign station',
      scopes: PEOPLE_SCOPES,
      build: (f) => (f.unitId ? { method: 'GET', url: `/api/callbacks${qs({ stationId: f.unitId })}` } : null),
      expect: empty,
    },
  ],
  'POST /api/callbacks/{id}/attempts': [
    {
      name: 'log an attempt on an unknown callback',
      scopes: ALL,
      build: () => ({ method: 'POST', url: `/api/callbacks/${randomUUID()}/attempts`, body: { result: 'busy' } }),
      expect: denied,
    },
  ],
  'POST /api/callbacks/{id}/outcome': [
    {
      name: 'record an outcome on an unknown callback',
      scopes: ALL,
      build: () => ({
        method: 'POST',
        url: `/api/callbacks/${randomUUID()}/outcome`,
        body: { satisfaction: 'satisfied' },
      }),
      expect: denied,
    },
  ],
  // KPI-01: figures of a foreign vendor are refused to vendor staff and empty for another tenant's ids.
  'GET /api/kpis': [
    {
      name: 'the KPIs of a foreign vendor',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.vendorId
          ? {
              method: 'GET',
              url: `/api/kpis${qs({ from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', vendorId: f.vendorId })}`,
            }
          : null,
      expect: status(200, 403),
    },
    {
      name: 'the KPIs of a foreign station',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.unitId
          ? {
              method: 'GET',
              url: `/api/kpis${qs({ from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', stationId: f.unitId })}`,
            }
          : null,
      expect: status(200, 403),
      check: (res) =>
        res.status === 200 && res.body.kpis.some((k: Body) => (k.orderIds ?? []).length > 0 || k.numerator > 0)
          ? 'a foreign station’s KPIs drill down to orders'
          : null,
    },
  ],
};

/** The visit-record routes (ENG-03/04/06, WO-14): reading or writing a foreign order's record is denied. */
function visitProbes(): Record<string, readonly Probe[]> {
  const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==';
  const routes: [ProbeRequest['method'], string, unknown][] = [
    ['POST', 'consents', { kind: 'open_device', signature: png }],
    ['GET', 'consents', undefined],
    ['POST', 'attachments', { kind: 'photo', data: png }],
    ['GET', 'attachments', undefined],
    ['GET', 'attachments/{attachmentId}', undefined],
    ['POST', 'checklist', { steps: ['badge_shown'] }],
    ['GET', 'checklist', undefined],
    ['POST', 'confirmation', { satisfaction: 5, declinedToSign: true }],
    ['GET', 'confirmation', undefined],
  ];
  return Object.fromEntries(
    routes.map(([method, sub, body]) => [
      `${method} /api/work-orders/{id}/${sub}`,
      [
        {
          name: `${method} the ${sub.split('/')[0]} of a foreign order`,
          scopes: ALL,
          build: (f: Foreign): ProbeRequest => ({
            method,
            url: `/api/work-orders/${f.order.id}/${sub.replace('{attachmentId}', randomUUID())}`,
            ...(body === undefined ? {} : { body }),
          }),
          expect: denied,
        },
      ],
    ]),
  );
}
