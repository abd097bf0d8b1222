import { describe, expect, it } from 'vitest';
import { DEFAULT_DESK_POLICY } from './desk-policy.js';
import { checkCustomerText, DEFAULT_FORBIDDEN_PHRASES_ZH, type ForbiddenPhraseList } from './forbidden-phrases.js';
import { CAUSE_CATEGORIES, DEFAULT_SCRIPTS_ZH, fillScript, SCRIPT_SITUATIONS, scriptsFor } from './scripts-library.js';
import { decideUrge, maskEngineerName, selfServiceLinkExpiry } from './self-service.js';

const list: ForbiddenPhraseList = [
  { id: 'x', phrase: '不归我管', variants: ['自己看'], suggest: 'complaint_response' },
];

describe('DESK-04 scripts library', () => {
  it('DESK-04 every situation has a default script, and every cause category its own explanation', () => {
    for (const s of SCRIPT_SITUATIONS) expect(scriptsFor(DEFAULT_SCRIPTS_ZH, s).length, s).toBeGreaterThan(0);
    for (const c of CAUSE_CATEGORIES) {
      const found = scriptsFor(DEFAULT_SCRIPTS_ZH, 'cause_explanation', c);
      expect(found.map((s) => s.causeCategory)).toEqual([c]);
    }
  });

  it('DESK-04 placeholders are filled from the order; a missing value stays visible', () => {
    expect(fillScript('{customerName}您好，我是{engineerName}', { customerName: '李女士' })).toBe(
      '李女士您好，我是{engineerName}',
    );
  });

  it('DESK-04 no default script contains a default forbidden phrase', () => {
    for (const s of DEFAULT_SCRIPTS_ZH)
      expect(checkCustomerText(s.text, DEFAULT_FORBIDDEN_PHRASES_ZH), s.id).toEqual([]);
  });
});

describe('DESK-04 forbidden phrases', () => {
  it('DESK-04 a phrase is flagged with its position in the text as written', () => {
    const text = '您好，这事不归我管。';
    const [flag, ...rest] = checkCustomerText(text, list);
    expect(rest).toEqual([]);
    expect(flag).toMatchObject({ phraseId: 'x', start: 5, end: 9, excerpt: '不归我管', suggest: 'complaint_response' });
  });

  it('DESK-04 spaces, punctuation and full-width characters inserted between characters do not hide a phrase', () => {
    for (const text of ['不 归 我 管', '不，归。我！管', '不\u3000归-我_管', '不*归~我·管']) {
      const flags = checkCustomerText(`前面${text}后面`, list);
      expect(
        flags.map((f) => f.excerpt),
        text,
      ).toEqual([text]);
    }
    const fullWidth: ForbiddenPhraseList = [{ id: 'w', phrase: 'wifi坏了', suggest: 'cause_explanation' }];
    expect(checkCustomerText('你的ＷｉＦｉ 坏了', fullWidth).map((f) => f.excerpt)).toEqual(['ＷｉＦｉ 坏了']);
  });

  it('DESK-04 variants count, every occurrence is reported, and clean text has no flags', () => {
    const flags = checkCustomerText('你自己看。不归我管。又是不归我管', list);
    expect(flags.map((f) => [f.matched, f.start])).toEqual([
      ['自己看', 1],
      ['不归我管', 5],
      ['不归我管', 12],
    ]);
    expect(checkCustomerText('我们马上为您处理', DEFAULT_FORBIDDEN_PHRASES_ZH)).toEqual([]);
    expect(checkCustomerText('这不是我的事', DEFAULT_FORBIDDEN_PHRASES_ZH).map((f) => f.phraseId)).toEqual([
      'not-my-job',
    ]);
  });
});

describe('DESK-06 self-service rules', () => {
  const t0 = new Date('2026-11-23T02:00:00Z');
  it('DESK-06 a customer may urge once per policy interval', () => {
    expect(decideUrge(null, t0, DEFAULT_DESK_POLICY)).toEqual({ allowed: true });
    const soon = new Date(t0.getTime() + (DEFAULT_DESK_POLICY.urgeMinIntervalMinutes - 1) * 60_000);
    expect(decideUrge(t0, soon, DEFAULT_DESK_POLICY)).toEqual({
      allowed: false,
      nextAllowedAt: new Date(t0.getTime() + DEFAULT_DESK_POLICY.urgeMinIntervalMinutes * 60_000),
    });
    const later = new Date(t0.getTime() + DEFAULT_DESK_POLICY.urgeMinIntervalMinutes * 60_000);
    expect(decideUrge(t0, later, DEFAULT_DESK_POLICY)).toEqual({ allowed: true });
  });

  it('DESK-06 links expire after the policy days; engineer names are masked', () => {
    expect(selfServiceLinkExpiry(t0, DEFAULT_DESK_POLICY).getTime() - t0.getTime()).toBe(
      DEFAULT_DESK_POLICY.selfServiceLinkValidDays * 86_400_000,
    );
    expect(maskEngineerName('张伟')).toBe('张工');
    expect(maskEngineerName('bob smith')).toBe('B.');
    expect(maskEngineerName(null)).toBeNull();
  });
});
