import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  POSITIONS,
  PRIORITIES,
  SUSPEND_REASONS,
  WARRANTY_STATES,
  WORK_ORDER_STATUSES,
  WORK_ORDER_TYPES,
} from '@daowei/domain';
import { requireAuth } from '../../http/guards.js';
import type { Services } from '../../services.js';

/** Reference data the forms need: codes, and the policy pack's configurable lists (WO-05, WO-07). */
export const metaRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    app.withTypeProvider<ZodTypeProvider>().get('/meta', { schema: { tags: ['reference'] } }, async (req) => {
      requireAuth(req);
      const p = services.policy;
      return {
        types: WORK_ORDER_TYPES,
        statuses: WORK_ORDER_STATUSES,
        priorities: PRIORITIES,
        positions: POSITIONS,
        suspendReasons: SUSPEND_REASONS,
        warrantyStates: WARRANTY_STATES,
        returnReasons: p.returnReasons,
        complaintCauses: p.complaintCauses,
        policy: { id: p.id, version: p.version },
      };
    });
  };
