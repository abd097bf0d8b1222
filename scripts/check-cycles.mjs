#!/usr/bin/env node
// Fails when a relative import cycle exists inside any workspace's src (architecture.md asks CI for it).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const roots = ['packages/domain/src', 'packages/dispatch/src', 'packages/db/src', 'apps/server/src', 'apps/web/src'];
const files = [];
const walk = (d) => {
  for (const n of readdirSync(d)) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.tsx?$/.test(n)) files.push(resolve(p));
  }
};
for (const r of roots) {
  try {
    walk(r);
  } catch {
    /* a workspace without src yet */
  }
}
const known = new Set(files);
const resolveImport = (from, spec) => {
  const base = resolve(dirname(from), spec.replace(/\.js$/, ''));
  for (const c of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')])
    if (known.has(c)) return c;
  return null;
};
const graph = new Map();
for (const f of files) {
  const src = readFileSync(f, 'utf8');
  const deps = [];
  // `import type` creates no runtime cycle, so only value imports count.
  for (const m of src.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)) {
    const t = resolveImport(f, m[1]);
    if (t) deps.push(t);
  }
  graph.set(f, deps);
}
const state = new Map();
const stack = [];
const cycles = [];
const visit = (f) => {
  state.set(f, 1);
  stack.push(f);
  for (const d of graph.get(f) ?? []) {
    if (state.get(d) === 1) cycles.push([...stack.slice(stack.indexOf(d)), d]);
    else if (!state.has(d)) visit(d);
  }
  stack.pop();
  state.set(f, 2);
};
for (const f of files) if (!state.has(f)) visit(f);
if (cycles.length) {
  for (const c of cycles)
    console.error('import cycle:\n  ' + c.map((p) => p.replace(process.cwd() + '/', '')).join('\n  → '));
  process.exit(1);
}
console.log(`no import cycles in ${files.length} files`);
