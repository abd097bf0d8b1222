import { describe, expect, it } from 'vitest';
import {
  canCloseComplaint,
  checkResponsibility,
  complaintPatterns,
  stationManagerLogEntry,
  topPatterns,
  type ComplaintRecord,
} from './complaint-tracking.js';

const at = (d: string) => new Date(`2026-${d}T10:00:00+08:00`);
const MARCH = { from: new Date('2026-03-01T00:00:00+08:00'), to: new Date('2026-04-01T00:00:00+08:00') };
const complaint = (over: Partial<ComplaintRecord> = {}): ComplaintRecord => ({
  id: 'cmp-1',
  orderId: 'wo-1',
  tenantId: 't1',
  stationId: 's1',
  areaId: 'a1',
  acceptedAt: at('03-05'),
  about: { kind: 'service' },
  fixedWithCustomer: true,
  responsibility: { party: 'vendor' },
  causeAnalysis: 'Drop cable kinked at install',
  improvementMeasure: 'Bend-radius check added to the install checklist',
  callback: { done: true, satisfaction: 'satisfied' },
  orderCompleted: true,
  ...over,
});

describe('CMP-01 complaint tracked to closure', () => {
  it('CMP-01 a complaint with the three principles and a callback may close', () => {
    expect(canCloseComplaint(complaint())).toEqual({ ok: true });
  });

  it('CMP-01 closing names everything missing: fix with the customer, responsibility, cause, measure, callback', () => {
    expect(
      canCloseComplaint(
        complaint({
          fixedWithCustomer: false,
          responsibility: null,
          causeAnalysis: ' ',
          improvementMeasure: null,
          callback: { done: false },
        }),
      ),
    ).toEqual({
      ok: false,
      missing: ['fixed_with_customer', 'responsibility', 'cause_analysis', 'improvement_measure', 'callback'],
    });
    expect(canCloseComplaint(complaint({ callback: null }))).toEqual({ ok: false, missing: ['callback'] });
  });

  it('CMP-01 a complaint whose order is still being worked cannot close, even with an earlier callback', () => {
    expect(canCloseComplaint(complaint({ orderCompleted: false }))).toEqual({
      ok: false,
      missing: ['order_completed'],
    });
  });

  it('CMP-01 responsibility of our staff names the person; a vendor or the customer need not', () => {
    expect(() => checkResponsibility({ party: 'staff' })).toThrow(/responsible person/);
    expect(() => checkResponsibility({ party: 'staff', personId: 'p1' })).not.toThrow();
    expect(() => checkResponsibility({ party: 'vendor' })).not.toThrow();
    expect(() => checkResponsibility({ party: 'customer', personId: null })).not.toThrow();
  });
});

describe('CMP-02 complaints about staff and patterns', () => {
  it('CMP-02 a complaint about staff lands in the station manager’s log; one about the network does not', () => {
    expect(stationManagerLogEntry(complaint({ about: { kind: 'staff', personId: 'p-eng' } }))).toEqual({
      complaintId: 'cmp-1',
      orderId: 'wo-1',
      stationId: 's1',
      personId: 'p-eng',
      at: at('03-05'),
    });
    expect(stationManagerLogEntry(complaint({ about: { kind: 'network' } }))).toBeNull();
  });

  it('CMP-02 patterns count complaints per person and per area in the period, most first', () => {
    const cs = [
      complaint({ id: 'c1', about: { kind: 'staff', personId: 'p2' }, areaId: 'a1' }),
      complaint({ id: 'c2', about: { kind: 'staff', personId: 'p1' }, areaId: 'a2' }),
      complaint({ id: 'c3', responsibility: { party: 'staff', personId: 'p1' }, areaId: 'a2' }), // responsible person
      complaint({ id: 'c4', about: { kind: 'staff', personId: 'p1' }, acceptedAt: at('04-02') }), // April: out
      complaint({ id: 'c5', areaId: null }), // no person, no area
    ];
    expect(complaintPatterns(cs, 'person', MARCH)).toEqual([
      { key: 'p1', count: 2, complaintIds: ['c2', 'c3'] },
      { key: 'p2', count: 1, complaintIds: ['c1'] },
    ]);
    expect(complaintPatterns(cs, 'area', MARCH)).toEqual([
      { key: 'a2', count: 2, complaintIds: ['c2', 'c3'] },
      { key: 'a1', count: 1, complaintIds: ['c1'] },
    ]);
    expect(topPatterns(complaintPatterns(cs, 'person', MARCH), 1)).toEqual([
      { key: 'p1', count: 2, complaintIds: ['c2', 'c3'] },
    ]);
  });
});
