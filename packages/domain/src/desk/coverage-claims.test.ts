import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../calendar/business-calendar.js';
import { DEFAULT_CALENDAR_SPEC } from '../calendar/calendar-spec.js';
import { DEFAULT_SLA_POLICY } from '../sla/default-sla-policy.js';
import {
  claimContradictsMap,
  claimDueAt,
  claimRefusal,
  closeClaim,
  decideClaim,
  DEFAULT_COVERAGE_CLAIM_POLICY as policy,
} from './coverage-claims.js';
import { DEFAULT_SCRIPTS_ZH, scriptsFor } from './scripts-library.js';

const calendar = new BusinessCalendar(DEFAULT_CALENDAR_SPEC);
const inside = { kind: 'inside', areaId: 'a1' } as const;

describe('WO-09 uncovered address claims', () => {
  it('WO-09 a confirmed claim starts the 7-day contact clock and tells the customer', () => {
    const out = decideClaim('uncovered_address', 'claimed', 'confirm');
    expect(out).toEqual({
      state: 'confirmed',
      clockKind: 'uncovered_contact',
      assessmentEvent: null,
      tellCustomer: true,
    });
    const at = new Date('2026-12-04T09:00:00Z');
    expect(claimDueAt('uncovered_address', at, DEFAULT_SLA_POLICY, calendar).toISOString()).toBe(
      '2026-12-11T09:00:00.000Z',
    );
  });

  it('WO-09 a claim found false is recorded against the vendor (VND-01 uncovered_claim_false)', () => {
    const out = decideClaim('uncovered_address', 'claimed', 'reject');
    expect(out.state).toBe('rejected');
    expect(out.assessmentEvent).toBe('uncovered_claim_false');
    expect(out.tellCustomer).toBe(false);
  });

  it('WO-09 a claim is decided once; only a confirmed claim closes', () => {
    expect(() => decideClaim('uncovered_address', 'confirmed', 'reject')).toThrow(/decided already/);
    expect(closeClaim('confirmed')).toBe('closed');
    expect(() => closeClaim('rejected')).toThrow(/confirmed/);
  });

  it('WO-09 an uncovered claim for an address inside a service area is flagged to the supervisor', () => {
    expect(claimContradictsMap({ kind: 'uncovered_address', coverage: inside })).toBe(true);
    expect(claimContradictsMap({ kind: 'uncovered_address', coverage: { kind: 'not_covered', nearestKm: 9 } })).toBe(
      false,
    );
    expect(claimContradictsMap({ kind: 'uncovered_address', coverage: null })).toBe(false);
  });
});

describe('WO-10 network supplement claims', () => {
  it('WO-10 a supplement needs a drop cable longer than the policy limit and confirmed demand', () => {
    const base = { kind: 'network_supplement', coverage: inside } as const;
    expect(claimRefusal({ ...base, dropCableM: 250, demandConfirmed: true }, policy)).toBe('drop_cable_not_too_long');
    expect(claimRefusal({ ...base, dropCableM: 251, demandConfirmed: false }, policy)).toBe('demand_not_confirmed');
    expect(claimRefusal({ ...base, dropCableM: 251, demandConfirmed: true }, policy)).toBeNull();
    expect(
      claimRefusal({ ...base, dropCableM: 400, demandConfirmed: true }, { ...policy, supplementMinDropCableM: 500 }),
    ).toBe('drop_cable_not_too_long');
  });

  it('WO-10 a supplement is for covered addresses only; an uncovered one is a WO-09 claim', () => {
    const f = { kind: 'network_supplement', dropCableM: 300, demandConfirmed: true } as const;
    expect(claimRefusal({ ...f, coverage: { kind: 'not_covered', nearestKm: 3 } }, policy)).toBe('address_not_covered');
    expect(claimRefusal({ kind: 'uncovered_address', coverage: null }, policy)).toBeNull();
  });

  it('WO-10 approval starts the 7-day supplement clock; a rejected supplement is not a false claim', () => {
    expect(decideClaim('network_supplement', 'claimed', 'confirm').clockKind).toBe('network_supplement');
    expect(decideClaim('network_supplement', 'claimed', 'reject').assessmentEvent).toBeNull();
    const at = new Date('2026-12-04T09:00:00Z');
    expect(claimDueAt('network_supplement', at, DEFAULT_SLA_POLICY, calendar).getTime() - at.getTime()).toBe(
      7 * 86_400_000,
    );
  });

  it('WO-09/WO-10 each claim kind has a default customer script', () => {
    expect(scriptsFor(DEFAULT_SCRIPTS_ZH, 'uncovered_address').length).toBeGreaterThan(0);
    expect(scriptsFor(DEFAULT_SCRIPTS_ZH, 'network_supplement').length).toBeGreaterThan(0);
  });
});
