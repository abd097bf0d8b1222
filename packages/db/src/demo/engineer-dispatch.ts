import type { DemoData } from './types.js';

/**
 * DSP-03/ORG-04 demo facts the planner reads: where each on-site engineer starts his day and which of
 * his station's areas (网格) he covers. Derived from the generated org, deterministically: engineers of a
 * station take turns over its areas (each covers two neighbouring ones, so every area has someone when a
 * station has at least as many engineers as areas) and start a few hundred metres from the centre of
 * their first area — their home, not the station.
 */
export function engineerDispatchFacts(data: Pick<DemoData, 'units' | 'people' | 'positions' | 'areas'>) {
  const unitById = new Map(data.units.map((u) => [u.id, u]));
  const stationOf = (unitId: string): string | null => {
    for (let u = unitById.get(unitId); u; u = u.parentId ? unitById.get(u.parentId) : undefined) {
      if (u.kind === 'station') return u.id;
    }
    return null;
  };
  const onsite = new Set(data.positions.filter((p) => p.position === 'onsite_engineer').map((p) => p.personId));
  const areasOf = new Map<string, DemoData['areas']>();
  for (const a of [...data.areas].sort((x, y) => x.code.localeCompare(y.code))) {
    areasOf.set(a.stationId, [...(areasOf.get(a.stationId) ?? []), a]);
  }
  const turn = new Map<string, number>();
  const bases: { tenantId: string; personId: string; lat: number; lng: number }[] = [];
  const links: { tenantId: string; personId: string; areaId: string }[] = [];
  for (const p of data.people) {
    if (!onsite.has(p.id)) continue;
    const station = stationOf(p.unitId);
    const areas = station ? (areasOf.get(station) ?? []) : [];
    if (areas.length === 0) continue;
    const i = turn.get(station!) ?? 0;
    turn.set(station!, i + 1);
    const first = areas[i % areas.length]!;
    const covered = areas.length <= 2 ? areas : [first, areas[(i + 1) % areas.length]!];
    for (const a of covered) links.push({ tenantId: p.tenantId, personId: p.id, areaId: a.id });
    // ~300–700 m from the area's centre, in a direction that turns with each engineer.
    const angle = (i * 2.4) % (2 * Math.PI);
    const km = 0.3 + (i % 5) * 0.1;
    bases.push({
      tenantId: p.tenantId,
      personId: p.id,
      lat: first.centroid.lat + (km / 111.2) * Math.sin(angle),
      lng: first.centroid.lng + (km / (111.2 * Math.cos((first.centroid.lat * Math.PI) / 180))) * Math.cos(angle),
    });
  }
  return { bases, links };
}
