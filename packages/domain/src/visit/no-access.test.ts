import { describe, expect, it } from 'vitest';
import { arrivalInstant } from './arrival.js';
import { assertNoAccessNotePhoto, decideNoAccess, type NoAccessProtocol } from './no-access.js';
import { DEFAULT_VISIT_POLICY } from './visit-policy.js';

const T = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00Z`);
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'no error';
  } catch (e) {
    return (e as { code?: string }).code;
  }
};
const protocol = (over: Partial<NoAccessProtocol> = {}): NoAccessProtocol => ({
  knockedAt: T('03:00'),
  call: { at: T('03:02'), outcome: 'no_answer' },
  neighbour: { at: T('03:05'), outcome: 'knew_nothing' },
  noteLeft: true,
  ...over,
});

describe('APT-03 nobody home: the doorstep protocol', () => {
  it('APT-03 a complete protocol after the policy wait is recorded with its steps and minutes waited', () => {
    const r = decideNoAccess(DEFAULT_VISIT_POLICY, protocol({ leftAt: T('03:12') }), T('04:00'));
    expect(r).toMatchObject({
      knockedAt: T('03:00').toISOString(),
      call: { outcome: 'no_answer', label: { 'zh-CN': '无人接听', en: 'No answer' } },
      neighbour: { outcome: 'knew_nothing', note: null },
      leftAt: T('03:12').toISOString(),
      waitedMinutes: 12,
    });
  });

  it('APT-03 leaving before the policy minutes, without a note or with steps out of order is refused', () => {
    expect(codeOf(() => decideNoAccess(DEFAULT_VISIT_POLICY, protocol(), T('03:09')))).toBe('WO_NO_ACCESS_TOO_SOON');
    expect(codeOf(() => decideNoAccess(DEFAULT_VISIT_POLICY, protocol({ noteLeft: false }), T('03:30')))).toBe(
      'WO_NO_ACCESS_PROTOCOL',
    );
    const early = protocol({ call: { at: T('02:59'), outcome: 'busy' } });
    expect(codeOf(() => decideNoAccess(DEFAULT_VISIT_POLICY, early, T('03:30')))).toBe('WO_NO_ACCESS_PROTOCOL');
    const unknown = protocol({ neighbour: { at: T('03:05'), outcome: 'asked_the_dog' } });
    expect(codeOf(() => decideNoAccess(DEFAULT_VISIT_POLICY, unknown, T('03:30')))).toBe('VALIDATION_FAILED');
  });

  it('APT-03 a phone clock ahead of the server counts only up to the server’s now', () => {
    const r = decideNoAccess(DEFAULT_VISIT_POLICY, protocol({ leftAt: T('05:00') }), T('03:20'));
    expect(r).toMatchObject({ leftAt: T('03:20').toISOString(), waitedMinutes: 20 });
  });

  it('APT-03 the note needs its photo when the policy says so', () => {
    expect(codeOf(() => assertNoAccessNotePhoto(DEFAULT_VISIT_POLICY, 0))).toBe('WO_NO_ACCESS_NOTE_PHOTO_MISSING');
    expect(codeOf(() => assertNoAccessNotePhoto(DEFAULT_VISIT_POLICY, 1))).toBe('no error');
    const relaxed = {
      ...DEFAULT_VISIT_POLICY,
      noAccess: { ...DEFAULT_VISIT_POLICY.noAccess, notePhotoRequired: false },
    };
    expect(codeOf(() => assertNoAccessNotePhoto(relaxed, 0))).toBe('no error');
  });
});

describe('ENG-07 the arrival instant of a check-in', () => {
  it('ENG-07 online: the server’s now; queued offline: the phone’s time between departure and now', () => {
    expect(arrivalInstant({ deviceAt: null, notBefore: T('02:30'), now: T('04:00') })).toEqual({
      at: T('04:00'),
      source: 'server',
    });
    expect(arrivalInstant({ deviceAt: T('03:10'), notBefore: T('02:30'), now: T('04:00') })).toEqual({
      at: T('03:10'),
      source: 'device',
    });
    expect(arrivalInstant({ deviceAt: T('05:00'), notBefore: T('02:30'), now: T('04:00') })).toEqual({
      at: T('04:00'),
      source: 'device_adjusted',
    });
    expect(arrivalInstant({ deviceAt: T('01:00'), notBefore: T('02:30'), now: T('04:00') })).toEqual({
      at: T('02:30'),
      source: 'device_adjusted',
    });
  });
});
