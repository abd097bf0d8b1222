import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idempotencyKey, requireAuth } from '../../http/guards.js';
import { offlineQueuedAt } from '../../http/offline.js';
import type { Services } from '../../services.js';
import {
  findingBody,
  idParams,
  inspectorsBody,
  noticeAnswerBody,
  noticeRectifiedBody,
  overdueQuery,
  planBody,
  plansQuery,
} from './planned-work.schemas.js';

/** WO-17 routes (docs/api.md "Planned inspections"): plans, crews, findings, rectification notices. */
export const inspectionRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['inspections'];
    const bodyLimit = Math.ceil(services.policy.visit.attachments.maxBytes * 1.4) + 64 * 1024;

    r.get(
      '/inspection-plans',
      { schema: { tags, querystring: plansQuery, description: 'Yearly inspection plans (WO-17).' } },
      async (req) => services.inspections.listPlans(requireAuth(req), req.query.limit),
    );
    r.post(
      '/inspection-plans',
      {
        schema: { tags, body: planBody, description: 'Creates a plan and generates the orders now due (WO-17).' },
      },
      async (req, reply) =>
        reply.code(201).send(await services.inspections.createPlan(requireAuth(req), req.body, idempotencyKey(req))),
    );
    r.get(
      '/inspection-plans/:id',
      { schema: { tags, params: idParams, description: 'A plan with its targets and their orders (WO-17).' } },
      async (req) => services.inspections.getPlan(requireAuth(req), req.params.id),
    );
    r.post(
      '/inspection-plans/:id/generate',
      {
        schema: { tags, params: idParams, description: 'Generates the orders of targets now due; idempotent (WO-17).' },
      },
      async (req) => services.inspections.generate(requireAuth(req), req.params.id, idempotencyKey(req)),
    );

    r.post(
      '/work-orders/:id/inspectors',
      {
        schema: {
          tags,
          params: idParams,
          body: inspectorsBody,
          description: 'Assigns the crew, lead first; fewer than the minimum is WO_INSPECTORS_REQUIRED (WO-17).',
        },
      },
      async (req) =>
        services.inspections.assignInspectors(requireAuth(req), req.params.id, req.body, idempotencyKey(req)),
    );
    r.get(
      '/work-orders/:id/inspection',
      { schema: { tags, params: idParams, description: 'Crew, findings and notice of an inspection (WO-17).' } },
      async (req) => services.inspections.detail(requireAuth(req), req.params.id),
    );
    r.post(
      '/work-orders/:id/inspection/findings',
      { schema: { tags, params: idParams, body: findingBody, description: 'Records one item’s result (WO-17).' } },
      async (req) => {
        const auth = requireAuth(req);
        // DESK-04: a hazard's note is printed on the rectification notice the customer reads and signs.
        const { note, result, confirmFlagged } = req.body;
        if (result === 'hazard' && note) {
          await services.scripts.assertTextsNow(auth, [{ field: 'note', text: note }], confirmFlagged === true);
        }
        return services.inspections.recordFinding(
          auth,
          req.params.id,
          req.body,
          idempotencyKey(req),
          offlineQueuedAt(req),
        );
      },
    );
    r.post(
      '/work-orders/:id/rectification-notice',
      {
        schema: {
          tags,
          params: idParams,
          description: 'Issues the rectification notice of the hazards found (WO-17).',
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(
            await services.inspections.issueNotice(
              requireAuth(req),
              req.params.id,
              idempotencyKey(req),
              offlineQueuedAt(req),
            ),
          ),
    );
    r.post(
      '/work-orders/:id/rectification-notice/answer',
      {
        bodyLimit,
        schema: {
          tags,
          params: idParams,
          body: noticeAnswerBody,
          description:
            'Answers the notice of an order (signature or refusal) — the phone queued it offline before the notice had an id (WO-17, ENG-07).',
        },
      },
      async (req) =>
        services.inspectionPhone.answerOfOrder(
          requireAuth(req),
          req.params.id,
          req.body,
          idempotencyKey(req),
          offlineQueuedAt(req),
        ),
    );
    r.get(
      '/inspections/crew-todo',
      {
        schema: {
          tags,
          description:
            'Open inspections the caller is crew of without holding them: the second inspector’s to-do (WO-17, ENG-01).',
        },
      },
      async (req) => services.inspectionPhone.crewTodo(requireAuth(req)),
    );

    r.get(
      '/rectification-notices/overdue',
      { schema: { tags, querystring: overdueQuery, description: 'Open notices past their deadline (WO-17).' } },
      async (req) => services.inspections.overdue(requireAuth(req), req.query.limit),
    );
    r.get(
      '/rectification-notices/:id',
      { schema: { tags, params: idParams, description: 'A notice for printing (WO-17).' } },
      async (req) => services.inspections.notice(requireAuth(req), req.params.id),
    );
    r.get(
      '/rectification-notices/:id/signature',
      { schema: { tags, params: idParams, description: 'The customer’s signature image on a notice (WO-17).' } },
      async (req, reply) => {
        const file = await services.inspections.noticeSignature(requireAuth(req), req.params.id);
        return reply
          .header('content-type', file.contentType)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, max-age=3600')
          .send(Buffer.from(file.data));
      },
    );
    r.post(
      '/rectification-notices/:id/answer',
      {
        bodyLimit,
        schema: {
          tags,
          params: idParams,
          body: noticeAnswerBody,
          description: 'The customer signs, or the refusal and its reason are recorded (WO-17).',
        },
      },
      async (req) =>
        services.inspections.answerNotice(
          requireAuth(req),
          req.params.id,
          req.body,
          idempotencyKey(req),
          offlineQueuedAt(req),
        ),
    );
    r.post(
      '/rectification-notices/:id/rectified',
      {
        schema: {
          tags,
          params: idParams,
          body: noticeRectifiedBody,
          description: 'Records the hazard as fixed (WO-17).',
        },
      },
      async (req) => services.inspections.rectified(requireAuth(req), req.params.id, req.body, idempotencyKey(req)),
    );
  };
