/**
 * A small seeded PRNG for demo data: the same seed always yields the same tenant, people and orders, so a
 * demo account named in the README finds the same orders on every fresh start and benchmarks compare
 * like with like. sfc32 (Chris Doty-Humphrey's small fast counting generator) passes PractRand at this
 * scale, needs only 32-bit integer arithmetic and is a few lines long; crypto quality is not needed here.
 */

/** 32-bit FNV-1a over a string: turns a seed text and a stream label into generator state. */
function fnv1a(text: string, basis = 0x811c9dc5): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export type WeightedEntries<T> = readonly (readonly [value: T, weight: number])[];

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private readonly seedText: string;
  /** A spare standard normal from the last Box–Muller pair. */
  private spare: number | null = null;

  constructor(seed: number | string) {
    this.seedText = String(seed);
    this.a = fnv1a(this.seedText, 0x811c9dc5);
    this.b = fnv1a(this.seedText, 0x9e3779b9);
    this.c = fnv1a(this.seedText, 0x85ebca6b);
    this.d = 1;
    // The first outputs of sfc32 still echo the seed; the reference implementation discards a dozen.
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  /**
   * An independent stream for one part of the data (org, customers, orders …). Keeping parts on their
   * own streams means asking for more orders does not reshuffle the org chart or the demo accounts.
   */
  fork(label: string): Rng {
    return new Rng(`${this.seedText}/${label}`);
  }

  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform real in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(entries: WeightedEntries<T>): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    // Floating-point leftovers land on the last entry with weight.
    return (entries[entries.length - 1] as readonly [T, number])[0];
  }

  /** A new array in random order (Fisher–Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  /** `count` distinct items (or all of them, if fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, count);
  }

  /** Normal via Box–Muller; handy for durations that cluster around a typical value. */
  normal(mean = 0, sd = 1): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return mean + sd * s;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return mean + sd * r * Math.cos(2 * Math.PI * v);
  }

  /** A normal draw rounded and clamped, e.g. minutes of handling time. */
  normalInt(mean: number, sd: number, min: number, max: number): number {
    return Math.min(max, Math.max(min, Math.round(this.normal(mean, sd))));
  }

  /** A string of random decimal digits (phone numbers, serials). */
  digits(count: number): string {
    let s = '';
    for (let i = 0; i < count; i++) s += String(this.int(0, 9));
    return s;
  }

  /** A version-4-shaped UUID drawn from this stream, so ids are as repeatable as everything else. */
  uuid(): string {
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    const w = [this.nextUint32(), this.nextUint32(), this.nextUint32(), this.nextUint32()];
    const s = w.map(hex).join('');
    const variant = ((parseInt(s[16] as string, 16) & 0x3) | 0x8).toString(16);
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20, 32)}`;
  }
}
