import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idempotencyKey, requireAuth } from '../../http/guards.js';
import { offlineQueuedAt } from '../../http/offline.js';
import type { Services } from '../../services.js';
import {
  attachmentBody,
  attachmentParams,
  checklistBody,
  confirmationBody,
  consentBody,
  diagnosisBody,
  orderParams,
} from './visit.schemas.js';

/** ENG-03/04/06, WO-14 routes (docs/api.md "Visit records"): thin — validate, authenticate, one service call. */
export const visitRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    // Base64 images are a third larger than their bytes; the policy's byte limit is checked after decoding.
    const bodyLimit = Math.ceil(services.policy.visit.attachments.maxBytes * 1.4) + 64 * 1024;
    const tags = ['visit records'];

    r.post(
      '/work-orders/:id/consents',
      {
        bodyLimit,
        schema: { tags, params: orderParams, body: consentBody, description: 'Records a signed consent (ENG-04).' },
      },
      async (req, reply) => {
        const saved = await services.visits.addConsent(
          requireAuth(req),
          req.params.id,
          req.body,
          idempotencyKey(req),
          offlineQueuedAt(req),
        );
        return reply.code(201).send(saved);
      },
    );
    r.get(
      '/work-orders/:id/consents',
      { schema: { tags, params: orderParams, description: 'The consent kinds and the consents given (ENG-04).' } },
      async (req) => services.visits.consents(requireAuth(req), req.params.id),
    );

    r.post(
      '/work-orders/:id/attachments',
      {
        bodyLimit,
        schema: {
          tags,
          params: orderParams,
          body: attachmentBody,
          description: 'Uploads a photo or screenshot (WO-14).',
        },
      },
      async (req, reply) => {
        const saved = await services.visits.addAttachment(
          requireAuth(req),
          req.params.id,
          req.body,
          idempotencyKey(req),
          offlineQueuedAt(req),
        );
        return reply.code(201).send(saved);
      },
    );
    r.get(
      '/work-orders/:id/attachments',
      { schema: { tags, params: orderParams, description: 'Attachments of the order, without their bytes (WO-14).' } },
      async (req) => services.visits.attachments(requireAuth(req), req.params.id),
    );
    r.get(
      '/work-orders/:id/attachments/:attachmentId',
      { schema: { tags, params: attachmentParams, description: 'The image of one attachment (WO-14).' } },
      async (req, reply) => {
        const file = await services.visits.attachmentData(requireAuth(req), req.params.id, req.params.attachmentId);
        return reply
          .header('content-type', file.contentType)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, max-age=3600')
          .send(Buffer.from(file.data));
      },
    );

    r.post(
      '/work-orders/:id/checklist',
      { schema: { tags, params: orderParams, body: checklistBody, description: 'Ticks on-site steps (ENG-03).' } },
      async (req) =>
        services.visits.tick(requireAuth(req), req.params.id, req.body, idempotencyKey(req), offlineQueuedAt(req)),
    );
    r.get(
      '/work-orders/:id/checklist',
      {
        schema: {
          tags,
          params: orderParams,
          description: 'The order type’s on-site steps and when each was done (ENG-03).',
        },
      },
      async (req) => services.visits.checklist(requireAuth(req), req.params.id),
    );

    r.post(
      '/work-orders/:id/confirmation',
      {
        bodyLimit,
        schema: {
          tags,
          params: orderParams,
          body: confirmationBody,
          description: 'The customer’s confirmation: satisfaction, comment, signature or declined to sign (ENG-06).',
        },
      },
      async (req, reply) => {
        const saved = await services.visits.confirm(
          requireAuth(req),
          req.params.id,
          req.body,
          idempotencyKey(req),
          offlineQueuedAt(req),
        );
        return reply.code(201).send(saved);
      },
    );
    r.get(
      '/work-orders/:id/confirmation',
      { schema: { tags, params: orderParams, description: 'The customer’s confirmation, or null (ENG-06).' } },
      async (req) => services.visits.confirmation(requireAuth(req), req.params.id),
    );

    r.post(
      '/work-orders/:id/diagnosis',
      {
        schema: {
          tags,
          params: orderParams,
          body: diagnosisBody,
          description:
            'Records the engineer’s diagnosis on site: reproduced, observed minutes, cause, finding (ENG-05).',
        },
      },
      async (req, reply) => {
        const saved = await services.visits.diagnose(
          requireAuth(req),
          req.params.id,
          req.body,
          idempotencyKey(req),
          offlineQueuedAt(req),
        );
        return reply.code(201).send(saved);
      },
    );
    r.get(
      '/work-orders/:id/diagnosis',
      {
        schema: {
          tags,
          params: orderParams,
          description: 'The diagnosis of the current visit and the latest one recorded, or null (ENG-05).',
        },
      },
      async (req) => services.visits.diagnosis(requireAuth(req), req.params.id),
    );
  };
