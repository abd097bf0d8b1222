import { DomainError } from '../shared/errors.js';
import { DEFAULT_TIME_ZONE, isIsoDate, localDate } from '../shared/local-time.js';
import type { Certificate } from './org.types.js';

/**
 * ORG-03: only a person holding every skill a job needs, each backed by a certificate valid on the day
 * of the job, may be assigned it. A certificate's `validUntil` is a calendar day in the tenant's zone
 * and is valid through that whole local day: a certificate valid until 2026-06-30 still covers a job at
 * 23:00 that day Beijing time, and no longer covers one at 00:30 on 1 July Beijing time — although that
 * instant is still 30 June in UTC.
 */
export type CertificateFacts = Pick<Certificate, 'skillCode' | 'certificateNo' | 'validUntil'>;

export type MissingQualification =
  | { skillCode: string; reason: 'missing' }
  /** Every certificate for the skill has lapsed; `validUntil` is the latest one, to show the user. */
  | { skillCode: string; reason: 'expired'; validUntil: string };

/**
 * What keeps this person (given their certificates) from a job needing `requiredSkills` on `on`;
 * empty when they are qualified. A malformed `validUntil` is treated as not valid: an unreadable
 * expiry date proves nothing.
 */
export function missingQualifications(
  certs: readonly CertificateFacts[],
  requiredSkills: readonly string[],
  on: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): MissingQualification[] {
  const day = localDate(on, timeZone);
  const missing: MissingQualification[] = [];
  for (const skillCode of new Set(requiredSkills)) {
    const dated = certs.filter((c) => c.skillCode === skillCode && isIsoDate(c.validUntil));
    // ISO dates compare correctly as strings.
    if (dated.some((c) => c.validUntil >= day)) continue;
    if (dated.length === 0) {
      missing.push({ skillCode, reason: 'missing' });
    } else {
      const latest = dated.map((c) => c.validUntil).sort()[dated.length - 1] as string;
      missing.push({ skillCode, reason: 'expired', validUntil: latest });
    }
  }
  return missing;
}

export function isQualified(
  certs: readonly CertificateFacts[],
  requiredSkills: readonly string[],
  on: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): boolean {
  return missingQualifications(certs, requiredSkills, on, timeZone).length === 0;
}

/** For assignment paths: throws ORG_PERSON_NOT_QUALIFIED listing what is missing. */
export function assertQualified(
  certs: readonly CertificateFacts[],
  requiredSkills: readonly string[],
  on: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): void {
  const missing = missingQualifications(certs, requiredSkills, on, timeZone);
  if (missing.length > 0) {
    throw new DomainError('ORG_PERSON_NOT_QUALIFIED', 'The person lacks a valid certificate for this job', {
      missing,
    });
  }
}
