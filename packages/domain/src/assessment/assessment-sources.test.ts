import { describe, expect, it } from 'vitest';
import { assessmentEventForBreach, breachSourceKey } from './assessment-sources.js';

describe('VND-01 cases from SLA breaches', () => {
  it('VND-01 SLA-03 an install clock breach is an overdue install', () => {
    expect(assessmentEventForBreach({ clockKind: 'install_complete', overdueReason: null })).toBe('install_overdue');
    expect(assessmentEventForBreach({ clockKind: 'install_complete', overdueReason: '用户出差' })).toBe(
      'install_overdue',
    );
  });

  it('VND-01 SLA-04 a fault breach counts only without an overdue reason', () => {
    expect(assessmentEventForBreach({ clockKind: 'fault_repair', overdueReason: null })).toBe(
      'fault_overdue_without_reason',
    );
    expect(assessmentEventForBreach({ clockKind: 'fault_repair', overdueReason: '  ' })).toBe(
      'fault_overdue_without_reason',
    );
    expect(assessmentEventForBreach({ clockKind: 'fault_repair', overdueReason: '光缆被挖断,等待抢修' })).toBeNull();
  });

  it('VND-01 clocks with no assessment rule raise no case; one source key per breach', () => {
    expect(assessmentEventForBreach({ clockKind: 'hotline_handoff', overdueReason: null })).toBeNull();
    expect(breachSourceKey('abc')).toBe('sla:abc');
  });
});
