/**
 * A fresh Idempotency-Key. `crypto.randomUUID` exists only in secure contexts (https, localhost);
 * a station PC reaching the server by a LAN address over http falls back to getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One key per form submission: submitting the same body again (double click, retry after a timeout)
 * reuses the key, so the server answers the first result instead of acting twice. A changed body is a
 * new submission and gets a new key; after a success the next submission starts fresh.
 */
export class SubmissionKeys {
  private last: { body: string; key: string } | null = null;

  keyFor(body: unknown): string {
    const json = JSON.stringify(body ?? {});
    if (this.last?.body !== json) this.last = { body: json, key: newIdempotencyKey() };
    return this.last.key;
  }

  succeeded(): void {
    this.last = null;
  }
}
