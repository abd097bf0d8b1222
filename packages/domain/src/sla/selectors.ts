import type { SlaOrderFacts } from './clock.types.js';
import type { ClockDefinition, ClockSelector, SlaPolicy } from './sla-policy.js';

/**
 * SLA-02: which promises an order gets — by tenant, vendor, area, order type, priority, channel,
 * coverage, contract terms and tags. A field absent from the selector matches every order, a listed one
 * matches any of its values, and terms/tags must all be on the order.
 */
export function matchesSelector(sel: ClockSelector, f: SlaOrderFacts): boolean {
  if (sel.tenantIds && !sel.tenantIds.includes(f.tenantId)) return false;
  if (sel.vendorIds && !sel.vendorIds.includes(f.vendorId)) return false;
  if (sel.areaIds && (f.areaId === null || !sel.areaIds.includes(f.areaId))) return false;
  if (sel.orderTypes && !sel.orderTypes.includes(f.type)) return false;
  if (sel.priorities && !sel.priorities.includes(f.priority)) return false;
  if (sel.channels && (f.channel === null || !sel.channels.includes(f.channel))) return false;
  if (sel.coverage && (f.coverage === null || !sel.coverage.includes(f.coverage))) return false;
  if (sel.contracts && (f.contract === null || !sel.contracts.includes(f.contract.code))) return false;
  if (sel.contractTerms && !sel.contractTerms.every((t) => f.contractTerms.includes(t))) return false;
  if (sel.tags && !sel.tags.every((t) => f.tags.includes(t))) return false;
  if (sel.not && matchesSelector(sel.not, f)) return false;
  return true;
}

/** The clock definitions of a policy that apply to an order, in the policy's order. */
export function clocksFor(policy: SlaPolicy, facts: SlaOrderFacts): ClockDefinition[] {
  return policy.clocks.filter((c) => matchesSelector(c.when, facts));
}
