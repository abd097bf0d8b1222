/**
 * Isolation-matrix entries of PART-01/04/05 transfers, scrap, ledger, warnings, hit rate, WO-13 take-backs
 * and PAY-01..03 (issue 6), spread into ISOLATION_MATRIX. Foreign orders, people and units stand in for
 * foreign stock and money objects: an id of another kind must be refused just the same.
 */
import { randomUUID } from 'node:crypto';
import type { Expectation, Probe, Scope } from './isolation-matrix.js';

const ALL: readonly Scope[] = ['tenant', 'vendor', 'engineer'];
const PEOPLE_SCOPES: readonly Scope[] = ['tenant', 'vendor'];
const denied: Expectation = { kind: 'denied' };
const list: Expectation = { kind: 'list' };
const status = (...statuses: number[]): Expectation => ({ kind: 'status', statuses });
const qs = (q: Record<string, string>) => `?${new URLSearchParams(q)}`;
const SIG = 'data:image/png;base64,iVBORw0KGgo=';

export const PARTS_PROBES: Readonly<Record<string, readonly Probe[]>> = {
  'POST /api/parts/transfers': [
    {
      name: 'transfer from a foreign id',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.unitId
          ? {
              method: 'POST',
              url: '/api/parts/transfers',
              body: { fromId: f.unitId, toId: randomUUID(), itemId: randomUUID(), quantity: 1 },
            }
          : null,
      expect: status(400, 403, 404),
    },
  ],
  'POST /api/parts/scraps': [
    {
      name: 'scrap at a foreign id',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.unitId
          ? {
              method: 'POST',
              url: '/api/parts/scraps',
              body: { locationId: f.unitId, itemId: randomUUID(), quantity: 1, note: 'probe' },
            }
          : null,
      expect: status(400, 403, 404),
    },
  ],
  'GET /api/parts/movements': [
    {
      name: 'the ledger of a foreign order',
      scopes: ALL,
      build: (f) => ({ method: 'GET', url: `/api/parts/movements${qs({ orderId: f.order.id })}` }),
      expect: { kind: 'empty' },
    },
    {
      name: 'the ledger at a foreign id',
      scopes: PEOPLE_SCOPES,
      build: (f) => (f.unitId ? { method: 'GET', url: `/api/parts/movements${qs({ locationId: f.unitId })}` } : null),
      expect: denied,
    },
  ],
  'GET /api/parts/hit-rate': [
    {
      name: 'hit rate of the caller’s own scope',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/parts/hit-rate?groupBy=engineer' }),
      expect: list,
      check: (res, f) =>
        res.status === 200 && res.body.items.some((i: { orderIds: string[] }) => i.orderIds.includes(f.order.id))
          ? 'a foreign order counted'
          : null,
    },
  ],
  'PUT /api/parts/thresholds': [
    {
      name: 'set a threshold at a foreign id',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.unitId
          ? {
              method: 'PUT',
              url: '/api/parts/thresholds',
              body: { locationId: f.unitId, itemId: randomUUID(), minimum: 1 },
            }
          : null,
      expect: status(400, 403, 404),
    },
  ],
  'GET /api/parts/alerts': [
    {
      name: 'warnings of the caller’s stores',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/parts/alerts?open=false' }),
      expect: list,
    },
    {
      name: 'warnings at a foreign id',
      scopes: PEOPLE_SCOPES,
      build: (f) => (f.unitId ? { method: 'GET', url: `/api/parts/alerts${qs({ locationId: f.unitId })}` } : null),
      expect: denied,
    },
  ],
  'POST /api/parts/alerts/{id}/acknowledge': [
    {
      name: 'acknowledge a warning by a foreign id',
      scopes: ALL,
      build: (f) => ({ method: 'POST', url: `/api/parts/alerts/${f.order.id}/acknowledge` }),
      expect: denied,
    },
  ],
  'POST /api/parts/orders/{id}/take-backs': [
    {
      name: 'take back a device of a foreign order',
      scopes: ALL,
      build: (f) => ({
        method: 'POST',
        url: `/api/parts/orders/${f.order.id}/take-backs`,
        body: {
          device: 'probe',
          configNotes: 'none',
          dataNotes: 'none',
          promisedReturnDate: '2026-11-25',
          signature: SIG,
        },
      }),
      expect: denied,
    },
  ],
  'GET /api/parts/orders/{id}/take-backs': [
    {
      name: 'take-backs of a foreign order',
      scopes: ALL,
      build: (f) => ({ method: 'GET', url: `/api/parts/orders/${f.order.id}/take-backs` }),
      expect: denied,
    },
  ],
  'POST /api/parts/take-backs/{id}/return': [
    {
      name: 'return a take-back by a foreign id',
      scopes: ALL,
      build: (f) => ({
        method: 'POST',
        url: `/api/parts/take-backs/${f.order.id}/return`,
        body: { signature: SIG, loanerBack: true },
      }),
      expect: denied,
    },
  ],
  'GET /api/pay/price-items': [
    {
      name: 'the caller’s own price list',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/pay/price-items' }),
      expect: list,
    },
  ],
  'POST /api/pay/price-items': [
    {
      name: 'add to the caller’s own price list',
      scopes: ['tenant'],
      build: () => ({
        method: 'POST',
        url: '/api/pay/price-items',
        body: { code: `ISO-${randomUUID().slice(0, 8)}`, name: 'probe', kind: 'labour', priceFen: 100 },
      }),
      expect: status(201, 403),
    },
  ],
  'GET /api/pay/orders/{id}': [
    {
      name: 'the money of a foreign order',
      scopes: ALL,
      build: (f) => ({ method: 'GET', url: `/api/pay/orders/${f.order.id}` }),
      expect: denied,
    },
  ],
  'POST /api/pay/orders/{id}/quotes': [
    {
      name: 'quote on a foreign order',
      scopes: ALL,
      build: (f) => ({
        method: 'POST',
        url: `/api/pay/orders/${f.order.id}/quotes`,
        body: { lines: [{ priceItemId: randomUUID(), quantity: 1 }] },
      }),
      expect: denied,
    },
  ],
  'POST /api/pay/quotes/{id}/decision': [
    {
      name: 'decide a quote by a foreign id',
      scopes: ALL,
      build: (f) => ({
        method: 'POST',
        url: `/api/pay/quotes/${f.order.id}/decision`,
        body: { accept: true, signature: SIG },
      }),
      expect: denied,
    },
  ],
  'POST /api/pay/quotes/{id}/payments': [
    {
      name: 'pay on a quote by a foreign id',
      scopes: ALL,
      build: (f) => ({
        method: 'POST',
        url: `/api/pay/quotes/${f.order.id}/payments`,
        body: { method: 'cash', amountFen: 100, receiptNo: 'R-1' },
      }),
      expect: denied,
    },
  ],
  'GET /api/pay/takings': [
    {
      name: 'takings of a foreign station',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.unitId ? { method: 'GET', url: `/api/pay/takings${qs({ date: '2026-11-23', unitId: f.unitId })}` } : null,
      expect: denied,
    },
  ],
  'POST /api/pay/takings/reconcile': [
    {
      name: 'reconcile a foreign station',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.unitId
          ? {
              method: 'POST',
              url: '/api/pay/takings/reconcile',
              body: { date: '2026-11-23', unitId: f.unitId, countedFen: {} },
            }
          : null,
      expect: denied,
    },
  ],
  'POST /api/parts/imports/items': [
    {
      name: 'import items into the caller’s own catalogue (not a workbook)',
      scopes: ['tenant'],
      build: () => ({ method: 'POST', url: '/api/parts/imports/items', body: { fileBase64: 'bm90IGEgd29ya2Jvb2s=' } }),
      expect: status(400, 403),
    },
  ],
  'POST /api/parts/imports/stock': [
    {
      name: 'import opening stock into a foreign id',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.unitId
          ? { method: 'POST', url: '/api/parts/imports/stock', body: { locationId: f.unitId, fileBase64: 'UEsDBA==' } }
          : null,
      expect: status(400, 403, 404),
    },
  ],
  'GET /api/exports/parts-ledger.xlsx': [
    {
      name: 'export the ledger of a foreign id',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.unitId ? { method: 'GET', url: `/api/exports/parts-ledger.xlsx${qs({ locationId: f.unitId })}` } : null,
      expect: denied,
    },
  ],
  'GET /api/exports/takings.xlsx': [
    {
      name: 'export the takings of a foreign station',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.unitId
          ? { method: 'GET', url: `/api/exports/takings.xlsx${qs({ date: '2026-11-23', unitId: f.unitId })}` }
          : null,
      expect: denied,
    },
  ],
};
