import type { SlaPolicy } from '@daowei/domain';

/** A service target of the tenant's policy that a KPI figure is read against (lower is better). */
export interface KpiTarget {
  key: string;
  ruleId: string;
  atMost: number;
}

/**
 * The targets of the tenant's current SLA policy version, keyed by the KPI they apply to. Only the
 * average fault duration has one today (SLA-04, default 8 h); the page marks a figure over its target.
 */
export function kpiTargets(policy: SlaPolicy): KpiTarget[] {
  return [
    {
      key: 'average_fault_duration_hours',
      ruleId: 'SLA-04',
      atMost: policy.targets.faultAverageDurationMinutes / 60,
    },
  ];
}
