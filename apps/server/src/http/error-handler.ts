import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDomainError } from '@daowei/domain';
import { HTTP_STATUS } from './error-map.js';
import { FALLBACK_SECURITY_HEADERS } from './security-headers.js';

export interface ErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * Every error leaves as `{ code, message, details? }`. Validation errors name the field; anything
 * unexpected is logged with its stack and answered with a bare INTERNAL so nothing leaks.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (isDomainError(err)) {
      const body: ErrorBody = { code: err.code, message: err.message };
      if (err.details) body.details = err.details;
      const retryAfter = err.details?.retryAfterSeconds;
      if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
      return reply.code(HTTP_STATUS[err.code]).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        field: [err.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'invalid',
      }));
      const first = issues[0];
      return reply.code(400).send({
        code: 'VALIDATION_FAILED',
        message: first ? `${first.field}: ${first.message}` : 'Invalid request',
        details: { field: first?.field, issues },
      } satisfies ErrorBody);
    }
    if (err.statusCode === 429) {
      return reply.code(429).send({ code: 'RATE_LIMITED', message: 'Too many requests, try again later' });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Fastify's own client errors (bad JSON, wrong content type, body too large): all about the body.
      const body: ErrorBody = { code: 'VALIDATION_FAILED', message: err.message };
      if (err.code?.startsWith('FST_ERR_CTP_')) body.details = { field: 'body' };
      return reply.code(err.statusCode).send(body);
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ code: 'INTERNAL', message: 'Internal error' } satisfies ErrorBody);
  });
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({ code: 'NOT_FOUND', message: `No route ${req.method} ${req.url.split('?')[0]}` }),
  );
}

/**
 * Errors the router raises before any route (and so before the error handler): a malformed
 * percent-encoding in the URL, a path segment over the length limit. Passed to Fastify as
 * `frameworkErrors` so they too leave as `{ code, message }` (SEC-03).
 */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  void reply
    .code(400)
    .headers(FALLBACK_SECURITY_HEADERS)
    .send({
      code: 'VALIDATION_FAILED',
      message: err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path segment is too long' : 'The URL is malformed',
      details: { field: 'url' },
    } satisfies ErrorBody);
}
