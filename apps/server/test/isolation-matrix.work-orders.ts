/**
 * Isolation-matrix entries of the work-order list, detail, creation and lifecycle actions (WO-01..08), and the visit record read and written through its order (ENG-03/04/06, WO-14). Also the valid bodies the probes and the bad-input test start from.
 * Spread into ISOLATION_MATRIX (isolation-matrix.ts); split from it by feature like the other isolation-matrix.*.ts.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_POLICY_PACK, WORK_ORDER_ACTIONS } from '@daowei/domain';
import type { Foreign, Probe, ProbeRequest } from './isolation-matrix.js';
import { ALL, PEOPLE_SCOPES, denied, list, empty, status, qs } from './isolation-matrix.kit.js';

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

export const WORK_ORDER_PROBES: Readonly<Record<string, readonly Probe[]>> = {
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
};

/** The visit-record routes (ENG-03/04/05/06, WO-14): reading or writing a foreign order's record is denied. */
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
    [
      'POST',
      'diagnosis',
      { symptomReproduced: 'yes', observedMinutes: 5, causeCategory: 'ours', finding: 'loose connector' },
    ],
    ['GET', 'diagnosis', undefined],
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

export const VISIT_RECORD_PROBES = visitProbes();
