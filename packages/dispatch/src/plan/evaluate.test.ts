import { describe, expect, it } from 'vitest';
import { evaluateRoutes, moveOrder } from './evaluate.js';
import { offerWindows } from './offer-windows.js';
import { planDayInWorker } from './plan-in-worker.js';
import { at, engineer, order, request } from './test-helpers.js';

const req = request(
  [engineer('a', { start: at(0) }), engineer('b', { start: at(10), certificates: [] })],
  [
    order('o1', { location: at(2), window: { start: 540, end: 600 } }),
    order('o2', { location: at(4), window: { start: 600, end: 720 } }),
    order('o3', { location: at(9), window: { start: 600, end: 720 } }),
  ],
);

describe('DSP-01/04 a day as sequenced', () => {
  it('DSP-01 evaluates the stored sequence without reordering it (o2 before o1 makes o1 late or early-waiting)', () => {
    const plan = evaluateRoutes(req, [
      { engineerId: 'a', orderIds: ['o2', 'o1'] },
      { engineerId: 'b', orderIds: ['o3'] },
    ]);
    const a = plan.routes.find((r) => r.engineerId === 'a')!;
    expect(a.stops.map((s) => s.orderId)).toEqual(['o2', 'o1']);
    expect(a.stops[0]!.start).toBeGreaterThanOrEqual(600);
    expect(a.stops[1]!.start).toBeGreaterThan(a.stops[0]!.end);
    expect(plan.unassigned).toEqual([]);
  });

  it('DSP-04 moving an order to another engineer keeps every other sequence as it was', () => {
    const moved = moveOrder(
      [
        { engineerId: 'a', orderIds: ['o1', 'o2'] },
        { engineerId: 'b', orderIds: ['o3'] },
      ],
      'o2',
      'b',
      0,
    );
    expect(moved).toEqual([
      { engineerId: 'a', orderIds: ['o1'] },
      { engineerId: 'b', orderIds: ['o2', 'o3'] },
    ]);
    const plan = evaluateRoutes(req, moved);
    expect(plan.routes.find((r) => r.engineerId === 'b')!.stops.map((s) => s.orderId)).toEqual(['o2', 'o3']);
  });
});

describe('APT-01 windows offered from capacity', () => {
  it('APT-01 offers a window only when a qualified engineer in the area has room on shift', () => {
    const r = request(
      [engineer('gas', { certificates: [{ skillCode: 'gas', certificateNo: 'G', validUntil: '2027-01-01' }] })],
      [
        order('busy', { location: at(1), window: { start: 540, end: 550 }, serviceMinutes: 120 }),
        order('new', { location: at(1), requiredSkills: ['gas'] }),
        order('plain', { location: at(1) }),
      ],
    );
    const current = evaluateRoutes(r, [{ engineerId: 'gas', orderIds: ['busy'] }]);
    const slots = [
      { start: 540, end: 600 }, // taken by the 2-hour visit
      { start: 840, end: 960 }, // free afternoon
      { start: 1080, end: 1140 }, // after the shift ends (17:00)
    ];
    const offers = offerWindows(current, 'new', slots);
    expect(offers.map((o) => o.available)).toEqual([false, true, false]);
    expect(offers[1]!.engineers.map((e) => e.engineerId)).toEqual(['gas']);
    // Nobody outside the area: the same slot for an order in an area nobody serves is not offered.
    const outside = offerWindows(
      { ...current, request: { ...r, orders: r.orders.map((o) => (o.id === 'plain' ? { ...o, areaId: 'Z' } : o)) } },
      'plain',
      [slots[1]!],
    );
    expect(outside[0]!.available).toBe(false);
  });
});

describe('DSP-03 planning off the event loop', () => {
  it('DSP-03 planDayInWorker returns the same plan as planDay for a seed and iteration cap', async () => {
    const { travel: _t, ...plain } = req;
    const plan = await planDayInWorker(plain, { timeLimitMs: 2_000, maxIterations: 20, seed: 1 }, 30_000);
    expect(plan.stats.assigned).toBe(3);
    expect(plan.request).toBe(plain);
  }, 40_000);
});
