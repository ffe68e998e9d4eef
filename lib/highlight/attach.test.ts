// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Highlight } from '../paper/highlight';
import { describeRange } from './anchor';
import { Attacher, Slicer } from './attach';
import { buildTextIndex, indexToRange } from './text';

const html = (name: string) => readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/highlight', name), 'utf8');
const load = (name: string) => {
  document.documentElement.innerHTML = html(name)
    .replace(/^<!DOCTYPE html>\s*<html[^>]*>/, '')
    .replace(/<\/html>\s*$/, '');
};

function make(id: string, words: string, color: Highlight['color'] = 'yellow'): Highlight {
  const ix = buildTextIndex(document.body);
  const at = ix.text.indexOf(words);
  const d = describeRange(ix, indexToRange(ix, at, at + words.length))!;
  return { id, key: 'arxiv:2401.01234', selectors: d.selectors, color, url: 'https://arxiv.org/html/2401.01234v1', createdAt: 1, updatedAt: 1 };
}

afterEach(() => {
  delete (window as { CSS?: unknown }).CSS;
  delete (window as { Highlight?: unknown }).Highlight;
});

describe('Attacher', () => {
  it('falls back to marks where CSS.highlights is missing, and lists what it cannot place', async () => {
    load('arxiv-v1.html');
    const hs = [make('aaaaaaaa1', 'learned subset of blocks', 'green'), make('aaaaaaaa2', 'The top-k blocks are kept')];
    load('arxiv-v2.html');
    const seen = vi.fn();
    const a = new Attacher(document, seen);
    const p = await a.set(hs);
    expect(a.mode).toBe('marks');
    expect(p.unplaced.map((h) => h.id)).toEqual(['aaaaaaaa2']);
    const marks = [...document.querySelectorAll('[data-papershelf-highlight]')];
    expect(marks.map((m) => m.textContent).join('')).toBe('learned subset of blocks');
    expect(marks[0].getAttribute('data-papershelf-highlight')).toBe('green');
    expect(seen).toHaveBeenCalledWith(p);
    a.destroy();
    expect(document.querySelectorAll('[data-papershelf-highlight]')).toHaveLength(0);
    expect(document.body.innerHTML).not.toContain('<mark');
  });

  it('draws through CSS.highlights, one Highlight per colour, without touching the DOM', async () => {
    load('arxiv-v1.html');
    const before = document.documentElement.outerHTML;
    const registry = new Map<string, { ranges: Range[] }>();
    Object.assign(window, {
      CSS: { highlights: registry },
      Highlight: class {
        ranges: Range[];
        constructor(...r: Range[]) {
          this.ranges = r;
        }
        add() {}
        clear() {}
      },
    });
    const a = new Attacher(document, () => {});
    await a.set([make('bbbbbbbb1', 'learned subset'), make('bbbbbbbb2', 'gating network'), make('bbbbbbbb3', 'linear layer', 'pink')]);
    expect(a.mode).toBe('css');
    expect([...registry.keys()].sort()).toEqual(['papershelf-pink', 'papershelf-yellow']);
    expect(registry.get('papershelf-yellow')!.ranges.map(String)).toEqual(['learned subset', 'gating network']);
    expect(document.documentElement.outerHTML).toBe(before);
    a.destroy();
    expect(registry.size).toBe(0);
  });

  it('re-attaches after a client-side re-render of the text', async () => {
    load('arxiv-v1.html');
    const h = make('cccccccc1', 'a single linear layer');
    const a = new Attacher(document, () => {}, 10);
    await a.set([h]);
    a.watch();
    expect(document.querySelector('[data-papershelf-highlight]')).not.toBeNull();
    // The page re-renders its article from its own data: our marks are gone with the old nodes.
    const fresh = new DOMParser().parseFromString(html('arxiv-v1.html'), 'text/html').querySelector('article')!;
    document.querySelector('article')!.replaceWith(document.importNode(fresh, true));
    expect(document.querySelector('[data-papershelf-highlight]')).toBeNull();
    await vi.waitFor(() => expect(document.querySelector('[data-papershelf-highlight]')?.textContent).toBe('a single linear layer'));
    a.destroy();
  });
});

describe('Slicer', () => {
  const run = async (first?: number) => {
    let t = 0;
    const pauses: number[] = [];
    const slicer = new Slicer(
      () => t,
      async () => void pauses.push(t),
      first,
    );
    // 10 steps of 5 ms each.
    for (let i = 0; i < 10; i++) {
      t += 5;
      await slicer.check();
    }
    return pauses;
  };

  it('yields once a slice of 12 ms is used up', async () => {
    expect(await run()).toEqual([15, 30, 45]);
  });

  it('gives a longer first slice when asked (drawn at DOMContentLoaded), then the usual ones', async () => {
    expect(await run(35)).toEqual([40]);
  });
});
