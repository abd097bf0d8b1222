import { hash, verify, type Options } from '@node-rs/argon2';

/**
 * SEC-03: argon2id with the parameters of OWASP's password storage cheat sheet (19 MiB of memory,
 * 2 passes, 1 lane), a 16-byte random salt (the library's) and a 32-byte hash, stored as a PHC string
 * (`$argon2id$v=19$m=19456,t=2,p=1$…`). Pinned here rather than left to the library's defaults, so an
 * upgrade cannot change them silently; docs/security.md explains the choice. Stored hashes carry their
 * own parameters, so raising these later keeps old hashes verifiable.
 */
export const ARGON2_OPTIONS = {
  algorithm: 2, // Algorithm.Argon2id (a const enum the build cannot inline across modules)
  memoryCost: 19_456, // KiB
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const satisfies Options;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, ARGON2_OPTIONS);
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
  dummy ??= hash('not-a-real-password', ARGON2_OPTIONS);
  return dummy;
}
