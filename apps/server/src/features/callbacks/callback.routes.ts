import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idempotencyKey, requireAuth } from '../../http/guards.js';
import type { Services } from '../../services.js';
import { attemptBody, callbackParams, callbackQueueQuery, outcomeBody, spotCheckBody } from './callback.schemas.js';

/** CB-01/02 routes (docs/api.md "Callbacks"): thin — one service call each. */
export const callbackRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/callbacks',
      {
        schema: {
          tags: ['callbacks'],
          querystring: callbackQueueQuery,
          description: 'The callback queue: tasks in a state, earliest due first, with the order summary (CB-01).',
        },
      },
      async (req) => services.callbacks.queue(requireAuth(req), req.query),
    );

    r.post(
      '/callbacks/:id/attempts',
      {
        schema: {
          tags: ['callbacks'],
          params: callbackParams,
          body: attemptBody,
          description: 'Logs a call: reached, no answer, busy, or call back at a time (CB-02).',
        },
      },
      async (req) => services.callbacks.recordAttempt(requireAuth(req), req.params.id, req.body, idempotencyKey(req)),
    );

    r.post(
      '/callbacks/:id/outcome',
      {
        schema: {
          tags: ['callbacks'],
          params: callbackParams,
          body: outcomeBody,
          description:
            'Records the answer (CB-02). Dissatisfied needs root cause, suggestion and an improvement action, and reopens the order.',
        },
      },
      async (req) => services.callbacks.recordOutcome(requireAuth(req), req.params.id, req.body, idempotencyKey(req)),
    );

    r.post(
      '/callbacks/:id/spot-check',
      {
        schema: {
          tags: ['callbacks'],
          params: callbackParams,
          body: spotCheckBody,
          description:
            'Records a sales spot-check\'s answer (CB-03); "the vendor\'s report differs from the truth" records a VND-01 case linked to the order.',
        },
      },
      async (req) => services.spotChecks.recordOutcome(requireAuth(req), req.params.id, req.body, idempotencyKey(req)),
    );

    r.post(
      '/callbacks/spot-checks/sweep',
      {
        schema: {
          tags: ['callbacks'],
          description:
            'Samples orders near day 7 after completion into spot-check tasks for sales now (CB-03); the daily job does the same.',
        },
      },
      async (req) => services.spotChecks.sweep(requireAuth(req)),
    );
  };
