import { describe, expect, it } from 'vitest';
import { processCpuClock } from './clock.js';

describe('processCpuClock', () => {
  it('never goes backwards and advances with work done', () => {
    const clock = processCpuClock();
    const start = clock();
    let last = start;
    let x = 0;
    for (let i = 0; i < 2_000_000; i++) {
      x += Math.sqrt(i);
      if (i % 1000 === 0) {
        const t = clock();
        expect(t).toBeGreaterThanOrEqual(last);
        last = t;
      }
    }
    expect(x).toBeGreaterThan(0);
    expect(clock()).toBeGreaterThan(start);
  });
});
