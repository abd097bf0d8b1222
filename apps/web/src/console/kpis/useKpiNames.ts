import { isWorker } from '@daowei/domain';
import { useMemo } from 'react';
import type { KpiGroupBy } from '../../api/kpis';
import { useAreas, useOrgTree } from '../../hooks/useReferenceData';

/** Names of the dashboard's dimensions (stations, vendors, areas, engineers) from the reference data. */
export function useKpiNames() {
  const tree = useOrgTree();
  const areas = useAreas();
  return useMemo(() => {
    const units = tree.data?.units ?? [];
    const people = tree.data?.people ?? [];
    const list = {
      // Filters and the assessment ask by vendor id, which a vendor unit carries in vendorId.
      vendor: units.filter((u) => u.kind === 'vendor').map((u) => ({ id: u.vendorId ?? u.id, name: u.name })),
      station: units.filter((u) => u.kind === 'station').map((u) => ({ id: u.id, name: u.name })),
      area: (areas.data ?? []).map((a) => ({ id: a.id, name: a.name })),
      engineer: people.filter((p) => p.positions.some(isWorker)).map((p) => ({ id: p.id, name: p.name })),
    };
    const byId = new Map<string, string>();
    for (const l of Object.values(list)) for (const x of l) byId.set(x.id, x.name);
    // Vendor units carry the vendor id as their own id or in vendorId.
    for (const u of units) if (u.kind === 'vendor' && u.vendorId) byId.set(u.vendorId, u.name);
    const name = (by: KpiGroupBy, key: string | null, none: string): string =>
      key === null ? none : by === 'day' ? key : (byId.get(key) ?? key.slice(0, 8));
    return { list, name };
  }, [tree.data, areas.data]);
}
