import { describe, expect, it } from 'vitest';
import { assessCase } from '../assessment/assess-case.js';
import { DEFAULT_ASSESSMENT_RULES } from '../assessment/assessment-rules.js';
import { DomainError } from '../shared/errors.js';
import { DEFAULT_CALLBACK_RULES } from './callback-rules.js';
import { checkImprovementAction, decideCallbackOutcome, type CallbackAnswer } from './callback-outcome.js';

const satisfactionTask = { orderId: 'wo-1', kind: 'satisfaction' as const };
const spotTask = { orderId: 'wo-2', kind: 'spot_check' as const };
const decide = (
  answer: CallbackAnswer,
  task: typeof satisfactionTask | typeof spotTask = satisfactionTask,
  attempt = 1,
) => decideCallbackOutcome(task, answer, attempt, DEFAULT_CALLBACK_RULES);
const refusedField = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e.details?.field;
    throw e;
  }
  return 'accepted';
};

describe('CB-02 callback outcome', () => {
  it('CB-02 a dissatisfied answer without a root cause is refused', () => {
    expect(
      refusedField(() =>
        decide({ kind: 'answered', satisfaction: 'dissatisfied', problemSolved: false, suggestion: 'Come on time' }),
      ),
    ).toBe('rootCause');
  });

  it('CB-02 a dissatisfied answer without the customer’s suggestion is refused', () => {
    expect(
      refusedField(() =>
        decide({
          kind: 'answered',
          satisfaction: 'dissatisfied',
          problemSolved: false,
          rootCause: 'Line drops again',
          suggestion: ' ',
        }),
      ),
    ).toBe('suggestion');
  });

  it('CB-02 dissatisfied and not fixed → the order reopens and an improvement action is required', () => {
    expect(
      decide({
        kind: 'answered',
        satisfaction: 'dissatisfied',
        problemSolved: false,
        rootCause: 'Line drops again',
        suggestion: 'Replace the drop cable',
      }),
    ).toEqual({ kind: 'reopen', improvementActionRequired: true });
  });

  it('CB-02 dissatisfied but fixed → a revisit is booked and an improvement action is required', () => {
    expect(
      decide({
        kind: 'answered',
        satisfaction: 'dissatisfied',
        problemSolved: true,
        rootCause: 'Left debris',
        suggestion: 'Clean up after work',
      }),
    ).toEqual({ kind: 'revisit', improvementActionRequired: true });
  });

  it.each(['very_satisfied', 'satisfied', 'neutral'] as const)('CB-02 %s lets the order close', (satisfaction) => {
    expect(decide({ kind: 'answered', satisfaction, problemSolved: true })).toEqual({ kind: 'close_allowed' });
  });

  it('CB-02 unanswered calls are retried until the third, then the customer counts as unreachable', () => {
    expect(decide({ kind: 'not_reached' }, satisfactionTask, 1)).toEqual({ kind: 'retry', attempt: 1 });
    expect(decide({ kind: 'not_reached' }, satisfactionTask, 3)).toEqual({ kind: 'unreachable', attempt: 3 });
    expect(refusedField(() => decide({ kind: 'not_reached' }, satisfactionTask, 0))).toBe('attempt');
  });

  it('CB-02 an improvement action needs an owner, a measure and a due date', () => {
    expect(refusedField(() => checkImprovementAction({ ownerId: 'p-mgr', measure: 'Retrain on cabling' }))).toBe(
      'dueDate',
    );
    expect(refusedField(() => checkImprovementAction({ ownerId: 'p-mgr', measure: '', dueDate: '2026-03-20' }))).toBe(
      'measure',
    );
    expect(
      refusedField(() => checkImprovementAction({ ownerId: 'p-mgr', measure: 'Retrain', dueDate: '2026-03-20' })),
    ).toBe('accepted');
  });
});

describe('CB-03 spot-check outcome', () => {
  it('CB-03 "vendor report differs from the truth" produces an assessment trigger worth 200 元 against the vendor', () => {
    const c = decide(
      {
        kind: 'spot_check',
        matchesVendorReport: false,
        vendorReport: 'Customer postponed',
        truth: 'Nobody ever called me',
      },
      spotTask,
    );
    expect(c).toEqual({
      kind: 'assessment',
      trigger: {
        event: 'vendor_report_differs',
        orderId: 'wo-2',
        ruleId: 'CB-03',
        evidence: 'vendor: Customer postponed; customer: Nobody ever called me',
      },
    });
    if (c.kind !== 'assessment') throw new Error('unreachable');
    const assessed = assessCase(
      {
        id: 'ev-1',
        kind: c.trigger.event,
        tenantId: 't1',
        vendorId: 'v1',
        orderId: 'wo-2',
        personId: null,
        occurredAt: new Date(),
        evidence: ['cb-9'],
      },
      DEFAULT_ASSESSMENT_RULES,
    );
    expect(assessed.lines).toEqual([{ party: 'vendor', vendorId: 'v1', amountFen: 20_000, scorePoints: 0 }]);
  });

  it('CB-03 a mismatch must say what the customer reported; a match changes nothing', () => {
    expect(refusedField(() => decide({ kind: 'spot_check', matchesVendorReport: false }, spotTask))).toBe('truth');
    expect(decide({ kind: 'spot_check', matchesVendorReport: true }, spotTask)).toEqual({ kind: 'spot_check_ok' });
    expect(refusedField(() => decide({ kind: 'spot_check', matchesVendorReport: true }))).toBe('kind');
  });
});
