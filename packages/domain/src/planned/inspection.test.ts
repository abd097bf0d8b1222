import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { assertClosingChecksDone, checkEvaluation, checkPhoneOutcome, checkVisitTicks } from './care-visit.js';
import {
  assertInspectorCrew,
  checkFinding,
  checkNoticeAnswer,
  isNoticeOverdue,
  isTargetDue,
  rectificationDeadline,
} from './inspection.js';
import { DEFAULT_PLANNED_WORK_POLICY as P } from './planned-policy.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'other';
  }
  return null;
};

describe('WO-17 inspections', () => {
  it('WO-17 an inspection needs two different inspectors', () => {
    expect(codeOf(() => assertInspectorCrew(P.inspection, ['a']))).toBe('WO_INSPECTORS_REQUIRED');
    expect(codeOf(() => assertInspectorCrew(P.inspection, ['a', 'a']))).toBe('WO_INSPECTORS_REQUIRED');
    expect(codeOf(() => assertInspectorCrew(P.inspection, ['a', 'b']))).toBeNull();
  });

  it('WO-17 targets are due up to the look-ahead month', () => {
    expect(isTargetDue(P.inspection, 2026, 11, '2026-11-23')).toBe(true);
    expect(isTargetDue(P.inspection, 2026, 12, '2026-11-23')).toBe(true);
    expect(isTargetDue(P.inspection, 2027, 1, '2026-11-23')).toBe(false);
  });

  it('WO-17 the notice deadline is the shortest rectification time of its hazards', () => {
    expect(rectificationDeadline(P.inspection, '2026-11-23', ['general'])).toBe('2026-12-08');
    expect(rectificationDeadline(P.inspection, '2026-11-23', ['general', 'major'])).toBe('2026-11-26');
    expect(codeOf(() => rectificationDeadline(P.inspection, '2026-11-23', []))).toBe('VALIDATION_FAILED');
  });

  it('WO-17 a hazard needs a level; an ok item has none', () => {
    expect(codeOf(() => checkFinding(P.inspection, { item: 'hose', result: 'hazard', hazardLevel: null }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(codeOf(() => checkFinding(P.inspection, { item: 'hose', result: 'ok', hazardLevel: 'major' }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      codeOf(() => checkFinding(P.inspection, { item: 'hose', result: 'hazard', hazardLevel: 'major' })),
    ).toBeNull();
  });

  it('WO-17 the customer signs or the refusal and reason are recorded — never both, never neither', () => {
    const a = (signed: boolean, refusalReason: string | null, refusalNote: string | null = null) =>
      codeOf(() => checkNoticeAnswer(P.inspection, { signed, refusalReason, refusalNote }));
    expect(a(true, null)).toBeNull();
    expect(a(false, 'disagrees')).toBeNull();
    expect(a(false, null)).toBe('VALIDATION_FAILED');
    expect(a(true, 'disagrees')).toBe('VALIDATION_FAILED');
    expect(a(false, 'other')).toBe('VALIDATION_FAILED');
    expect(a(false, 'other', '要等家人回来再说')).toBeNull();
  });

  it('WO-17 an open notice is overdue the day after its deadline', () => {
    expect(isNoticeOverdue({ deadline: '2026-11-26', rectifiedAt: null }, '2026-11-26')).toBe(false);
    expect(isNoticeOverdue({ deadline: '2026-11-26', rectifiedAt: null }, '2026-11-27')).toBe(true);
    expect(isNoticeOverdue({ deadline: '2026-11-26', rectifiedAt: new Date() }, '2026-11-27')).toBe(false);
  });
});

describe('WO-16 care visit rules', () => {
  it('WO-16 the customer signs only after the valuables check and the other closing checks', () => {
    expect(codeOf(() => assertClosingChecksDone(P.care, ['cleaning', 'home_safe']))).toBe('WO_CARE_CHECK_MISSING');
    expect(codeOf(() => assertClosingChecksDone(P.care, ['valuables_checked', 'home_safe']))).toBeNull();
  });

  it('WO-16 ticks are the visit’s contents or closing checks; outcomes and evaluations come from the policy', () => {
    expect(codeOf(() => checkVisitTicks(P.care, ['cleaning'], ['cleaning', 'valuables_checked']))).toBeNull();
    expect(codeOf(() => checkVisitTicks(P.care, ['cleaning'], ['bathing']))).toBe('VALIDATION_FAILED');
    expect(checkPhoneOutcome(P.care, 'confirmed')).toEqual({ confirms: true });
    expect(checkPhoneOutcome(P.care, 'no_answer')).toEqual({ confirms: false });
    expect(codeOf(() => checkEvaluation(P.care, { condition: 'stable', rating: P.care.ratingMax + 1 }))).toBe(
      'VALIDATION_FAILED',
    );
  });
});
