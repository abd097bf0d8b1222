import type { AssessmentEventKind, AssessmentRules } from './assessment-rules.js';

/**
 * VND-01: one event (an SLA breach, a false claim found, a spot-check mismatch …) becomes one case whose
 * lines say what the vendor owes and what the vendor charges its person. The case keeps the order, the
 * evidence and the rule version, so every figure of a ledger traces back to why it is there.
 */

export interface AssessmentEvent {
  /** Unique per event; the case takes this id, so the same event never makes two cases. */
  id: string;
  kind: AssessmentEventKind;
  tenantId: string;
  vendorId: string;
  orderId: string;
  /** The person responsible, when known; the vendor names one later otherwise. */
  personId: string | null;
  occurredAt: Date;
  /** Attachment or event ids that prove it (photos, screenshots, callback records). */
  evidence: readonly string[];
  note?: string;
}

export type CaseLine =
  | { party: 'vendor'; vendorId: string; amountFen: number; scorePoints: number }
  | { party: 'person'; vendorId: string; personId: string | null; amountFen: number };

export interface AssessmentCase {
  id: string;
  event: AssessmentEvent;
  ruleId: string | null;
  rules: { id: string; version: number };
  /** Empty when the rule set charges nothing for this event (a draft may drop one). */
  lines: CaseLine[];
}

export function assessCase(event: AssessmentEvent, rules: AssessmentRules): AssessmentCase {
  const rule = rules.rules.find((r) => r.event === event.kind);
  const lines: CaseLine[] = [];
  if (rule && (rule.vendorFen > 0 || rule.scorePoints > 0)) {
    lines.push({ party: 'vendor', vendorId: event.vendorId, amountFen: rule.vendorFen, scorePoints: rule.scorePoints });
  }
  if (rule && rule.personFen > 0) {
    lines.push({ party: 'person', vendorId: event.vendorId, personId: event.personId, amountFen: rule.personFen });
  }
  return {
    id: event.id,
    event,
    ruleId: rule?.ruleId ?? null,
    rules: { id: rules.id, version: rules.version },
    lines,
  };
}
