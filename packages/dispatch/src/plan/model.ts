import type { CertificateFacts, GeoPoint, Priority } from '@daowei/domain';
import type { TravelTimeProvider } from './travel.js';

/**
 * The field-service day plan (DSP-03) as the planner sees it. All times are minutes since local
 * midnight of the planned day: the server converts instants once, so the search does integer-like
 * arithmetic and never touches time zones.
 */
export interface PlanRequest {
  /** The planned day as `YYYY-MM-DD` in `timeZone`; certificates must be valid on it (ORG-03). */
  date: string;
  timeZone?: string;
  engineers: PlanEngineer[];
  orders: PlanOrder[];
  /** Defaults to the haversine speed model (see travel.ts). */
  travel?: TravelTimeProvider;
  weights?: Partial<ObjectiveWeights>;
}

/** A lunch (or other) break: `minutes` long, starting somewhere in [earliest, latest]. */
export interface ShiftBreak {
  earliest: number;
  latest: number;
  minutes: number;
}

export interface PlanEngineer {
  id: string;
  start: GeoPoint;
  /** Where the day ends; defaults to `start`. */
  end?: GeoPoint;
  /** ORG-06: the working span of the day; leave home at `shift.start`, be back by `shift.end`. */
  shift: { start: number; end: number; breaks?: ShiftBreak[] };
  certificates: CertificateFacts[];
  /** ORG-04: the areas (网格) this engineer serves. */
  areaIds: string[];
  maxOrders?: number;
}

export interface PlanOrder {
  id: string;
  location: GeoPoint;
  /** The area the address falls in (resolve with coverageOf upstream); omitted = not constrained. */
  areaId?: string;
  serviceMinutes: number;
  /** An agreed appointment window: the visit must start inside it (APT-01, SLA-07). */
  window?: { start: number; end: number };
  /**
   * How late past `window.end` a start may be, priced as lateness: 0 (the default) makes the window
   * hard; a policy may allow e.g. 30 minutes "late but still planned" (APT-04 handles the apology).
   */
  softLateMinutes?: number;
  /** An SLA deadline for the start (arrival), e.g. SLA-06 urgent repair; always soft, priced as lateness. */
  deadline?: number;
  /** Not before (e.g. the order arrived at 10:40). */
  earliest?: number;
  priority: Priority;
  requiredSkills: string[];
  /** WO-17: people needed on site together; all start at the same minute. Default 1. */
  crewSize?: number;
  /** Confirmed or started visits: stay with this engineer, in `sequence` order among pinned visits. */
  pinned?: { engineerId: string; sequence?: number; start?: number };
  /** Re-planning: the engineer the order had; moving it away costs `weights.moveAway`. */
  previousEngineerIds?: string[];
}

/**
 * Objective weights in "travel-minute equivalents". The defaults make the lexicographic order of
 * DSP-03 hold in practice: dropping an order costs more than any lateness the hard limits allow, and a
 * minute late costs more than ten minutes of driving.
 */
export interface ObjectiveWeights {
  unassigned: Record<Priority, number>;
  /** Per minute late, multiplied by the priority factor. */
  lateness: number;
  latenessFactor: Record<Priority, number>;
  travel: number;
  /** Per squared minute of deviation of an engineer's working minutes from his fair share, ÷ 60. */
  balance: number;
  /** Per order moved away from its previous engineer when re-planning. */
  moveAway: number;
}

export const defaultWeights: ObjectiveWeights = {
  unassigned: { urgent: 200_000, high: 50_000, normal: 10_000, low: 4_000 },
  lateness: 10,
  latenessFactor: { urgent: 8, high: 3, normal: 1, low: 0.5 },
  travel: 1,
  balance: 0.5,
  moveAway: 120,
};

export type UnassignedReason =
  'no_qualified_engineer' | 'area_not_covered' | 'window_unreachable' | 'capacity' | 'engineer_unavailable';

export interface PlannedStop {
  orderId: string;
  arrival: number;
  start: number;
  end: number;
  /** Travel from the previous stop (or home). */
  travelMinutes: number;
  waitingMinutes: number;
  lateMinutes: number;
  /** A break taken between the previous stop and this one. */
  breakBefore?: { start: number; end: number };
  pinned: boolean;
  /** Other engineers on the same crew visit (WO-17). */
  crewWith?: string[];
  explanation: AssignmentExplanation;
}

export interface AssignmentExplanation {
  qualified: string[];
  areaId: string | null;
  /** 1 = the nearest engineer (from home) among those allowed to do the order. */
  distanceRank: number;
  eligibleEngineers: number;
  pinned: boolean;
  /** The engineer's working minutes vs. the team average. */
  engineerLoadMinutes: number;
  averageLoadMinutes: number;
  text: string;
}

export interface PlannedRoute {
  engineerId: string;
  stops: PlannedStop[];
  departure: number;
  returnAt: number;
  travelMinutes: number;
  serviceMinutes: number;
  waitingMinutes: number;
  lateMinutes: number;
  distanceKm: number;
}

export interface UnassignedOrder {
  orderId: string;
  priority: Priority;
  reason: UnassignedReason;
  text: string;
}

export interface PlanStats {
  assigned: number;
  unassigned: number;
  travelMinutes: number;
  lateMinutes: number;
  lateStops: number;
  distanceKm: number;
  /** Standard deviation of engineers' working minutes (service + travel), over all engineers. */
  loadStdDevMinutes: number;
  cost: number;
  iterations: number;
  elapsedMs: number;
}

export interface Plan {
  request: PlanRequest;
  routes: PlannedRoute[];
  unassigned: UnassignedOrder[];
  stats: PlanStats;
}

export interface PlanOptions {
  timeLimitMs: number;
  seed?: number;
  /** Improvement rounds cap; with it (and a generous time limit) runs are exactly reproducible. */
  maxIterations?: number;
}
