import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idempotencyKey, requireAuth } from '../../http/guards.js';
import type { Services } from '../../services.js';
import { bookBody, callBody, offersQuery, orderParams } from './appointments.schemas.js';

/** APT-01/02 routes (docs/api.md "Appointments"): thin — one service call each. */
export const appointmentRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/work-orders/:id/appointment-offers',
      {
        schema: {
          tags: ['appointments'],
          params: orderParams,
          querystring: offersQuery,
          description: 'APT-01: the day’s windows with how many engineers could take the visit in each.',
        },
      },
      async (req) => services.appointments.offers(requireAuth(req), req.params.id, req.query),
    );

    r.post(
      '/work-orders/:id/appointment-calls',
      {
        schema: {
          tags: ['appointments'],
          params: orderParams,
          body: callBody,
          description: 'APT-01: logs a call; "call back" at T creates a follow-up task fired at T.',
        },
      },
      async (req) => services.appointments.logCall(requireAuth(req), req.params.id, req.body, idempotencyKey(req)),
    );

    r.post(
      '/work-orders/:id/appointment',
      {
        schema: {
          tags: ['appointments'],
          params: orderParams,
          body: bookBody,
          description: 'APT-01/02: books the chosen window (confirm or reschedule) with the SLA-07 notice verdict.',
        },
      },
      async (req) => services.appointments.book(requireAuth(req), req.params.id, req.body, idempotencyKey(req)),
    );

    r.get(
      '/work-orders/:id/appointment-history',
      {
        schema: {
          tags: ['appointments'],
          params: orderParams,
          description: 'APT-01/02: the order’s calls, call-back tasks and reschedules.',
        },
      },
      async (req) => services.appointments.history(requireAuth(req), req.params.id),
    );
  };
