#!/usr/bin/env node
/**
 * Bundle budget of the engineer's phone app (issue 4): the gzipped JavaScript a phone downloads to show
 * /m/todo on first load — the entry chunk, the lazy route chunks of the phone layout and 我的待办, and
 * everything they import statically (what the browser must fetch before the page renders).
 * Builds the web app into a temporary folder (never the shared apps/web/dist) unless a built folder
 * with a Vite manifest is given: `node scripts/size-mobile.mjs [distDir]`. Exits 1 over the budget.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 300;
const ROUTES = { '/m/todo': ['src/mobile/MobileLayout.tsx', 'src/mobile/MyTodoPage.tsx'] };
const root = resolve(import.meta.dirname, '..');
const webDir = join(root, 'apps/web');

let dist = process.argv[2] ? resolve(process.argv[2]) : join(tmpdir(), `daowei-size-mobile-${process.pid}`);
if (!existsSync(join(dist, '.vite/manifest.json'))) {
  execFileSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: webDir,
    stdio: 'inherit',
  });
}
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);

/** A chunk and its static imports, recursively (dynamic imports load later, on demand). */
function closure(keys) {
  const seen = new Set();
  const walk = (k) => {
    if (seen.has(k) || !manifest[k]) return;
    seen.add(k);
    for (const i of manifest[k].imports ?? []) walk(i);
  };
  keys.forEach(walk);
  return seen;
}

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
let failed = false;
for (const [route, modules] of Object.entries(ROUTES)) {
  const missing = modules.filter((m) => !manifest[m]);
  if (missing.length) throw new Error(`not lazy route chunks in the manifest: ${missing.join(', ')}`);
  const chunks = [...closure([entry, ...modules])];
  const files = chunks.map((k) => manifest[k].file);
  const css = [...new Set(chunks.flatMap((k) => manifest[k].css ?? []))];
  const jsBytes = files.reduce((s, f) => s + gz(f), 0);
  const cssBytes = css.reduce((s, f) => s + gz(f), 0);
  const antd = files.filter((f) => /\/(antd|table|date-picker|ConsoleLayout)/i.test(f));
  const kb = (b) => (b / 1024).toFixed(1);
  console.log(`${route}: first-load JS ${kb(jsBytes)} KB gzipped in ${files.length} files (+ CSS ${kb(cssBytes)} KB)`);
  for (const f of files.sort((a, b) => gz(b) - gz(a)).slice(0, 8)) console.log(`  ${kb(gz(f)).padStart(7)} KB  ${f}`);
  if (antd.length) console.log(`  console chunks on the phone's first load: ${antd.join(', ')}`);
  if (jsBytes / 1024 > BUDGET_KB) {
    console.error(`${route}: over the ${BUDGET_KB} KB budget`);
    failed = true;
  } else console.log(`${route}: within the ${BUDGET_KB} KB budget`);
}
process.exit(failed ? 1 : 0);
