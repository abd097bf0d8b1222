import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { assertDiagnosisRecorded, checkDiagnosis, type DiagnosisInput } from './diagnosis.js';
import { DEFAULT_VISIT_POLICY as visit, visitPolicySchema } from './visit-policy.js';

const ok: DiagnosisInput = {
  symptomReproduced: 'intermittent',
  observedMinutes: 30,
  causeCategory: 'customer_side',
  finding: 'Router overheating in a closed cabinet; drops every ~10 min',
};

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainError ? `${e.code}:${String(e.details?.field)}` : 'not a DomainError';
  }
}

describe('ENG-05 diagnosis', () => {
  it('ENG-05 a diagnosis observed for the policy maximum (30 min by default) is accepted', () => {
    expect(visit.diagnosis.maxObservedMinutes).toBe(30);
    expect(codeOf(() => checkDiagnosis(visit, ok))).toBeNull();
    expect(codeOf(() => checkDiagnosis(visit, { ...ok, observedMinutes: 0, symptomReproduced: 'no' }))).toBeNull();
  });

  it('ENG-05 observing longer than the policy allows is refused with WO_OBSERVATION_TOO_LONG', () => {
    expect(codeOf(() => checkDiagnosis(visit, { ...ok, observedMinutes: 31 }))).toBe(
      'WO_OBSERVATION_TOO_LONG:observedMinutes',
    );
    const patient = { ...visit, diagnosis: { ...visit.diagnosis, maxObservedMinutes: 45 } };
    expect(codeOf(() => checkDiagnosis(patient, { ...ok, observedMinutes: 45 }))).toBeNull();
  });

  it('ENG-05 an unknown cause, a fractional or negative observation and an empty finding are refused', () => {
    const bad = (over: Partial<Record<keyof DiagnosisInput, unknown>>) =>
      codeOf(() => checkDiagnosis(visit, { ...ok, ...over } as DiagnosisInput));
    expect(bad({ causeCategory: 'weather' })).toBe('VALIDATION_FAILED:causeCategory');
    expect(bad({ symptomReproduced: 'maybe' })).toBe('VALIDATION_FAILED:symptomReproduced');
    expect(bad({ observedMinutes: -1 })).toBe('VALIDATION_FAILED:observedMinutes');
    expect(bad({ observedMinutes: 2.5 })).toBe('VALIDATION_FAILED:observedMinutes');
    expect(bad({ finding: '   ' })).toBe('VALIDATION_FAILED:finding');
  });

  it('ENG-05 a visited fault completes only once diagnosed; other types and unvisited faults are not held', () => {
    const fault = { type: 'fault' as const };
    expect(codeOf(() => assertDiagnosisRecorded(visit, fault, { visited: true, diagnosed: false }))).toBe(
      'WO_DIAGNOSIS_MISSING:diagnosis',
    );
    expect(codeOf(() => assertDiagnosisRecorded(visit, fault, { visited: true, diagnosed: true }))).toBeNull();
    expect(codeOf(() => assertDiagnosisRecorded(visit, fault, { visited: false, diagnosed: false }))).toBeNull();
    const install = { type: 'install' as const };
    expect(codeOf(() => assertDiagnosisRecorded(visit, install, { visited: true, diagnosed: false }))).toBeNull();
  });

  it('ENG-05 the requirement is policy data: a pack listing no types holds no completion', () => {
    const off = visitPolicySchema.parse({ ...visit, diagnosis: { maxObservedMinutes: 30, requiredFor: [] } });
    expect(
      codeOf(() => assertDiagnosisRecorded(off, { type: 'fault' }, { visited: true, diagnosed: false })),
    ).toBeNull();
    const { diagnosis: _omitted, ...older } = visit;
    expect(visitPolicySchema.parse(older).diagnosis).toEqual({ maxObservedMinutes: 30, requiredFor: ['fault'] });
  });
});
