import { describe, expect, it } from 'vitest';
import { partsHitRateBy, partsJobHit, type HitRateJob } from './hit-rate.js';

const job = (over: Partial<HitRateJob> = {}): HitRateJob => ({
  orderId: 'o1',
  engineerId: 'e1',
  stationId: 's1',
  cards: 1,
  lines: [{ itemId: 'onu', quantity: 1, returned: 0, consumed: 1 }],
  ...over,
});

describe('PART-05 parts hit rate 备件命中率', () => {
  it('PART-05 a job hits when the parts taken in one go were used; unused returns and a second trip miss', () => {
    expect(partsJobHit(job())).toBe(true);
    // 30 m of cable taken, 10 m used and 20 m back: still the right part.
    expect(partsJobHit(job({ lines: [{ itemId: 'cable', quantity: 30, returned: 20, consumed: 10 }] }))).toBe(true);
    expect(partsJobHit(job({ lines: [{ itemId: 'onu', quantity: 1, returned: 1, consumed: 0 }] }))).toBe(false);
    expect(partsJobHit(job({ cards: 2 }))).toBe(false);
  });

  it('PART-05 jobs with parts still out are not counted yet', () => {
    expect(partsJobHit(job({ lines: [{ itemId: 'onu', quantity: 1, returned: 0, consumed: 0 }] }))).toBeNull();
    expect(partsHitRateBy([job({ lines: [{ itemId: 'onu', quantity: 1, returned: 0, consumed: 0 }] })], 'all')).toEqual(
      [],
    );
  });

  it('PART-05 rate = hits / jobs with parts, per engineer, station and item, with the orders behind each figure', () => {
    const jobs = [
      job({ orderId: 'o1' }),
      job({ orderId: 'o2', lines: [{ itemId: 'onu', quantity: 1, returned: 1, consumed: 0 }] }),
      job({ orderId: 'o3', engineerId: 'e2', stationId: 's2' }),
      job({
        orderId: 'o4',
        engineerId: 'e2',
        stationId: 's2',
        lines: [
          { itemId: 'onu', quantity: 1, returned: 0, consumed: 1 },
          { itemId: 'cable', quantity: 5, returned: 5, consumed: 0 },
        ],
      }),
    ];
    expect(partsHitRateBy(jobs, 'engineer')).toEqual([
      { key: 'e1', hits: 1, jobs: 2, rate: 0.5, orderIds: ['o1', 'o2'] },
      { key: 'e2', hits: 1, jobs: 2, rate: 0.5, orderIds: ['o3', 'o4'] },
    ]);
    expect(partsHitRateBy(jobs, 'all')[0]).toMatchObject({ hits: 2, jobs: 4, rate: 0.5 });
    expect(partsHitRateBy(jobs, 'item')).toEqual([
      { key: 'cable', hits: 0, jobs: 1, rate: 0, orderIds: ['o4'] },
      { key: 'onu', hits: 3, jobs: 4, rate: 0.75, orderIds: ['o1', 'o2', 'o3', 'o4'] },
    ]);
    expect(partsHitRateBy(jobs, 'station').map((f) => [f.key, f.rate])).toEqual([
      ['s1', 0.5],
      ['s2', 0.5],
    ]);
  });
});
