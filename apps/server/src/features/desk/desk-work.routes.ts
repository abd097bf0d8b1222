import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Position } from '@daowei/domain';
import { idempotencyKey, requireAuth, requirePosition } from '../../http/guards.js';
import type { Services } from '../../services.js';
import {
  carryInListQuery,
  carryInPickupBody,
  carryInReceiptBody,
  carryInStageBody,
  customerMessageBody,
  deskTasksQuery,
  intakeBody,
  libraryBody,
  orderIdParams,
  selfRescheduleBody,
  taskDoneBody,
  taskIdParams,
  tokenParams,
} from './desk.schemas.js';

/** DESK-01: who takes requests at the desk (the order creators). */
const INTAKE_POSITIONS: readonly Position[] = ['hotline_agent', 'coordinator', 'station_manager', 'admin'];
/** DESK-04/06: who writes to customers about an order. */
const MESSAGE_POSITIONS: readonly Position[] = [
  'hotline_agent',
  'coordinator',
  'callback_agent',
  'station_manager',
  'admin',
];

/** DESK-01..06 work routes: intake, follow-up tasks, carry-in counter, library admin, customer messages, self-service reschedule. */
export const deskWorkRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['desk'];

    r.post('/desk/intakes', { schema: { tags, body: intakeBody } }, async (req, reply) => {
      const auth = requirePosition(req, INTAKE_POSITIONS);
      return reply.code(201).send(await services.intake.create(auth, req.body, idempotencyKey(req)));
    });

    r.get('/desk/tasks', { schema: { tags, querystring: deskTasksQuery } }, async (req) =>
      services.deskTasks.list(requireAuth(req), req.query),
    );

    r.post('/desk/tasks/:id/done', { schema: { tags, params: taskIdParams, body: taskDoneBody } }, async (req) =>
      services.deskTasks.finish(requireAuth(req), req.params.id, req.body, idempotencyKey(req)),
    );

    r.get('/desk/library', { schema: { tags } }, async (req) => services.scripts.getLibrary(requireAuth(req)));

    r.put('/desk/library', { schema: { tags, body: libraryBody } }, async (req) =>
      services.scripts.saveLibrary(requireAuth(req), req.body, idempotencyKey(req)),
    );

    r.get('/carry-in', { schema: { tags, querystring: carryInListQuery } }, async (req) =>
      services.carryIn.list(requireAuth(req), req.query),
    );

    r.get('/work-orders/:id/carry-in', { schema: { tags, params: orderIdParams } }, async (req) =>
      services.carryIn.get(requireAuth(req), req.params.id),
    );

    r.post(
      '/work-orders/:id/carry-in',
      { schema: { tags, params: orderIdParams, body: carryInReceiptBody } },
      async (req, reply) =>
        reply
          .code(201)
          .send(await services.carryIn.receive(requireAuth(req), req.params.id, req.body, idempotencyKey(req))),
    );

    r.post(
      '/work-orders/:id/carry-in/stage',
      { schema: { tags, params: orderIdParams, body: carryInStageBody } },
      async (req) => services.carryIn.advance(requireAuth(req), req.params.id, req.body, idempotencyKey(req)),
    );

    r.post(
      '/work-orders/:id/carry-in/pickup',
      { schema: { tags, params: orderIdParams, body: carryInPickupBody } },
      async (req) => services.carryIn.pickup(requireAuth(req), req.params.id, req.body, idempotencyKey(req)),
    );

    r.get('/work-orders/:id/customer-messages', { schema: { tags, params: orderIdParams } }, async (req) =>
      services.customerMessages.list(requireAuth(req), req.params.id),
    );

    r.post(
      '/work-orders/:id/customer-messages',
      { schema: { tags, params: orderIdParams, body: customerMessageBody } },
      async (req, reply) => {
        const auth = requirePosition(req, MESSAGE_POSITIONS);
        return reply
          .code(201)
          .send(await services.customerMessages.post(auth, req.params.id, req.body, idempotencyKey(req)));
      },
    );

    r.post(
      '/public/orders/:token/reschedule',
      {
        schema: { tags: ['self-service'], security: [], params: tokenParams, body: selfRescheduleBody },
        config: { rateLimit: { max: services.deskPolicy.publicRequestsPerMinute, timeWindow: 60_000 } },
      },
      async (req) => services.selfService.reschedule(req.params.token, req.body),
    );
  };
