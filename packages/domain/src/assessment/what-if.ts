import type { AssessmentEvent } from './assess-case.js';
import { assessCase } from './assess-case.js';
import type { AssessmentEventKind, AssessmentRules } from './assessment-rules.js';
import { DEFAULT_ASSESSMENT_RULES } from './assessment-rules.js';

/**
 * VND-01 "what-if": re-run a month's events under a draft rule set and put the totals beside those of
 * the rules in force, overall and per event kind, before anyone publishes the draft. Pass the events of
 * cases that still stand (reversed ones left out) to compare like with like.
 */

export interface WhatIfTotals {
  vendorFen: number;
  personFen: number;
  scorePoints: number;
  /** Events that produce at least one line. */
  cases: number;
}

export interface WhatIfRow {
  event: AssessmentEventKind;
  count: number;
  current: WhatIfTotals;
  draft: WhatIfTotals;
}

export interface WhatIfResult {
  current: WhatIfTotals & { rules: { id: string; version: number } };
  draft: WhatIfTotals & { rules: { id: string; version: number } };
  /** draft − current. */
  delta: WhatIfTotals;
  byEvent: WhatIfRow[];
}

const zero = (): WhatIfTotals => ({ vendorFen: 0, personFen: 0, scorePoints: 0, cases: 0 });

function add(t: WhatIfTotals, e: AssessmentEvent, rules: AssessmentRules): void {
  const c = assessCase(e, rules);
  if (c.lines.length > 0) t.cases += 1;
  for (const l of c.lines) {
    if (l.party === 'vendor') {
      t.vendorFen += l.amountFen;
      t.scorePoints += l.scorePoints;
    } else t.personFen += l.amountFen;
  }
}

export function whatIf(
  events: readonly AssessmentEvent[],
  draftRules: AssessmentRules,
  currentRules: AssessmentRules = DEFAULT_ASSESSMENT_RULES,
): WhatIfResult {
  const current = zero();
  const draft = zero();
  const rows = new Map<AssessmentEventKind, WhatIfRow>();
  for (const e of events) {
    add(current, e, currentRules);
    add(draft, e, draftRules);
    let row = rows.get(e.kind);
    if (!row) rows.set(e.kind, (row = { event: e.kind, count: 0, current: zero(), draft: zero() }));
    row.count += 1;
    add(row.current, e, currentRules);
    add(row.draft, e, draftRules);
  }
  return {
    current: { ...current, rules: { id: currentRules.id, version: currentRules.version } },
    draft: { ...draft, rules: { id: draftRules.id, version: draftRules.version } },
    delta: {
      vendorFen: draft.vendorFen - current.vendorFen,
      personFen: draft.personFen - current.personFen,
      scorePoints: draft.scorePoints - current.scorePoints,
      cases: draft.cases - current.cases,
    },
    byEvent: [...rows.values()].sort((a, b) => a.event.localeCompare(b.event)),
  };
}
