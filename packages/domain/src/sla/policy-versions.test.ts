import { describe, expect, it } from 'vitest';
import type { DomainError } from '../shared/errors.js';
import { DEFAULT_SLA_POLICY } from './default-sla-policy.js';
import { diffSlaPolicies, nextSlaPolicyVersion } from './policy-versions.js';
import { slaPolicyJsonSchema, type SlaPolicy } from './sla-policy.js';

/** An admin's edit: install 3 → 2 days, warning share 80 % → 70 %. */
function edited(p: SlaPolicy = DEFAULT_SLA_POLICY): unknown {
  return {
    ...p,
    warnShare: 0.7,
    clocks: p.clocks.map((c) =>
      c.kind === 'install_complete' ? { ...c, deadline: { kind: 'calendar_days', days: 2 } } : c,
    ),
  };
}

const errorOf = (f: () => unknown): DomainError => {
  try {
    f();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('no error');
};

describe('SLA-02 policy versions', () => {
  it('SLA-02 an edit becomes the next version with the same id; the diff names each changed number', () => {
    const v2 = nextSlaPolicyVersion(DEFAULT_SLA_POLICY, edited(), 1);
    expect(v2).toMatchObject({ id: 'sla-default', version: 2, warnShare: 0.7 });
    expect(v2.clocks.find((c) => c.kind === 'install_complete')?.deadline).toEqual({ kind: 'calendar_days', days: 2 });
    expect(diffSlaPolicies(DEFAULT_SLA_POLICY, v2)).toEqual([
      { path: 'warnShare', before: 0.8, after: 0.7 },
      { path: 'clocks.install_complete.deadline.days', before: 3, after: 2 },
    ]);
    // The version and id in the edit are the server's to set.
    expect(
      nextSlaPolicyVersion(DEFAULT_SLA_POLICY, { ...(edited() as object), version: 99, id: 'x' }, 1),
    ).toMatchObject({ id: 'sla-default', version: 2 });
  });

  it('SLA-02 an edit of an older version is a conflict; an edit that changes nothing or breaks the schema is refused', () => {
    const v2 = nextSlaPolicyVersion(DEFAULT_SLA_POLICY, edited(), 1);
    expect(errorOf(() => nextSlaPolicyVersion(v2, edited(v2), 1))).toMatchObject({
      code: 'CONFLICT',
      details: { basedOnVersion: 1, currentVersion: 2 },
    });
    expect(errorOf(() => nextSlaPolicyVersion(v2, v2, 2)).code).toBe('VALIDATION_FAILED');
    expect(errorOf(() => nextSlaPolicyVersion(v2, { ...v2, warnShare: 1.5 }, 2)).details).toMatchObject({
      field: 'warnShare',
    });
    const negative = {
      ...v2,
      clocks: v2.clocks.map((c) =>
        c.kind === 'install_complete' ? { ...c, deadline: { kind: 'calendar_days', days: 0 } } : c,
      ),
    };
    expect(errorOf(() => nextSlaPolicyVersion(v2, negative, 2)).details).toMatchObject({
      field: 'clocks.0.deadline.days',
    });
  });

  it('SLA-02 the JSON schema of the policy describes the numbers an editor may change', () => {
    const schema = slaPolicyJsonSchema() as {
      properties: Record<string, { type?: string; exclusiveMaximum?: number }>;
    };
    expect(schema.properties.warnShare).toMatchObject({ type: 'number', exclusiveMaximum: 1 });
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['id', 'version', 'warnShare', 'clocks', 'appointment', 'targets']),
    );
  });

  it('SLA-02 a clock added or removed shows as one change of the whole clock', () => {
    const fewer = {
      ...DEFAULT_SLA_POLICY,
      clocks: DEFAULT_SLA_POLICY.clocks.filter((c) => c.kind !== 'hard_question'),
    };
    const d = diffSlaPolicies(DEFAULT_SLA_POLICY, fewer);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ path: 'clocks.hard_question', after: undefined });
  });
});
