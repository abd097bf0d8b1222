import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { assessCase, type AssessmentEvent } from './assess-case.js';
import {
  ASSESSMENT_EVENTS,
  assessmentRulesSchema,
  DEFAULT_ASSESSMENT_RULES,
  parseAssessmentRules,
  type AssessmentEventKind,
} from './assessment-rules.js';
import { caseState, type CaseHistoryEvent } from './case-dispute.js';
import { buildLedger, type LedgerCase } from './ledger.js';
import { whatIf } from './what-if.js';

const at = (d: string, t = '10:00') => new Date(`2026-${d}T${t}:00+08:00`);
let n = 0;
const event = (kind: AssessmentEventKind, over: Partial<AssessmentEvent> = {}): AssessmentEvent => ({
  id: `ev-${++n}`,
  kind,
  tenantId: 't1',
  vendorId: 'v1',
  orderId: `wo-${n}`,
  personId: 'p-eng',
  occurredAt: at('03-10'),
  evidence: [`att-${n}`],
  ...over,
});
const step = (kind: CaseHistoryEvent['kind'], when: Date, note = 'reason'): CaseHistoryEvent => ({
  kind,
  at: when,
  by: 'p-x',
  note,
});

describe('VND-01 assessment rules and cases', () => {
  it('VND-01 the default rules are valid data with one rule per event', () => {
    expect(assessmentRulesSchema.parse(DEFAULT_ASSESSMENT_RULES)).toEqual(DEFAULT_ASSESSMENT_RULES);
    expect(DEFAULT_ASSESSMENT_RULES.rules.map((r) => r.event).sort()).toEqual([...ASSESSMENT_EVENTS].sort());
  });

  it.each([
    ['install_overdue', 20_000, 0, 0],
    ['fault_overdue_without_reason', 20_000, 10_000, 0],
    ['uncovered_claim_false', 50_000, 20_000, 0],
    ['script_not_followed_complaint', 20_000, 10_000, 0],
    ['direct_report_mishandled', 50_000, 20_000, 0],
    ['speed_screenshot_missing', 20_000, 10_000, 0],
    ['parts_warning_missed', 0, 0, 1],
    ['vendor_report_differs', 20_000, 0, 0],
  ] as const)(
    'VND-01 default for %s: vendor %i fen, person %i fen, %i points',
    (kind, vendorFen, personFen, points) => {
      const c = assessCase(event(kind), DEFAULT_ASSESSMENT_RULES);
      const vendor = c.lines.find((l) => l.party === 'vendor');
      const person = c.lines.find((l) => l.party === 'person');
      expect(vendor?.amountFen ?? 0).toBe(vendorFen);
      expect(vendor?.scorePoints ?? 0).toBe(points);
      expect(person?.amountFen ?? 0).toBe(personFen);
    },
  );

  it('VND-01 a case keeps its order, evidence, person and rule version', () => {
    const e = event('uncovered_claim_false', { orderId: 'wo-77', evidence: ['photo-1', 'site-check-2'] });
    expect(assessCase(e, DEFAULT_ASSESSMENT_RULES)).toEqual({
      id: e.id,
      event: e,
      ruleId: 'VND-01',
      rules: { id: 'default-assessment', version: 1 },
      lines: [
        { party: 'vendor', vendorId: 'v1', amountFen: 50_000, scorePoints: 0 },
        { party: 'person', vendorId: 'v1', personId: 'p-eng', amountFen: 20_000 },
      ],
    });
  });

  it('VND-01 amounts are integer fen: 200.5 元 as 20050.5 fen is refused', () => {
    const bad = {
      ...DEFAULT_ASSESSMENT_RULES,
      rules: [{ ...DEFAULT_ASSESSMENT_RULES.rules[0]!, vendorFen: 20_050.5 }],
    };
    expect(() => parseAssessmentRules(bad)).toThrow(DomainError);
  });
});

describe('VND-01 disputes and the monthly ledger', () => {
  it('VND-01 a dispute goes dispute → review → upheld | reversed, and no other way', () => {
    expect(
      caseState([step('disputed', at('03-11')), step('review_started', at('03-12')), step('upheld', at('03-13'))]),
    ).toBe('upheld');
    try {
      caseState([step('disputed', at('03-11')), step('reversed', at('03-12'))]);
      expect.unreachable();
    } catch (e) {
      expect(e instanceof DomainError && e.code).toBe('CONFLICT');
    }
    expect(() => caseState([step('disputed', at('03-11'), '  ')])).toThrow(/reason/);
  });

  it('VND-01 the March ledger: 200 + 500 元 from the vendor, 300 元 from people, other vendors and months left out', () => {
    const cases: LedgerCase[] = [
      assessCase(event('install_overdue'), DEFAULT_ASSESSMENT_RULES), // 200 / —
      assessCase(event('direct_report_mishandled', { personId: 'p2' }), DEFAULT_ASSESSMENT_RULES), // 500 / 200 (p2)
      assessCase(event('speed_screenshot_missing', { occurredAt: at('02-28') }), DEFAULT_ASSESSMENT_RULES), // February: out
      assessCase(event('fault_overdue_without_reason', { personId: null }), DEFAULT_ASSESSMENT_RULES), // 200 / 100 (unnamed)
      assessCase(event('install_overdue', { vendorId: 'v2' }), DEFAULT_ASSESSMENT_RULES), // other vendor: out
      assessCase(event('parts_warning_missed'), DEFAULT_ASSESSMENT_RULES), // 1 point
    ];
    const l = buildLedger(cases, 'v1', '2026-03');
    // vendor 20000 + 50000 + 20000 = 90000 fen; people 20000 (p2) + 10000 (unnamed) = 30000 fen
    expect(l.totals).toEqual({
      vendorFen: 90_000,
      personFen: { p2: 20_000, '': 10_000 },
      personTotalFen: 30_000,
      scorePoints: 1,
      disputedFen: 0,
    });
    expect(l.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(l.entries.every((e) => e.kind === 'charge' && e.evidence.length === 1)).toBe(true);
  });

  it('VND-01 a case under dispute still counts and shows as disputed', () => {
    const c: LedgerCase = {
      ...assessCase(event('install_overdue'), DEFAULT_ASSESSMENT_RULES),
      history: [step('disputed', at('03-12'))],
    };
    const l = buildLedger([c], 'v1', '2026-03');
    expect(l.totals).toMatchObject({ vendorFen: 20_000, disputedFen: 20_000 });
    expect(l.entries[0]!.caseState).toBe('disputed');
  });

  it('VND-01 a reversed case keeps the original entry and adds a reversal', () => {
    const original = assessCase(event('uncovered_claim_false'), DEFAULT_ASSESSMENT_RULES);
    const history = [
      step('disputed', at('03-12'), 'Supervisor confirmed the address is outside coverage'),
      step('review_started', at('03-13')),
      step('reversed', at('03-20'), 'Site check found no cable within 1 km'),
    ];
    const l = buildLedger([{ ...original, history }], 'v1', '2026-03');
    expect(l.entries.map((e) => [e.kind, e.party, e.amountFen])).toEqual([
      ['charge', 'vendor', 50_000],
      ['charge', 'person', 20_000],
      ['reversal', 'vendor', -50_000],
      ['reversal', 'person', -20_000],
    ]);
    expect(l.entries.every((e) => e.caseId === original.id && e.caseState === 'reversed')).toBe(true);
    expect(l.totals).toMatchObject({ vendorFen: 0, personTotalFen: 0 });
    expect(original.lines[0]!.amountFen).toBe(50_000); // the case itself is untouched
  });

  it('VND-01 a March case reversed in April stays in March and is credited in April', () => {
    const c: LedgerCase = {
      ...assessCase(event('install_overdue'), DEFAULT_ASSESSMENT_RULES),
      history: [step('disputed', at('03-30')), step('review_started', at('04-01')), step('reversed', at('04-03'))],
    };
    expect(buildLedger([c], 'v1', '2026-03').totals.vendorFen).toBe(20_000);
    const april = buildLedger([c], 'v1', '2026-04');
    expect(april.entries.map((e) => [e.kind, e.amountFen])).toEqual([['reversal', -20_000]]);
  });

  it('VND-01 a month is local: 23:30 on 31 March in Shanghai belongs to March', () => {
    const c = assessCase(event('install_overdue', { occurredAt: at('03-31', '23:30') }), DEFAULT_ASSESSMENT_RULES);
    expect(buildLedger([c], 'v1', '2026-03').entries).toHaveLength(1);
    expect(buildLedger([c], 'v1', '2026-04').entries).toHaveLength(0);
  });

  it('VND-01 property: the ledger totals equal the sum of its entries', () => {
    const kind = fc.constantFrom(...ASSESSMENT_EVENTS);
    const day = fc
      .integer({ min: 1, max: 60 })
      .map((d) => new Date(Date.parse('2026-02-20T02:00:00Z') + d * 86_400_000));
    const tracked = fc.record({
      kind,
      day,
      person: fc.option(fc.constantFrom('p1', 'p2'), { nil: null }),
      fate: fc.constantFrom('none', 'disputed', 'upheld', 'reversed'),
    });
    fc.assert(
      fc.property(fc.array(tracked, { maxLength: 30 }), (xs) => {
        const cases: LedgerCase[] = xs.map((x) => {
          const c = assessCase(event(x.kind, { occurredAt: x.day, personId: x.person }), DEFAULT_ASSESSMENT_RULES);
          const later = (d: number) => new Date(x.day.getTime() + d * 86_400_000);
          const history =
            x.fate === 'none'
              ? []
              : x.fate === 'disputed'
                ? [step('disputed', later(1))]
                : [step('disputed', later(1)), step('review_started', later(2)), step(x.fate, later(10))];
          return { ...c, history };
        });
        const l = buildLedger(cases, 'v1', '2026-03');
        const sum = (p: 'vendor' | 'person') =>
          l.entries.filter((e) => e.party === p).reduce((s, e) => s + e.amountFen, 0);
        expect(l.totals.vendorFen).toBe(sum('vendor'));
        expect(l.totals.personTotalFen).toBe(sum('person'));
        expect(Object.values(l.totals.personFen).reduce((a, b) => a + b, 0)).toBe(sum('person'));
        expect(l.totals.scorePoints).toBe(l.entries.reduce((s, e) => s + e.scorePoints, 0));
        expect(l.entries.every((e) => Number.isInteger(e.amountFen))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('VND-01 what-if', () => {
  it('VND-01 re-running March under a draft that doubles overdue installs shows both totals side by side', () => {
    const events = [event('install_overdue'), event('install_overdue'), event('speed_screenshot_missing')];
    const draft = parseAssessmentRules({
      ...DEFAULT_ASSESSMENT_RULES,
      id: 'draft',
      version: 2,
      rules: DEFAULT_ASSESSMENT_RULES.rules.map((r) =>
        r.event === 'install_overdue' ? { ...r, vendorFen: 40_000 } : r,
      ),
    });
    const r = whatIf(events, draft);
    // current: 2 × 20000 + 20000 = 60000; draft: 2 × 40000 + 20000 = 100000; people 10000 both
    expect(r.current).toMatchObject({
      vendorFen: 60_000,
      personFen: 10_000,
      cases: 3,
      rules: { id: 'default-assessment', version: 1 },
    });
    expect(r.draft).toMatchObject({
      vendorFen: 100_000,
      personFen: 10_000,
      cases: 3,
      rules: { id: 'draft', version: 2 },
    });
    expect(r.delta).toEqual({ vendorFen: 40_000, personFen: 0, scorePoints: 0, cases: 0 });
    expect(r.byEvent.map((b) => [b.event, b.count, b.current.vendorFen, b.draft.vendorFen])).toEqual([
      ['install_overdue', 2, 40_000, 80_000],
      ['speed_screenshot_missing', 1, 20_000, 20_000],
    ]);
  });

  it('VND-01 a draft that drops a rule charges nothing for that event', () => {
    const draft = {
      ...DEFAULT_ASSESSMENT_RULES,
      rules: DEFAULT_ASSESSMENT_RULES.rules.filter((r) => r.event !== 'install_overdue'),
    };
    const r = whatIf([event('install_overdue')], draft);
    expect(r.delta).toEqual({ vendorFen: -20_000, personFen: 0, scorePoints: 0, cases: -1 });
  });
});
