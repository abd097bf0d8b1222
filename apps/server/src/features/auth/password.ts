import { hash, verify } from '@node-rs/argon2';

/** SEC-03: argon2id with the library's defaults (OWASP's minimum: 19 MiB, 2 passes). */
export function hashPassword(plain: string): Promise<string> {
  return hash(plain);
}

export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  try {
    return await verify(stored, plain);
  } catch {
    return false; // a malformed stored hash never lets anyone in
  }
}

/**
 * Verified against when the login is unknown, so an unknown login costs the same time as a wrong
 * password and timing does not reveal which logins exist.
 */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hash('not-a-real-password');
  return dummy;
}
