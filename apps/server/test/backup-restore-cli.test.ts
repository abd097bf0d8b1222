import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, pgliteOf, seedDemoData, verifyAllChains } from '@daowei/db';
import { openTestDatabase } from '@daowei/db/testing';

const run = promisify(execFile);

/** Runs one of the operator commands (`npm run backup` / `restore`) against a data folder. */
async function cli(script: string, args: string[]): Promise<{ code: number; out: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', `apps/server/src/cli/${script}.ts`, ...args], {
      env: { ...process.env, DATABASE_URL: '' },
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

async function countOrders(dataDir: string): Promise<{ orders: number; broken: number }> {
  const database = await openDatabase({ dataDir: join(dataDir, 'pglite') });
  try {
    const { rows } = await pgliteOf(database).query<{ n: number }>('select count(*)::int as n from work_orders');
    return { orders: Number(rows[0]?.n), broken: (await verifyAllChains(database.db)).length };
  } finally {
    await database.close();
  }
}

/**
 * Issue 9, the PGlite caveat: the embedded database never fsyncs, so the protection against power loss
 * is `npm run backup`. This proves the round trip an operator relies on: back up, lose or damage the
 * folder, restore, and the orders and their verified histories are back (the damaged folder kept aside).
 */
describe('npm run backup / restore (embedded database)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'daowei-backup-'));
    // Migrating a fresh folder is slow; start from the suite's migrated PGlite snapshot instead.
    const url = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    const memory = await openTestDatabase().finally(() => {
      if (url !== undefined) process.env.DATABASE_URL = url;
    });
    await seedDemoData(memory.db, {
      seed: 5,
      orders: 40,
      engineers: 12,
      passwordHash: 'x',
      now: new Date('2026-11-23T02:00:00Z'),
    });
    const dump = await pgliteOf(memory).dumpDataDir('gzip');
    await memory.close();
    const onDisk = await openDatabase({ dataDir: join(dir, 'pglite'), loadDataDir: dump });
    await onDisk.close();
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('AUD-01 a backup restores every order with verifying histories; the replaced folder is kept aside', async () => {
    const before = await countOrders(dir);
    expect(before.orders).toBeGreaterThan(0);
    const backups = join(dir, 'backups');
    const made = await cli('backup', ['--data-dir', dir, '--out', backups]);
    expect(made.code, made.out).toBe(0);
    const [file] = readdirSync(backups);
    expect(file).toMatch(/^daowei-.*\.tar\.gz$/);

    // The folder is damaged: what is left of it is not a database any more.
    rmSync(join(dir, 'pglite'), { recursive: true, force: true });
    mkdirSync(join(dir, 'pglite'));
    writeFileSync(join(dir, 'pglite', 'PG_VERSION'), 'garbage');

    const restored = await cli('restore', ['--data-dir', dir, join(backups, file!)]);
    expect(restored.code, restored.out).toBe(0);
    expect(restored.out).toContain(`${before.orders} work orders`);
    expect(await countOrders(dir)).toEqual({ orders: before.orders, broken: 0 });
    expect(readdirSync(dir).some((f) => f.startsWith('pglite.before-restore-'))).toBe(true);
  }, 180_000);
});
