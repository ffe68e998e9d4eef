// Bundles and runs ledger-node.ts (see there).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, URL } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
await build({
  entryPoints: [here('./ledger-node.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: here('./out/ledger-node.mjs'),
  logLevel: 'warning',
});
process.exit(spawnSync(process.execPath, [here('./out/ledger-node.mjs')], { stdio: 'inherit' }).status ?? 1);
