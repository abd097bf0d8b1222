import type { GeoPosition } from './arrival.js';
import type { VisitPolicy } from './visit-policy.js';

export type DeparturePolicy = VisitPolicy['departure'];

const EARTH_KM = 6371;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in km. */
export function distanceKm(a: GeoPosition, b: GeoPosition): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.sqrt(h));
}

/** ENG-02: travel minutes from where the engineer is to the customer (policy default without positions). */
export function travelMinutes(policy: DeparturePolicy, from: GeoPosition | null, to: GeoPosition | null): number {
  if (!from || !to) return policy.defaultTravelMinutes;
  const km = distanceKm(from, to) * policy.detourFactor;
  return Math.ceil((km / policy.averageKmh) * 60);
}

export interface DepartureSuggestion {
  leaveAt: Date;
  travelMinutes: number;
  /** Minutes the engineer aims to be early (SLA-07: at least this much before the window). */
  earlyMinutes: number;
  bufferMinutes: number;
  /** Leaving now would already be late for the early-arrival target. */
  alreadyLate: boolean;
}

/**
 * ENG-02 + SLA-07: when to leave so as to arrive `arriveEarlyMinutes` before the window starts:
 * window start − early margin − travel − buffer. `now` is passed in (no clock reads in the domain).
 */
export function suggestDeparture(
  policy: DeparturePolicy,
  input: { windowStart: Date; travelMinutes: number; arriveEarlyMinutes: number; now: Date },
): DepartureSuggestion {
  const minutes = input.arriveEarlyMinutes + input.travelMinutes + policy.bufferMinutes;
  const leaveAt = new Date(input.windowStart.getTime() - minutes * 60_000);
  return {
    leaveAt,
    travelMinutes: input.travelMinutes,
    earlyMinutes: input.arriveEarlyMinutes,
    bufferMinutes: policy.bufferMinutes,
    alreadyLate: leaveAt.getTime() < input.now.getTime(),
  };
}
