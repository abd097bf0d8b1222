import { describe, expect, it } from 'vitest';
import { DEFAULT_CALLBACK_SCRIPT, scriptLinesFor } from './callback-script.js';

describe('CB-02 callback script', () => {
  it('CB-02 asks whether the problem is solved and for the satisfaction level, in that order', () => {
    const keys = scriptLinesFor(DEFAULT_CALLBACK_SCRIPT, 'satisfaction', null).map((l) => l.key);
    expect(keys).toEqual(['greeting', 'problem_solved', 'satisfaction', 'closing']);
  });

  it('CB-02 a dissatisfied answer brings the root-cause and suggestion questions', () => {
    const keys = scriptLinesFor(DEFAULT_CALLBACK_SCRIPT, 'satisfaction', 'dissatisfied').map((l) => l.key);
    expect(keys).toEqual(['greeting', 'problem_solved', 'satisfaction', 'root_cause', 'suggestion', 'closing']);
    expect(scriptLinesFor(DEFAULT_CALLBACK_SCRIPT, 'satisfaction', 'neutral')).toHaveLength(4);
  });

  it('CB-03 the spot-check script asks what actually happened', () => {
    const keys = scriptLinesFor(DEFAULT_CALLBACK_SCRIPT, 'spot_check', null).map((l) => l.key);
    expect(keys).toContain('what_happened');
  });
});
