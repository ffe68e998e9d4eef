// The benchmark driver (bundled and started by run.mjs). Environment:
//   SIZES=1000,10000,100000   popup library sizes      RUNS=5       runs per timing
//   ONLY=scripts,formats,generic,search,listing,save,popup,sync,highlight,triage     BUILD=0      reuse tests/bench/out/ext
// With ONLY, the figures of the other parts are kept from the previous tests/bench/results.json.
//   MAX_LOAD=2.5   the 1-minute load average above which figures are not written (cores + 0.5; the machine is
//                  shared: other jobs slow every timing). FORCE=1 writes them anyway, marked.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatsBench } from './formats-bench';
import { genericBench } from './generic-bench';
import { highlightBench } from './highlight-bench';
import { listingBench } from './listing-bench';
import { popupBench } from './popup-bench';
import { saveBench } from './save-bench';
import { syncBench } from './sync-bench';
import { triageBench } from './triage-bench';
import { contentScriptSizes } from './scripts';
import { ratio, single, table, type Result } from './stats';

// Runs bundled, from tests/bench/out/main.mjs.
const ROOT = resolve(import.meta.dirname, '../../..');
const BENCH = resolve(ROOT, 'tests/bench');
const EXT = resolve(BENCH, 'out/ext/chrome-mv3');
const SIZES = (process.env.SIZES ?? '1000,10000,100000').split(',').map(Number);
const RUNS = Number(process.env.RUNS ?? 5);
const ONLY = process.env.ONLY?.split(',');
const on = (part: string) => !ONLY || ONLY.includes(part);

// The bench's own browser keeps about one core busy, so the 1-minute average it leaves behind is
// about 1; other jobs on the machine push it past the number of cores.
const MAX_LOAD = Number(process.env.MAX_LOAD ?? cpus().length + 0.5);

/** The 1-minute load average now. */
const loadNow = (): number => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

/** The build measured: the commit, and whether the tree had changes on top of it. */
function buildId(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${head} + local changes` : head;
  } catch {
    return 'unknown build';
  }
}

function machine(): string {
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown CPU';
  const chromium = execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  return `${cpu}, ${cpus().length} cores, ${Math.round(Number(/MemTotal:\s*(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0) / 2 ** 20)} GB; Node ${process.version}; ${chromium.split(' built')[0]}`;
}

interface SearchRow {
  engine: string;
  papers: number;
  buildMs: number;
  heapMB: number;
  queries: { query: string; p50: number; p95: number; cpuP95: number }[];
}

/** The search benchmark (search.mjs, by a colleague) in its own process, its rows as results. */
function searchBench(): { results: Result[]; text: string } {
  const run = (engines: string, sizes: string): { rows: SearchRow[]; text: string } => {
    const json = resolve(BENCH, `out/search-${engines}.json`);
    const r = spawnSync(process.execPath, [resolve(BENCH, 'search.mjs')], {
      env: { ...process.env, ENGINES: engines, SIZES: sizes, BENCH_JSON: json },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (r.status !== 0) throw new Error(`search.mjs (${engines}) failed`);
    return { rows: JSON.parse(readFileSync(json, 'utf8')) as SearchRow[], text: r.stdout };
  };
  const own = run('own', SIZES.join(','));
  // MiniSearch takes minutes at 100k (299 s to build): compared up to 10k only.
  const mini = run('minisearch', SIZES.filter((n) => n <= 10_000).join(','));
  const results: Result[] = [];
  for (const o of own.rows) {
    const m = mini.rows.find((r) => r.papers === o.papers);
    const k = `${o.papers / 1000}k`;
    results.push(single(`search (Node) ${k}: index build`, o.buildMs, 'ms'));
    for (const q of o.queries) {
      results.push(single(`search (Node) ${k}: keystroke p95 "${q.query}"`, q.p95, 'ms'));
      results.push(single(`search (Node) ${k}: keystroke p95 CPU time "${q.query}"`, q.cpuP95, 'ms'));
      const mq = m?.queries.find((x) => x.query === q.query);
      if (mq) results.push(ratio(`search (Node) ${k}: keystroke p95 CPU ours ÷ MiniSearch "${q.query}"`, [q.cpuP95], [mq.cpuP95]));
    }
  }
  return { results, text: own.text + '\n' + mini.text };
}

/** Tables printed under the main one (content scripts, the search benchmark's own table). */
const keepExtra = (part: string, text: string) => writeFileSync(resolve(BENCH, `out/extra-${part}.md`), text + '\n');

async function main() {
  const started = Date.now();
  const results: Result[] = [];
  let failed = false;
  const loads: number[] = [];
  const part = async (name: string, f: () => Promise<Result[]> | Result[]) => {
    if (!on(name)) return;
    const t = Date.now();
    const load = loadNow();
    loads.push(load);
    console.error(`[bench] ${name}… (load average ${load.toFixed(2)})`);
    try {
      const got = await f();
      loads.push(loadNow());
      results.push(...got);
    } catch (e) {
      failed = true;
      console.error(`[bench] ${name} failed:`, e);
    }
    console.error(`[bench] ${name} done in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  };

  if (process.env.BUILD !== '0') {
    console.error('[bench] building the extension into tests/bench/out/ext…');
    const b = spawnSync('npx', ['wxt', 'build', '-c', 'tests/bench/wxt.config.ts'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (b.status !== 0) throw new Error('wxt build failed');
  }
  const helpers = readFileSync(resolve(BENCH, 'out/page-helpers.js'), 'utf8');

  await part('scripts', () => {
    const r = contentScriptSizes(EXT);
    keepExtra('scripts', r.rows.join('\n'));
    return r.results;
  });
  await part('formats', () => formatsBench(10_000, RUNS));
  await part('generic', () => genericBench(RUNS, readFileSync(resolve(BENCH, 'out/detect-helpers.js'), 'utf8')));
  await part('search', () => {
    const r = searchBench();
    keepExtra('search', r.text.trim());
    return r.results;
  });
  await part('listing', () => listingBench(EXT, RUNS));
  await part('save', () => saveBench(EXT, helpers, RUNS));
  await part('popup', () => popupBench(EXT, helpers, SIZES));
  // Sync: 10k papers through rclone serve webdav on 127.0.0.1, plain and encrypted.
  await part('sync', async () => [...(await syncBench(10_000, Math.min(RUNS, 3))), ...(await syncBench(10_000, 1, 'bench passphrase'))]);
  await part('highlight', () => highlightBench(EXT, helpers, RUNS));
  await part('triage', () => triageBench(EXT, RUNS));

  // With ONLY, the other parts' figures are kept from the previous run's results.json.
  const jsonPath = resolve(BENCH, 'results.json');
  if (ONLY && existsSync(jsonPath)) {
    const previous = JSON.parse(readFileSync(jsonPath, 'utf8')) as Result[];
    const fresh = new Map(results.map((r) => [r.name, r]));
    const merged = previous.map((r) => fresh.get(r.name) ?? r);
    results.splice(0, results.length, ...merged, ...results.filter((r) => !previous.some((p) => p.name === r.name)));
  }
  const extra = ['scripts', 'search']
    .map((p) => resolve(BENCH, `out/extra-${p}.md`))
    .filter(existsSync)
    .map((f) => readFileSync(f, 'utf8'));
  const host = machine();
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  const maxLoad = Math.max(0, ...loads);
  const busy = maxLoad > MAX_LOAD;
  const md = [
    `### ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — build ${buildId()}`,
    '',
    `Machine: ${host}; load average ${Math.min(...loads).toFixed(2)}–${maxLoad.toFixed(2)} during the run${busy ? ` (**above ${MAX_LOAD}: figures unreliable**)` : ''}. Command: \`npm run bench\`${process.env.SIZES ? ` (SIZES=${process.env.SIZES})` : ''}${ONLY ? ` (ONLY=${ONLY.join(',')})` : ''}, ${RUNS} runs per timing, ${minutes} min.`,
    '',
    table(results),
    ...extra.map((e) => '\n' + e),
  ].join('\n');
  console.log('\n' + md);
  if (busy && process.env.FORCE !== '1') {
    console.error(
      `[bench] the load average reached ${maxLoad.toFixed(2)} (> MAX_LOAD=${MAX_LOAD}): figures NOT written. Run again on a quieter machine, or FORCE=1 to write them marked.`,
    );
    process.exitCode = 2;
    return;
  }
  writeFileSync(jsonPath, JSON.stringify(results, null, 2) + '\n');
  // results.md is the history: each run adds its table at the top of the runs.
  const historyPath = resolve(BENCH, 'results.md');
  const history = existsSync(historyPath) ? readFileSync(historyPath, 'utf8') : '';
  const marker = '<!-- runs: newest first -->';
  const [head, runs] = history.includes(marker)
    ? history.split(marker)
    : ['# Benchmark history\n\nEvery `npm run bench` adds its table here (the README shows the current one).\n\n', '\n' + history];
  writeFileSync(historyPath, `${head}${marker}\n\n${md}\n${runs}`);
  console.error('[bench] wrote tests/bench/results.json and added the run to tests/bench/results.md');
  if (failed) process.exitCode = 1;
}

await main();
