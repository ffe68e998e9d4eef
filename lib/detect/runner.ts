// Detection with every registered adapter (tests, benchmarks, tools). Content scripts use
// engine.ts directly with their own site's adapter, to stay small.
import { detectWith, type RunOptions, type RunResult } from './engine';
import { adapters } from './registry';

export { completeMeta, dedupe, type RunResult } from './engine';
export type RunAllOptions = Omit<RunOptions, 'adapters'> & { adapters?: RunOptions['adapters'] };

export function runDetection(doc: Document, url: URL, opts: RunAllOptions = {}): RunResult {
  return detectWith(doc, url, { ...opts, adapters: opts.adapters ?? adapters });
}
