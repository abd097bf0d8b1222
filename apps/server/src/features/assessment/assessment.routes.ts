import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idempotencyKey, requireAuth } from '../../http/guards.js';
import type { Services } from '../../services.js';
import { caseParams, caseStepBody, ledgerQuery, manualCaseBody, whatIfBody } from './assessment.schemas.js';

/** VND-01 routes (docs/api.md "Vendor assessment"): thin — one service call each. */
export const assessmentRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['assessment'];
    r.get(
      '/assessment/cases',
      { schema: { tags, querystring: ledgerQuery, description: 'A month’s charged cases with their history.' } },
      async (req) => services.assessment.cases(requireAuth(req), req.query),
    );
    r.post(
      '/assessment/cases',
      { schema: { tags, body: manualCaseBody, description: 'Records a case for an event found by a manager.' } },
      async (req) => services.assessment.createCase(requireAuth(req), req.body, idempotencyKey(req)),
    );
    r.post(
      '/assessment/cases/:id/steps',
      {
        schema: {
          tags,
          params: caseParams,
          body: caseStepBody,
          description: 'Dispute (vendor), start review, uphold or reverse (operator); history is kept.',
        },
      },
      async (req) => services.assessment.step(requireAuth(req), req.params.id, req.body, idempotencyKey(req)),
    );
    r.get(
      '/assessment/ledger',
      { schema: { tags, querystring: ledgerQuery, description: 'The monthly ledger of one vendor, with totals.' } },
      async (req) => services.assessment.ledger(requireAuth(req), req.query),
    );
    r.post(
      '/assessment/what-if',
      { schema: { tags, body: whatIfBody, description: 'Re-runs a month’s cases under a draft rule set.' } },
      async (req) => services.assessment.whatIf(requireAuth(req), req.body),
    );
    r.post(
      '/assessment/sweep',
      { schema: { tags, description: 'Turns SLA breaches not yet assessed into cases (also a scheduled job).' } },
      async (req) => services.assessment.sweep(requireAuth(req)),
    );
  };
