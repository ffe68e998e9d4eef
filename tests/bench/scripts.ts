// 1. JS a page receives: the content scripts of the manifest, raw and gzip, per entry.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { single, type Result } from './stats';

/** PaperMemory 0.5.x injects ≈480 KB of JS into every page (figure from the issue, not measured here). */
const PAPERMEMORY_BYTES = 480 * 1024;

interface ContentScript {
  matches: string[];
  exclude_matches?: string[];
  js?: string[];
  css?: string[];
}

export function contentScriptSizes(extDir: string): { results: Result[]; rows: string[] } {
  const manifest = JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8')) as { content_scripts?: ContentScript[] };
  const entries = (manifest.content_scripts ?? []).map((cs) => {
    const files = [...(cs.js ?? []), ...(cs.css ?? [])];
    const bufs = files.map((f) => readFileSync(join(extDir, f)));
    return {
      name: files.join(' + '),
      generic: !!cs.exclude_matches,
      raw: bufs.reduce((n, b) => n + b.length, 0),
      gzip: bufs.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
    };
  });
  entries.sort((a, b) => b.raw - a.raw);
  // Site scripts match their own hosts and the generic script excludes them all (wxt.config.ts),
  // so a page receives exactly one of them: the largest is the largest per page. Pages that show
  // one paper by their URL (arXiv /abs/, /html/, PMC articles) also receive the highlight chunk.
  const chunk = entries.find((e) => e.name === 'highlight.js');
  const largest = entries.filter((e) => e !== chunk)[0];
  const generic = entries.find((e) => e.generic);
  const kb = (n: number) => n / 1024;
  const rows = entries.map((e) => `| ${e.name} | ${kb(e.raw).toFixed(1)} | ${kb(e.gzip).toFixed(1)} |`);
  const results: Result[] = [
    single(`content script, largest per page (${largest.name}) raw`, kb(largest.raw), 'KB', 'lower', 40),
    single('content script, largest per page gzip', kb(largest.gzip), 'KB', 'lower'),
    single('content script, generic (content.js) raw', kb(generic?.raw ?? 0), 'KB', 'lower', 40),
    single('content script, added on single-paper URLs (highlight.js) raw', kb(chunk?.raw ?? 0), 'KB', 'lower'),
    single(
      'content script, largest ÷ PaperMemory ≈480 KB',
      largest.raw / PAPERMEMORY_BYTES,
      '×',
      'lower',
      1,
      'PaperMemory figure quoted, not measured',
    ),
  ];
  return { results, rows: ['| content script | raw KB | gzip KB |', '|---|---:|---:|', ...rows] };
}
