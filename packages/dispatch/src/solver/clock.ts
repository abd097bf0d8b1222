/**
 * Milliseconds of this process's CPU time (user + system), for `SolveOptions.clock`. On a machine shared
 * with other busy processes a wall-clock budget buys a varying amount of search; a CPU-time budget buys
 * what the same wall budget buys on a quiet machine. `process.cpuUsage()` is a system call (tens of µs
 * under load), so it is read at most once per wall millisecond; in between, the CPU time is extrapolated
 * by the wall time elapsed since the last reading, an upper bound since CPU time cannot run faster.
 */
export function processCpuClock(): () => number {
  let lastWall = -Infinity;
  let lastCpu = 0;
  // An extrapolation may overshoot the next real reading: the clock holds until CPU time catches up.
  let lastReturned = 0;
  return () => {
    const wall = performance.now();
    let t: number;
    if (wall - lastWall >= 1) {
      const u = process.cpuUsage();
      lastCpu = (u.user + u.system) / 1000;
      lastWall = wall;
      t = lastCpu;
    } else {
      t = lastCpu + (wall - lastWall);
    }
    lastReturned = Math.max(lastReturned, t);
    return lastReturned;
  };
}
