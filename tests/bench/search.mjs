// Bundles the TypeScript search benchmark with esbuild and runs it with an exposed GC:
//   node tests/bench/search.mjs            (SIZES=1000,10000 ENGINES=own to narrow it)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { URL, fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const outfile = here('./out/search-bench.mjs');
await build({ entryPoints: [here('./search-bench.ts')], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning' });
const run = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', outfile], { stdio: 'inherit' });
process.exit(run.status ?? 1);
