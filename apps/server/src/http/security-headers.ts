import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';

/**
 * Security headers on every answer (issue 9 item 5), through @fastify/helmet: HSTS, nosniff,
 * frame-ancestors/X-Frame-Options, referrer policy, cross-origin isolation of windows and resources,
 * and a Content-Security-Policy that the built web app and the Swagger UI at /api/docs both live with
 * (checked in Chromium by e2e/security-headers.e2e.test.ts):
 * - scripts only from this origin, no inline scripts or event-handler attributes;
 * - styles from this origin plus inline styles: the UI library (Ant Design) and Swagger UI write
 *   <style> elements and style attributes at run time;
 * - images from this origin, data: and blob: (icons, photos taken on site before upload);
 * - fetch/XHR only to this origin; no plugins; no framing by other sites; forms post here only.
 * No `upgrade-insecure-requests`: a server on a plain-HTTP LAN address must keep working.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
} as const;

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  const directives = Object.fromEntries(Object.entries(CONTENT_SECURITY_POLICY).map(([k, v]) => [k, [...v]]));
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/**
 * The same headers as a plain map, for the few answers the router sends before any hook runs
 * (a malformed URL: see frameworkErrors in error-handler.ts).
 */
export const FALLBACK_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': Object.entries(CONTENT_SECURITY_POLICY)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join(';'),
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};
