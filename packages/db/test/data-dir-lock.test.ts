import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataDir, migrate, openDatabase } from '../src/index.js';

const HOLDER = fileURLToPath(new URL('./fixtures/lock-holder.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../..', import.meta.url));

const dirs: string[] = [];
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const d = await mkdtemp(path.join(tmpdir(), 'daowei-lock-'));
  dirs.push(d);
  return d;
}

interface HolderReport {
  ok: boolean;
  pid?: number;
  code?: string;
  message?: string;
}

/** Starts lock-holder.ts in a real second Node process (TypeScript through tsx). */
function startHolder(dir: string, mode: 'try' | 'hold'): { child: ChildProcess; report: Promise<HolderReport> } {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, dir, mode], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let errOut = '';
  child.stderr!.on('data', (b: Buffer) => (errOut += b.toString()));
  const report = new Promise<HolderReport>((resolve, reject) => {
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line) as HolderReport);
    });
    child.on('exit', (code) => reject(new Error(`holder exited (${code}) without a report: ${out} ${errOut}`)));
  });
  return { child, report };
}

const exited = (c: ChildProcess) => new Promise<void>((r) => (c.exitCode !== null ? r() : c.once('exit', () => r())));

describe('data directory lock', () => {
  it('a second process on the same data directory is refused, naming the directory and the holder pid', async () => {
    const dir = await tempDir();
    const lock = await lockDataDir(dir);
    const { child, report } = startHolder(dir, 'try');
    const r = await report;
    await exited(child);
    expect(r.ok).toBe(false);
    expect(r.code).toBe('DATA_DIR_LOCKED');
    expect(r.pid).toBe(process.pid);
    expect(r.message).toContain(lock.dir);
    expect(r.message).toContain(`pid ${process.pid}`);
    expect(child.exitCode).toBe(3);
    await lock.release();
    // Once released, the other process gets it.
    const again = startHolder(dir, 'try');
    expect((await again.report).ok).toBe(true);
  });

  it('a lock held by a live process refuses this one; after that process crashes the lock is taken over', async () => {
    const dir = await tempDir();
    const { child, report } = startHolder(dir, 'hold');
    expect(await report).toMatchObject({ ok: true, pid: child.pid });
    await expect(lockDataDir(dir)).rejects.toMatchObject({ code: 'DATA_DIR_LOCKED', pid: child.pid });
    await expect(openDatabase({ dataDir: dir })).rejects.toMatchObject({ code: 'DATA_DIR_LOCKED' });
    child.kill('SIGKILL'); // a crash: no exit handler runs, the lock file stays behind
    await exited(child);
    expect(existsSync(path.join(dir, 'daowei.lock'))).toBe(true);
    const lock = await lockDataDir(dir);
    const info = JSON.parse(await readFile(path.join(dir, 'daowei.lock'), 'utf8')) as { pid: number };
    expect(info.pid).toBe(process.pid);
    await lock.release();
    expect(existsSync(path.join(dir, 'daowei.lock'))).toBe(false);
  });

  it('a corrupt lock file is treated as stale', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'daowei.lock'), '{"pid": ');
    const lock = await lockDataDir(dir);
    await lock.release();
    expect(existsSync(path.join(dir, 'daowei.lock'))).toBe(false);
  });

  it('locking twice in one process is allowed; the file goes when the last holder releases', async () => {
    const dir = await tempDir();
    const a = await lockDataDir(dir);
    const b = await lockDataDir(dir);
    await a.release();
    await a.release(); // releasing twice does not release someone else's hold
    expect(existsSync(path.join(dir, 'daowei.lock'))).toBe(true);
    await b.release();
    expect(existsSync(path.join(dir, 'daowei.lock'))).toBe(false);
  });

  it('a PGlite directory keeps its data across a close and a reopen, and close releases the lock', async () => {
    const dir = await tempDir();
    const first = await openDatabase({ dataDir: dir });
    await migrate(first);
    await first.db.execute(sql`insert into tenants (code, name) values ('kept', 'Kept')`);
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    try {
      const result = (await second.db.execute(sql`select name from tenants where code = 'kept'`)) as unknown as {
        rows: { name: string }[];
      };
      expect(result.rows).toEqual([{ name: 'Kept' }]);
    } finally {
      await second.close();
    }
    expect(existsSync(path.join(dir, 'daowei.lock'))).toBe(false);
  });
});
