// Test helpers (imported by *.test.ts only): fixture libraries and real-tool guards.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it, expect } from 'vitest';
import type { Paper } from '../../lib/paper/schema';
import { importFile } from '../../lib/formats/import/detect';
import { planImport } from '../../lib/formats/import/plan';

// Vitest runs from the repository root (happy-dom's import.meta.url is not a file: URL).
export const FIXTURES = join(process.cwd(), 'tests/fixtures/formats/');

export function loadLibrary(name = 'library.json'): Paper[] {
  return JSON.parse(readFileSync(FIXTURES + name, 'utf8')) as Paper[];
}

/** Files in the style of real exports (Zotero, Better BibTeX, JabRef, Mendeley, EndNote), by name. */
export function realFiles(): { name: string; text: string }[] {
  const dir = FIXTURES + 'real/';
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, text: readFileSync(dir + name, 'utf8') }));
}

/** Every real-style file imported into one library, as the options page would store it. */
export function loadRealLibrary(): Paper[] {
  return planImport(
    [],
    realFiles().flatMap((f) => importFile(f.name, f.text).papers),
    0,
  ).add;
}

export function hasTool(tool: string): boolean {
  return spawnSync(tool, ['--version'], { encoding: 'utf8' }).status === 0;
}

/** A test that needs `tool`: skipped LOUDLY when it is missing, failed when missing on CI. */
export function toolTest(tool: string, name: string, fn: () => void, timeout = 60_000) {
  if (hasTool(tool)) it(name, fn, timeout);
  else if (process.env.CI) it(name, () => expect.fail(`${tool} is not installed (required on CI)`));
  else {
    console.warn(`\n!!! ${tool} NOT INSTALLED — skipping "${name}" !!!\n`);
    it.skip(`[SKIPPED: ${tool} missing] ${name}`, fn);
  }
}
