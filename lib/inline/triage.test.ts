// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makePaper } from '../paper/make';
import type { PaperMeta } from '../paper/schema';
import type { SiteAdapter } from '../detect/types';
import type { Sighting } from '../messaging/protocol';
import { createControl } from './control';
import { PageSession, type SessionEnv } from './session';
import { SEEN_RATIO } from '../triage/threshold';
import { BATCH, FLUSH_MS, InlineTriage, type TriageOptions } from './triage';

const listing: SiteAdapter = {
  id: 'test-list',
  name: 'Test',
  hosts: ['list.test'],
  examples: ['https://list.test/'],
  detect(doc, url) {
    return [...doc.querySelectorAll('li.e a')].map((a) => {
      const paper = makePaper(
        { ids: { arxiv: a.getAttribute('data-id')! }, title: a.textContent, authors: ['Ada Lovelace'], source: 'test' },
        url.href,
      )!;
      return { paper, anchor: a };
    });
  },
};

/** An IntersectionObserver the test drives: `show(el, ratio)` reports a change for one element. */
class FakeIO {
  static all: FakeIO[] = [];
  targets = new Set<Element>();
  constructor(
    private cb: (r: Partial<IntersectionObserverEntry>[]) => void,
    readonly options?: IntersectionObserverInit,
  ) {
    FakeIO.all.push(this);
  }
  observe(el: Element) {
    this.targets.add(el);
  }
  unobserve(el: Element) {
    this.targets.delete(el);
  }
  disconnect() {
    this.targets.clear();
  }
  static show(el: Element, ratio: number) {
    for (const io of FakeIO.all) if (io.targets.has(el)) io.cb([{ target: el, intersectionRatio: ratio, isIntersecting: ratio > 0 }]);
  }
}

function page(ids: string[]) {
  document.body.innerHTML = `<ul>${ids.map((id) => `<li class="e"><a href="/abs/${id}" data-id="${id}">Paper ${id}</a></li>`).join('')}</ul>`;
  return document;
}

function env(seenBefore: string[] = [], dismissed: string[] = [], ledger = true) {
  const sightings: Sighting[] = [];
  const lookups: string[][] = [];
  const e: SessionEnv = {
    report: async () => [],
    save: async (p: PaperMeta) => [p.key],
    unsave: async () => {},
    triage: {
      lookup: vi.fn(async (keys: string[]) => {
        lookups.push(keys);
        return { ledger, seen: seenBefore, dismissed };
      }),
      seen: vi.fn(async (_url: string, list: Sighting[]) => void sightings.push(...list)),
      dismiss: vi.fn(async () => {}),
    },
  };
  return { e, sightings, lookups };
}

const triage: TriageOptions = { ledger: true, dimSeen: false, hide: 'off', watchList: [] };
const host = (id: string) => document.querySelector(`papershelf-save[data-papershelf-key="arxiv:${id}"]`) as HTMLElement;
const anchor = (id: string) => document.querySelector(`a[data-id="${id}"]`) as HTMLElement;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  FakeIO.all = [];
  (window as unknown as { IntersectionObserver: unknown }).IntersectionObserver = FakeIO;
});
afterEach(() => vi.useRealTimers());

async function scanned(ids: string[], t: ReturnType<typeof env>, opts: TriageOptions = triage) {
  // As the content script does: triage's code is handed over once the page shows a listing.
  let listing_ = false;
  const s: PageSession = new PageSession(
    page(ids),
    t.e,
    { adapters: [listing], genericEverywhere: false, triage: opts, onListing: () => void (listing_ = true) },
    'https://list.test/',
  );
  // A long listing is placed in several tasks (their timers are the test's to run), the rest
  // after the load event or its 5 s cap: time has to move on for those.
  let done = false;
  const scanning = s.scan().then(() => (done = true));
  while (!done) await vi.advanceTimersByTimeAsync(100);
  await scanning;
  if (listing_) s.enableTriage(InlineTriage);
  // Controls first; the look-up comes in a later task, the marks after its answer.
  expect(host(ids[0]).hasAttribute('data-papershelf-new')).toBe(false);
  await vi.runAllTimersAsync();
  return s;
}

describe('inline triage', () => {
  it('marks exactly the entries never seen before, with one look-up for the page', async () => {
    const t = env(['arxiv:2401.00002']);
    await scanned(['2401.00001', '2401.00002', '2401.00003'], t);
    expect(t.lookups).toEqual([['arxiv:2401.00001', 'arxiv:2401.00002', 'arxiv:2401.00003']]);
    expect(['2401.00001', '2401.00002', '2401.00003'].map((id) => host(id).hasAttribute('data-papershelf-new'))).toEqual([true, false, true]);
  });

  it("a paper's own page (one entry) gets no triage: no look-up, no Dismiss", async () => {
    const t = env();
    await scanned(['2401.00001'], t);
    expect(t.lookups).toEqual([]);
    // Its Dismiss button is built, but never shown (the host attribute shows it).
    expect(host('2401.00001').hasAttribute('data-papershelf-triage')).toBe(false);
  });

  it('no New marks and no observation with the ledger off', async () => {
    const t = env([], [], false);
    await scanned(['2401.00001', '2401.00002'], t);
    expect(host('2401.00001').hasAttribute('data-papershelf-new')).toBe(false);
    expect(FakeIO.all).toHaveLength(0);
  });

  it('an entry half on screen for a second is reported once, with its aliases and title', async () => {
    const t = env();
    await scanned(['2401.00001', '2401.00002'], t);
    FakeIO.show(anchor('2401.00001'), 0.6);
    FakeIO.show(anchor('2401.00002'), 0.3);
    await vi.advanceTimersByTimeAsync(1300);
    expect(t.sightings).toEqual([]); // batched: not sent at once
    await vi.advanceTimersByTimeAsync(FLUSH_MS);
    expect(t.sightings).toEqual([{ key: 'arxiv:2401.00001', aliases: [], title: 'Paper 2401.00001', authors: ['Ada Lovelace'] }]);
    FakeIO.show(anchor('2401.00001'), 1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(t.sightings).toHaveLength(1);
    // Seen during this page load: still New until the next one.
    expect(host('2401.00001').hasAttribute('data-papershelf-new')).toBe(true);
  });

  it("a screen's entries, crossing a few frames apart, are collected by one timer and sent together", async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `2401.${String(i + 1).padStart(5, '0')}`);
    const t = env();
    await scanned(ids, t);
    expect(FakeIO.all.map((io) => io.options?.threshold)).toEqual([0.5]);
    const timers = vi.spyOn(globalThis, 'setTimeout');
    for (const id of ids) {
      FakeIO.show(anchor(id), 1);
      await vi.advanceTimersByTimeAsync(5);
    }
    await vi.advanceTimersByTimeAsync(1500);
    // The threshold timer (once, plus its re-check) and the batch's send timer: not one per entry.
    expect(timers.mock.calls.length).toBeLessThanOrEqual(3);
    await vi.advanceTimersByTimeAsync(FLUSH_MS);
    expect(t.e.triage!.seen).toHaveBeenCalledTimes(1);
    expect(t.sightings.map((x) => x.key)).toEqual(ids.map((id) => `arxiv:${id}`));
    timers.mockRestore();
  });

  it('a slow read of 120 entries goes out in two messages (up to a hundred each)', async () => {
    const ids = Array.from({ length: 120 }, (_, i) => `2402.${String(i + 1).padStart(5, '0')}`);
    const t = env();
    await scanned(ids, t);
    // 12 screens of 10 entries, 1.2 s each (as the benchmark reads).
    for (let screen = 0; screen < 12; screen++) {
      for (const id of ids.slice(screen * 10, screen * 10 + 10)) FakeIO.show(anchor(id), 1);
      await vi.advanceTimersByTimeAsync(1200);
      for (const id of ids.slice(screen * 10, screen * 10 + 10)) FakeIO.show(anchor(id), 0);
    }
    await vi.advanceTimersByTimeAsync(FLUSH_MS);
    expect(t.sightings).toHaveLength(120);
    const sizes = vi.mocked(t.e.triage!.seen).mock.calls.map(([, list]) => list.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(BATCH);
    expect(sizes).toHaveLength(2);
  }, 20_000);

  it('a long listing: the observer watches the entries near the screen, and follows the reader', async () => {
    const ids = Array.from({ length: 300 }, (_, i) => `2403.${String(i + 1).padStart(5, '0')}`);
    const t = env();
    await scanned(ids, t);
    const seenIO = FakeIO.all.find((io) => io.options?.threshold === SEEN_RATIO)!;
    expect(seenIO.targets.size).toBeLessThan(100);
    // Read down the listing, 10 entries a screen: every entry shown is watched when it comes.
    for (let screen = 0; screen < 30; screen++) {
      const shown = ids.slice(screen * 10, screen * 10 + 10);
      for (const id of shown) FakeIO.show(anchor(id), 1);
      await vi.advanceTimersByTimeAsync(1200);
      for (const id of shown) FakeIO.show(anchor(id), 0);
    }
    await vi.advanceTimersByTimeAsync(FLUSH_MS);
    expect(t.sightings.map((x) => x.key)).toEqual(ids.map((id) => `arxiv:${id}`));
    expect(seenIO.targets.size).toBeLessThan(100);
  }, 30_000);

  it('on screen for 1.1 s, then scrolled away before the timer looked: seen', async () => {
    const t = env();
    await scanned(['2401.00001', '2401.00002'], t);
    FakeIO.show(anchor('2401.00001'), 1);
    await vi.advanceTimersByTimeAsync(1100);
    FakeIO.show(anchor('2401.00001'), 0);
    await vi.advanceTimersByTimeAsync(FLUSH_MS);
    expect(t.sightings.map((x) => x.key)).toEqual(['arxiv:2401.00001']);
  });

  it('scrolled past in under a second: not seen', async () => {
    const t = env();
    await scanned(['2401.00001', '2401.00002'], t);
    FakeIO.show(anchor('2401.00001'), 1);
    await vi.advanceTimersByTimeAsync(500);
    FakeIO.show(anchor('2401.00001'), 0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(t.sightings).toEqual([]);
  });

  it('dismiss dims the entry and names the button, undo restores it; saved beats dismissed', async () => {
    const t = env([], ['arxiv:2401.00002']);
    const s = await scanned(['2401.00001', '2401.00002'], t);
    const dismissButton = (id: string) => host(id).shadowRoot!.querySelector('button.dismiss')!;
    expect(host('2401.00002').hasAttribute('data-papershelf-dismissed')).toBe(true);
    expect(anchor('2401.00002').style.opacity).toBe('0.45');
    expect(dismissButton('2401.00001').getAttribute('aria-label')).toBe('Dismiss: Paper 2401.00001');
    await s.toggleDismiss('arxiv:2401.00001');
    expect(t.e.triage!.dismiss).toHaveBeenCalledWith('arxiv:2401.00001', false);
    expect(dismissButton('2401.00001').getAttribute('aria-label')).toMatch(/^Dismiss/);
    expect(dismissButton('2401.00001').getAttribute('aria-pressed')).toBe('true');
    await s.toggleDismiss('arxiv:2401.00001');
    expect(t.e.triage!.dismiss).toHaveBeenLastCalledWith('arxiv:2401.00001', true);
    expect(host('2401.00001').hasAttribute('data-papershelf-dismissed')).toBe(false);
    expect(anchor('2401.00001').style.opacity).toBe('');
    s.applySaved(['arxiv:2401.00002']);
    expect(host('2401.00002').hasAttribute('data-papershelf-dismissed')).toBe(false);
    expect(anchor('2401.00002').style.opacity).toBe('');
  });

  it('a dismissal made in another tab is shown at once, and its undo; nothing is sent back', async () => {
    const t = env();
    const s = await scanned(['2401.00001', '2401.00002'], t, { ...triage, hide: 'dismissed' });
    s.applyDismissed('arxiv:2401.00002', true);
    expect(host('2401.00002').hasAttribute('data-papershelf-dismissed')).toBe(true);
    expect(anchor('2401.00002').style.display).toBe('none');
    s.applyDismissed('arxiv:2401.00002', false);
    expect(host('2401.00002').hasAttribute('data-papershelf-dismissed')).toBe(false);
    expect(anchor('2401.00002').style.display).toBe('');
    expect(anchor('2401.00002').style.opacity).toBe('');
    expect(t.e.triage!.dismiss).not.toHaveBeenCalled();
  });

  it('dims seen entries only when asked, and highlights watch-list matches', async () => {
    const t = env(['arxiv:2401.00002']);
    await scanned(['2401.00001', '2401.00002'], t, { ...triage, dimSeen: true, watchList: ['author: lovelace', 'nothing here'] });
    expect(anchor('2401.00002').style.opacity).toBe('0.45');
    expect(anchor('2401.00001').style.opacity).toBe('');
    expect(host('2401.00001').getAttribute('data-papershelf-watch')).toBe('author: lovelace');
  });

  it('a rebuild of the controls (settings changed) keeps the New marks of this page load', async () => {
    const t = env();
    const s = await scanned(['2401.00001', '2401.00002'], t);
    s.destroy();
    await s.scan();
    await vi.runAllTimersAsync();
    expect(t.lookups).toHaveLength(1);
    expect(host('2401.00001').hasAttribute('data-papershelf-new')).toBe(true);
  });
});

describe('hide instead of dim', () => {
  const stubOf = (id: string) => anchor(id).previousElementSibling as HTMLElement | null;
  const trustedClick = (el: Element) => {
    const e = new MouseEvent('click', { bubbles: true, composed: true });
    Object.defineProperty(e, 'isTrusted', { get: () => true });
    el.dispatchEvent(e);
  };

  it('hides a dismissed entry behind "1 hidden · show"; show brings it back, dimmed, with its Undo', async () => {
    const t = env([], ['arxiv:2401.00002']);
    const s = await scanned(['2401.00001', '2401.00002'], t, { ...triage, hide: 'dismissed' });
    expect(anchor('2401.00002').style.display).toBe('none');
    expect(anchor('2401.00001').style.display).toBe('');
    // The contract stays on the control host.
    expect(host('2401.00002').hasAttribute('data-papershelf-dismissed')).toBe(true);
    const stub = stubOf('2401.00002')!;
    expect(stub.tagName.toLowerCase()).toBe('papershelf-hidden');
    const show = stub.shadowRoot!.querySelector('button')!;
    expect(show.textContent).toBe('1 hidden · show');
    show.click(); // untrusted: a page script cannot show it
    expect(anchor('2401.00002').style.display).toBe('none');
    trustedClick(show);
    expect(anchor('2401.00002').style.display).toBe('');
    expect(anchor('2401.00002').style.opacity).toBe('0.45');
    expect(stubOf('2401.00002')?.tagName.toLowerCase()).not.toBe('papershelf-hidden');
    await s.toggleDismiss('arxiv:2401.00002');
    expect(host('2401.00002').hasAttribute('data-papershelf-dismissed')).toBe(false);
    expect(anchor('2401.00002').style.opacity).toBe('');
  });

  it('dismissed on this page: stays in view (undo in place); seen entries are hidden only with "all"', async () => {
    const t = env(['arxiv:2401.00003']);
    const s = await scanned(['2401.00001', '2401.00002', '2401.00003'], t, { ...triage, dimSeen: true, hide: 'dismissed' });
    await s.toggleDismiss('arxiv:2401.00001');
    expect(anchor('2401.00001').style.display).toBe('');
    expect(anchor('2401.00001').style.opacity).toBe('0.45');
    expect(anchor('2401.00003').style.display).toBe('');
    expect(anchor('2401.00003').style.opacity).toBe('0.45');
    s.destroy();
    document.body.innerHTML = '';
    const u = env(['arxiv:2401.00003'], ['arxiv:2401.00001']);
    await scanned(['2401.00001', '2401.00002', '2401.00003'], u, { ...triage, dimSeen: true, hide: 'all' });
    expect(['2401.00001', '2401.00002', '2401.00003'].map((id) => anchor(id).style.display)).toEqual(['none', '', 'none']);
  });

  it("a long listing's looks come in one task after the look-up (one layout of the list, not ten)", async () => {
    const ids = Array.from({ length: 600 }, (_, i) => `2401.${String(i).padStart(5, '0')}`);
    const doc = page(ids);
    const t = env();
    const tr = new InlineTriage(
      doc,
      t.e.triage!,
      triage,
      () => undefined,
      () => 'https://list.test/',
    );
    const entries = ids.map((id) => {
      const handle = createControl(
        doc,
        `arxiv:${id}`,
        id,
        () => {},
        () => {},
      );
      anchor(id).after(handle.host);
      return { key: `arxiv:${id}`, handle, anchor: anchor(id) };
    });
    tr.added(entries);
    await vi.advanceTimersToNextTimerAsync(); // the look-up's task
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(entries.filter((e) => e.handle.host.hasAttribute('data-papershelf-new'))).toHaveLength(600);
  });
});
