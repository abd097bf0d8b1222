/**
 * `npm run bench:mobile` (issue 4): how long the engineer's 我的待办 takes to become usable on a phone
 * over a slow 3G link. Builds the web app into a temporary folder, starts the real server (demo data),
 * opens /m/todo in Debian's Chromium at 390×844 with the network throttled through CDP (Chrome DevTools'
 * "Slow 3G" preset: 2000 ms round trip, 400 kbit/s down/up after its 0.8 factor … see PROFILE), signed in
 * with a token as an installed app would be, and times until the order list has rendered:
 * 1. cold — empty browser cache, no service worker;
 * 2. warm — the service worker installed by run 1 serves the shell (the API still goes over 3G);
 * 3. offline — network cut: the shell from the service worker, the list from IndexedDB (ENG-07).
 * Bounded: three page loads, loopback only. Figures go to docs/benchmarks.md, never into tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiLogin } from '../../../e2e/support/api.js';
import { launchBrowser } from '../../../e2e/support/browser.js';
import { DEMO_PASSWORD } from '../../../e2e/support/login.js';
import { startServer } from '../../../e2e/support/server.js';

/** DevTools "Slow 3G" (as defined in Chromium's front end: 500 kbit/s × 0.8, RTT 400 ms × 5). */
const PROFILE = {
  offline: false,
  latency: 2000,
  downloadThroughput: ((500 * 1000) / 8) * 0.8,
  uploadThroughput: ((500 * 1000) / 8) * 0.8,
};

const root = join(import.meta.dirname, '../../..');
const dist = mkdtempSync(join(tmpdir(), 'daowei-bench-mobile-'));
execFileSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], {
  cwd: join(root, 'apps/web'),
  stdio: 'inherit',
});
const server = await startServer({ DAOWEI_WEB_DIST: dist, DAOWEI_DEMO_ORDERS: '40' });
const phone = await launchBrowser({ width: 390, height: 844 });
try {
  const { token } = await apiLogin(server.url, 'eng1', DEMO_PASSWORD);
  await phone.context.addInitScript((t) => localStorage.setItem('daowei.token', t), token);
  const page = await phone.context.newPage();
  const cdp = await phone.context.newCDPSession(page);
  await cdp.send('Network.enable');
  let transferred = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => (transferred += e.encodedDataLength));

  const timeToList = async (label: string, offline = false) => {
    transferred = 0;
    await cdp.send('Network.emulateNetworkConditions', { ...PROFILE, offline });
    const t0 = performance.now();
    await page.goto(`${server.url}/m/todo?scope=todo&type=fault`, { waitUntil: 'commit', timeout: 180_000 });
    await page.getByTestId('order-list-todo-fault').waitFor({ timeout: 180_000 });
    await page.locator('[data-testid^="order-card-"], [data-testid="order-list-empty"]').first().waitFor({
      timeout: 180_000,
    });
    const ms = performance.now() - t0;
    console.log(
      `${label.padEnd(8)} ${(ms / 1000).toFixed(1).padStart(6)} s to the rendered list, ${(transferred / 1024).toFixed(0)} KB over the wire`,
    );
    return ms;
  };

  console.log(`Slow 3G: RTT ${PROFILE.latency} ms, ${(PROFILE.downloadThroughput * 8) / 1000} kbit/s down`);
  await timeToList('cold');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await timeToList('warm');
  await phone.context.setOffline(true);
  await timeToList('offline', true);
} finally {
  await phone.close();
  await server.stop();
  rmSync(dist, { recursive: true, force: true });
}
