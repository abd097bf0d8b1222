import { ApiError } from '../../api/ApiError';
import { getToken } from '../../api/token';
import { idb, OUTBOX } from './idbStore';

/**
 * ENG-07: the outbox. Every engineer submission made from the phone goes through `submit`: online it
 * is sent at once; without network (or while older submissions still wait) it is queued in IndexedDB
 * with its Idempotency-Key and sent later, in the order made, by `syncOutbox`. The server applies a
 * key once, so a submission whose answer was lost is safely sent again. A queued submission the server
 * refuses (the order was reassigned or cancelled meanwhile: WO_OFFLINE_CONFLICT, or any other refusal)
 * becomes a conflict the engineer reads and discards; later submissions of that order wait behind it.
 */
export type OutboxState = 'pending' | 'synced' | 'conflict';

export interface OutboxItem {
  seq?: number;
  personId: string;
  /** Idempotency-Key, made on the phone when the submission was made. */
  key: string;
  orderId: string;
  orderNumber: string;
  /** The lifecycle action (depart, arrive, complete …) or the visit record (checklist, consent …). */
  what: string;
  path: string;
  body: unknown;
  queuedAt: string;
  state: OutboxState;
  syncedAt?: string;
  error?: { status: number; code: string; message: string; reason?: string };
}

export type Draft = Pick<OutboxItem, 'orderId' | 'orderNumber' | 'what' | 'path' | 'body' | 'key'>;

type Listener = () => void;
const listeners = new Set<Listener>();
export function onOutboxChange(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
const changed = () => listeners.forEach((l) => l());

export async function outboxItems(personId: string): Promise<OutboxItem[]> {
  const all = await idb<OutboxItem[]>(OUTBOX, 'readonly', (s) => s.getAll() as IDBRequest<OutboxItem[]>);
  return all.filter((i) => i.personId === personId).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

const save = (item: OutboxItem) => idb(OUTBOX, 'readwrite', (s) => s.put(item));

export async function discard(seq: number): Promise<void> {
  await idb(OUTBOX, 'readwrite', (s) => s.delete(seq));
  changed();
}

/** Forgets what has been synced (the list keeps them until then, so the engineer sees them go through). */
export async function clearSynced(personId: string): Promise<void> {
  for (const i of await outboxItems(personId)) if (i.state === 'synced' && i.seq !== undefined) await discard(i.seq);
}

type Sent = { kind: 'ok'; data: unknown } | { kind: 'retry' } | { kind: 'refused'; error: ApiError };

async function send(path: string, body: unknown, key: string, queuedAt: string | null): Promise<Sent> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': 'application/json',
    'Idempotency-Key': key,
  };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (queuedAt) headers['Offline-Queued-At'] = queuedAt;
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  } catch {
    return { kind: 'retry' };
  }
  const data: unknown = await res.json().catch(() => undefined);
  if (res.ok) return { kind: 'ok', data };
  // No session or a server hiccup: nothing was decided, keep the submission for later.
  if (res.status === 401 || res.status >= 500 || res.status === 429) return { kind: 'retry' };
  const d = (data ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
  return {
    kind: 'refused',
    error: new ApiError(res.status, d.code ?? `HTTP_${res.status}`, d.message ?? '', d.details),
  };
}

/** What `submit` did: sent and answered, or kept on the phone for later. */
export type Submitted<T> = { queued: false; data: T } | { queued: true; item: OutboxItem };

/**
 * Sends now when the phone is online and nothing older waits; otherwise queues. A refusal while online
 * throws the ApiError (the form shows it); a lost network mid-request queues the same key.
 */
export async function submit<T>(personId: string, draft: Draft): Promise<Submitted<T>> {
  // Order is kept: anything still pending, or a conflict on the same order, puts this one behind it.
  const waiting = (await outboxItems(personId)).some(
    (i) => i.state === 'pending' || (i.state === 'conflict' && i.orderId === draft.orderId),
  );
  if (navigator.onLine && !waiting) {
    const r = await send(draft.path, draft.body, draft.key, null);
    if (r.kind === 'ok') return { queued: false, data: r.data as T };
    if (r.kind === 'refused') throw r.error;
  }
  const item: OutboxItem = { ...draft, personId, queuedAt: new Date().toISOString(), state: 'pending' };
  item.seq = (await idb(OUTBOX, 'readwrite', (s) => s.add(item))) as number;
  changed();
  if (navigator.onLine) void syncOutbox(personId);
  return { queued: true, item };
}

let running: Promise<void> | null = null;

/** Sends the waiting submissions in order; stops at the first one that cannot reach the server. */
export function syncOutbox(personId: string): Promise<void> {
  running ??= run(personId).finally(() => {
    running = null;
  });
  return running;
}

async function run(personId: string): Promise<void> {
  const blocked = new Set<string>();
  for (const item of await outboxItems(personId)) {
    if (item.state === 'conflict') blocked.add(item.orderId);
    if (item.state !== 'pending' || blocked.has(item.orderId)) continue;
    const r = await send(item.path, item.body, item.key, item.queuedAt);
    if (r.kind === 'retry') return;
    if (r.kind === 'ok') {
      await save({ ...item, state: 'synced', syncedAt: new Date().toISOString() });
    } else {
      const reason = typeof r.error.details?.reason === 'string' ? r.error.details.reason : undefined;
      const error = { status: r.error.status, code: r.error.code, message: r.error.message };
      await save({ ...item, state: 'conflict', error: reason ? { ...error, reason } : error });
      blocked.add(item.orderId);
    }
    changed();
  }
}
