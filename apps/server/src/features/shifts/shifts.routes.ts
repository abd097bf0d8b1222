import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idempotencyKey, requireAuth } from '../../http/guards.js';
import type { Services } from '../../services.js';
import { rosterBody, shiftIdParams, shiftsQuery } from './shifts.schemas.js';

/** ORG-06 rosters: view, plan a weekly line for several people, take a shift out. */
export const shiftRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['org'];
    r.get('/shifts', { schema: { tags, querystring: shiftsQuery } }, async (req) =>
      services.shifts.list(requireAuth(req), req.query),
    );
    r.post('/shifts/roster', { schema: { tags, body: rosterBody } }, async (req, reply) =>
      reply.code(201).send(await services.shifts.roster(requireAuth(req), req.body, idempotencyKey(req))),
    );
    r.delete('/shifts/:id', { schema: { tags, params: shiftIdParams } }, async (req) =>
      services.shifts.remove(requireAuth(req), req.params.id),
    );
  };
