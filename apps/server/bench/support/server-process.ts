import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/**
 * The real server as a child process (crash:test, bench:load): `node --import tsx main.ts`, one
 * process, so a SIGKILL kills the server itself (a `tsx` wrapper would leave its child running) and
 * /proc/<pid> is the server's own CPU and memory.
 */
const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

export const DEFAULT_PG_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh, empty PostgreSQL database on the given server; `drop()` removes it (bounded runs clean up). */
export async function createScratchDatabase(
  serverUrl = DEFAULT_PG_SERVER,
  prefix = 'daowei_scratch',
): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const name = `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Instant the process was spawned and the instant it answered (ms since epoch). */
  spawnedAt: number;
  readyAt: number;
  /** SIGKILL: no shutdown hook runs, open transactions are cut. Resolves when the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM and wait (the normal stop). */
  stop(): Promise<void>;
  /** Last lines the server wrote (for a failure report). */
  tail(): string;
}

export async function startServer(opts: {
  databaseUrl: string;
  port?: number;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const port = opts.port ?? (await freePort());
  const spawnedAt = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', String(port), '--no-demo'], {
    cwd: REPO,
    env: { ...process.env, DATABASE_URL: opts.databaseUrl, LOG_LEVEL: 'warn', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  // Generous: on a loaded 2-core machine a start (transpile, import, migrations check, pg-boss) took 30+ s.
  const deadline = Date.now() + (opts.timeoutMs ?? 180_000);
  let gone = false;
  void exited.then(() => (gone = true));
  for (;;) {
    if (gone) throw new Error(`server exited during start:\n${lines.join('\n')}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer within the start timeout:\n${lines.join('\n')}`);
    }
    const ok = await fetch(`${url}/api/meta`).then(
      (r) => r.status === 401 || r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    child,
    spawnedAt,
    readyAt: Date.now(),
    async kill() {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!gone) child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
    },
    tail: () => lines.slice(-40).join('\n'),
  };
}

/** CPU seconds (user + system) and memory of a process from /proc (Linux). */
export function procStats(pid: number): { cpuSeconds: number; rssMb: number; peakRssMb: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14, 15)
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { cpuSeconds: ticks / 100, rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}
