import type { FastifyRequest } from 'fastify';
import { DomainError } from '@daowei/domain';

/**
 * SEC-03: text the database cannot store as given is refused up front, for every route, with the
 * field named — a NUL character (PostgreSQL text cannot hold it: it would fail deep in a query as a
 * 500) and a lone UTF-16 surrogate (not Unicode: it would be stored silently replaced by U+FFFD).
 * Runs before the route's schema, over the parsed body, query and path parameters.
 */
export async function rejectUnstorableText(req: FastifyRequest): Promise<void> {
  for (const [where, value] of [
    ['params', req.params],
    ['query', req.query],
    ['body', req.body],
  ] as const) {
    const bad = findUnstorable(value, [where]);
    if (bad) {
      throw new DomainError('VALIDATION_FAILED', `${bad.field}: ${bad.problem}`, { field: bad.field });
    }
  }
}

const MAX_DEPTH = 64;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function findUnstorable(value: unknown, path: string[]): { field: string; problem: string } | null {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { field: path.join('.'), problem: 'must not contain a NUL character' };
    if (LONE_SURROGATE.test(value)) return { field: path.join('.'), problem: 'is not valid Unicode (lone surrogate)' };
    return null;
  }
  if (value === null || typeof value !== 'object' || path.length > MAX_DEPTH) return null;
  for (const [k, v] of Object.entries(value)) {
    const keyBad = findUnstorable(k, [...path, '(key)']);
    if (keyBad) return keyBad;
    const bad = findUnstorable(v, [...path, k]);
    if (bad) return bad;
  }
  return null;
}
