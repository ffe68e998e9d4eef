// `npm run bench`: bundles the TypeScript benchmarks with esbuild (as search.mjs does) and runs
// them in one Node process with an exposed GC. See main.ts for SIZES, RUNS, ONLY and BUILD.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { URL, fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const outfile = here('./out/main.mjs');
await build({
  entryPoints: [here('./main.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['@playwright/test', 'playwright', 'playwright-core', '@citation-js/*', 'esbuild', 'happy-dom'],
  outfile,
  logLevel: 'warning',
});
// Evaluated inside extension pages: seeds IndexedDB, times the popup's first load in parts.
await build({
  entryPoints: [here('./page-helpers.ts')],
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  outfile: here('./out/page-helpers.js'),
  logLevel: 'warning',
});
// Evaluated in the generic bench's page: the quick check and the listing layer.
await build({
  entryPoints: [here('./detect-helpers.ts')],
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  outfile: here('./out/detect-helpers.js'),
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', outfile], { stdio: 'inherit' });
process.exit(run.status ?? 1);
