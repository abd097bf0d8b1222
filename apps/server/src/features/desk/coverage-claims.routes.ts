import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idempotencyKey, requireAuth } from '../../http/guards.js';
import type { Services } from '../../services.js';
import { orderIdParams } from './desk.schemas.js';
import { claimBody, claimCloseBody, claimDecisionBody, claimIdParams, claimsQuery } from './coverage-claims.schemas.js';

/** WO-09/10 routes: the engineer's claim, the supervisor's queue and decision, the close. */
export const coverageClaimsRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['desk'];

    r.get('/work-orders/:id/coverage-claims', { schema: { tags, params: orderIdParams } }, async (req) =>
      services.coverageClaims.listForOrder(requireAuth(req), req.params.id),
    );

    r.post(
      '/work-orders/:id/coverage-claims',
      { schema: { tags, params: orderIdParams, body: claimBody } },
      async (req, reply) =>
        reply
          .code(201)
          .send(await services.coverageClaims.claim(requireAuth(req), req.params.id, req.body, idempotencyKey(req))),
    );

    r.get('/coverage-claims', { schema: { tags, querystring: claimsQuery } }, async (req) =>
      services.coverageClaims.list(requireAuth(req), req.query),
    );

    r.post(
      '/coverage-claims/:id/decision',
      { schema: { tags, params: claimIdParams, body: claimDecisionBody } },
      async (req) => services.coverageClaims.decide(requireAuth(req), req.params.id, req.body, idempotencyKey(req)),
    );

    r.post(
      '/coverage-claims/:id/close',
      { schema: { tags, params: claimIdParams, body: claimCloseBody } },
      async (req) => services.coverageClaims.close(requireAuth(req), req.params.id, req.body, idempotencyKey(req)),
    );
  };
