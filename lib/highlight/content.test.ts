// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Highlight } from '../paper/highlight';
import { makePaper } from '../paper/make';
import { describeRange } from './anchor';
import { createChunk, type Ask } from './content';
import { buildTextIndex, indexToRange } from './text';

const URL_V1 = 'https://arxiv.org/html/2401.01234v1';
const load = () => {
  const html = readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/highlight/arxiv-v1.html'), 'utf8');
  document.documentElement.innerHTML = html.replace(/^<!DOCTYPE html>\s*<html[^>]*>/, '').replace(/<\/html>\s*$/, '');
};

function make(id: string, words: string): Highlight {
  const ix = buildTextIndex(document.body);
  const at = ix.text.indexOf(words);
  const d = describeRange(ix, indexToRange(ix, at, at + words.length))!;
  return { id, key: 'arxiv:2401.01234', selectors: d.selectors, color: 'yellow', url: URL_V1, createdAt: 1, updatedAt: 1 };
}

/** A background that answers highlightsOf with `list` and records what it was asked. */
function background(list: Highlight[]) {
  const asked: string[] = [];
  const ask = vi.fn(async (msg: { type: string; key?: string }) => {
    asked.push(`${msg.type} ${msg.key ?? ''}`);
    return { highlights: msg.key === 'arxiv:2401.01234' ? list : [] };
  }) as unknown as Ask;
  return { ask, asked };
}

/** No mirror in storage (a library from before it, not rebuilt yet): the background is asked. */
const noMirror = async () => undefined;

const marks = () => [...document.querySelectorAll('[data-papershelf-highlight]')].map((m) => m.textContent).join('|');
const paper = (id: string) => makePaper({ ids: { arxiv: id }, title: 'Block-sparse attention', source: 'arxiv' })!;
const domContentLoaded = () => document.dispatchEvent(new Event('DOMContentLoaded'));

describe('the highlight chunk as a content script of a paper page', () => {
  it('without a mirror, asks for the highlights of the paper the URL names at once, draws them at DOMContentLoaded, and the page mounted for it keeps them', async () => {
    load();
    const { ask, asked } = background([make('aaaaaaaa1', 'a single linear layer')]);
    const chunk = createChunk(document, URL_V1, true, ask, async () => false, noMirror);
    await vi.waitFor(() => expect(asked).toEqual(['highlightsOf arxiv:2401.01234']));
    domContentLoaded();
    await vi.waitFor(() => expect(marks()).toBe('a single linear layer'));
    // Detection confirms the paper: its list is the one asked for, and the drawing stays as it is.
    const drawn = document.querySelector('[data-papershelf-highlight]');
    const first = chunk.takeList('arxiv:2401.01234');
    expect(first).toBeDefined();
    const page = chunk.mountHighlights(document, paper('2401.01234'), ask, () => {}, first);
    await vi.waitFor(() => expect(page.placement.placed.map((d) => d.id)).toEqual(['aaaaaaaa1']));
    expect(asked).toEqual(['highlightsOf arxiv:2401.01234']);
    expect(document.querySelector('[data-papershelf-highlight]')).toBe(drawn); // not drawn a second time
    page.destroy();
    expect(marks()).toBe('');
  });

  it('draws the mirrored highlights of the paper the URL names without asking the background', async () => {
    load();
    const { ask, asked } = background([make('bbbbbbbb2', 'a single linear layer')]);
    const read: string[] = [];
    const mirror = async (key: string) => (read.push(key), [make('aaaaaaaa1', 'a single linear layer')]);
    const chunk = createChunk(document, URL_V1, true, ask, async () => false, mirror);
    expect(read).toEqual(['arxiv:2401.01234']);
    domContentLoaded();
    await vi.waitFor(() => expect(marks()).toBe('a single linear layer'));
    expect((await chunk.takeList('arxiv:2401.01234'))?.highlights.map((h) => h.id)).toEqual(['aaaaaaaa1']);
    const page = chunk.mountHighlights(document, paper('2401.01234'), ask, () => {}, chunk.takeList('arxiv:2401.01234'));
    await vi.waitFor(() => expect(page.placement.placed.map((d) => d.id)).toEqual(['aaaaaaaa1']));
    expect(asked).toEqual([]);
    page.destroy();
  });

  it('removes the drawing when detection finds another paper', async () => {
    load();
    const { ask } = background([make('aaaaaaaa1', 'a single linear layer')]);
    const chunk = createChunk(document, URL_V1, true, ask, async () => false, noMirror);
    domContentLoaded();
    await vi.waitFor(() => expect(marks()).toBe('a single linear layer'));
    expect(chunk.takeList('arxiv:9999.99999')).toBeUndefined();
    const page = chunk.mountHighlights(document, paper('9999.99999'), ask, () => {});
    await vi.waitFor(() => expect(marks()).toBe(''));
    page.destroy();
  });

  it('draws nothing where the site is switched off, and asks nothing when imported late or off a paper URL', async () => {
    load();
    const off = background([make('aaaaaaaa1', 'a single linear layer')]);
    createChunk(document, URL_V1, true, off.ask, async (site) => site === 'arxiv', noMirror);
    domContentLoaded();
    await new Promise((r) => setTimeout(r, 20));
    expect(marks()).toBe('');
    const late = background([]);
    expect(createChunk(document, URL_V1, false, late.ask, async () => false, noMirror).takeList('arxiv:2401.01234')).toBeUndefined();
    createChunk(document, 'https://arxiv.org/list/cs.LG/new', true, late.ask, async () => false, noMirror);
    expect(late.asked).toEqual([]);
  });
});
