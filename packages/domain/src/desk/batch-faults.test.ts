import { describe, expect, it } from 'vitest';
import {
  childrenToTell,
  DEFAULT_BATCH_FAULT_POLICY as policy,
  proposeIncidents,
  type FaultReport,
} from './batch-faults.js';

const now = new Date('2026-12-06T10:00:00Z');
const ago = (min: number) => new Date(now.getTime() - min * 60_000);
let n = 0;
const report = (over: Partial<FaultReport>): FaultReport => ({
  id: `r${String(++n).padStart(2, '0')}`,
  reportedAt: ago(5),
  areaId: 'area-1',
  accessDeviceId: null,
  parentId: null,
  closed: false,
  ...over,
});

describe('WO-11 batch faults', () => {
  it('WO-11 five reports behind one access device within the window propose one parent incident', () => {
    const rs = Array.from({ length: 5 }, (_, i) => report({ accessDeviceId: 'olt-7', reportedAt: ago(i * 5) }));
    const [p, ...rest] = proposeIncidents(rs, now, policy);
    expect(rest).toHaveLength(0);
    expect(p).toMatchObject({ key: { kind: 'access_device', value: 'olt-7' } });
    expect(p!.childIds).toEqual(rs.map((r) => r.id).sort());
    expect(p!.firstAt).toEqual(ago(20));
  });

  it('WO-11 four reports are not a cluster; one more outside the window does not count', () => {
    const rs = [
      ...Array.from({ length: 4 }, () => report({ areaId: 'area-2' })),
      report({ areaId: 'area-2', reportedAt: ago(policy.windowMinutes + 1) }),
    ];
    expect(proposeIncidents(rs, now, policy)).toEqual([]);
    expect(proposeIncidents(rs, now, { ...policy, minReports: 4 })).toHaveLength(1);
  });

  it('WO-11 a report goes into the device cluster, not also into its area cluster; linked or closed reports are left out', () => {
    const device = Array.from({ length: 5 }, () => report({ areaId: 'area-3', accessDeviceId: 'box-1' }));
    const area = Array.from({ length: 4 }, () => report({ areaId: 'area-3' }));
    const linked = report({ areaId: 'area-3', parentId: 'inc-1' });
    const closed = report({ areaId: 'area-3', closed: true });
    const out = proposeIncidents([...device, ...area, linked, closed], now, policy);
    expect(out.map((p) => p.key.kind)).toEqual(['access_device']);
    expect(proposeIncidents([...device, ...area, report({ areaId: 'area-3' })], now, policy).map((p) => p.key)).toEqual(
      [
        { kind: 'access_device', value: 'box-1' },
        { kind: 'area', value: 'area-3' },
      ],
    );
  });

  it('WO-11 the parent status reaches its open children only', () => {
    const rs = [
      report({ parentId: 'inc-9' }),
      report({ parentId: 'inc-9', closed: true }),
      report({ parentId: 'inc-8' }),
    ];
    expect(childrenToTell('inc-9', rs)).toEqual([rs[0]!.id]);
  });
});
