import type { OrgPerson, OrgTree, OrgUnit } from '../api';

/** A node of the org tree for pickers: units hold sub-units and people. */
export interface OrgNode {
  kind: 'unit' | 'person';
  id: string;
  name: string;
  unit?: OrgUnit;
  person?: OrgPerson;
  children: OrgNode[];
}

/** Builds the tree; units whose parent is not visible to the caller become roots. */
export function buildOrgTree(tree: OrgTree): OrgNode[] {
  const ids = new Set(tree.units.map((u) => u.id));
  const byParent = new Map<string | null, OrgUnit[]>();
  for (const u of tree.units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), u]);
  }
  const peopleOf = new Map<string, OrgPerson[]>();
  for (const p of tree.people) peopleOf.set(p.unitId, [...(peopleOf.get(p.unitId) ?? []), p]);

  const unitNode = (u: OrgUnit): OrgNode => ({
    kind: 'unit',
    id: u.id,
    name: u.name,
    unit: u,
    children: [
      ...(byParent.get(u.id) ?? []).map(unitNode),
      ...(peopleOf.get(u.id) ?? []).map((p) => ({
        kind: 'person' as const,
        id: p.id,
        name: p.name,
        person: p,
        children: [],
      })),
    ],
  });
  return (byParent.get(null) ?? []).map(unitNode);
}

/** Every person with the path of unit names above them, for flat searchable lists (phone). */
export function flattenPeople(nodes: OrgNode[], path: string[] = []): { person: OrgPerson; path: string[] }[] {
  return nodes.flatMap((n) =>
    n.kind === 'person' && n.person ? [{ person: n.person, path }] : flattenPeople(n.children, [...path, n.name]),
  );
}

/** The body of a dispatch for a picked tree value (`person:<id>` or `unit:<id>`). */
export function dispatchTarget(value: string): { toPersonId: string } | { toUnitId: string } {
  const [kind, id = ''] = value.split(':');
  return kind === 'unit' ? { toUnitId: id } : { toPersonId: id };
}
