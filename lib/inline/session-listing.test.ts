// @vitest-environment happy-dom
// Long listings: the first screen's controls at once, the rest in slices of idle time, nothing
// lost or doubled when the page changes (or a newer scan starts) while they are being placed.
import { describe, expect, it, vi } from 'vitest';
import { makePaper } from '../paper/make';
import type { PaperMeta } from '../paper/schema';
import type { SiteAdapter } from '../detect/types';
import { PageSession, type SessionEnv } from './session';

const parseEntry: SiteAdapter['parseEntry'] = (el, url) => {
  const a = el.querySelector('a');
  const paper = makePaper({ ids: { arxiv: a?.getAttribute('data-id') ?? '' }, title: a?.textContent, source: 'test' }, url.href);
  return paper && a ? { paper, anchor: a } : null;
};
const detect = (doc: Document, url: URL) => [...doc.querySelectorAll('li.e')].map((e) => parseEntry(e, url)).filter((d) => d !== null);
const byEntry: SiteAdapter = {
  id: 'test-list',
  name: 'Test',
  hosts: ['list.test'],
  examples: [],
  entrySelector: 'li.e',
  parseEntry,
  entriesOnly: () => true,
  detect,
};
const wholePage: SiteAdapter = { id: 'test-whole', name: 'Test', hosts: ['list.test'], examples: [], detect };

const id = (i: number) => `2401.${String(i).padStart(5, '0')}`;
const li = (i: number) => `<li class="e"><a href="/abs/${id(i)}" data-id="${id(i)}">Paper ${i}</a></li>`;
function page(n: number): Document {
  document.body.innerHTML = `<ul>${Array.from({ length: n }, (_, i) => li(i + 1)).join('')}</ul>`;
  return document;
}
const keys = () => [...document.querySelectorAll('papershelf-save')].map((h) => h.getAttribute('data-papershelf-key'));

function env(): SessionEnv & { reports: string[][] } {
  const reports: string[][] = [];
  return {
    reports,
    report: vi.fn(async (_u: string, papers: PaperMeta[]) => (reports.push(papers.map((p) => p.key)), [])),
    save: vi.fn(async (p: PaperMeta) => [p.key]),
    unsave: vi.fn(async () => {}),
  };
}

describe.each([
  ['read entry by entry', byEntry],
  ['detected as a whole', wholePage],
])('a long listing %s', (_, adapter) => {
  const opts = { adapters: [adapter], genericEverywhere: false };

  it('places the first screen at once and every other control later, reported once', async () => {
    const e = env();
    const s = new PageSession(page(300), e, opts, 'https://list.test/');
    const done = s.scan();
    const now = keys();
    expect(now.length).toBeGreaterThanOrEqual(15);
    expect(now.length).toBeLessThan(300);
    expect(now).toEqual(Array.from({ length: now.length }, (_, i) => `arxiv:${id(i + 1)}`));
    await done;
    expect(keys()).toHaveLength(300);
    expect(new Set(keys()).size).toBe(300);
    expect(e.reports).toHaveLength(1);
    expect(e.reports[0]).toHaveLength(300);
  });

  it('loses nothing when the page adds and removes entries meanwhile', async () => {
    const e = env();
    const doc = page(300);
    const s = new PageSession(doc, e, opts, 'https://list.test/');
    const done = s.scan();
    // Gone before their controls came: entries far down; one more added at the end.
    const items = [...doc.querySelectorAll('li.e')];
    for (const el of items.slice(200, 210)) el.remove();
    doc.querySelector('ul')!.insertAdjacentHTML('beforeend', li(999));
    const added = doc.querySelector('ul')!.lastElementChild!;
    await s.scanAdded([added]);
    await done;
    const expected = [...doc.querySelectorAll('li.e a')].map((a) => `arxiv:${a.getAttribute('data-id')}`);
    expect(expected).toHaveLength(291);
    expect(keys().sort()).toEqual([...expected].sort());
    expect(e.reports.at(-1)!.sort()).toEqual([...expected].sort());
    expect(s.paper(`arxiv:${id(999)}`)).toBeDefined();
    expect(s.paper(`arxiv:${id(205)}`)).toBeUndefined();
  });

  it('a newer scan takes over without doubling any control', async () => {
    const e = env();
    const s = new PageSession(page(300), e, opts, 'https://list.test/');
    const first = s.scan();
    const second = s.scan();
    await Promise.all([first, second]);
    expect(keys()).toHaveLength(300);
    expect(new Set(keys()).size).toBe(300);
    expect(e.reports.at(-1)).toHaveLength(300);
  });

  it('a Save click on a first-screen control finds its paper before the rest is read', async () => {
    const e = env();
    const s = new PageSession(page(300), e, opts, 'https://list.test/');
    const done = s.scan();
    expect(s.paper(`arxiv:${id(1)}`)?.title).toBe('Paper 1');
    await done;
  });
});

describe('a long listing placed in slices', () => {
  const opts = { adapters: [byEntry], genericEverywhere: false };

  it('gets every control on a page that is never idle', async () => {
    const win = window as unknown as { requestIdleCallback?: unknown };
    const had = win.requestIdleCallback;
    win.requestIdleCallback = () => 0; // never called back
    try {
      const s = new PageSession(page(300), env(), opts, 'https://list.test/');
      await s.scan();
      expect(keys()).toHaveLength(300);
    } finally {
      win.requestIdleCallback = had;
    }
  });

  it('puts no control in while the reader clicks, and the rest once they stop', async () => {
    let clock = 1_000_000;
    const now = vi.spyOn(window.performance, 'now').mockImplementation(() => clock);
    try {
      const s = new PageSession(page(300), env(), opts, 'https://list.test/');
      const done = s.scan();
      // The clock stands still: the reader's last click is always recent.
      const clicking = setInterval(() => window.dispatchEvent(new Event('pointerdown')), 5);
      await new Promise((r) => setTimeout(r, 300));
      const during = keys().length;
      await new Promise((r) => setTimeout(r, 100));
      expect(keys()).toHaveLength(during);
      expect(during).toBeLessThan(300);
      clearInterval(clicking);
      clock += 10_000;
      await done;
      expect(keys()).toHaveLength(300);
    } finally {
      now.mockRestore();
    }
  });
});

describe('the look of a long listing’s controls', () => {
  it('reads the page’s colours for a few entries, not for each', async () => {
    const doc = page(300);
    doc.querySelector('ul')!.setAttribute('style', 'background-color: rgb(20, 24, 33)');
    const reads = vi.spyOn(window, 'getComputedStyle');
    try {
      const s = new PageSession(doc, env(), { adapters: [byEntry], genericEverywhere: false }, 'https://list.test/');
      await s.scan();
      await new Promise((r) => requestAnimationFrame(() => r(undefined)));
      const hosts = [...doc.querySelectorAll('papershelf-save')];
      expect(hosts).toHaveLength(300);
      expect(hosts.every((h) => h.hasAttribute('data-dark'))).toBe(true);
      expect(reads.mock.calls.length).toBeLessThan(30);
    } finally {
      reads.mockRestore();
    }
  });
});

describe('triage on a long listing', () => {
  it('gets the controls placed in slices together, once they are all in', async () => {
    const calls: { count: number; inPage: number }[] = [];
    class FakeTriage {
      added(entries: unknown[]) {
        calls.push({ count: entries.length, inPage: keys().length });
      }
      setSaved() {}
    }
    const e: SessionEnv = {
      ...env(),
      triage: { lookup: async () => ({ ledger: true, seen: [], dismissed: [] }), seen: async () => {}, dismiss: async () => {} },
    };
    const s = new PageSession(
      page(300),
      e,
      { adapters: [byEntry], genericEverywhere: false, triage: { ledger: true, dimSeen: false, hide: 'off', watchList: [] } },
      'https://list.test/',
    );
    s.enableTriage(FakeTriage as unknown as Parameters<PageSession['enableTriage']>[0]);
    await s.scan();
    expect(calls).toHaveLength(2);
    expect(calls[0].count + calls[1].count).toBe(300);
    expect(calls[1].inPage).toBe(300);
  });
});
