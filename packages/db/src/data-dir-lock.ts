import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { link, mkdir, readFile, realpath, rename, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';

/**
 * One process per PGlite data directory. PGlite has no lock between processes, and two of them
 * writing the same directory corrupt it, so the server takes this lock before opening `./data`.
 *
 * Why a pid file and not proper-lockfile: proper-lockfile detects a dead holder by the age of a
 * heartbeat (mtime refreshed on a timer), so after a crash the directory stays refused until the
 * stale period passes, a long synchronous stretch (PGlite runs WASM on the main thread) can make a
 * live lock look stale, and it does not record who holds the lock, which the error must name. A pid
 * file answers "is the holder alive?" immediately and exactly on one host, which is the only
 * setting a PGlite directory has (a shared PostgreSQL server is the multi-host mode).
 *
 * Atomicity: the lock file is written complete to a temporary name and then hard-linked into place;
 * `link` fails if the name exists, so there is no moment where a half-written lock is visible. A
 * stale lock is taken over by renaming it away (only one renamer can win) and checking that what was
 * renamed is the stale lock that was judged dead; if a live lock was caught instead it is put back.
 */

export interface DataDirLock {
  /** The directory locked (absolute). */
  readonly dir: string;
  release(): Promise<void>;
}

export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  readonly dir: string;
  readonly pid: number;

  constructor(dir: string, holder: LockInfo) {
    super(
      `The data directory ${dir} is in use by another Daowei process (pid ${holder.pid} on ${holder.host}, ` +
        `since ${holder.since}). Stop that process or start this one with a different data directory.`,
    );
    this.name = 'DataDirLockedError';
    this.dir = dir;
    this.pid = holder.pid;
  }
}

interface LockInfo {
  pid: number;
  host: string;
  since: string;
  token: string;
}

const LOCK_FILE = 'daowei.lock';

/**
 * Locks held by this process, by directory. Re-entrant within the process (the server may lock
 * `./data` and then open it, which locks again): the file is removed when the last holder releases.
 */
const held = new Map<string, { token: string; count: number }>();

export async function lockDataDir(dir: string): Promise<DataDirLock> {
  await mkdir(dir, { recursive: true });
  const abs = await realpath(dir);
  const file = path.join(abs, LOCK_FILE);
  const mine = held.get(abs);
  if (mine) {
    mine.count += 1;
  } else {
    const token = randomUUID();
    await acquire(abs, file, token);
    held.set(abs, { token, count: 1 });
  }
  let released = false;
  return {
    dir: abs,
    release: async () => {
      if (released) return;
      released = true;
      const entry = held.get(abs);
      if (!entry || --entry.count > 0) return;
      held.delete(abs);
      await removeIfOurs(file, entry.token);
    },
  };
}

async function acquire(dir: string, file: string, token: string): Promise<void> {
  const info: LockInfo = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token };
  const tmp = `${file}.${process.pid}.${token}.tmp`;
  await writeFile(tmp, JSON.stringify(info));
  try {
    // Two rounds: a stale lock removed in round one leaves the name free for round two.
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await link(tmp, file);
        return;
      } catch (e) {
        if (!isCode(e, 'EEXIST')) throw e;
      }
      const holder = await readLock(file);
      if (holder === 'missing') continue;
      if (holder !== 'unreadable' && isAlive(holder)) throw new DataDirLockedError(dir, holder);
      await takeOverStale(dir, file, holder);
    }
    const holder = await readLock(file);
    throw new DataDirLockedError(dir, typeof holder === 'string' ? unknownHolder() : holder);
  } finally {
    await unlink(tmp).catch(() => {});
  }
}

/** Renames the stale lock away; if the file renamed turns out to be a fresh live lock, restores it. */
async function takeOverStale(dir: string, file: string, stale: LockInfo | 'unreadable'): Promise<void> {
  const aside = `${file}.stale.${process.pid}.${randomUUID()}`;
  try {
    await rename(file, aside);
  } catch (e) {
    if (isCode(e, 'ENOENT')) return; // someone else removed it first
    throw e;
  }
  const caught = await readLock(aside);
  const sameAsJudged =
    stale === 'unreadable' ? typeof caught === 'string' : typeof caught !== 'string' && caught.token === stale.token;
  if (!sameAsJudged && typeof caught !== 'string') {
    // Another process took the lock between our read and our rename: give it back, then refuse.
    await link(aside, file).catch(() => {});
    await unlink(aside).catch(() => {});
    throw new DataDirLockedError(dir, caught);
  }
  await unlink(aside).catch(() => {});
}

async function readLock(file: string): Promise<LockInfo | 'missing' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (isCode(e, 'ENOENT')) return 'missing';
    throw e;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockInfo>;
    if (typeof parsed.pid !== 'number' || typeof parsed.token !== 'string') return 'unreadable';
    return {
      pid: parsed.pid,
      host: String(parsed.host ?? 'unknown host'),
      since: String(parsed.since ?? '?'),
      token: parsed.token,
    };
  } catch {
    return 'unreadable';
  }
}

/**
 * A holder is alive if its pid exists. Our own pid in a lock we do not hold (see `held`) is a
 * leftover from a previous life of this process id (typical for pid 1 in a restarted container).
 */
function isAlive(holder: LockInfo): boolean {
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to another user — still alive.
    return isCode(e, 'EPERM');
  }
}

async function removeIfOurs(file: string, token: string): Promise<void> {
  const current = await readLock(file);
  if (typeof current !== 'string' && current.token === token) await unlink(file).catch(() => {});
}

function unknownHolder(): LockInfo {
  return { pid: -1, host: 'unknown host', since: '?', token: '' };
}

function isCode(e: unknown, code: string): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === code;
}

// A process that exits without releasing (Ctrl-C after close was skipped) still cleans up its lock
// files; a crash leaves them behind, and the next process takes them over because the pid is dead.
process.once('exit', () => {
  for (const [dir, { token }] of held) {
    const file = path.join(dir, LOCK_FILE);
    try {
      if (!existsSync(file)) continue;
      const info = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>;
      if (info.token === token) unlinkSync(file);
    } catch {
      // best effort: a leftover lock with a dead pid is taken over anyway
    }
  }
});
