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
  /**
   * Hours after the breach during which the scheduled sweep leaves an excusable breach alone, so the
   * coordinator has time to note why the order is late before it is charged. The operator's own sweep
   * (the month's close) charges at once.
   */
  reasonGraceHours: number;
}

export const DEFAULT_BREACH_SOURCES: readonly BreachSource[] = [
  { clockKind: 'install_complete', event: 'install_overdue', unlessOverdueReason: false, reasonGraceHours: 0 },
  { clockKind: 'fault_repair', event: 'fault_overdue_without_reason', unlessOverdueReason: true, reasonGraceHours: 24 },
];

/**
 * The latest breach instant per clock kind that a sweep at `now` may assess: `now` itself, or for a
 * scheduled sweep over an excusable kind, `now` less its grace (SLA-04 reason notes).
 */
export function breachCutoffs(
  now: Date,
  scheduled: boolean,
  sources: readonly BreachSource[] = DEFAULT_BREACH_SOURCES,
): { clockKind: string; notAfter: Date }[] {
  return sources.map((s) => ({
    clockKind: s.clockKind,
    notAfter:
      scheduled && s.unlessOverdueReason ? new Date(now.getTime() - s.reasonGraceHours * 3_600_000) : new Date(now),
  }));
}

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
