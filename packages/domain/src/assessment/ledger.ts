import { DEFAULT_TIME_ZONE, localDate } from '../shared/local-time.js';
import type { AssessmentCase } from './assess-case.js';
import type { CaseHistoryEvent, CaseState } from './case-dispute.js';
import { caseState } from './case-dispute.js';

/**
 * VND-01 monthly ledger per vendor. Entries are derived, append-only facts: a charge in the month the
 * event happened, and — when a case is reversed after review — a reversal with the opposite amounts in
 * the month of the decision. A March case reversed in April stays in March's ledger and is credited in
 * April's, so a closed month's bill never changes after the fact.
 */

export interface LedgerCase extends AssessmentCase {
  history?: readonly CaseHistoryEvent[];
}

export interface LedgerEntry {
  /** Position in the ledger (1-based), in time order. */
  seq: number;
  kind: 'charge' | 'reversal';
  caseId: string;
  orderId: string;
  ruleId: string | null;
  at: Date;
  party: 'vendor' | 'person';
  personId: string | null;
  /** Signed: a reversal is negative. */
  amountFen: number;
  scorePoints: number;
  evidence: readonly string[];
  /** The case's state now, so a reader sees a charge under dispute. */
  caseState: CaseState;
}

export interface LedgerTotals {
  vendorFen: number;
  /** Per responsible person; `''` for lines whose person the vendor has not named yet. */
  personFen: Record<string, number>;
  personTotalFen: number;
  scorePoints: number;
  /** Vendor amounts of this month's charges whose case is disputed or in review right now. */
  disputedFen: number;
}

export interface Ledger {
  vendorId: string;
  /** `YYYY-MM`, local to `timeZone`. */
  month: string;
  timeZone: string;
  entries: LedgerEntry[];
  totals: LedgerTotals;
}

const monthOf = (at: Date, tz: string): string => localDate(at, tz).slice(0, 7);

export function buildLedger(
  cases: readonly LedgerCase[],
  vendorId: string,
  month: string,
  timeZone: string = DEFAULT_TIME_ZONE,
): Ledger {
  const raw: Omit<LedgerEntry, 'seq'>[] = [];
  for (const c of cases) {
    if (c.event.vendorId !== vendorId) continue;
    const history = c.history ?? [];
    const state = caseState(history);
    const reversal = history.find((h) => h.kind === 'reversed');
    const post = (kind: LedgerEntry['kind'], at: Date, sign: 1 | -1): void => {
      for (const line of c.lines) {
        raw.push({
          kind,
          caseId: c.id,
          orderId: c.event.orderId,
          ruleId: c.ruleId,
          at,
          party: line.party,
          personId: line.party === 'person' ? line.personId : null,
          amountFen: sign * line.amountFen,
          scorePoints: line.party === 'vendor' ? sign * line.scorePoints : 0,
          evidence: c.event.evidence,
          caseState: state,
        });
      }
    };
    if (monthOf(c.event.occurredAt, timeZone) === month) post('charge', c.event.occurredAt, 1);
    if (reversal && monthOf(reversal.at, timeZone) === month) post('reversal', reversal.at, -1);
  }
  raw.sort((a, b) => a.at.getTime() - b.at.getTime() || a.caseId.localeCompare(b.caseId));
  const entries = raw.map((e, i) => ({ ...e, seq: i + 1 }));
  return { vendorId, month, timeZone, entries, totals: totalsOf(entries) };
}

/** Totals are sums of the entries, nothing else: a ledger always adds up. */
export function totalsOf(entries: readonly LedgerEntry[]): LedgerTotals {
  const t: LedgerTotals = { vendorFen: 0, personFen: {}, personTotalFen: 0, scorePoints: 0, disputedFen: 0 };
  for (const e of entries) {
    t.scorePoints += e.scorePoints;
    if (e.party === 'vendor') {
      t.vendorFen += e.amountFen;
      if (e.kind === 'charge' && (e.caseState === 'disputed' || e.caseState === 'in_review'))
        t.disputedFen += e.amountFen;
    } else {
      const key = e.personId ?? '';
      t.personFen[key] = (t.personFen[key] ?? 0) + e.amountFen;
      t.personTotalFen += e.amountFen;
    }
  }
  return t;
}
