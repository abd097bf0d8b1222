import type { AssessmentEventKind } from './assessment-rules.js';

/**
 * VND-01 "cases created automatically": which recorded facts become which assessment event, as data.
 * SLA breaches come from the SLA engine's clock events (SLA-03 install over 3 days; SLA-04 a fault past
 * the 18:00/09:00 rule with no overdue reason noted when the case is raised).
 */
export interface BreachSource {
  /** The SLA clock kind (default SLA policy). */
  clockKind: string;
  event: AssessmentEventKind;
  /** The breach only counts when nobody recorded an overdue reason (SLA-04). */
  unlessOverdueReason: boolean;
}

export const DEFAULT_BREACH_SOURCES: readonly BreachSource[] = [
  { clockKind: 'install_complete', event: 'install_overdue', unlessOverdueReason: false },
  { clockKind: 'fault_repair', event: 'fault_overdue_without_reason', unlessOverdueReason: true },
];

export interface BreachFact {
  clockKind: string;
  overdueReason: string | null;
}

/** The assessment event a breached clock raises, or null when none does. */
export function assessmentEventForBreach(
  breach: BreachFact,
  sources: readonly BreachSource[] = DEFAULT_BREACH_SOURCES,
): AssessmentEventKind | null {
  const s = sources.find((x) => x.clockKind === breach.clockKind);
  if (!s) return null;
  if (s.unlessOverdueReason && breach.overdueReason != null && breach.overdueReason.trim() !== '') return null;
  return s.event;
}

/** Stable source key of a case made from an SLA breach event: one case per breach, ever. */
export const breachSourceKey = (clockEventId: string): string => `sla:${clockEventId}`;
