import { z } from 'zod';
import { POSITIONS } from '../org/positions.js';
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { Coverage } from '../org/coverage.js';
import { DomainError } from '../shared/errors.js';
import type { SlaPolicy } from '../sla/sla-policy.js';

/**
 * WO-09 / WO-10: an engineer on site claims the address cannot be served as ordered — either it is not
 * covered by our network at all (WO-09), or it is covered but the drop cable would be too long and a
 * distribution box must be added first (WO-10 增补分线箱). A supervisor confirms or rejects the claim.
 * A confirmed claim starts a 7-day clock (the SLA pack's `uncovered_contact` / `network_supplement`
 * clocks, so the number lives once) and the customer is told with the matching script. A rejected
 * uncovered-address claim is a false claim: it is recorded against the vendor (VND-01
 * `uncovered_claim_false`).
 */
export const COVERAGE_CLAIM_KINDS = ['uncovered_address', 'network_supplement'] as const;
export type CoverageClaimKind = (typeof COVERAGE_CLAIM_KINDS)[number];
export const COVERAGE_CLAIM_STATES = ['claimed', 'confirmed', 'rejected', 'closed'] as const;
export type CoverageClaimState = (typeof COVERAGE_CLAIM_STATES)[number];

export const coverageClaimPolicySchema = z.object({
  version: z.number().int().positive(),
  /** WO-10: a supplement is asked for only when the drop cable would be longer than this (metres). */
  supplementMinDropCableM: z.number().positive(),
  /** Who may file a claim for an order besides its holding engineer. */
  claimPositions: z.array(z.enum(POSITIONS)).min(1),
  /** The supervisors who confirm or reject a claim (joint confirmation / approval for WO-10). */
  decidePositions: z.array(z.enum(POSITIONS)).min(1),
  /** Who records that the customer was contacted or the supplement built (closes the 7-day clock). */
  closePositions: z.array(z.enum(POSITIONS)).min(1),
});
export type CoverageClaimPolicy = z.infer<typeof coverageClaimPolicySchema>;

export const DEFAULT_COVERAGE_CLAIM_POLICY: CoverageClaimPolicy = coverageClaimPolicySchema.parse({
  version: 1,
  supplementMinDropCableM: 250,
  claimPositions: ['onsite_engineer', 'team_lead', 'coordinator', 'station_manager'],
  // 'sales' is the sales office that contacts the customer within the 7 days (WO-09).
  closePositions: ['sales', 'hotline_agent', 'coordinator', 'station_manager', 'admin'],
  decidePositions: ['station_manager', 'admin'],
});

export interface CoverageClaimFacts {
  kind: CoverageClaimKind;
  /** WO-10: the drop cable length the engineer measured or estimated. */
  dropCableM?: number | null | undefined;
  /** WO-10: the customer (or more households) really want the service there. */
  demandConfirmed?: boolean | undefined;
  /** ORG-04 coverage of the order's address when it has a position; null when unknown. */
  coverage: Coverage | null;
}

/** Why a claim cannot be filed as it stands; null when it may be filed. */
export function claimRefusal(f: CoverageClaimFacts, policy: CoverageClaimPolicy): string | null {
  if (f.kind === 'network_supplement') {
    if (f.coverage?.kind === 'not_covered') return 'address_not_covered';
    if (f.dropCableM == null || f.dropCableM <= policy.supplementMinDropCableM) return 'drop_cable_not_too_long';
    if (!f.demandConfirmed) return 'demand_not_confirmed';
  }
  return null;
}

/**
 * WO-09: the map's view of the claim, shown to the supervisor beside it. An "uncovered" claim for an
 * address that lies inside a service area is suspicious — the supervisor still decides.
 */
export function claimContradictsMap(f: CoverageClaimFacts): boolean {
  return f.kind === 'uncovered_address' && f.coverage?.kind === 'inside';
}

export type ClaimDecision = 'confirm' | 'reject';

export interface ClaimOutcome {
  state: CoverageClaimState;
  /** A confirmed claim's clock: its SLA clock kind; null when no clock runs. */
  clockKind: string | null;
  /** VND-01 event to record against the vendor, or null. */
  assessmentEvent: 'uncovered_claim_false' | null;
  /** Whether the customer is told now (the script of the claim's kind). */
  tellCustomer: boolean;
}

const CLOCK_OF: Readonly<Record<CoverageClaimKind, string>> = {
  uncovered_address: 'uncovered_contact',
  network_supplement: 'network_supplement',
};

/** The supervisor's decision on an open claim. */
export function decideClaim(kind: CoverageClaimKind, state: CoverageClaimState, decision: ClaimDecision): ClaimOutcome {
  if (state !== 'claimed') {
    throw new DomainError('CONFLICT', 'This claim was decided already', { state });
  }
  if (decision === 'confirm') {
    return { state: 'confirmed', clockKind: CLOCK_OF[kind], assessmentEvent: null, tellCustomer: true };
  }
  return {
    state: 'rejected',
    clockKind: null,
    assessmentEvent: kind === 'uncovered_address' ? 'uncovered_claim_false' : null,
    tellCustomer: false,
  };
}

/** A confirmed claim is closed when the sales office contacted the customer or the supplement is built. */
export function closeClaim(state: CoverageClaimState): CoverageClaimState {
  if (state !== 'confirmed') throw new DomainError('CONFLICT', 'Only a confirmed claim can be closed', { state });
  return 'closed';
}

/** The 7-day deadline of a confirmed claim, from its SLA clock definition (calendar or working days). */
export function claimDueAt(kind: CoverageClaimKind, confirmedAt: Date, policy: SlaPolicy, calendar: BusinessCalendar) {
  const clock = policy.clocks.find((c) => c.kind === CLOCK_OF[kind]);
  if (!clock) throw new DomainError('INTERNAL', `The SLA policy has no ${CLOCK_OF[kind]} clock`, { kind });
  const rule = clock.deadline;
  switch (rule.kind) {
    case 'calendar_days':
      return new Date(confirmedAt.getTime() + rule.days * 86_400_000);
    case 'working_days':
      return calendar.addWorkingDays(confirmedAt, rule.days);
    case 'elapsed':
      return new Date(confirmedAt.getTime() + rule.minutes * 60_000);
    default:
      throw new DomainError('INTERNAL', `A coverage claim cannot use a ${rule.kind} deadline`, { kind: rule.kind });
  }
}

/** The script situation the customer is told with (DESK-04 library). */
export function customerScriptOf(kind: CoverageClaimKind): 'uncovered_address' | 'network_supplement' {
  return kind;
}
