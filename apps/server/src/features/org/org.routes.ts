import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SUPERVISOR_POSITIONS, WORKER_POSITIONS, type Position } from '@daowei/domain';
import { requireAuth, requirePosition } from '../../http/guards.js';
import type { Services } from '../../services.js';
import { linkBody, optionalSearchQuery, personParams, searchQuery } from './org.schemas.js';

/** Who manages account mappings (ORG-05) and who may read them. */
const MAPPING_ADMINS: readonly Position[] = ['admin'];
const MAPPING_READERS: readonly Position[] = ['admin', 'vendor_manager', 'monitor', 'support', 'station_manager'];
const STAFF: readonly Position[] = [...new Set([...SUPERVISOR_POSITIONS, ...WORKER_POSITIONS])];

export const orgRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/org/tree', { schema: { tags: ['org'] } }, async (req) => services.org.tree(requirePosition(req, STAFF)));
    r.get('/areas', { schema: { tags: ['org'] } }, async (req) => services.org.areas(requireAuth(req)));
    r.get('/people', { schema: { tags: ['org'], querystring: searchQuery } }, async (req) =>
      services.org.searchPeople(requirePosition(req, STAFF), req.query.q),
    );
    r.get('/external-accounts', { schema: { tags: ['org'], querystring: optionalSearchQuery } }, async (req) =>
      services.org.externalAccounts(requirePosition(req, MAPPING_READERS), req.query.q),
    );
    r.post(
      '/people/:id/external-accounts',
      { schema: { tags: ['org'], params: personParams, body: linkBody } },
      async (req, reply) => {
        const auth = requirePosition(req, MAPPING_ADMINS);
        const link = await services.org.linkExternalAccount(auth, req.params.id, req.body.system, req.body.externalId);
        return reply.code(201).send(link);
      },
    );
  };
