// Build time, heap growth and per-keystroke latency of the library search at 1k/10k/100k
// generated papers, for our index and for MiniSearch. Run with `node tests/bench/search.mjs`.
import { generatePapers } from '../../lib/search/generate';
import { createSearchIndex, search } from '../../lib/search/index';
import { writeFileSync } from 'node:fs';
import { createMiniSearchIndex, searchMiniSearch } from './search-minisearch';

const QUERIES = ['transformer attention', 'tag:ml graph', 'author:hint year:>2018'];
const SIZES = (process.env.SIZES ?? '1000,10000,100000').split(',').map(Number);
const ENGINES = (process.env.ENGINES ?? 'own,minisearch').split(',');

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mem = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
/** Process CPU time: on a shared machine wall time also counts waiting for a core. */
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const ms = (x: number) => x.toFixed(x < 10 ? 2 : 0);

/** Also written as JSON to $BENCH_JSON when set (tests/bench/run.mjs reads it). */
interface Row {
  engine: string;
  papers: number;
  buildMs: number;
  heapMB: number;
  queries: { query: string; p50: number; p95: number; cpuP50: number; cpuP95: number; hits: number }[];
}
const rows: Row[] = [];

function bench(name: string, n: number, build: () => unknown, run: (idx: unknown, q: string) => { total: number }) {
  const before = mem();
  let t = performance.now();
  const c0 = cpu();
  const idx = build();
  const buildMs = performance.now() - t;
  const buildCpu = cpu() - c0;
  const heap = (mem() - before) / 2 ** 20;
  const cells: string[] = [];
  const row: Row = { engine: name, papers: n, buildMs, heapMB: heap, queries: [] };
  rows.push(row);
  for (const query of QUERIES) {
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (let rep = 0; rep < 3; rep++) {
      for (let i = 1; i <= query.length; i++) {
        t = performance.now();
        const c = cpu();
        run(idx, query.slice(0, i));
        cpuTimes.push(cpu() - c);
        times.push(performance.now() - t);
      }
    }
    const total = run(idx, query).total;
    row.queries.push({ query, p50: pct(times, 0.5), p95: pct(times, 0.95), cpuP50: pct(cpuTimes, 0.5), cpuP95: pct(cpuTimes, 0.95), hits: total });
    cells.push(`${ms(pct(times, 0.5))}/${ms(pct(times, 0.95))} · cpu ${ms(pct(cpuTimes, 0.5))}/${ms(pct(cpuTimes, 0.95))} (${total})`);
  }
  console.log(`| ${name} | ${n} | ${ms(buildMs)} · cpu ${ms(buildCpu)} | ${heap.toFixed(0)} | ${cells.join(' | ')} |`);
  return idx;
}

console.log(`| engine | papers | build wall · cpu ms | heap MB | ${QUERIES.map((q) => `"${q}" wall p50/p95 · cpu p50/p95 ms (hits)`).join(' | ')} |`);
console.log(`|---|---|---|---|${QUERIES.map(() => '---').join('|')}|`);
for (const n of SIZES) {
  const papers = generatePapers(n);
  for (const engine of ENGINES) {
    if (engine === 'own') {
      const idx = bench(
        'own',
        n,
        () => createSearchIndex(papers),
        (i, q) => search(i as ReturnType<typeof createSearchIndex>, q, { limit: 50 }),
      );
      const index = idx as ReturnType<typeof createSearchIndex>;
      const extra = generatePapers(200, { seed: 7 });
      let t = performance.now();
      for (const p of extra) index.add(p);
      const addMs = (performance.now() - t) / extra.length;
      t = performance.now();
      for (const p of extra) index.update({ ...p, tags: ['edited'], note: 'updated note', updatedAt: p.updatedAt + 1 });
      const updMs = (performance.now() - t) / extra.length;
      t = performance.now();
      for (const p of extra) index.remove(p.key);
      const rmMs = (performance.now() - t) / extra.length;
      console.log(`|   own incremental | ${n} | add ${ms(addMs)} · update ${ms(updMs)} · remove ${ms(rmMs)} ms each | | | | |`);
    } else {
      bench(
        'minisearch',
        n,
        () => createMiniSearchIndex(papers),
        (i, q) => searchMiniSearch(i as ReturnType<typeof createMiniSearchIndex>, q),
      );
    }
  }
}
if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify(rows, null, 2));
