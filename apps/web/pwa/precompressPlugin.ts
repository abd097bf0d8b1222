import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const TEXT = /\.(js|css|html|json|svg|webmanifest)$/;

/**
 * Writes `.br` and `.gz` beside every text file of the build, which the server sends as is to a browser
 * that accepts them (@fastify/static `preCompressed`). A phone on a slow link downloads the gzipped or
 * brotli size the budget counts (issue 4), and the server spends no CPU compressing per request.
 */
export function precompressPlugin(): Plugin {
  return {
    name: 'daowei-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      for (const file of Object.keys(bundle)) {
        if (!TEXT.test(file)) continue;
        const raw = readFileSync(join(dir, file));
        if (raw.length < 1024) continue;
        writeFileSync(join(dir, `${file}.gz`), gzipSync(raw, { level: 9 }));
        writeFileSync(
          join(dir, `${file}.br`),
          brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}
