import type { Area, GeoPoint, LngLat } from './org.types.js';

/**
 * ORG-04 coverage: an address is inside a service area, outside every area but within N km of one
 * (served, with longer promises — SLA-05), or not covered (WO-09). "Within N km" is measured to the
 * nearest point of the area's *boundary*, not its centroid: a long, thin grid along a road would
 * otherwise reject houses beside it and accept far-away ones off its ends.
 */
export type Coverage =
  | { kind: 'inside'; areaId: string }
  | { kind: 'near'; areaId: string; km: number }
  /** `nearestKm` is null when there is no usable area to measure to. */
  | { kind: 'not_covered'; nearestKm: number | null };

/** Mean Earth radius (IUGG), in km. */
const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;
/** A point this close to an outline is on it; GPS is not better than that anyway. */
const ON_BOUNDARY_KM = 0.001;

/** Great-circle distance between two points, in km. */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The ring without a repeated closing point; a ring of fewer than three points outlines nothing. */
function ring(polygon: readonly LngLat[]): readonly LngLat[] {
  const first = polygon[0];
  const last = polygon[polygon.length - 1];
  const closed = polygon.length > 1 && first && last && first[0] === last[0] && first[1] === last[1];
  return closed ? polygon.slice(0, -1) : polygon;
}

/**
 * Even-odd ray casting in the lng/lat plane. Treating degrees as flat is exact enough for areas the
 * size of a city district and keeps the test cheap; areas must not straddle the 180° meridian.
 * Points on the outline are not decided here (see coverageOf).
 */
export function pointInPolygon(point: GeoPoint, polygon: readonly LngLat[]): boolean {
  const pts = ring(polygon);
  if (pts.length < 3) return false;
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i] as LngLat;
    const [xj, yj] = pts[j] as LngLat;
    if (yi > point.lat !== yj > point.lat && point.lng < ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

/**
 * Distance from a point to the nearest point of a polygon's outline, in km. The outline is projected
 * onto a flat plane centred on the point (equirectangular: x scaled by cos(latitude)); within the few
 * hundred km that coverage rules deal with, the error is well under 1 %.
 */
export function distanceToBoundaryKm(point: GeoPoint, polygon: readonly LngLat[]): number {
  const pts = ring(polygon);
  if (pts.length === 0) return Number.POSITIVE_INFINITY;
  const kx = EARTH_RADIUS_KM * RAD * Math.cos(point.lat * RAD);
  const ky = EARTH_RADIUS_KM * RAD;
  const project = ([lng, lat]: LngLat): [number, number] => {
    let dLng = lng - point.lng;
    if (dLng > 180) dLng -= 360;
    if (dLng < -180) dLng += 360;
    return [dLng * kx, (lat - point.lat) * ky];
  };
  const xy = pts.map(project);
  if (xy.length === 1) return Math.hypot(...(xy[0] as [number, number]));
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < xy.length; i++) {
    const a = xy[i] as [number, number];
    const b = xy[(i + 1) % xy.length] as [number, number];
    best = Math.min(best, distanceFromOriginToSegment(a, b));
  }
  return best;
}

function distanceFromOriginToSegment([ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  // Where along the segment the origin's perpendicular lands, clamped to the segment's ends.
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/**
 * Classifies a point against the areas. Overlapping areas are a data error; if it happens, the first
 * area in the given order wins, so callers pass areas in a stable order. An outline point counts as
 * inside. Areas with fewer than three points are ignored.
 */
export function coverageOf(
  point: GeoPoint,
  areas: readonly Pick<Area, 'id' | 'polygon'>[],
  coverageOutsideKm: number,
): Coverage {
  let nearest: { areaId: string; km: number } | null = null;
  for (const area of areas) {
    if (ring(area.polygon).length < 3) continue;
    const km = distanceToBoundaryKm(point, area.polygon);
    if (km <= ON_BOUNDARY_KM || pointInPolygon(point, area.polygon)) return { kind: 'inside', areaId: area.id };
    if (!nearest || km < nearest.km) nearest = { areaId: area.id, km };
  }
  if (nearest && nearest.km <= coverageOutsideKm) return { kind: 'near', areaId: nearest.areaId, km: nearest.km };
  return { kind: 'not_covered', nearestKm: nearest ? nearest.km : null };
}
