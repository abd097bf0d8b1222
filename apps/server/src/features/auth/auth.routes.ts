import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAuth } from '../../http/guards.js';
import type { Services } from '../../services.js';
import { loginAnswer, loginBody, meView, positionBody } from './auth.schemas.js';

export const authRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/auth/login',
      {
        schema: { tags: ['auth'], security: [], body: loginBody, response: { 200: loginAnswer } },
        // SEC-03: brute force is slowed per client address (the policy pack sets the rate).
        config: { rateLimit: { max: services.policy.loginAttemptsPerMinute, timeWindow: 60_000 } },
      },
      async (req) => services.auth.login(req.body.login, req.body.password),
    );

    r.post('/auth/logout', { schema: { tags: ['auth'] } }, async (req, reply) => {
      await services.auth.logout(requireAuth(req));
      return reply.code(204).send();
    });

    r.get('/me', { schema: { tags: ['auth'], response: { 200: meView } } }, async (req) =>
      services.auth.me(requireAuth(req)),
    );

    r.put('/me/position', { schema: { tags: ['auth'], body: positionBody, response: { 200: meView } } }, async (req) =>
      services.auth.switchPosition(requireAuth(req), req.body.position),
    );
  };
