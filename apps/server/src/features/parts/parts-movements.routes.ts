import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SUPERVISOR_POSITIONS, WORKER_POSITIONS, type Position } from '@daowei/domain';
import { idempotencyKey, requireAuth, requirePosition } from '../../http/guards.js';
import { offlineQueuedAt } from '../../http/offline.js';
import type { Services } from '../../services.js';
import { idParams } from './parts.schemas.js';
import {
  alertsQuery,
  hitRateQuery,
  ledgerQuery,
  scrapBody,
  takeBackBody,
  takeBackReturnBody,
  thresholdBody,
  transferBody,
} from './parts-movements.schemas.js';

const tags = ['parts'];

/** PART-01 transfer/scrap/ledger, PART-04 warnings, PART-05 hit rate, WO-13 take-back with loaner. */
export const partsMovementRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const clerks = services.partsPolicy.clerkPositions;
    const staff: readonly Position[] = [...new Set([...clerks, ...SUPERVISOR_POSITIONS])];

    r.post(
      '/parts/transfers',
      { schema: { tags, body: transferBody, description: 'PART-01 move stock from one store to another' } },
      async (req) => services.movements.transfer(requirePosition(req, clerks), req.body, idempotencyKey(req)),
    );
    r.post(
      '/parts/scraps',
      { schema: { tags, body: scrapBody, description: 'PART-01 scrap stock from a store, saying why' } },
      async (req) => services.movements.scrap(requirePosition(req, clerks), req.body, idempotencyKey(req)),
    );
    r.get(
      '/parts/movements',
      { schema: { tags, querystring: ledgerQuery, description: 'PART-01 the stock ledger, newest first' } },
      async (req) => services.movements.ledger(requirePosition(req, staff), req.query),
    );
    r.get(
      '/parts/hit-rate',
      {
        schema: {
          tags,
          querystring: hitRateQuery,
          description: 'PART-05 parts hit rate 备件命中率 by engineer, station, item or overall',
        },
      },
      async (req) => services.movements.hitRate(requirePosition(req, staff), req.query.groupBy),
    );
    r.put(
      '/parts/thresholds',
      { schema: { tags, body: thresholdBody, description: 'PART-04 set the low-stock level of an item at a store' } },
      async (req) => services.lowStock.setThreshold(requirePosition(req, clerks), req.body),
    );
    r.get(
      '/parts/alerts',
      { schema: { tags, querystring: alertsQuery, description: 'PART-04 low-stock warnings (missed ones flagged)' } },
      async (req) => services.lowStock.list(requirePosition(req, staff), req.query),
    );
    r.post(
      '/parts/alerts/:id/acknowledge',
      { schema: { tags, params: idParams, description: 'PART-04 acknowledge a warning (passed on to restock)' } },
      async (req) => services.lowStock.acknowledge(requirePosition(req, clerks), req.params.id),
    );
    r.post(
      '/parts/orders/:id/take-backs',
      {
        schema: {
          tags,
          params: idParams,
          body: takeBackBody,
          description: 'WO-13 take the device back for repair on a signed receipt; optionally leave a loaner unit',
        },
      },
      async (req) =>
        services.takeBacks.open(
          requirePosition(req, [...new Set([...clerks, ...WORKER_POSITIONS, ...SUPERVISOR_POSITIONS])]),
          req.params.id,
          req.body,
          idempotencyKey(req),
          offlineQueuedAt(req),
        ),
    );
    r.get(
      '/parts/orders/:id/take-backs',
      { schema: { tags, params: idParams, description: "WO-13 an order's take-backs (overdue flagged)" } },
      async (req) => services.takeBacks.list(requireAuth(req), req.params.id),
    );
    r.post(
      '/parts/take-backs/:id/return',
      {
        schema: {
          tags,
          params: idParams,
          body: takeBackReturnBody,
          description: 'WO-13 the repaired device goes back; the customer signs and the loaner comes home',
        },
      },
      async (req) => services.takeBacks.giveBack(requireAuth(req), req.params.id, req.body, idempotencyKey(req)),
    );
  };
