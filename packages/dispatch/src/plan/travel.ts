import { haversineKm } from '@daowei/domain';
import type { GeoPoint } from '@daowei/domain';

/**
 * Travel times for the planner. A provider is asked once per plan for a lookup over every location
 * the plan uses (orders, engineers' homes), so a road router can batch its matrix request there and
 * the search itself only does array lookups.
 */
export interface TravelTimeProvider {
  matrix(points: readonly GeoPoint[]): TravelMatrix;
}

export interface TravelMatrix {
  /** Minutes from point `from` to point `to` when leaving at `departMinute` (minutes since midnight). */
  minutes(from: number, to: number, departMinute: number): number;
  km(from: number, to: number): number;
}

/** A speed band: from `fromMinute` (inclusive) until the next band, drive at `kmh`. */
export interface SpeedBand {
  fromMinute: number;
  kmh: number;
}

export interface SpeedModelOptions {
  /** Road distance ÷ straight-line distance; 1.3–1.4 is typical for a Chinese city grid. */
  detourFactor: number;
  /** Sorted by `fromMinute`; the first band should start at 0. */
  bands: SpeedBand[];
  /** Parking, lift, finding the door: added to every non-zero trip. */
  fixedMinutes: number;
}

export const defaultSpeedModel: SpeedModelOptions = {
  detourFactor: 1.35,
  bands: [
    { fromMinute: 0, kmh: 35 },
    { fromMinute: 7 * 60, kmh: 18 }, // morning rush
    { fromMinute: 9 * 60 + 30, kmh: 25 },
    { fromMinute: 17 * 60, kmh: 17 }, // evening rush
    { fromMinute: 19 * 60 + 30, kmh: 30 },
  ],
  fixedMinutes: 3,
};

/**
 * The default provider: haversine × detour ÷ speed of the time-of-day band. A trip that crosses a band
 * boundary drives the remaining distance at the new band's speed (Ichoua et al. 2003), so leaving later
 * never means arriving earlier — the FIFO property the schedule simulation relies on.
 */
export function speedModel(options: Partial<SpeedModelOptions> = {}): TravelTimeProvider {
  const o: SpeedModelOptions = { ...defaultSpeedModel, ...options };
  const bands = [...o.bands].sort((a, b) => a.fromMinute - b.fromMinute);
  if (bands.length === 0 || bands.some((b) => !(b.kmh > 0))) throw new Error('speed bands must have kmh > 0');
  return {
    matrix(points) {
      const n = points.length;
      // n ≈ 1,200 for the city benchmark: 1.4 M doubles, computed once, far cheaper than a haversine per
      // lookup in the search loop.
      const road = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const d = haversineKm(points[i]!, points[j]!) * o.detourFactor;
          road[i * n + j] = d;
          road[j * n + i] = d;
        }
      }
      return {
        km: (a, b) => road[a * n + b]!,
        minutes: (a, b, depart) => {
          let rest = road[a * n + b]!;
          if (rest === 0) return 0;
          let t = depart;
          let k = bandAt(bands, t);
          for (;;) {
            const v = bands[k]!.kmh / 60;
            const next = k + 1 < bands.length ? bands[k + 1]!.fromMinute : Infinity;
            const reach = t + rest / v;
            if (reach <= next) return reach - depart + o.fixedMinutes;
            rest -= (next - t) * v;
            t = next;
            k++;
          }
        },
      };
    },
  };
}

function bandAt(bands: readonly SpeedBand[], t: number): number {
  let k = 0;
  while (k + 1 < bands.length && bands[k + 1]!.fromMinute <= t) k++;
  return k;
}
