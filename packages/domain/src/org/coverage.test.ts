import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_PACK } from '../policy/policy-pack.js';
import { coverageOf, distanceToBoundaryKm, haversineKm, pointInPolygon } from './coverage.js';
import type { LngLat } from './org.types.js';

const KM_PER_DEGREE_LAT = (2 * Math.PI * 6371.0088) / 360; // ≈ 111.195

/** A grid around central Beijing: 116.3–116.5 E, 39.8–40.0 N. */
const SQUARE: LngLat[] = [
  [116.3, 39.8],
  [116.5, 39.8],
  [116.5, 40.0],
  [116.3, 40.0],
];
const CHAOYANG = { id: 'area-cy', polygon: SQUARE };
const LIMIT = DEFAULT_POLICY_PACK.coverageOutsideKm;

describe('ORG-04 distances', () => {
  it('ORG-04 one degree of latitude is 111.2 km on the great circle', () => {
    expect(haversineKm({ lat: 39, lng: 116 }, { lat: 40, lng: 116 })).toBeCloseTo(KM_PER_DEGREE_LAT, 6);
  });

  it('ORG-04 distance to an outline is measured to its nearest edge, not to a corner', () => {
    // Straight north of the top edge's middle: the distance is the latitude difference.
    expect(distanceToBoundaryKm({ lat: 40.3, lng: 116.4 }, SQUARE)).toBeCloseTo(0.3 * KM_PER_DEGREE_LAT, 1);
    // Diagonally off the north-east corner: the corner is nearest, and the great circle agrees.
    const off = { lat: 40.1, lng: 116.6 };
    expect(distanceToBoundaryKm(off, SQUARE)).toBeCloseTo(haversineKm(off, { lat: 40, lng: 116.5 }), 0);
  });

  it('ORG-04 a point in the middle of a concave area is found inside, one in its notch is not', () => {
    const lShape: LngLat[] = [
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 2],
      [0, 2],
    ];
    expect(pointInPolygon({ lng: 0.5, lat: 1.5 }, lShape)).toBe(true);
    expect(pointInPolygon({ lng: 1.5, lat: 1.5 }, lShape)).toBe(false);
  });
});

describe('ORG-04 coverage', () => {
  it('ORG-04 an address inside an area is covered by that area', () => {
    expect(coverageOf({ lat: 39.9, lng: 116.4 }, [CHAOYANG], LIMIT)).toEqual({ kind: 'inside', areaId: 'area-cy' });
  });

  it('ORG-04 an address on the outline counts as inside', () => {
    expect(coverageOf({ lat: 40.0, lng: 116.4 }, [CHAOYANG], LIMIT)).toEqual({ kind: 'inside', areaId: 'area-cy' });
  });

  it('ORG-04 an address 33 km outside is near the area with the default 80 km, with its distance', () => {
    const c = coverageOf({ lat: 40.3, lng: 116.4 }, [CHAOYANG], LIMIT);
    expect(c).toMatchObject({ kind: 'near', areaId: 'area-cy' });
    expect(c.kind === 'near' && c.km).toBeCloseTo(33.4, 0);
  });

  it('ORG-04 an address 111 km outside is not covered, and the nearest distance is reported', () => {
    const c = coverageOf({ lat: 41.0, lng: 116.4 }, [CHAOYANG], LIMIT);
    expect(c.kind).toBe('not_covered');
    expect(c.kind === 'not_covered' && c.nearestKm).toBeCloseTo(111.2, 0);
  });

  it("ORG-04 the distance limit is the policy pack's: at 10 km the same 33 km address is not covered", () => {
    expect(coverageOf({ lat: 40.3, lng: 116.4 }, [CHAOYANG], 10).kind).toBe('not_covered');
  });

  it('ORG-04 "near" is measured to the boundary: a house beside a long strip is near though far from its middle', () => {
    // An 85 km long, 1 km wide strip along a road; the house is 4.4 km off its eastern end's side.
    const strip = {
      id: 'strip',
      polygon: [
        [116, 39.9],
        [117, 39.9],
        [117, 39.91],
        [116, 39.91],
      ] as LngLat[],
    };
    const house = { lat: 39.95, lng: 116.98 };
    expect(haversineKm(house, { lat: 39.905, lng: 116.5 })).toBeGreaterThan(40);
    expect(coverageOf(house, [strip], 10)).toMatchObject({ kind: 'near', areaId: 'strip' });
  });

  it('ORG-04 an address inside one area is inside even when another area listed first is nearby', () => {
    const east = { id: 'area-east', polygon: SQUARE.map(([lng, lat]) => [lng + 0.25, lat] as LngLat) };
    expect(coverageOf({ lat: 39.9, lng: 116.7 }, [CHAOYANG, east], LIMIT)).toEqual({
      kind: 'inside',
      areaId: 'area-east',
    });
  });

  it('ORG-04 the nearest of several areas is named for a near address', () => {
    const far = { id: 'area-far', polygon: SQUARE.map(([lng, lat]) => [lng, lat + 1] as LngLat) };
    expect(coverageOf({ lat: 39.7, lng: 116.4 }, [far, CHAOYANG], LIMIT)).toMatchObject({
      kind: 'near',
      areaId: 'area-cy',
    });
  });

  it('ORG-04 with no usable area nothing is covered and there is no distance to report', () => {
    const line = { id: 'bad', polygon: SQUARE.slice(0, 2) };
    expect(coverageOf({ lat: 39.9, lng: 116.4 }, [line], LIMIT)).toEqual({ kind: 'not_covered', nearestKm: null });
    expect(coverageOf({ lat: 39.9, lng: 116.4 }, [], LIMIT)).toEqual({ kind: 'not_covered', nearestKm: null });
  });

  it('ORG-04 a ring that repeats its first point is the same area', () => {
    const closed = { id: 'closed', polygon: [...SQUARE, SQUARE[0]!] };
    expect(coverageOf({ lat: 40.3, lng: 116.4 }, [closed], LIMIT)).toMatchObject({ kind: 'near' });
    expect(coverageOf({ lat: 39.81, lng: 116.31 }, [closed], LIMIT)).toMatchObject({ kind: 'inside' });
  });

  it('ORG-04 widening the distance limit never makes an address less covered', () => {
    const rank = { inside: 2, near: 1, not_covered: 0 } as const;
    fc.assert(
      fc.property(
        fc.double({ min: 38, max: 42, noNaN: true }),
        fc.double({ min: 114, max: 119, noNaN: true }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        (lat, lng, a, b) => {
          const [small, large] = a < b ? [a, b] : [b, a];
          const narrow = coverageOf({ lat, lng }, [CHAOYANG], small);
          const wide = coverageOf({ lat, lng }, [CHAOYANG], large);
          expect(rank[wide.kind]).toBeGreaterThanOrEqual(rank[narrow.kind]);
          if (narrow.kind === 'near') expect(narrow.km).toBeLessThanOrEqual(small);
        },
      ),
    );
  });
});
