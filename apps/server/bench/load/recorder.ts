/** Latencies per action label, errors, and the percentiles bench:load reports. */
export class Recorder {
  private readonly samples = new Map<string, number[]>();
  private readonly errors = new Map<string, number>();
  readonly errorExamples: string[] = [];

  ok(label: string, ms: number): void {
    const list = this.samples.get(label) ?? [];
    list.push(ms);
    this.samples.set(label, list);
  }

  fail(label: string, ms: number, why: string): void {
    this.ok(label, ms);
    this.errors.set(label, (this.errors.get(label) ?? 0) + 1);
    if (this.errorExamples.length < 10) this.errorExamples.push(`${label}: ${why}`);
  }

  get total(): number {
    let n = 0;
    for (const l of this.samples.values()) n += l.length;
    return n;
  }

  get errorCount(): number {
    let n = 0;
    for (const v of this.errors.values()) n += v;
    return n;
  }

  rows(): { label: string; count: number; errors: number; p50: number; p95: number; p99: number; max: number }[] {
    return [...this.samples.entries()].map(([label, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      return {
        label,
        count: list.length,
        errors: this.errors.get(label) ?? 0,
        p50: at(0.5),
        p95: at(0.95),
        p99: at(0.99),
        max: sorted.at(-1) ?? 0,
      };
    });
  }
}
