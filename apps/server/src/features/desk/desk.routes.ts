import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Position } from '@daowei/domain';
import { idempotencyKey, requireAuth, requirePosition } from '../../http/guards.js';
import type { Services } from '../../services.js';
import { lookupQuery, orderIdParams, ratingBody, scriptsQuery, textCheckBody, tokenParams } from './desk.schemas.js';

/** DESK-01/06: who looks customers up and hands them self-service links (the desk and those who call them). */
const LINK_ISSUERS: readonly Position[] = [
  'hotline_agent',
  'coordinator',
  'callback_agent',
  'station_manager',
  'admin',
];

/** DESK-04 scripts and text check (any staff position) and DESK-06 customer self-service. */
export const deskRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    // Public routes are slowed per client address: tokens are unguessable, but scanning costs nothing.
    const publicLimit = {
      rateLimit: { max: services.deskPolicy.publicRequestsPerMinute, timeWindow: 60_000 },
    };

    r.get('/scripts', { schema: { tags: ['desk'], querystring: scriptsQuery } }, async (req) => {
      return services.scripts.list(requireAuth(req), req.query);
    });

    r.post('/text-check', { schema: { tags: ['desk'], body: textCheckBody } }, async (req) => {
      return services.scripts.check(requireAuth(req), req.body.text);
    });

    r.post(
      '/work-orders/:id/self-service-link',
      { schema: { tags: ['desk'], params: orderIdParams } },
      async (req, reply) => {
        const auth = requirePosition(req, LINK_ISSUERS);
        return reply.code(201).send(await services.selfService.issue(auth, req.params.id, idempotencyKey(req)));
      },
    );

    r.get('/customers/lookup', { schema: { tags: ['desk'], querystring: lookupQuery } }, async (req) =>
      services.intake.lookup(requirePosition(req, LINK_ISSUERS), req.query.phone),
    );

    r.get(
      '/public/orders/:token',
      { schema: { tags: ['self-service'], security: [], params: tokenParams }, config: publicLimit },
      async (req) => services.selfService.progress(req.params.token),
    );

    r.post(
      '/public/orders/:token/urge',
      { schema: { tags: ['self-service'], security: [], params: tokenParams }, config: publicLimit },
      async (req) => services.selfService.urge(req.params.token),
    );

    r.post(
      '/public/orders/:token/rating',
      { schema: { tags: ['self-service'], security: [], params: tokenParams, body: ratingBody }, config: publicLimit },
      async (req, reply) => reply.code(201).send(await services.selfService.rate(req.params.token, req.body)),
    );
  };
