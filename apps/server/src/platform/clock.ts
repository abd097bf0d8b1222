/**
 * The one clock of the server. Domain functions never read time; services ask this and pass `now` in.
 * Tests use a FakeClock so deadlines and session expiry are provable.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class FakeClock implements Clock {
  private t: number;

  constructor(start: Date | string) {
    this.t = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.t);
  }

  advance(ms: number): void {
    this.t += ms;
  }

  set(at: Date | string): void {
    this.t = new Date(at).getTime();
  }
}
