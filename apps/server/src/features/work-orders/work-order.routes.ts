import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

import { customerTextsOf, DomainError, type Position, type WorkOrderCommand } from '@daowei/domain';
import { idempotencyKey, requireAuth, requirePosition } from '../../http/guards.js';
import { offlineQueuedAt } from '../../http/offline.js';
import type { Services } from '../../services.js';
import { actionBodies, actionParams, anyActionBody, createBody, idParams, listQuery } from './work-order.schemas.js';

/** Who may open new orders (DESK-01 intake). */
const CREATORS: readonly Position[] = ['hotline_agent', 'coordinator', 'station_manager', 'admin'];

/** Validates an action's body with that action's schema; the failing field is named in the 400. */
function parseCommand(action: keyof typeof actionBodies, body: unknown): WorkOrderCommand {
  const parsed = actionBodies[action].safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = ['body', ...(issue?.path ?? [])].join('.');
    throw new DomainError('VALIDATION_FAILED', `${field}: ${issue?.message ?? 'invalid'}`, {
      field,
      issues: parsed.error.issues.map((i) => ({ field: ['body', ...i.path].join('.'), message: i.message })),
    });
  }
  // The completion facts travel flat in the body (docs/api.md); the domain takes them as one record.
  if (action === 'complete') return { action, completion: parsed.data } as WorkOrderCommand;
  return { action, ...parsed.data } as WorkOrderCommand;
}

/** DESK-04: the caller explicitly sends a flagged text anyway (`confirmFlagged: true` in the body). */
const confirmsFlagged = (body: unknown) =>
  typeof body === 'object' && body !== null && (body as Record<string, unknown>).confirmFlagged === true;

export const workOrderRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/work-orders', { schema: { tags: ['work orders'], querystring: listQuery } }, async (req) =>
      services.workOrders.list(requireAuth(req), req.query),
    );

    r.get('/work-orders/:id', { schema: { tags: ['work orders'], params: idParams } }, async (req) =>
      services.workOrders.get(requireAuth(req), req.params.id),
    );

    r.post('/work-orders', { schema: { tags: ['work orders'], body: createBody } }, async (req, reply) => {
      const auth = requirePosition(req, CREATORS);
      const detail = await services.workOrders.create(auth, req.body, idempotencyKey(req));
      return reply.code(201).send(detail);
    });

    r.post(
      '/work-orders/:id/actions/:action',
      {
        schema: {
          tags: ['work orders'],
          params: actionParams,
          body: anyActionBody,
          description:
            'Moves the order through its lifecycle (WO-03). The body depends on the action: see docs/api.md.',
        },
      },
      async (req) => {
        const auth = requireAuth(req);
        const cmd = parseCommand(req.params.action, req.body);
        // DESK-04: what the customer will read is checked first (409 DESK_FORBIDDEN_PHRASE names it).
        await services.scripts.assertTextsNow(auth, customerTextsOf(cmd), confirmsFlagged(req.body));
        return services.workOrders.act(auth, req.params.id, cmd, idempotencyKey(req), offlineQueuedAt(req));
      },
    );
  };
