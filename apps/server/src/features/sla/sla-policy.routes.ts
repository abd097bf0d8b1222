import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idempotencyKey, requireAuth } from '../../http/guards.js';
import type { Services } from '../../services.js';
import {
  customerContractBody,
  customerContractParams,
  newPolicyVersionBody,
  policyDiffQuery,
  policyVersionParams,
} from './sla-policy.schemas.js';

/** SLA-02 policy editor routes (docs/api.md "SLA policy"): thin — one service call each. */
export const slaPolicyRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/sla/policy',
      {
        schema: {
          tags: ['sla'],
          description: 'The tenant’s current SLA policy version and the list of versions (SLA-02).',
        },
      },
      async (req) => services.slaPolicy.current(requireAuth(req)),
    );

    r.get(
      '/sla/policy/schema',
      { schema: { tags: ['sla'], description: 'JSON Schema of an SLA policy, for editors and imports (SLA-02).' } },
      async (req) => {
        requireAuth(req);
        return services.slaPolicy.schema();
      },
    );

    r.get(
      '/sla/policy/versions/:version',
      {
        schema: {
          tags: ['sla'],
          params: policyVersionParams,
          description: 'One version of the tenant’s SLA policy, old ones included (SLA-02).',
        },
      },
      async (req) => services.slaPolicy.version(requireAuth(req), Number(req.params.version)),
    );

    r.get(
      '/sla/policy/diff',
      {
        schema: {
          tags: ['sla'],
          querystring: policyDiffQuery,
          description: 'What changed between two versions of the SLA policy, field by field (SLA-02).',
        },
      },
      async (req) => services.slaPolicy.diff(requireAuth(req), req.query.from, req.query.to),
    );

    r.post(
      '/sla/policy/versions',
      {
        schema: {
          tags: ['sla'],
          body: newPolicyVersionBody,
          description:
            'Saves an edited policy as the next version (operator admins). Running clocks keep their version until re-evaluated.',
        },
      },
      async (req) => services.slaPolicy.save(requireAuth(req), req.body, idempotencyKey(req)),
    );

    r.put(
      '/customers/:id/contract',
      {
        schema: {
          tags: ['sla'],
          params: customerContractParams,
          body: customerContractBody,
          description:
            'Records the service contract a customer holds (one of the SLA policy’s contracts, or null); new orders name it unless the desk picks otherwise (SLA-02).',
        },
      },
      async (req) => services.slaPolicy.setCustomerContract(requireAuth(req), req.params.id, req.body),
    );
  };
