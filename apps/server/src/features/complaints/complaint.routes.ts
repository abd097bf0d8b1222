import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idempotencyKey, requireAuth } from '../../http/guards.js';
import type { Services } from '../../services.js';
import {
  complaintListQuery,
  complaintParams,
  complaintSaveBody,
  managerNoteBody,
  patternQuery,
  staffLogQuery,
} from './complaint.schemas.js';

/** CMP-01/02 routes (docs/api.md "Complaints"): thin — one service call each. */
export const complaintRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['complaints'];

    r.get(
      '/complaints',
      {
        schema: {
          tags,
          querystring: complaintListQuery,
          description:
            'Complaint orders accepted in [from, to) with their follow-up sheets and what is still missing to close (CMP-01).',
        },
      },
      async (req) => services.complaints.list(requireAuth(req), req.query),
    );
    r.get(
      '/complaints/staff-log',
      {
        schema: {
          tags,
          querystring: staffLogQuery,
          description: "The station manager's log: complaints about staff of their stations (CMP-02).",
        },
      },
      async (req) => services.complaints.staffLog(requireAuth(req), req.query),
    );
    r.get(
      '/complaints/patterns',
      {
        schema: {
          tags,
          querystring: patternQuery,
          description: 'Complaints per person or per area in a period, the top N (CMP-02).',
        },
      },
      async (req) => services.complaints.patterns(requireAuth(req), req.query),
    );
    r.get(
      '/complaints/:orderId',
      {
        schema: { tags, params: complaintParams, description: "One complaint order's follow-up sheet (CMP-01)." },
      },
      async (req) => services.complaints.get(requireAuth(req), req.params.orderId),
    );
    r.put(
      '/complaints/:orderId',
      {
        schema: {
          tags,
          params: complaintParams,
          body: complaintSaveBody,
          description:
            'Saves the follow-up sheet (opened on first save): about whom/what, fixed with the customer, responsibility, cause, improvement measure (CMP-01).',
        },
      },
      async (req) => services.complaints.save(requireAuth(req), req.params.orderId, req.body, idempotencyKey(req)),
    );
    r.post(
      '/complaints/:orderId/close',
      {
        schema: {
          tags,
          params: complaintParams,
          description:
            'Closes the complaint and its order; refused 409 CMP_CLOSE_INCOMPLETE naming what is missing, the closing callback included (CMP-01).',
        },
      },
      async (req) => services.complaints.close(requireAuth(req), req.params.orderId, idempotencyKey(req)),
    );
    r.post(
      '/complaints/:orderId/manager-note',
      {
        schema: {
          tags,
          params: complaintParams,
          body: managerNoteBody,
          description: "The station manager's follow-up with the person a staff complaint is about (CMP-02).",
        },
      },
      async (req) =>
        services.complaints.managerNote(requireAuth(req), req.params.orderId, req.body, idempotencyKey(req)),
    );
  };
