import { describe, expect, it } from 'vitest';
import { engineerDispatchFacts } from './engineer-dispatch.js';
import { generateDemoData } from './generate.js';

describe('demo engineer bases and areas (DSP-03, ORG-04)', () => {
  const data = generateDemoData({ seed: 7, now: new Date('2026-11-23T02:00:00Z'), orders: 50 });
  const facts = engineerDispatchFacts(data);

  it('ORG-04 every area of every station is covered by at least one of its on-site engineers', () => {
    const covered = new Set(facts.links.map((l) => l.areaId));
    expect(data.areas.filter((a) => !covered.has(a.id))).toEqual([]);
  });

  it('DSP-03 each on-site engineer starts near an area he covers, not at the station', () => {
    const areaById = new Map(data.areas.map((a) => [a.id, a]));
    expect(facts.bases.length).toBeGreaterThan(0);
    for (const b of facts.bases) {
      const mine = facts.links.filter((l) => l.personId === b.personId).map((l) => areaById.get(l.areaId)!);
      const near = mine.some((a) => Math.hypot(a.centroid.lat - b.lat, a.centroid.lng - b.lng) < 0.01);
      expect(near).toBe(true);
    }
    expect(new Set(facts.bases.map((b) => `${b.lat},${b.lng}`)).size).toBe(facts.bases.length);
  });
});
