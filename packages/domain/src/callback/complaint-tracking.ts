import type { Satisfaction } from '../kpi/kpi-facts.js';
import type { KpiPeriod } from '../kpi/kpi-facts.js';
import { inPeriod } from '../kpi/kpi-facts.js';
import type { Position } from '../org/positions.js';
import { DomainError } from '../shared/errors.js';

/**
 * CMP-01/CMP-02: a complaint is tracked until the three principles (三原则) are met — the customer's
 * problem fixed with them, the responsible party found, recurrence prevented — and a callback is made.
 * The record is the complaint's follow-up sheet; the complaint order itself runs the WO lifecycle.
 */

export const RESPONSIBLE_PARTIES = ['vendor', 'staff', 'operator', 'network', 'customer', 'third_party'] as const;
export type ResponsibleParty = (typeof RESPONSIBLE_PARTIES)[number];

/** What a complaint is about; `staff` names the person complained about. */
export const COMPLAINT_ABOUT_KINDS = ['staff', 'service', 'network', 'billing', 'other'] as const;
export type ComplaintAboutKind = (typeof COMPLAINT_ABOUT_KINDS)[number];

/** Parties that are one of our people, so the responsible person must be named. */
export const PERSON_PARTIES: readonly ResponsibleParty[] = ['staff'];

/** Who keeps a complaint's follow-up sheet (desk, coordinators, callback agents, station managers). */
export const COMPLAINT_POSITIONS: readonly Position[] = [
  'hotline_agent',
  'coordinator',
  'callback_agent',
  'station_manager',
  'support',
  'admin',
];

/** Who reads the station manager's log of complaints about staff and writes the follow-up note. */
export const STAFF_LOG_POSITIONS: readonly Position[] = ['station_manager', 'vendor_manager', 'admin'];

/** CMP-01: a responsibility names its person when the party is one of our people. */
export function checkResponsibility(r: { party: ResponsibleParty; personId?: string | null }): void {
  if (PERSON_PARTIES.includes(r.party) && !r.personId) {
    throw new DomainError('VALIDATION_FAILED', 'Name the responsible person', {
      field: 'responsibility.personId',
    });
  }
}

export interface ComplaintRecord {
  id: string;
  orderId: string;
  tenantId: string;
  stationId: string | null;
  areaId: string | null;
  acceptedAt: Date;
  /** What the customer complained about; `staff` names the person (attitude, conduct, forbidden phrases). */
  about: { kind: 'staff'; personId: string } | { kind: 'service' | 'network' | 'billing' | 'other' };
  /** Principle 1: the customer's problem is fixed, agreed with the customer. */
  fixedWithCustomer: boolean;
  /** Principle 2: who is responsible; `personId` when a person is (an engineer, a desk agent). */
  responsibility: { party: ResponsibleParty; personId?: string | null } | null;
  causeAnalysis: string | null;
  /** Principle 3: what changes so it does not happen again. */
  improvementMeasure: string | null;
  callback: { done: boolean; satisfaction?: Satisfaction | null } | null;
  /** The complaint order's own work is finished (completed, in callback or closed). */
  orderCompleted: boolean;
}

export const CLOSE_REQUIREMENTS = [
  'order_completed',
  'fixed_with_customer',
  'responsibility',
  'cause_analysis',
  'improvement_measure',
  'callback',
] as const;
export type CloseRequirement = (typeof CLOSE_REQUIREMENTS)[number];

const filled = (s: string | null): boolean => s !== null && s.trim() !== '';

/** CMP-01: a complaint closes only when nothing is missing; the list says what is, for the follow-up screen. */
export function canCloseComplaint(r: ComplaintRecord): { ok: true } | { ok: false; missing: CloseRequirement[] } {
  const missing: CloseRequirement[] = [];
  if (!r.orderCompleted) missing.push('order_completed');
  if (!r.fixedWithCustomer) missing.push('fixed_with_customer');
  if (r.responsibility === null) missing.push('responsibility');
  if (!filled(r.causeAnalysis)) missing.push('cause_analysis');
  if (!filled(r.improvementMeasure)) missing.push('improvement_measure');
  if (r.callback?.done !== true) missing.push('callback');
  return missing.length === 0 ? { ok: true } : { ok: false, missing };
}

export interface StationManagerLogEntry {
  complaintId: string;
  orderId: string;
  stationId: string | null;
  personId: string;
  at: Date;
}

/**
 * CMP-02: a complaint about a member of staff goes to the log of the station manager of their station,
 * so the manager follows up with the person; other complaints do not.
 */
export function stationManagerLogEntry(r: ComplaintRecord): StationManagerLogEntry | null {
  if (r.about.kind !== 'staff') return null;
  return {
    complaintId: r.id,
    orderId: r.orderId,
    stationId: r.stationId,
    personId: r.about.personId,
    at: r.acceptedAt,
  };
}

export interface ComplaintPattern {
  key: string;
  count: number;
  complaintIds: string[];
}

/** The person a complaint weighs on: the one complained about, else the one found responsible. */
const personOf = (r: ComplaintRecord): string | null =>
  r.about.kind === 'staff' ? r.about.personId : (r.responsibility?.personId ?? null);

/**
 * CMP-02 patterns: complaints accepted in the period counted per person or per area, most first (ties by
 * key), so a manager sees who or where keeps drawing complaints. Complaints without one are left out.
 */
export function complaintPatterns(
  complaints: readonly ComplaintRecord[],
  by: 'person' | 'area',
  period: KpiPeriod,
): ComplaintPattern[] {
  const groups = new Map<string, string[]>();
  for (const c of complaints) {
    if (!inPeriod(c.acceptedAt, period)) continue;
    const key = by === 'person' ? personOf(c) : c.areaId;
    if (key === null) continue;
    const ids = groups.get(key) ?? [];
    ids.push(c.id);
    groups.set(key, ids);
  }
  return [...groups]
    .map(([key, complaintIds]) => ({ key, count: complaintIds.length, complaintIds }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** CMP-02: the N most frequent persons or areas of a pattern (ties as complaintPatterns orders them). */
export function topPatterns(patterns: readonly ComplaintPattern[], n: number): ComplaintPattern[] {
  return patterns.slice(0, Math.max(0, n));
}
