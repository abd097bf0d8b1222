/**
 * PART-05 parts hit rate 备件命中率 = jobs where the parts taken were the parts needed / jobs with parts.
 * A job (order) counts once all its borrow lines are settled. It is a hit when the parts were taken in
 * one go (a single borrow card — a second trip to the store means something needed was not taken) and
 * every line was at least partly used (a part brought back unused, or found faulty, was not the part needed).
 */
export interface HitRateLine {
  itemId: string;
  quantity: number;
  returned: number;
  consumed: number;
}

export interface HitRateJob {
  orderId: string;
  engineerId: string;
  stationId: string | null;
  cards: number;
  lines: readonly HitRateLine[];
}

export interface HitRateFigure {
  key: string;
  hits: number;
  jobs: number;
  /** hits / jobs, null when there were no jobs with parts. */
  rate: number | null;
  orderIds: string[];
}

export type HitRateGrouping = 'engineer' | 'station' | 'item' | 'all';

const settled = (l: HitRateLine) => l.returned + l.consumed === l.quantity;

/** Undecided (something still out) → null; otherwise whether the job hit. */
export function partsJobHit(job: HitRateJob): boolean | null {
  if (job.lines.length === 0 || !job.lines.every(settled)) return null;
  return job.cards === 1 && job.lines.every((l) => l.consumed > 0);
}

/** Per item a job hits when every line of that item was used and the parts came in one card. */
function itemHits(job: HitRateJob): Map<string, boolean> {
  const byItem = new Map<string, boolean>();
  for (const l of job.lines) byItem.set(l.itemId, (byItem.get(l.itemId) ?? true) && l.consumed > 0 && job.cards === 1);
  return byItem;
}

export function partsHitRateBy(jobs: readonly HitRateJob[], groupBy: HitRateGrouping): HitRateFigure[] {
  const figures = new Map<string, HitRateFigure>();
  const count = (key: string, hit: boolean, orderId: string) => {
    const f = figures.get(key) ?? { key, hits: 0, jobs: 0, rate: null, orderIds: [] };
    f.jobs += 1;
    if (hit) f.hits += 1;
    f.orderIds.push(orderId);
    figures.set(key, f);
  };
  for (const job of jobs) {
    const hit = partsJobHit(job);
    if (hit === null) continue;
    if (groupBy === 'item') {
      for (const [itemId, h] of itemHits(job)) count(itemId, h, job.orderId);
    } else {
      const key = groupBy === 'engineer' ? job.engineerId : groupBy === 'station' ? (job.stationId ?? '') : 'all';
      count(key, hit, job.orderId);
    }
  }
  return [...figures.values()]
    .map((f) => ({ ...f, rate: f.jobs === 0 ? null : f.hits / f.jobs }))
    .sort((a, b) => a.key.localeCompare(b.key));
}
