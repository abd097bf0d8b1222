import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** OpenAPI description of every route, generated from the same zod schemas that validate requests. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Daowei API',
        description: 'On-site service management: work orders, people, service standards.',
        version: '1',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // Swagger UI 5 virtualises the operations list from 150 rows (tags + operations): only the sections near
  // the viewport are in the page, the rest appear on scrolling. That is not a rendering failure — the
  // browser test scrolls the whole page and checks every tag and route appears.
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
}
