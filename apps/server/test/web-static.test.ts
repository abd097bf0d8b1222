import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '@daowei/db/testing';
import type { Database } from '@daowei/db';
import { buildApp, type App } from '../src/app.js';

describe('the web app is served beside the API', () => {
  let dir: string;
  let database: Database;
  let app: App;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'daowei-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>到位</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'assets', 'app.js.gz'), gzipSync('console.log(1)'));
    database = await openTestDatabase();
    app = await buildApp({ database, webDist: dir });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ENG-01 a deep link such as /m/todo answers the app page, so a reload on a phone keeps working', async () => {
    const res = await app.inject({ method: 'GET', url: '/m/todo' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('到位');
    const asset = await app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
  });

  it('issue 4: a browser that accepts gzip gets the build’s precompressed file (slow links download less)', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/app.js', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.rawPayload).toString()).toBe('console.log(1)');
  });

  it('INT-02 a missing file or API path is a 404 with an error code, never the app page', async () => {
    const stale = await app.inject({ method: 'GET', url: '/assets/old-build.js' });
    expect(stale.statusCode).toBe(404);
    expect(JSON.parse(stale.body).code).toBe('NOT_FOUND');
    const api = await app.inject({ method: 'GET', url: '/api/no-such-route' });
    expect(api.statusCode).toBe(404);
    expect(JSON.parse(api.body).code).toBe('NOT_FOUND');
  });
});
