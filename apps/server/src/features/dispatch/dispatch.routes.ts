import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idempotencyKey, requireAuth } from '../../http/guards.js';
import type { Services } from '../../services.js';
import {
  applyBody,
  assignBody,
  checkBody,
  dayBody,
  myDayQuery,
  orderIdParams,
  partNeedsBody,
  planBody,
  replanBody,
  urgentBody,
} from './dispatch.schemas.js';

/** DSP-03/04 routes (docs/api.md "Dispatch"): thin — one service call each; positions are checked there (policy data). */
export const dispatchRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/dispatch/plan',
      {
        schema: {
          tags: ['dispatch'],
          body: planBody,
          description: 'Plans a station’s day (DSP-03) and returns the plan with explanations; changes nothing.',
        },
      },
      async (req) => services.dispatch.plan(requireAuth(req), req.body),
    );

    r.post(
      '/dispatch/plan/apply',
      {
        schema: {
          tags: ['dispatch'],
          body: applyBody,
          description: 'Dispatches each order to its planned engineer (remark "auto-plan"), in one transaction.',
        },
      },
      async (req) => services.dispatch.apply(requireAuth(req), req.body, idempotencyKey(req)),
    );

    r.post(
      '/dispatch/check',
      {
        schema: {
          tags: ['dispatch'],
          body: checkBody,
          description: 'DSP-04: can the engineer reach the order in time after his previous job that day?',
        },
      },
      async (req) => services.dispatch.check(requireAuth(req), req.body),
    );

    r.post(
      '/dispatch/day',
      {
        schema: {
          tags: ['dispatch'],
          body: dayBody,
          description: 'DSP-01: the station-day as it stands (stored sequences), timed and explained like a plan.',
        },
      },
      async (req) => services.dispatch.day(requireAuth(req), req.body),
    );

    r.post(
      '/dispatch/assign',
      {
        schema: {
          tags: ['dispatch'],
          body: assignBody,
          description:
            'DSP-01/04: assigns an order to an engineer and places it in his day where the DSP-04 check puts it; refused (409 DSP_INSERTION_REFUSED) when it does not fit.',
        },
      },
      async (req) => services.dispatch.assign(requireAuth(req), req.body, idempotencyKey(req)),
    );

    r.post(
      '/dispatch/urgent',
      {
        schema: {
          tags: ['dispatch'],
          body: urgentBody,
          description:
            'DSP-03/05: re-plans the rest of the day around one urgent order with minimal change; moved orders are dispatched.',
        },
      },
      async (req) => services.dispatch.insertUrgent(requireAuth(req), req.body, idempotencyKey(req)),
    );

    r.post(
      '/dispatch/replan',
      {
        schema: {
          tags: ['dispatch'],
          body: replanBody,
          description:
            'DSP-03: re-plans the rest of the day after an engineer falls ill (engineer_off) or a visit runs long (overrun), changing as little as needed; moved visits are dispatched, the ones nobody can take return to the station queue.',
        },
      },
      async (req) => services.dispatch.replanDay(requireAuth(req), req.body, idempotencyKey(req)),
    );

    r.get(
      '/work-orders/:id/part-needs',
      {
        schema: {
          tags: ['dispatch'],
          params: orderIdParams,
          description:
            'DSP-01: the parts the order needs and their readiness (issued for it / in its station store / short).',
        },
      },
      async (req) => services.dispatch.partNeeds.get(requireAuth(req), req.params.id),
    );

    r.put(
      '/work-orders/:id/part-needs',
      {
        schema: {
          tags: ['dispatch'],
          params: orderIdParams,
          body: partNeedsBody,
          description: 'DSP-01/03: records the parts the order needs (replaces the list); answers with the readiness.',
        },
      },
      async (req) =>
        services.dispatch.partNeeds.replace(requireAuth(req), req.params.id, req.body, idempotencyKey(req)),
    );

    r.get(
      '/dispatch/my-day',
      {
        schema: {
          tags: ['dispatch'],
          querystring: myDayQuery,
          description: 'ENG-01/DSP-03: the signed-in engineer’s visits of a day (default today) in planned sequence.',
        },
      },
      async (req) => services.dispatch.myDay(requireAuth(req), req.query),
    );
  };
