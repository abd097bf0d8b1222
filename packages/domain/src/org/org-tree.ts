import type { OrgUnit } from './org.types.js';

/**
 * Walks of the org tree. Two rules lean on them:
 * - WO-04 pool offers: an order offered to a unit is offered to everyone in that unit or below it, so an
 *   actor's `unitIds` are their own unit plus its ancestors (`ancestors(person.unitId, units)`);
 * - WO-06 dispatch: a dispatcher may hand an order only to people inside their own subtree
 *   (`isInSubtree(target.unitId, dispatcher.unitId, units)`).
 * The tree comes from stored rows, so the walks tolerate bad data (a cycle or a dangling parent) by
 * stopping instead of looping forever.
 */
export type TreeUnit = Pick<OrgUnit, 'id' | 'parentId'>;

/** Ids from the unit itself up to the root, in that order; empty for an unknown unit. */
export function ancestors(unitId: string, units: readonly TreeUnit[]): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const chain: string[] = [];
  const seen = new Set<string>();
  let current = byId.get(unitId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    chain.push(current.id);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return chain;
}

/** Ids of every unit below the given one (not the unit itself), nearest first. */
export function descendants(unitId: string, units: readonly TreeUnit[]): string[] {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    const list = children.get(u.parentId) ?? [];
    list.push(u.id);
    children.set(u.parentId, list);
  }
  const found: string[] = [];
  const seen = new Set<string>([unitId]);
  const queue = [unitId];
  for (let i = 0; i < queue.length; i++) {
    for (const child of children.get(queue[i] as string) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** True when `unitId` is `rootId` itself or lies anywhere below it. */
export function isInSubtree(unitId: string, rootId: string, units: readonly TreeUnit[]): boolean {
  return ancestors(unitId, units).includes(rootId);
}
