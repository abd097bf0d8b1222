import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { DomainError } from '../shared/errors.js';

/**
 * AUD-01: an order's history is tamper-evident. Each event stores the hash of its predecessor and its
 * own hash over (predecessor hash + its facts), so editing, deleting or reordering a stored event breaks
 * the chain at that point. A chain proves itself consistent; it cannot by itself notice that the newest
 * events were cut off or that the whole chain was rewritten. Callers that need that compare the last
 * event with the order's current status and keep the head hash somewhere else (e.g. a daily checkpoint).
 */
export interface ChainedEventInput {
  orderId: string;
  seq: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorId: string | null;
  actorPosition: string | null;
  at: Date;
  payload: unknown;
}

export type ChainedEvent = ChainedEventInput & { prevHash: string; hash: string };

/** The `prevHash` of an order's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** An order's history starts at seq 1 and counts up by one; a missing first event is a gap too. */
export const FIRST_EVENT_SEQ = 1;

/**
 * Bumped if the hashed content ever changes shape, so old chains stay verifiable by the old rule. It is
 * part of the hashed text rather than a separate column: a hash cannot be re-labelled after the fact.
 */
const HASH_FORMAT = 1;

/**
 * JSON with object keys sorted, so the same facts always give the same text no matter how they were
 * built or which order a database (jsonb) hands keys back in. Dates become ISO strings — exactly what a
 * payload Date turns into after a JSON round trip — and `undefined` properties are dropped, as JSON does;
 * hence an event hashes the same before it is stored and after it is read back.
 */
export function canonicalJson(value: unknown): string {
  const text = write(value, new Set());
  // Like JSON.stringify, a bare undefined/function has no JSON form; an event field never is one.
  return text ?? 'null';
}

function write(value: unknown, seen: Set<object>): string | undefined {
  if (value === null) return 'null';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      throw new DomainError('VALIDATION_FAILED', 'An invalid date cannot be recorded', { field: 'at' });
    }
    return JSON.stringify(value.toISOString());
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      // NaN and Infinity have no JSON form; jsonb would store them as null, so hash them as null too.
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'bigint':
      throw new DomainError('VALIDATION_FAILED', 'Big integers cannot be recorded in an event; use a string', {});
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  const obj = value as object;
  if (seen.has(obj)) throw new DomainError('VALIDATION_FAILED', 'An event payload cannot refer to itself', {});
  seen.add(obj);
  try {
    const toJSON = (obj as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return write(toJSON.call(obj), seen);
    if (Array.isArray(obj)) return `[${obj.map((v) => write(v, seen) ?? 'null').join(',')}]`;
    const fields: string[] = [];
    for (const key of Object.keys(obj).sort()) {
      const v = write((obj as Record<string, unknown>)[key], seen);
      if (v !== undefined) fields.push(`${JSON.stringify(key)}:${v}`);
    }
    return `{${fields.join(',')}}`;
  } finally {
    seen.delete(obj);
  }
}

/**
 * sha256 (hex) over the predecessor's hash and the event's own facts. Fields are picked one by one so
 * that whatever else a caller's row carries (its own hash, the actor's display name) never leaks in.
 */
export function hashEvent(prevHash: string, e: ChainedEventInput): string {
  const text = canonicalJson({
    v: HASH_FORMAT,
    prevHash,
    orderId: e.orderId,
    seq: e.seq,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actorId: e.actorId,
    actorPosition: e.actorPosition,
    at: e.at,
    payload: e.payload ?? null,
  });
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * The next event of a chain: its seq and both hashes, given the stored last event (null for the first).
 * The server appends the result in the same transaction as the state change it records.
 */
export function chainNext(last: { seq: number; hash: string } | null, e: Omit<ChainedEventInput, 'seq'>): ChainedEvent {
  const seq = last ? last.seq + 1 : FIRST_EVENT_SEQ;
  const prevHash = last ? last.hash : GENESIS_HASH;
  const event: ChainedEventInput = { ...e, seq };
  return { ...event, prevHash, hash: hashEvent(prevHash, event) };
}

export type ChainBreakReason = 'hash_mismatch' | 'prev_mismatch' | 'seq_gap';
export type ChainVerdict = { ok: true } | { ok: false; brokenAtSeq: number; reason: ChainBreakReason };

/**
 * Checks one order's events in the order given (the store returns them by seq). Reports the first event
 * that does not fit:
 * - `seq_gap`: the seq is not one more than its predecessor's (deleted or reordered rows; a history
 *   that does not start at FIRST_EVENT_SEQ has lost its beginning);
 * - `prev_mismatch`: it does not point at its predecessor's hash (an event before it was removed or
 *   replaced, even if the seqs were renumbered);
 * - `hash_mismatch`: its facts are not the ones that were hashed (it was edited).
 */
export function verifyChain(events: readonly ChainedEvent[]): ChainVerdict {
  let prev: ChainedEvent | null = null;
  for (const e of events) {
    const expectedSeq = prev ? prev.seq + 1 : FIRST_EVENT_SEQ;
    if (e.seq !== expectedSeq) return { ok: false, brokenAtSeq: e.seq, reason: 'seq_gap' };
    if (e.prevHash !== (prev ? prev.hash : GENESIS_HASH)) {
      return { ok: false, brokenAtSeq: e.seq, reason: 'prev_mismatch' };
    }
    if (hashEvent(e.prevHash, e) !== e.hash) return { ok: false, brokenAtSeq: e.seq, reason: 'hash_mismatch' };
    prev = e;
  }
  return { ok: true };
}

/** verifyChain for callers that want to stop: throws AUD_CHAIN_BROKEN with where and why. */
export function assertChainIntact(events: readonly ChainedEvent[]): void {
  const verdict = verifyChain(events);
  if (!verdict.ok) {
    throw new DomainError('AUD_CHAIN_BROKEN', `Event history is broken at event ${verdict.brokenAtSeq}`, {
      brokenAtSeq: verdict.brokenAtSeq,
      reason: verdict.reason,
    });
  }
}
