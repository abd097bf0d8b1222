import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase, pgliteOf, seedDemoData } from '@daowei/db';

const run = promisify(execFile);

/** Runs `npm run verify:events` the way an operator would, against a data folder. */
async function verify(dataDir: string): Promise<{ code: number; out: string }> {
  try {
    const r = await run(
      process.execPath,
      ['--import', 'tsx', 'apps/server/src/cli/verify-events.ts', '--data-dir', dataDir],
      {
        env: { ...process.env, DATABASE_URL: '' },
      },
    );
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

// The command works on the embedded database folder, so this suite always uses PGlite on disk.
describe('npm run verify:events (AUD-01)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'daowei-verify-'));
    const database = await openDatabase({ dataDir: join(dir, 'pglite') });
    await migrate(database);
    await seedDemoData(database.db, {
      seed: 3,
      orders: 60,
      engineers: 12,
      passwordHash: 'x',
      now: new Date('2026-11-23T02:00:00Z'),
    });
    await database.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('AUD-01 an untouched history verifies and the command exits 0', async () => {
    const r = await verify(dir);
    expect(r.out).toContain('Every work-order history verifies');
    expect(r.code).toBe(0);
  });

  it('AUD-01 an event edited behind the application is reported with its order number and the command exits 1', async () => {
    const database = await openDatabase({ dataDir: join(dir, 'pglite') });
    const pg = pgliteOf(database);
    const { rows } = await pg.query<{ order_id: string; number: string }>(
      `select e.order_id, o.number from work_order_events e join work_orders o on o.id = e.order_id where e.seq = 2 limit 1`,
    );
    const victim = rows[0]!;
    // Someone with database access bypasses the append-only trigger and rewrites who did a step.
    await pg.exec(`alter table work_order_events disable trigger user`);
    await pg.query(
      `update work_order_events set payload = '{"remark":"edited"}'::jsonb where order_id = $1 and seq = 2`,
      [victim.order_id],
    );
    await pg.exec(`alter table work_order_events enable trigger user`);
    await database.close();

    const r = await verify(dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain(victim.number);
    expect(r.out).toContain('broken at event #2');
  });
});
