import { config } from 'zod';

/**
 * SEC-03: the web app runs under a Content-Security-Policy without 'unsafe-eval'. zod compiles a fast
 * path for object schemas with `new Function` and, to know whether it may, probes `new Function('')`
 * when a module builds an object schema; the browser reports that probe as a CSP violation even though
 * zod catches the error. The browser calls this before any such module is evaluated
 * (apps/web/src/zodWithoutEval.ts, imported first), so zod never probes. The server keeps the compiled
 * fast path: it runs under no CSP.
 */
export function zodWithoutEval(): void {
  config({ jitless: true });
}
