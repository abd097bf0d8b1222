import { describe, expect, it } from 'vitest';
import { distanceKm, suggestDeparture, travelMinutes } from './departure.js';
import { DEFAULT_VISIT_POLICY as visit } from './visit-policy.js';

const policy = visit.departure;

describe('ENG-02 suggested departure', () => {
  it('ENG-02 travel time is the straight distance × detour factor at the policy speed', () => {
    const from = { lat: 30.27, lng: 120.15 };
    const to = { lat: 30.3, lng: 120.2 };
    const km = distanceKm(from, to);
    expect(km).toBeGreaterThan(5);
    expect(km).toBeLessThan(6.5);
    expect(travelMinutes(policy, from, to)).toBe(Math.ceil(((km * 1.4) / 25) * 60));
  });

  it('ENG-02 without a position the policy default travel time is used', () => {
    expect(travelMinutes(policy, null, { lat: 30, lng: 120 })).toBe(policy.defaultTravelMinutes);
  });

  it('ENG-02 SLA-07 leave at window start − 5 min early − travel − buffer; flagged when that is past', () => {
    const windowStart = new Date('2026-12-07T02:00:00Z'); // 10:00 in Shanghai
    const s = suggestDeparture(policy, {
      windowStart,
      travelMinutes: 22,
      arriveEarlyMinutes: 5,
      now: new Date('2026-12-07T01:00:00Z'),
    });
    expect(s.leaveAt.toISOString()).toBe('2026-12-07T01:28:00.000Z');
    expect(s.alreadyLate).toBe(false);
    const late = suggestDeparture(policy, {
      windowStart,
      travelMinutes: 22,
      arriveEarlyMinutes: 5,
      now: new Date('2026-12-07T01:40:00Z'),
    });
    expect(late.alreadyLate).toBe(true);
  });

  it('ENG-02 the kit to take is policy data per order type', () => {
    expect(visit.kit.fault?.map((k) => k.code)).toContain('power_meter');
    expect(visit.kit.consultation).toBeUndefined();
  });
});
