import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FIRST_EVENT_SEQ,
  GENESIS_HASH,
  assertChainIntact,
  canonicalJson,
  chainNext,
  hashEvent,
  verifyChain,
  type ChainedEvent,
  type ChainedEventInput,
} from './event-chain.js';

const T0 = Date.parse('2026-11-23T01:00:00Z');

type Step = Omit<ChainedEventInput, 'seq' | 'orderId'>;
const STEPS: Step[] = [
  {
    action: 'create',
    fromStatus: null,
    toStatus: 'created',
    actorId: 'p-desk',
    actorPosition: 'hotline_agent',
    at: new Date(T0),
    payload: { type: 'fault' },
  },
  {
    action: 'dispatch',
    fromStatus: 'created',
    toStatus: 'assigned',
    actorId: 'p-coord',
    actorPosition: 'coordinator',
    at: new Date(T0 + 60_000),
    payload: { toPersonId: 'p-eng', toUnitId: null, remark: 'nearest' },
  },
  {
    action: 'take',
    fromStatus: 'assigned',
    toStatus: 'taken',
    actorId: 'p-eng',
    actorPosition: 'onsite_engineer',
    at: new Date(T0 + 120_000),
    payload: {},
  },
  {
    action: 'return',
    fromStatus: 'taken',
    toStatus: 'returned',
    actorId: 'p-eng',
    actorPosition: 'onsite_engineer',
    at: new Date(T0 + 180_000),
    payload: { reasonCode: 'wrong_info', remark: '门牌号不存在' },
  },
];

function buildChain(steps: readonly Step[], orderId = 'wo-1'): ChainedEvent[] {
  const events: ChainedEvent[] = [];
  for (const s of steps) events.push(chainNext(events.at(-1) ?? null, { ...s, orderId }));
  return events;
}

const rehash = (e: ChainedEvent): ChainedEvent => ({ ...e, hash: hashEvent(e.prevHash, e) });

describe('AUD-01 canonical JSON', () => {
  it('AUD-01 the same facts give the same text whatever order their keys were written in', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: 'x' } })).toBe(
      canonicalJson({ a: { c: 'x', d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('AUD-01 dates are written as ISO strings and undefined properties are left out', () => {
    expect(canonicalJson({ at: new Date(T0), gone: undefined, list: [undefined, 1] })).toBe(
      '{"at":"2026-11-23T01:00:00.000Z","list":[null,1]}',
    );
  });

  it('AUD-01 a payload reads back from JSON storage to the same canonical text', () => {
    const jsonish = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constant(null),
        fc.boolean(),
        fc.double(),
        fc.string(),
        fc.date({ noInvalidDate: true }),
        fc.constant(undefined),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(jsonish, (v) => {
        const stored = JSON.parse(JSON.stringify({ v })) as { v?: unknown };
        expect(canonicalJson(stored.v ?? undefined)).toBe(canonicalJson(v));
      }),
    );
  });
});

describe('AUD-01 event hash chain', () => {
  it('AUD-01 an event hashes to a fixed value, so chains stored by earlier releases stay verifiable', () => {
    const e: ChainedEventInput = { ...STEPS[0]!, orderId: 'wo-1', seq: 1, payload: { type: 'fault', note: '无网络' } };
    // Computed outside the code base: sha256 of the canonical text with `printf … | sha256sum`.
    expect(hashEvent(GENESIS_HASH, e)).toBe('25e80cbe197cb97a3220c9b136f9eaaa21fd5bef72c05f3818464c957449d32a');
  });

  it("AUD-01 what a stored row carries besides the event's facts does not change its hash", () => {
    const e = buildChain(STEPS)[1]!;
    const row = { ...e, actorName: '王工', createdAt: new Date() };
    expect(hashEvent(e.prevHash, row)).toBe(e.hash);
  });

  it('AUD-01 an untouched history verifies, starting at seq 1 from the genesis hash', () => {
    const events = buildChain(STEPS);
    expect(events[0]).toMatchObject({ seq: FIRST_EVENT_SEQ, prevHash: GENESIS_HASH });
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(verifyChain(events)).toEqual({ ok: true });
    expect(verifyChain([])).toEqual({ ok: true });
  });

  it('AUD-01 an edited event is found by its own hash', () => {
    const events = buildChain(STEPS);
    events[2] = { ...events[2]!, actorId: 'p-someone-else' };
    expect(verifyChain(events)).toEqual({ ok: false, brokenAtSeq: 3, reason: 'hash_mismatch' });
  });

  it('AUD-01 an edited event whose hash was recomputed is found by its successor', () => {
    const events = buildChain(STEPS);
    events[1] = rehash({ ...events[1]!, payload: { toPersonId: 'p-other', toUnitId: null, remark: 'nearest' } });
    expect(verifyChain(events)).toEqual({ ok: false, brokenAtSeq: 3, reason: 'prev_mismatch' });
  });

  it('AUD-01 a deleted event leaves a gap in the sequence', () => {
    const events = buildChain(STEPS);
    events.splice(1, 1);
    expect(verifyChain(events)).toEqual({ ok: false, brokenAtSeq: 3, reason: 'seq_gap' });
  });

  it('AUD-01 a deleted event is found even when the later events were renumbered', () => {
    const events = buildChain(STEPS);
    events.splice(1, 1);
    const renumbered = events.map((e, i) => rehash({ ...e, seq: i + 1 }));
    expect(verifyChain(renumbered)).toEqual({ ok: false, brokenAtSeq: 2, reason: 'prev_mismatch' });
  });

  it('AUD-01 a deleted first event is found: the history no longer starts at seq 1', () => {
    expect(verifyChain(buildChain(STEPS).slice(1))).toEqual({ ok: false, brokenAtSeq: 2, reason: 'seq_gap' });
  });

  it('AUD-01 reordered events are found, whether the rows or their contents were swapped', () => {
    const events = buildChain(STEPS);
    const rows = [events[0]!, events[2]!, events[1]!, events[3]!];
    expect(verifyChain(rows)).toEqual({ ok: false, brokenAtSeq: 3, reason: 'seq_gap' });
    // Contents of events 2 and 3 swapped, each keeping its position's seq.
    const contents = [events[0]!, { ...events[2]!, seq: 2 }, { ...events[1]!, seq: 3 }, events[3]!];
    expect(verifyChain(contents)).toEqual({ ok: false, brokenAtSeq: 2, reason: 'prev_mismatch' });
  });

  it("AUD-01 an event copied in from another order's history does not fit", () => {
    const mine = buildChain(STEPS);
    const theirs = buildChain(STEPS, 'wo-2');
    expect(verifyChain([...mine.slice(0, 2), theirs[2]!, mine[3]!])).toMatchObject({ ok: false, brokenAtSeq: 3 });
  });

  it('AUD-01 assertChainIntact stops with AUD_CHAIN_BROKEN saying where and why', () => {
    const events = buildChain(STEPS);
    events[0] = { ...events[0]!, at: new Date(T0 - 1) };
    expect(() => assertChainIntact(events)).toThrow(
      expect.objectContaining({ code: 'AUD_CHAIN_BROKEN', details: { brokenAtSeq: 1, reason: 'hash_mismatch' } }),
    );
    expect(() => assertChainIntact(buildChain(STEPS))).not.toThrow();
  });

  it('AUD-01 a history read back from JSON storage still verifies', () => {
    const stored = JSON.parse(JSON.stringify(buildChain(STEPS))) as (Omit<ChainedEvent, 'at'> & { at: string })[];
    expect(verifyChain(stored.map((e) => ({ ...e, at: new Date(e.at) })))).toEqual({ ok: true });
  });
});

// ---- property: any single change is caught --------------------------------------------------------

const stepArb: fc.Arbitrary<Step> = fc.record({
  action: fc.constantFrom('create', 'dispatch', 'take', 'complete'),
  fromStatus: fc.option(fc.constantFrom('created', 'assigned', 'taken'), { nil: null }),
  toStatus: fc.constantFrom('created', 'assigned', 'taken', 'completed'),
  actorId: fc.option(fc.string({ minLength: 1, maxLength: 6 }), { nil: null }),
  actorPosition: fc.option(fc.constantFrom('coordinator', 'onsite_engineer'), { nil: null }),
  at: fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }),
  payload: fc.jsonValue({ maxDepth: 2 }),
});

type Field = keyof ChainedEventInput;
const FIELDS: Field[] = ['orderId', 'action', 'fromStatus', 'toStatus', 'actorId', 'actorPosition', 'at', 'payload'];

/** A value for `field` that is certainly different from `current` once written as canonical JSON. */
function changed(field: Field, current: unknown, salt: string): unknown {
  if (field === 'at') return new Date((current as Date).getTime() + 1);
  if (field === 'payload') return { tampered: salt, was: current ?? null };
  return current === null ? salt : `${String(current)}${salt}`;
}

describe('AUD-01 tampering properties', () => {
  it('AUD-01 changing any single field of any event breaks verification at that event', () => {
    fc.assert(
      fc.property(
        fc.array(stepArb, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.constantFrom(...FIELDS),
        fc.string({ minLength: 1, maxLength: 3 }),
        (steps, pick, field, salt) => {
          const events = buildChain(steps);
          const i = pick % events.length;
          const e = events[i]!;
          events[i] = { ...e, [field]: changed(field, e[field], salt) };
          expect(verifyChain(events)).toEqual({ ok: false, brokenAtSeq: e.seq, reason: 'hash_mismatch' });
        },
      ),
    );
  });

  it('AUD-01 changing the seq of any event, or dropping any event but the last, breaks verification', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 2, maxLength: 8 }), fc.nat(), fc.integer(), (steps, pick, seq) => {
        const events = buildChain(steps);
        const i = pick % events.length;
        const renumbered = events.map((e, k) => (k === i ? { ...e, seq: seq === e.seq ? seq + 1 : seq } : e));
        expect(verifyChain(renumbered).ok).toBe(false);
        const j = pick % (events.length - 1);
        expect(verifyChain(events.filter((_, k) => k !== j)).ok).toBe(false);
      }),
    );
  });
});
