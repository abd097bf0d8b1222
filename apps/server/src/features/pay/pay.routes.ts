import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Position } from '@daowei/domain';
import { idempotencyKey, requireAuth, requirePosition } from '../../http/guards.js';
import type { Services } from '../../services.js';
import {
  decisionBody,
  idParams,
  paymentBody,
  priceItemBody,
  quoteBody,
  reconcileBody,
  takingsQuery,
} from './pay.schemas.js';

const tags = ['pay'];
/** Who keeps the price list and reconciles takings at the station. */
const MANAGERS: readonly Position[] = ['station_manager', 'finance_clerk', 'admin'];

/** PAY-01..03 over HTTP: thin — validate, authorize, one service call. Order access is the parts rule. */
export const payRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/pay/price-items', { schema: { tags, description: 'PAY-01 the price list (fen)' } }, async (req) =>
      services.pay.priceItems(requireAuth(req)),
    );
    r.post(
      '/pay/price-items',
      { schema: { tags, body: priceItemBody, description: 'PAY-01 add a price-list entry' } },
      async (req, reply) =>
        reply.code(201).send(await services.pay.createPriceItem(requirePosition(req, MANAGERS), req.body)),
    );
    r.get(
      '/pay/orders/:id',
      { schema: { tags, params: idParams, description: "PAY-01/02 an order's quotes, payments and what is owed" } },
      async (req) => services.pay.orderMoney(requireAuth(req), req.params.id),
    );
    r.post(
      '/pay/orders/:id/quotes',
      {
        schema: {
          tags,
          params: idParams,
          body: quoteBody,
          description:
            'PAY-01 quote from the price list; warranty makes covered kinds free; the lower of card and list price applies',
        },
      },
      async (req) => services.pay.quote(requireAuth(req), req.params.id, req.body, idempotencyKey(req)),
    );
    r.post(
      '/pay/quotes/:id/decision',
      {
        schema: {
          tags,
          params: idParams,
          body: decisionBody,
          description: 'PAY-01 the customer accepts (signature) or declines the quote',
        },
      },
      async (req) => services.pay.decide(requireAuth(req), req.params.id, req.body, idempotencyKey(req)),
    );
    r.post(
      '/pay/quotes/:id/payments',
      {
        schema: {
          tags,
          params: idParams,
          body: paymentBody,
          description: 'PAY-02 record a payment (method, fen, receipt/invoice number or invoice to follow)',
        },
      },
      async (req) => services.pay.pay(requireAuth(req), req.params.id, req.body, idempotencyKey(req)),
    );
    r.get(
      '/pay/takings',
      { schema: { tags, querystring: takingsQuery, description: "PAY-02 a station's daily takings per engineer" } },
      async (req) => services.pay.takings(requirePosition(req, MANAGERS), req.query),
    );
    r.post(
      '/pay/takings/reconcile',
      {
        schema: {
          tags,
          body: reconcileBody,
          description: 'PAY-02 compare what each engineer handed in with their takings',
        },
      },
      async (req) => services.pay.reconcile(requirePosition(req, MANAGERS), req.body),
    );
  };
