import type { Position } from '../org/positions.js';
import type { ClockAnchor } from '../sla/sla-policy.js';
import { DomainError } from '../shared/errors.js';
import type { VisitPolicy } from './visit-policy.js';

/**
 * What a visit leaves for someone else to act on, each with a deadline and closed by that someone:
 * - `no_access` (APT-03): re-contact the customer and rebook — the station's coordinator (policy);
 * - `resource_change` (WO-15): network resources changed on site — the resource manager acknowledges;
 * - `damage` (SLA-08): customer property damaged — compensation settled within the SLA pack's 48 h.
 */
export const ONSITE_REPORT_KINDS = ['no_access', 'resource_change', 'damage'] as const;
export type OnsiteReportKind = (typeof ONSITE_REPORT_KINDS)[number];

export const ONSITE_REPORT_STATES = ['open', 'closed'] as const;
export type OnsiteReportState = (typeof ONSITE_REPORT_STATES)[number];

/** The SLA pack's clock each kind runs (its `stopOn` name closes it); a follow-up has its own due time. */
export const ONSITE_REPORT_CLOCKS: Readonly<Record<OnsiteReportKind, { anchor: ClockAnchor; stopOn: string } | null>> =
  {
    no_access: null,
    resource_change: { anchor: 'resource_change_made', stopOn: 'resource_change_acknowledged' },
    damage: { anchor: 'damage_reported', stopOn: 'compensated' },
  };

/** Who a report of each kind is for (and who closes it). Admins always may. */
export function reportPositions(policy: VisitPolicy, kind: OnsiteReportKind): readonly Position[] {
  switch (kind) {
    case 'no_access':
      return [policy.noAccess.followUpPosition, 'coordinator', 'station_manager', 'admin'];
    case 'resource_change':
      return ['resource_manager', 'admin'];
    case 'damage':
      return [...policy.damage.settlePositions, 'admin'];
  }
}

/** The kinds a position works (its list page); empty: the position works none. */
export function reportKindsFor(policy: VisitPolicy, position: Position): OnsiteReportKind[] {
  return ONSITE_REPORT_KINDS.filter((k) => reportPositions(policy, k).includes(position));
}

/** What closing says, per kind: rebooked or dealt with, acknowledged, compensation settled (amount in fen). */
export interface CloseReportInput {
  note: string;
  compensationFen?: number | undefined;
}

export function checkReportClose(
  policy: VisitPolicy,
  report: { kind: OnsiteReportKind; state: OnsiteReportState },
  position: Position,
  input: CloseReportInput,
): void {
  if (!reportPositions(policy, report.kind).includes(position)) {
    throw new DomainError('FORBIDDEN', `Position ${position} does not close ${report.kind} reports`, {
      allowed: reportPositions(policy, report.kind),
    });
  }
  if (report.state !== 'open') throw new DomainError('CONFLICT', 'This report is already closed', {});
  if (report.kind === 'damage' && input.compensationFen === undefined) {
    throw new DomainError('VALIDATION_FAILED', 'Settling a damage needs the compensation paid (fen, 0 if none)', {
      field: 'compensationFen',
    });
  }
  if (report.kind !== 'damage' && input.compensationFen !== undefined) {
    throw new DomainError('VALIDATION_FAILED', 'Only a damage report is settled with an amount', {
      field: 'compensationFen',
    });
  }
}

/** WO-15: a change kind the policy knows, made at or before now (not filed for a change still to come). */
export function checkResourceChange(policy: VisitPolicy, input: { changeKind: string; changedAt: Date }, now: Date) {
  if (!policy.resourceChange.kinds.some((k) => k.code === input.changeKind)) {
    throw new DomainError('VALIDATION_FAILED', `Unknown resource change "${input.changeKind}"`, {
      field: 'changeKind',
      allowed: policy.resourceChange.kinds.map((k) => k.code),
    });
  }
  if (input.changedAt.getTime() > now.getTime()) {
    throw new DomainError('VALIDATION_FAILED', 'The change cannot be in the future', { field: 'changedAt' });
  }
}
