import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idempotencyKey, requireAuth } from '../../http/guards.js';
import { offlineQueuedAt } from '../../http/offline.js';
import type { Services } from '../../services.js';
import {
  agreementBody,
  agreementStatusBody,
  agreementsQuery,
  careCallBody,
  careEvaluationBody,
  careTicksBody,
  idParams,
  upcomingQuery,
} from './planned-work.schemas.js';

/** WO-16 routes (docs/api.md "Recurring care visits"): agreements, generated visits, the visit's records. */
export const careRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['recurring care'];

    r.get(
      '/care-agreements',
      { schema: { tags, querystring: agreementsQuery, description: 'Service agreements (WO-16).' } },
      async (req) => services.careAgreements.list(requireAuth(req), req.query),
    );
    r.post(
      '/care-agreements',
      {
        schema: {
          tags,
          body: agreementBody,
          description: 'Creates an agreement and generates its visits up to the policy horizon (WO-16).',
        },
      },
      async (req, reply) =>
        reply.code(201).send(await services.careAgreements.create(requireAuth(req), req.body, idempotencyKey(req))),
    );
    r.get(
      '/care-agreements/:id',
      { schema: { tags, params: idParams, description: 'An agreement with its visits and calls (WO-16).' } },
      async (req) => services.careAgreements.get(requireAuth(req), req.params.id),
    );
    r.post(
      '/care-agreements/:id/generate',
      {
        schema: {
          tags,
          params: idParams,
          description: 'Generates the missing visits up to the horizon; idempotent (WO-16).',
        },
      },
      async (req) => services.careAgreements.generate(requireAuth(req), req.params.id, idempotencyKey(req)),
    );
    r.post(
      '/care-agreements/:id/status',
      {
        schema: {
          tags,
          params: idParams,
          body: agreementStatusBody,
          description: 'Pauses, resumes or ends an agreement; unstarted visits are cancelled with the reason (WO-16).',
        },
      },
      async (req) => services.careAgreements.setStatus(requireAuth(req), req.params.id, req.body, idempotencyKey(req)),
    );
    r.get(
      '/care-visits',
      { schema: { tags, querystring: upcomingQuery, description: 'Planned care visits in a date range (WO-16).' } },
      async (req) => services.careAgreements.upcoming(requireAuth(req), req.query),
    );

    r.get(
      '/work-orders/:id/care-visit',
      {
        schema: {
          tags,
          params: idParams,
          description: 'The care visit of an order: contents, calls, ticks, next visit (WO-16).',
        },
      },
      async (req) => services.careVisits.detail(requireAuth(req), req.params.id),
    );
    r.post(
      '/work-orders/:id/care-visit/calls',
      {
        schema: {
          tags,
          params: idParams,
          body: careCallBody,
          description: 'Logs the call confirming the content (WO-16).',
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(
            await services.careVisits.call(
              requireAuth(req),
              req.params.id,
              req.body,
              idempotencyKey(req),
              offlineQueuedAt(req),
            ),
          ),
    );
    r.post(
      '/work-orders/:id/care-visit/ticks',
      {
        schema: {
          tags,
          params: idParams,
          body: careTicksBody,
          description: 'Ticks contents done and closing checks, e.g. valuables checked (WO-16).',
        },
      },
      async (req) =>
        services.careVisits.tick(requireAuth(req), req.params.id, req.body, idempotencyKey(req), offlineQueuedAt(req)),
    );
    r.post(
      '/work-orders/:id/care-visit/evaluation',
      {
        schema: { tags, params: idParams, body: careEvaluationBody, description: 'The carer’s evaluation (WO-16).' },
      },
      async (req) =>
        services.careVisits.evaluate(
          requireAuth(req),
          req.params.id,
          req.body,
          idempotencyKey(req),
          offlineQueuedAt(req),
        ),
    );
    r.post(
      '/work-orders/:id/care-visit/next',
      { schema: { tags, params: idParams, description: 'Books the next visit of the agreement (WO-16).' } },
      async (req) =>
        services.careVisits.bookNext(requireAuth(req), req.params.id, idempotencyKey(req), offlineQueuedAt(req)),
    );
  };
