import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, Rollup } from 'vite';

type OutputChunk = Rollup.OutputChunk;

/** Lazy route modules whose chunks the phone needs offline (the console's are left out: never on a phone). */
const PHONE_MODULES = /\/src\/(mobile|selfservice)\//;

/**
 * Emits /sw.js from pwa/sw-template.js with the precache list of this build: index.html, the manifest
 * and icons, the entry chunk and every chunk reachable from the phone's lazy routes (static and dynamic
 * imports), with their CSS. The version is a hash of that list, so a new build replaces the old cache.
 */
export function serviceWorkerPlugin(): Plugin {
  return {
    name: 'daowei-service-worker',
    apply: 'build',
    generateBundle(_options, bundle: Rollup.OutputBundle) {
      const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const files = new Set<string>();
      const walk = (c: OutputChunk | undefined, dynamicToo: boolean) => {
        if (!c || files.has(c.fileName)) return;
        files.add(c.fileName);
        const meta = (c as OutputChunk & { viteMetadata?: { importedCss: Set<string> } }).viteMetadata;
        meta?.importedCss.forEach((f) => files.add(f));
        c.imports.forEach((f) => walk(byFile.get(f), dynamicToo));
        if (dynamicToo) {
          for (const f of c.dynamicImports) {
            const d = byFile.get(f);
            if (d?.facadeModuleId && PHONE_MODULES.test(d.facadeModuleId)) walk(d, true);
          }
        }
      };
      chunks.filter((c) => c.isEntry).forEach((c) => walk(c, true));
      const precache = ['/', '/index.html', '/manifest.webmanifest', '/icon-192.png', '/icon-512.png'].concat(
        [...files].sort().map((f) => `/${f}`),
      );
      const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12);
      const template = readFileSync(join(import.meta.dirname, 'sw-template.js'), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template
          .replace("'__VERSION__'", JSON.stringify(version))
          .replace('/* __PRECACHE__ */ []', JSON.stringify(precache)),
      });
    },
  };
}
