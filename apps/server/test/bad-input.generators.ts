import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Body } from './harness.js';

/**
 * The bad-input test's generators (SEC-03): seeded, bounded fast-check parameters; nasty and certainly
 * invalid values; mutations of a valid body; malformed raw bodies, Idempotency-Keys, ids, cursors and
 * list queries. bad-input.test.ts feeds them to every route.
 */

export const SEED = Number(process.env.DAOWEI_FUZZ_SEED ?? 20260009);
export const RUNS = Number(process.env.DAOWEI_FUZZ_RUNS ?? 20);
/** Per property: fast-check stops generating after this long (the runs done so far still count). */
export const TIME_LIMIT_MS = 3_000;
export const params = (runs = RUNS) => ({ seed: SEED, numRuns: runs, interruptAfterTimeLimit: TIME_LIMIT_MS });

// ---------------------------------------------------------------- generators of bad values

export const UNICODE_EDGES = [
  '\u0000',
  'a\u0000b',
  '\u0001\u0007\u001b[31m',
  '\u200b',
  '王\u200d先生',
  '\ufeff张三',
  '\u202e隔离\u202c',
  '\u2028\u2029',
  'ＡＢＣ１２３',
  '王　先生', // ideographic (full-width) space
  '１３８１２３４５６７８', // a phone in full-width digits
  '朝阳区望京ｽﾄﾘｰﾄ８号', // mixed-width kana and digits
  '北京市朝阳区 Wangjing Street ８号楼 3-201',
  '😀👨‍👩‍👧‍👦🇨🇳',
  '\ud800',
  '\udfff',
  'a\ud800b',
  '\udc00\ud800',
  'e\u0301\u0301\u0301',
  '𠀀𠀁𪚥', // astral-plane CJK
  '\r\n\t',
  '   ',
  '\u3000\u3000',
  'ﷺ',
  '\u0085',
];

export const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE work_orders; --",
  "1; DELETE FROM people WHERE '1'='1",
  '" OR ""="',
  "') UNION SELECT token_hash FROM sessions --",
  '%',
  '_',
  '\\',
  '%_%\\%',
  '$1',
  '::text',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
  '__proto__',
  'constructor',
  '{"__proto__":{"admin":true}}',
];

export const NUMBERS = [
  -1,
  0,
  -0,
  0.5,
  -1.5,
  1e308,
  -1e308,
  2 ** 31,
  2 ** 53 + 2,
  Number.MIN_VALUE,
  1e-320,
  4294967296,
];

export const DATES = [
  '2026-02-30T10:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-11-24T25:00:00Z',
  '2026-11-24T10:61:00Z',
  '2026-11-24T10:00:00+25:00',
  '2026-11-24T10:00:00+08',
  '2026-11-24T10:00:00 Asia/Shanghai',
  '2026-11-24T10:00:00[Asia/Shanghai]',
  '2026-11-24T10:00:00',
  '2026-11-24',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '1969-12-31T23:59:59.999999999Z',
  '２０２６-11-24T10:00:00Z',
  '2026-11-24T10:00:00-00:00',
  '2026-11-24T10:00:00+14:00',
  'now',
  'Invalid Date',
  'NaN',
];

/** Dates no ISO 8601 date-time with offset can be: the API must refuse them. */
export const INVALID_DATES = [
  '2026-13-01T00:00:00Z',
  '2026-11-24T25:00:00Z',
  '2026-11-24T10:61:00Z',
  '2026-11-24T10:00:00 Asia/Shanghai',
  '2026-11-24T10:00:00[Asia/Shanghai]',
  '2026-11-24T10:00:00',
  '2026-11-24',
  '+275760-09-13T00:00:00Z',
  '２０２６-11-24T10:00:00Z',
  'now',
  'Invalid Date',
  'NaN',
];

export const loneSurrogates = fc.string({
  unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  maxLength: 4,
});

/** A string a user or an attacker might type: edge cases, injections and random unicode, mixed. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...UNICODE_EDGES),
  fc.constantFrom(...INJECTIONS),
  fc.constantFrom(...DATES),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  loneSurrogates,
  fc
    .array(fc.oneof(fc.constantFrom(...UNICODE_EDGES, ...INJECTIONS), fc.string({ maxLength: 5 })), {
      minLength: 2,
      maxLength: 5,
    })
    .map((parts) => parts.join('')),
);

/** Over every text field's limit (the largest is 2 000 characters) and at most ~100 KB of UTF-8. */
export const hugeString: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('a', '字', '😀', '\u200b字', "'; --"), fc.integer({ min: 2_001, max: 25_000 }))
  // Limits count code points (an emoji is one), so the length is counted the same way.
  .map(([unit, n]) => `x${unit.repeat(Math.ceil(n / [...unit].length))}x`);

/** A value of the given JSON type, for replacing a value of another type. */
export const valueOfType = (t: string): fc.Arbitrary<unknown> => {
  switch (t) {
    case 'string':
      return fc.oneof(nastyString, fc.constant(''));
    case 'number':
      return fc.constantFrom(...NUMBERS);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.oneof(fc.constant([]), fc.array(fc.oneof(fc.integer(), nastyString), { maxLength: 3 }));
    default:
      return fc.oneof(fc.constant({}), fc.dictionary(fc.constantFrom('a', 'kind', '__proto__'), fc.integer()));
  }
};
export const TYPES = ['string', 'number', 'boolean', 'null', 'array', 'object'] as const;
export const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
/** Any JSON value whose type differs from `v`'s: certainly invalid where `v` was valid. */
export const otherType = (v: unknown) => fc.constantFrom(...TYPES.filter((t) => t !== jsonType(v))).chain(valueOfType);

// ---------------------------------------------------------------- mutations of a valid body

export type Path = (string | number)[];

/** Every path to a value inside a JSON document (objects and arrays, depth first). */
export function leafPaths(v: unknown, prefix: Path = []): Path[] {
  if (v === null || typeof v !== 'object') return [prefix];
  const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
  return [prefix, ...entries.flatMap(([k, x]) => leafPaths(x, [...prefix, k]))].filter((p) => p.length > 0);
}

export const getAt = (v: unknown, path: Path): unknown =>
  path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], v);

/** A deep copy of `doc` with the value at `path` replaced (or removed when `value` is REMOVE). */
export const REMOVE = Symbol('remove');
export function setAt(doc: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  if (value === REMOVE) delete parent[key];
  else parent[key] = value;
  return copy;
}

/** Paths of fields the OpenAPI schema marks required (nested objects included). */
export function requiredPaths(schema: Body, prefix: Path = []): Path[] {
  if (!schema || schema.type !== 'object' || !schema.properties) return [];
  const own: Path[] = (schema.required ?? []).map((k: string) => [...prefix, k]);
  const nested = Object.entries<Body>(schema.properties).flatMap(([k, s]) => requiredPaths(s, [...prefix, k]));
  return [...own, ...nested];
}

/** Certainly-invalid variants of a valid body. */
export function strictBodies(valid: unknown, required: Path[]): fc.Arbitrary<unknown> {
  const paths = leafPaths(valid);
  const stringPaths = paths.filter((p) => typeof getAt(valid, p) === 'string');
  const options: fc.Arbitrary<unknown>[] = [
    // a value of the wrong type anywhere
    fc.constantFrom(...paths).chain((p) => otherType(getAt(valid, p)).map((v) => setAt(valid, p, v))),
    // the whole body of the wrong type
    fc.oneof(fc.constant(null), fc.constant([]), fc.integer(), nastyString, fc.boolean()),
  ];
  if (stringPaths.length) {
    options.push(fc.constantFrom(...stringPaths).chain((p) => hugeString.map((s) => setAt(valid, p, s))));
  }
  if (required.length) options.push(fc.constantFrom(...required).map((p) => setAt(valid, p, REMOVE)));
  return fc.oneof(...options);
}

/** Variants that may or may not be valid: nasty strings, odd numbers, odd dates, a field left out. */
export function nastyBodies(valid: unknown): fc.Arbitrary<unknown> {
  const paths = leafPaths(valid);
  const of = (kind: string) => paths.filter((p) => jsonType(getAt(valid, p)) === kind);
  const options: fc.Arbitrary<unknown>[] = [fc.constantFrom(...paths).map((p) => setAt(valid, p, REMOVE))];
  if (of('string').length) {
    options.push(fc.constantFrom(...of('string')).chain((p) => nastyString.map((s) => setAt(valid, p, s))));
  }
  if (of('number').length) {
    options.push(
      fc.constantFrom(...of('number')).chain((p) => fc.constantFrom(...NUMBERS).map((n) => setAt(valid, p, n))),
    );
  }
  return fc.oneof(...options);
}

/** Raw request bodies that are not JSON at all, or JSON with traps for the parser. */
export const rawBodies: fc.Arbitrary<{ payload: string; contentType: string }> = fc.oneof(
  fc
    .constantFrom(
      '{',
      '{"a":1,}',
      "{'a':1}",
      '{"a":1}{"b":2}',
      // Not here: '\ufeff{}'. A byte-order mark before JSON (Windows Notepad writes one) is skipped by
      // the parser, so the body is the empty object and a valid request — answering 200 is right.
      '{"__proto__":{"polluted":true}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
      'NaN',
      '[1e999]',
      '"\\ud800"',
      `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
      `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
    )
    .map((payload) => ({ payload, contentType: 'application/json' })),
  nastyString.map((payload) => ({ payload, contentType: 'application/json' })),
  fc
    .tuple(
      fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data',
        'application/xml',
        'application/json; charset=latin1',
      ),
      fc.constantFrom('{}', 'a=1', '<a/>'),
    )
    .map(([contentType, payload]) => ({ payload, contentType })),
);

/** Idempotency-Key values the API must refuse (docs/api.md: 8-128 letters, digits, - or _). */
export const badKeys: fc.Arbitrary<string | string[]> = fc.oneof(
  fc.constantFrom(
    '',
    'short',
    'has space in it',
    'semi;colon;;;',
    'x'.repeat(129),
    "'; DROP TABLE x; --",
    '%00%00%00%00',
    '../../../../',
  ),
  fc
    .string({ unit: fc.constantFrom('a', '1', '-', '_', '.', '/', ' ', '!', '='), minLength: 1, maxLength: 140 })
    .filter((s) => !/^[A-Za-z0-9_-]{8,128}$/.test(s) && s.trim() === s),
  // the header sent twice
  fc.tuple(fc.uuid(), fc.uuid()).map(([a, b]) => [a, b]),
);

// ---------------------------------------------------------------- query strings and path parameters

export const notUuid = fc
  .oneof(
    nastyString,
    hugeString.map((s) => s.slice(0, 300)),
    fc.uuid().map((u) => `${u}x`),
    fc.uuid().map((u) => u.slice(1)),
  )
  .filter((s) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s));

export const notIn = (allowed: readonly string[]) => nastyString.filter((s) => !allowed.includes(s) && s.trim() !== '');

/** A cursor that decodes to something that is not [iso date, uuid], or to a date no database stores. */
export const badCursors = fc.oneof(
  nastyString,
  fc
    .constantFrom(
      '',
      '0000-01-01T00:00:00Z',
      '-000001-01-01T00:00:00Z',
      '+275760-09-13T00:00:00Z',
      'Invalid Date',
      '2026-02-30T00:00:00Z',
    )
    .map((d) => Buffer.from(JSON.stringify([d, randomUUID()])).toString('base64url')),
  fc.json().map((j) => Buffer.from(j).toString('base64url')),
);

export const LIST_STRICT: Record<string, fc.Arbitrary<string>> = {
  scope: notIn(['todo', 'done', 'all']),
  type: notIn([
    'install',
    'fault',
    'complaint',
    'inspection',
    'care_visit',
    'carry_in',
    'consultation',
    'paid_service',
  ]),
  status: fc.tuple(fc.constantFrom('created', 'assigned', ''), notIn([])).map(([a, b]) => `${a},${b}`),
  areaId: notUuid,
  engineerId: notUuid,
  from: fc.constantFrom(...INVALID_DATES),
  to: fc.constantFrom(...INVALID_DATES),
  q: hugeString.map((s) => s.slice(0, 3_000)),
  limit: fc.constantFrom('0', '-1', '101', '1e309', 'NaN', 'Infinity', '1.5', 'ten', ''),
};

export const LIST_NASTY: Record<string, fc.Arbitrary<string>> = {
  q: nastyString,
  cursor: badCursors,
  from: fc.constantFrom(...DATES),
  to: fc.constantFrom(...DATES),
  status: fc.array(fc.constantFrom('created', 'assigned', 'closed', '', ' '), { maxLength: 5 }).map((a) => a.join(',')),
  limit: fc.constantFrom('1', '100', ' 5 ', '05', '+5', '5.0', '0x10'),
};

/** A URL carries UTF-8 bytes, so a lone surrogate cannot travel in one: it goes as U+FFFD. */
export const encodeSegment = (s: string) =>
  encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\ufffd'));

export const qs = (params: Record<string, string>) => new URLSearchParams(params).toString();
