import { BusinessCalendar } from '../calendar/business-calendar.js';
import type { CalendarSpec } from '../calendar/calendar-spec.js';
import { zonedDateTime } from '../shared/local-time.js';
import type { SlaClock, SlaOrderFacts } from './clock.types.js';
import { startClocks } from './clock-engine.js';
import { DEFAULT_SLA_POLICY } from './default-sla-policy.js';
import type { SlaPolicy } from './sla-policy.js';

/** Test fixtures: an office-hours calendar (08:30–17:30, Mon–Fri) keeps expected instants easy to check. */
const office = [{ start: '08:30', end: '17:30' }];
export const OFFICE_SPEC: CalendarSpec = {
  id: 'office',
  hours: { weekly: [[], office, office, office, office, office, []] },
};
export const officeCalendar = new BusinessCalendar(OFFICE_SPEC);

/** An instant from Beijing wall-clock time. */
export const sh = (date: string, time: string): Date => zonedDateTime(date, time, 'Asia/Shanghai');

export function facts(overrides: Partial<SlaOrderFacts> = {}): SlaOrderFacts {
  return {
    orderId: 'o-1',
    tenantId: 't-1',
    vendorId: 'v-1',
    areaId: 'a-1',
    type: 'fault',
    priority: 'normal',
    channel: 'operator',
    coverage: 'inside',
    contract: null,
    contractTerms: [],
    tags: [],
    acceptedAt: sh('2026-11-23', '10:00'),
    appointment: null,
    moments: {},
    ...overrides,
  };
}

/** The one clock of a kind an order gets; fails the test when the policy gives none. */
export function clockOf(
  kind: string,
  f: SlaOrderFacts,
  cal: BusinessCalendar = officeCalendar,
  policy: SlaPolicy = DEFAULT_SLA_POLICY,
  now: Date = f.acceptedAt,
): SlaClock {
  const clock = startClocks(f, policy, cal, now).find((c) => c.kind === kind);
  if (!clock) throw new Error(`no ${kind} clock`);
  return clock;
}

export const kinds = (f: SlaOrderFacts, cal: BusinessCalendar = officeCalendar): string[] =>
  startClocks(f, DEFAULT_SLA_POLICY, cal, f.acceptedAt).map((c) => c.kind);
