import { describe, expect, it } from 'vitest';
import { dailyInstallReport, stationStatusLog, type ReportOrder } from './daily-reports.js';

/**
 * Day 2026-11-25 in Beijing = [2026-11-24T16:00Z, 2026-11-25T16:00Z); install limit 3 days.
 *   I1 S1 accepted 11-25 01:00Z, completed 11-25 08:00Z           received ✓ completed ✓
 *   I2 S1 accepted 11-25 02:00Z, open                             received ✓ open ✓ (due 11-28: not overdue)
 *   I3 S1 accepted 11-21 02:00Z, open, suspended (waiting_parts)  open ✓ overdue ✓ (due 11-24 02:00Z) problem
 *   I4 S2 accepted 11-22 03:00Z, completed 11-26 01:00Z (after the day)  open ✓ overdue ✓ (due 11-25 03:00Z)
 *   I5 S2 accepted 11-25 05:00Z, cancelled                        nothing
 *   F1 S1 fault accepted 11-25 03:00Z, open                        not an install
 * → S1: received 2, completed 1, open 2, overdue 1, problems 1 (I3); S2: open 1, overdue 1, problems 1 (I4).
 * Lists run oldest first: I3 (11-21) before I4 (11-22); the log puts unfinished first.
 */
const at = (iso: string) => new Date(iso);
const o = (p: Partial<ReportOrder> & Pick<ReportOrder, 'id' | 'acceptedAt'>): ReportOrder => ({
  number: p.id,
  type: 'install',
  status: 'taken',
  stationId: 'S1',
  holderId: 'E1',
  completedAt: null,
  appointment: null,
  suspendReason: null,
  ...p,
});
const ORDERS: ReportOrder[] = [
  o({ id: 'I1', acceptedAt: at('2026-11-25T01:00:00Z'), completedAt: at('2026-11-25T08:00:00Z'), status: 'completed' }),
  o({ id: 'I2', acceptedAt: at('2026-11-25T02:00:00Z') }),
  o({ id: 'I3', acceptedAt: at('2026-11-21T02:00:00Z'), status: 'suspended', suspendReason: 'waiting_parts' }),
  o({
    id: 'I4',
    stationId: 'S2',
    acceptedAt: at('2026-11-22T03:00:00Z'),
    completedAt: at('2026-11-26T01:00:00Z'),
    status: 'completed',
  }),
  o({ id: 'I5', stationId: 'S2', acceptedAt: at('2026-11-25T05:00:00Z'), status: 'cancelled' }),
  o({ id: 'F1', type: 'fault', acceptedAt: at('2026-11-25T03:00:00Z') }),
];

describe('KPI-02 daily install report', () => {
  it('KPI-02 counts per station, hand-computed', () => {
    const r = dailyInstallReport(ORDERS, '2026-11-25', 'Asia/Shanghai', 3);
    expect(r.rows).toEqual([
      { stationId: 'S1', received: 2, completed: 1, open: 2, overdue: 1, problems: 1 },
      { stationId: 'S2', received: 0, completed: 0, open: 1, overdue: 1, problems: 1 },
    ]);
    expect(r.totals).toEqual({ received: 2, completed: 1, open: 3, overdue: 2, problems: 2 });
  });

  it('KPI-02 lists the problem orders with their notes', () => {
    const r = dailyInstallReport(ORDERS, '2026-11-25', 'Asia/Shanghai', 3);
    expect(r.problems).toEqual([
      {
        orderId: 'I3',
        number: 'I3',
        stationId: 'S1',
        problems: ['overdue', 'suspended'],
        note: 'waiting_parts',
        acceptedAt: at('2026-11-21T02:00:00Z'),
      },
      {
        orderId: 'I4',
        number: 'I4',
        stationId: 'S2',
        problems: ['overdue'],
        note: '',
        acceptedAt: at('2026-11-22T03:00:00Z'),
      },
    ]);
  });
});

describe('KPI-03 station status log', () => {
  it('KPI-03 the orders of the day, unfinished ones first and marked', () => {
    const log = stationStatusLog(
      ORDERS.filter((x) => x.stationId === 'S1'),
      '2026-11-25',
      'Asia/Shanghai',
    );
    expect(log.map((e) => [e.number, e.unfinished])).toEqual([
      ['I3', true],
      ['I2', true],
      ['F1', true],
      ['I1', false],
    ]);
  });

  it('KPI-03 an order finished after the day is unfinished in that day’s log', () => {
    const log = stationStatusLog(
      ORDERS.filter((x) => x.stationId === 'S2'),
      '2026-11-25',
      'Asia/Shanghai',
    );
    expect(log.map((e) => [e.number, e.unfinished])).toEqual([['I4', true]]);
  });
});

describe('KPI-02 the install deadline at the end of the day', () => {
  it('KPI-02 an install accepted exactly at local midnight is overdue one day earlier than one a second later', () => {
    // Accepted 11-22 00:00 Beijing (11-21T16:00Z) → due 11-25 00:00, the end of 11-24; a second later → 11-25.
    const orders = [
      o({ id: 'M0', acceptedAt: at('2026-11-21T16:00:00Z') }),
      o({ id: 'M1', acceptedAt: at('2026-11-21T16:00:01Z') }),
    ];
    const on24 = dailyInstallReport(orders, '2026-11-24', 'Asia/Shanghai', 3);
    expect(on24.rows).toEqual([{ stationId: 'S1', received: 0, completed: 0, open: 2, overdue: 1, problems: 1 }]);
    expect(on24.problems.map((p) => p.orderId)).toEqual(['M0']);
    expect(dailyInstallReport(orders, '2026-11-25', 'Asia/Shanghai', 3).rows[0]!.overdue).toBe(2);
  });

  it('KPI-02 a station with nothing received, completed or open that day has no row', () => {
    const done = o({ id: 'D', acceptedAt: at('2026-11-20T02:00:00Z'), completedAt: at('2026-11-20T05:00:00Z') });
    expect(dailyInstallReport([done], '2026-11-25', 'Asia/Shanghai', 3).rows).toEqual([]);
  });
});
