import { expect } from 'vitest';

/** drizzle wraps driver errors (DrizzleQueryError → cause); find the PostgreSQL error underneath. */
export function pgErrorOf(e: unknown): { code?: string; message: string } {
  let cur: unknown = e;
  while (cur && typeof cur === 'object') {
    const c = cur as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof c.code === 'string' && /^[0-9A-Z]{5}$/.test(c.code)) return { code: c.code, message: String(c.message) };
    cur = c.cause;
  }
  return { message: e instanceof Error ? e.message : String(e) };
}

/** Awaits a promise that must be rejected by the database; returns the PostgreSQL error. */
export async function expectPgError(p: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return pgErrorOf(e);
  }
  expect.fail('expected the database to refuse the statement');
}

/** The DomainError code a promise rejects with. */
export async function domainCodeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    return (e as { code?: string }).code ?? `not a domain error: ${String(e)}`;
  }
}
