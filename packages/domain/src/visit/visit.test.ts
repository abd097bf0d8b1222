import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_PACK } from '../policy/policy-pack.js';
import { decide } from '../work-order/lifecycle.js';
import { codeOf, engineer, makeOrder } from '../work-order/work-order.fixtures.js';
import { DEFAULT_VISIT_POLICY } from './visit-policy.js';
import {
  assertSpeedTestPresent,
  checkConfirmation,
  checkConsent,
  checkImage,
  needsSpeedTest,
  sniffImageType,
} from './visit-records.js';

const START = new Date('2026-11-23T06:00:00Z');
const window = { start: START, end: new Date('2026-11-23T08:00:00Z') };
const onSiteSoon = () => makeOrder({ status: 'en_route', holderId: 'p-eng', appointment: window });
const at = (minutesAfterStart: number) => new Date(START.getTime() + minutesAfterStart * 60_000);
const arrive = (minutes: number, extra: Record<string, unknown> = {}) =>
  decide(onSiteSoon(), { action: 'arrive', ...extra }, engineer('p-eng'), DEFAULT_POLICY_PACK, at(minutes));

describe('SLA-07 / APT-04 arrival check-in', () => {
  it('SLA-07 arriving 7 min before the window is on time with no lateness, position recorded (ENG-03)', () => {
    const d = arrive(-7, { position: { lat: 31.2, lng: 121.5 } });
    expect(d.to).toBe('on_site');
    expect(d.payload).toMatchObject({ lateMinutes: 0, minutesEarly: 7, onTime: true, handling: 'none' });
    expect(d.payload['position']).toEqual({ lat: 31.2, lng: 121.5 });
  });

  it('SLA-07 arriving 2 min before the window is not on time (target is ≥ 5 min early) but not late', () => {
    expect(arrive(-2).payload).toMatchObject({ lateMinutes: 0, onTime: false, handling: 'none' });
  });

  it('APT-04 up to 15 min late is an apology, recorded with the late minutes', () => {
    expect(arrive(15).payload).toMatchObject({ lateMinutes: 15, handling: 'apology', escalationNote: null });
  });

  it('APT-04 more than 15 min late without an escalation note is refused: WO_ESCALATION_REQUIRED', () => {
    expect(codeOf(() => arrive(16))).toBe('WO_ESCALATION_REQUIRED');
    expect(codeOf(() => arrive(40, { escalationNote: '   ' }))).toBe('WO_ESCALATION_REQUIRED');
  });

  it('APT-04 more than 15 min late with the manager apology is an escalation, recorded', () => {
    const d = arrive(40, { escalationNote: '站长已致电致歉' });
    expect(d.payload).toMatchObject({ lateMinutes: 40, handling: 'escalation', escalationNote: '站长已致电致歉' });
  });

  it('APT-04 the threshold is policy data: a stricter pack escalates at 6 min', () => {
    const pack = { ...DEFAULT_POLICY_PACK, visit: { ...DEFAULT_VISIT_POLICY, lateness: { apologyUpToMinutes: 5 } } };
    const run = () => decide(onSiteSoon(), { action: 'arrive' }, engineer('p-eng'), pack, at(6));
    expect(codeOf(run)).toBe('WO_ESCALATION_REQUIRED');
  });
});

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]);
const SCRIPT = new TextEncoder().encode('<script>alert(1)</script>');

describe('WO-14 attachments', () => {
  it('WO-14 the image type comes from the magic bytes, not from the name', () => {
    expect(sniffImageType(PNG)).toBe('image/png');
    expect(sniffImageType(JPEG)).toBe('image/jpeg');
    expect(sniffImageType(SCRIPT)).toBeNull();
  });

  it('WO-14 a non-image is refused (415 code) and an oversized one too', () => {
    expect(codeOf(() => checkImage(DEFAULT_VISIT_POLICY, SCRIPT, 'data'))).toBe('WO_ATTACHMENT_TYPE_REFUSED');
    const big = new Uint8Array(DEFAULT_VISIT_POLICY.attachments.maxBytes + 1);
    big.set(PNG);
    expect(codeOf(() => checkImage(DEFAULT_VISIT_POLICY, big, 'data'))).toBe('WO_ATTACHMENT_TOO_LARGE');
  });

  it('WO-14 a slow-speed fault needs a speed test to close; other faults do not', () => {
    const slow = { type: 'fault' as const, faultDescription: '晚上网速慢，看视频卡' };
    const down = { type: 'fault' as const, faultDescription: '完全断网' };
    expect(needsSpeedTest(DEFAULT_VISIT_POLICY, slow)).toBe(true);
    expect(needsSpeedTest(DEFAULT_VISIT_POLICY, down)).toBe(false);
    expect(codeOf(() => assertSpeedTestPresent(DEFAULT_VISIT_POLICY, slow, 0))).toBe('WO_SPEED_TEST_MISSING');
    expect(() => assertSpeedTestPresent(DEFAULT_VISIT_POLICY, slow, 1)).not.toThrow();
  });
});

describe('ENG-04 consents and ENG-06 confirmation', () => {
  it('ENG-04 data-risk work needs the backup confirmed; paid work needs the quoted price', () => {
    expect(codeOf(() => checkConsent(DEFAULT_VISIT_POLICY, { kind: 'data_risk' }))).toBe('WO_BACKUP_NOT_CONFIRMED');
    expect(() => checkConsent(DEFAULT_VISIT_POLICY, { kind: 'data_risk', backupConfirmed: true })).not.toThrow();
    expect(codeOf(() => checkConsent(DEFAULT_VISIT_POLICY, { kind: 'paid_work' }))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => checkConsent(DEFAULT_VISIT_POLICY, { kind: 'teleport' }))).toBe('VALIDATION_FAILED');
  });

  it('ENG-06 signature or "declined to sign", exactly one', () => {
    const ok = { satisfaction: 5 };
    expect(() =>
      checkConfirmation(DEFAULT_VISIT_POLICY, { ...ok, declinedToSign: true, hasSignature: false }),
    ).not.toThrow();
    expect(() =>
      checkConfirmation(DEFAULT_VISIT_POLICY, { ...ok, declinedToSign: false, hasSignature: true }),
    ).not.toThrow();
    expect(
      codeOf(() => checkConfirmation(DEFAULT_VISIT_POLICY, { ...ok, declinedToSign: false, hasSignature: false })),
    ).toBe('VALIDATION_FAILED');
    expect(
      codeOf(() =>
        checkConfirmation(DEFAULT_VISIT_POLICY, { satisfaction: 9, declinedToSign: true, hasSignature: false }),
      ),
    ).toBe('VALIDATION_FAILED');
  });
});
