import { describe, expect, it } from 'vitest';
import { UNITS } from '../work-order/work-order.fixtures.js';
import { ancestors, descendants, isInSubtree } from './org-tree.js';

describe('ORG-01 org tree', () => {
  it('ORG-01 ancestors run from the unit itself up to the operator at the root', () => {
    expect(ancestors('team-n1', UNITS)).toEqual(['team-n1', 'st-north', 'vendor-a', 'op']);
    expect(ancestors('op', UNITS)).toEqual(['op']);
    expect(ancestors('nowhere', UNITS)).toEqual([]);
  });

  it('ORG-01 descendants are every unit below, not the unit itself and not its siblings', () => {
    expect(descendants('vendor-a', UNITS).sort()).toEqual(['st-north', 'st-south', 'team-n1', 'team-n2', 'team-s1']);
    expect(descendants('team-n1', UNITS)).toEqual([]);
    expect(descendants('st-north', UNITS)).not.toContain('team-s1');
  });

  it('ORG-01 a cycle in stored data ends the walk instead of hanging', () => {
    const broken = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ];
    expect(ancestors('a', broken)).toEqual(['a', 'b']);
    expect(descendants('a', broken)).toEqual(['b']);
  });
});

describe('WO-06 dispatch targets from the org tree', () => {
  it("WO-06 a station coordinator may dispatch to the station's own teams but not to another station's", () => {
    expect(isInSubtree('team-n2', 'st-north', UNITS)).toBe(true);
    expect(isInSubtree('st-north', 'st-north', UNITS)).toBe(true);
    expect(isInSubtree('team-s1', 'st-north', UNITS)).toBe(false);
  });

  it("WO-06 a vendor's dispatcher never reaches into another vendor's units", () => {
    expect(isInSubtree('st-b', 'vendor-a', UNITS)).toBe(false);
    expect(isInSubtree('st-b', 'op', UNITS)).toBe(true);
  });
});

describe('WO-04 pool membership from the org tree', () => {
  it("WO-04 an engineer belongs to the pools of their team, station and vendor, not to a sibling team's", () => {
    const unitIds = ancestors('team-n1', UNITS);
    expect(unitIds).toEqual(expect.arrayContaining(['team-n1', 'st-north', 'vendor-a']));
    expect(unitIds).not.toContain('team-n2');
  });
});
