// 6. BibTeX export of 10k papers, with citation-js as the peer, and 7. import of that file, with
// citation-js parsing the same text as the peer. Node, timings median of several runs.
import { createRequire } from 'node:module';
import { exportBibtex } from '../../lib/formats/bibtex';
import { toCslItem, type CslItem } from '../../lib/formats/csljson';
import { importBibtex } from '../../lib/formats/import/bibtex';
import { generatePapers } from '../../lib/search/generate';
import { ratio, summary, type Result } from './stats';

interface CiteLike {
  format(style: string): string;
  data: unknown[];
}
const require = createRequire(import.meta.url);
const { Cite } = require('@citation-js/core') as { Cite: new (data: unknown) => CiteLike };
require('@citation-js/plugin-bibtex');

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** Wall and process CPU time: on a shared machine wall time also counts waiting for a core. */
function time<T>(f: () => T): { ms: number; cpu: number; out: T } {
  gc();
  const c = process.cpuUsage();
  const t = performance.now();
  const out = f();
  const d = process.cpuUsage(c);
  return { ms: performance.now() - t, cpu: (d.user + d.system) / 1000, out };
}

export function formatsBench(count: number, runs: number): Result[] {
  const papers = generatePapers(count);
  // Our export leaves abstracts and notes out by default: the peer gets the same fields.
  const items: CslItem[] = papers.map((p) => {
    const item = toCslItem(p, p.key);
    delete item.abstract;
    delete item.note;
    return item;
  });
  const ours: number[] = [];
  const oursCpu: number[] = [];
  const peer: number[] = [];
  const peerCpu: number[] = [];
  let text = '';
  for (let i = 0; i < runs; i++) {
    const a = time(() => exportBibtex(papers).text);
    const b = time(() => new Cite(items).format('bibtex'));
    ours.push(a.ms);
    oursCpu.push(a.cpu);
    peer.push(b.ms);
    peerCpu.push(b.cpu);
    text = a.out;
  }
  const imports: number[] = [];
  const importsCpu: number[] = [];
  const peerImports: number[] = [];
  const peerImportsCpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = time(() => importBibtex(text));
    if (a.out.papers.length !== count) throw new Error(`import read ${a.out.papers.length} of ${count} entries`);
    const b = time(() => new Cite(text));
    if (b.out.data.length !== count) throw new Error(`citation-js read ${b.out.data.length} of ${count} entries`);
    imports.push(a.ms);
    importsCpu.push(a.cpu);
    peerImports.push(b.ms);
    peerImportsCpu.push(b.cpu);
  }
  const n = `${count / 1000}k`;
  return [
    summary(`export ${n} papers to BibTeX (exportBibtex)`, ours, 'ms', 'lower', 150),
    summary(`export ${n} papers to BibTeX, CPU time`, oursCpu, 'ms', 'lower', 150),
    summary(`export ${n}: citation-js Cite(csl).format('bibtex') (peer)`, peer, 'ms'),
    ratio(`export ${n}: ours ÷ citation-js`, ours, peer),
    ratio(`export ${n}: ours ÷ citation-js, CPU time`, oursCpu, peerCpu),
    summary(`import ${n}-entry BibTeX (importBibtex, ${(text.length / 2 ** 20).toFixed(1)} MB)`, imports, 'ms'),
    summary(`import ${n}-entry BibTeX, CPU time`, importsCpu, 'ms'),
    summary(`import ${n}: citation-js new Cite(bibtex) (peer)`, peerImports, 'ms'),
    ratio(`import ${n}: ours ÷ citation-js`, imports, peerImports, 1),
    ratio(`import ${n}: ours ÷ citation-js, CPU time`, importsCpu, peerImportsCpu, 1),
  ];
}
