import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SUPERVISOR_POSITIONS, WORKER_POSITIONS, type Position } from '@daowei/domain';
import { idempotencyKey, requireAuth, requirePosition } from '../../http/guards.js';
import type { Services } from '../../services.js';
import {
  borrowBody,
  borrowsQuery,
  consumeBody,
  createItemBody,
  createStoreBody,
  idParams,
  receiveBody,
  returnBody,
  waiverBody,
} from './parts.schemas.js';

const tags = ['parts'];

/** PART-01..03 over HTTP. Who may do what comes from the parts policy (clerks, the override position). */
export const partsRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const clerks = services.partsPolicy.clerkPositions;
    const staff: readonly Position[] = [...new Set([...clerks, ...SUPERVISOR_POSITIONS, ...WORKER_POSITIONS])];
    const settlers: readonly Position[] = [...new Set([...clerks, ...WORKER_POSITIONS])];

    r.get('/parts/items', { schema: { tags, description: 'PART-01 the parts catalogue' } }, async (req) =>
      services.stock.items(requirePosition(req, staff)),
    );
    r.post(
      '/parts/items',
      { schema: { tags, body: createItemBody, description: 'PART-01 add an item' } },
      async (req, reply) =>
        reply.code(201).send(await services.stock.createItem(requirePosition(req, clerks), req.body)),
    );
    r.get('/parts/locations', { schema: { tags, description: 'PART-01 the stores the caller may use' } }, async (req) =>
      services.stock.stores(requirePosition(req, staff)),
    );
    r.post(
      '/parts/locations',
      { schema: { tags, body: createStoreBody, description: 'PART-01 add a central or station store' } },
      async (req, reply) =>
        reply.code(201).send(await services.stock.createStore(requirePosition(req, clerks), req.body)),
    );
    r.get(
      '/parts/locations/:id/stock',
      {
        schema: {
          tags,
          params: idParams,
          description: 'PART-01 on-hand at a location, per item and condition, with units',
        },
      },
      async (req) => services.stock.stockAt(requirePosition(req, staff), req.params.id),
    );
    r.post(
      '/parts/receipts',
      {
        schema: {
          tags,
          body: receiveBody,
          description: 'PART-01 receive stock into a store (one ledger row per unit)',
        },
      },
      async (req) => services.stock.receive(requirePosition(req, clerks), req.body, idempotencyKey(req)),
    );
    r.post(
      '/parts/borrows',
      {
        schema: {
          tags,
          body: borrowBody,
          description:
            'PART-02 issue parts for an order to an engineer on a borrow card. Refused with PART_PREVIOUS_NOT_RETURNED while earlier parts are out (a station manager may override with a reason) and PART_OUT_OF_STOCK (recorded) when the store has none.',
        },
      },
      async (req) => services.borrows.borrow(requirePosition(req, clerks), req.body, idempotencyKey(req)),
    );
    r.get(
      '/parts/borrows',
      {
        schema: {
          tags,
          querystring: borrowsQuery,
          description: "PART-02 an engineer's borrow lines (open ones by default)",
        },
      },
      async (req) => services.borrows.engineerBorrows(requirePosition(req, staff), req.query),
    );
    r.post(
      '/parts/borrow-lines/:id/return',
      {
        schema: {
          tags,
          params: idParams,
          body: returnBody,
          description: 'PART-03 return a borrowed part, tagged good or faulty',
        },
      },
      async (req) =>
        services.borrows.returnLine(requirePosition(req, settlers), req.params.id, req.body, idempotencyKey(req)),
    );
    r.post(
      '/parts/borrow-lines/:id/consume',
      {
        schema: {
          tags,
          params: idParams,
          body: consumeBody,
          description: "PART-03 use a borrowed part on its order (a serialised unit is installed at the customer's)",
        },
      },
      async (req) =>
        services.borrows.consumeLine(requirePosition(req, settlers), req.params.id, req.body, idempotencyKey(req)),
    );
    r.get(
      '/parts/orders/:id/borrows',
      {
        schema: {
          tags,
          params: idParams,
          description: "PART-03 an order's borrow lines, whether they are settled, and any waiver",
        },
      },
      async (req) => services.borrows.orderBorrows(requireAuth(req), req.params.id),
    );
    r.post(
      '/parts/orders/:id/waiver',
      {
        schema: {
          tags,
          params: idParams,
          body: waiverBody,
          description:
            'PART-03 exception: a station manager lets the order complete with parts still out (reason recorded)',
        },
      },
      async (req) => services.borrows.waive(requireAuth(req), req.params.id, req.body.reason),
    );
  };
