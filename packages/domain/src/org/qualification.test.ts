import { describe, expect, it } from 'vitest';
import { codeOf } from '../work-order/work-order.fixtures.js';
import { assertQualified, isQualified, missingQualifications, type CertificateFacts } from './qualification.js';

const cert = (skillCode: string, validUntil: string, certificateNo = `C-${skillCode}`): CertificateFacts => ({
  skillCode,
  certificateNo,
  validUntil,
});

const CERTS = [cert('ftth', '2026-06-30'), cert('gpon_config', '2027-12-31')];

describe('ORG-03 skills and certificates', () => {
  it('ORG-03 a certificate is valid through the whole of its last day in Beijing time', () => {
    // 2026-06-30 23:30 in Beijing is 15:30 UTC.
    expect(isQualified(CERTS, ['ftth'], new Date('2026-06-30T15:30:00Z'))).toBe(true);
  });

  it('ORG-03 from the next Beijing day on it is expired, although that instant is still the 30th in UTC', () => {
    const at = new Date('2026-06-30T16:30:00Z'); // 00:30 on 1 July in Beijing
    expect(isQualified(CERTS, ['ftth'], at)).toBe(false);
    expect(missingQualifications(CERTS, ['ftth'], at)).toEqual([
      { skillCode: 'ftth', reason: 'expired', validUntil: '2026-06-30' },
    ]);
    expect(isQualified(CERTS, ['ftth'], at, 'UTC')).toBe(true);
  });

  it('ORG-03 a job needing a skill the person has no certificate for names the skill as missing', () => {
    const on = new Date('2026-03-01T02:00:00Z');
    expect(missingQualifications(CERTS, ['ftth', 'gas_safety'], on)).toEqual([
      { skillCode: 'gas_safety', reason: 'missing' },
    ]);
  });

  it('ORG-03 every required skill must be covered; a job needing none is open to anyone', () => {
    const on = new Date('2026-03-01T02:00:00Z');
    expect(isQualified(CERTS, ['ftth', 'gpon_config'], on)).toBe(true);
    expect(isQualified([], [], on)).toBe(true);
  });

  it('ORG-03 a renewed certificate counts even when an expired one for the same skill is on file', () => {
    const certs = [cert('ftth', '2025-06-30', 'old'), cert('ftth', '2027-06-30', 'new')];
    expect(isQualified(certs, ['ftth'], new Date('2026-08-01T00:00:00Z'))).toBe(true);
  });

  it('ORG-03 an unreadable expiry date proves nothing', () => {
    expect(isQualified([cert('ftth', '30/06/2027')], ['ftth'], new Date('2026-03-01T00:00:00Z'))).toBe(false);
  });

  it('ORG-03 assigning an unqualified person is refused with ORG_PERSON_NOT_QUALIFIED', () => {
    const on = new Date('2026-08-01T00:00:00Z');
    expect(codeOf(() => assertQualified(CERTS, ['ftth'], on))).toBe('ORG_PERSON_NOT_QUALIFIED');
    expect(codeOf(() => assertQualified(CERTS, ['gpon_config'], on))).toBe('no error');
  });
});
