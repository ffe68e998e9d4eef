import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PapershelfDB } from '../library/db';
import { update } from '../library/commands';
import { CHANGE_KEY } from '../messaging/changes';
import { makePaper } from '../paper/make';
import { getTabDetections } from '../tabs/detections';
import { BADGE_COLORS, refreshBadge } from './badge';
import { handleMessage, type BackgroundEnv, type Sender } from './handlers';
import { uniqueName } from '../../tests/helpers/random';

let db: PapershelfDB;
let env: BackgroundEnv;
let icons: Map<number, string>;
const me: Sender = { extensionId: 'ext', senderId: 'ext', tabId: 7 };
const paper = (id: string, title = `Paper ${id}`) => makePaper({ ids: { arxiv: id }, title, source: 'test' })!;
const rgba = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(255);

/** What the user sees on the toolbar button of a tab, read back from the fake browser. */
async function badge(tabId: number) {
  const text = await fakeBrowser.action.getBadgeText({ tabId });
  const color = await fakeBrowser.action.getBadgeBackgroundColor({ tabId });
  const title = await fakeBrowser.action.getTitle({ tabId });
  return { text, color, title, icon: icons.get(tabId) };
}

beforeEach(() => {
  fakeBrowser.reset();
  db = new PapershelfDB(uniqueName('h'));
  icons = new Map();
  // The fake browser records badge text, colour and title but throws on setIcon: record the 16 px icon.
  vi.spyOn(fakeBrowser.action, 'setIcon').mockImplementation(async (d) => void icons.set(d.tabId!, String((d.path as Record<number, string>)[16])));
  // The same wiring as entrypoints/background.ts.
  env = { db, setBadge: (tabId) => refreshBadge(db, tabId) };
});
afterEach(() => db.delete());

describe('background message handling', () => {
  it('records detections per tab, sets the badge to the distinct count and says what is saved', async () => {
    await handleMessage({ type: 'save', papers: [paper('2401.00002')] }, me, env);
    const reply = await handleMessage(
      { type: 'detected', url: 'https://arxiv.org/list/cs/new', papers: [paper('2401.00001'), paper('2401.00002'), paper('2401.00001')] },
      me,
      env,
    );
    expect(reply).toEqual({ saved: ['arxiv:2401.00002'] });
    expect(await badge(7)).toEqual({
      text: '2',
      color: rgba(BADGE_COLORS.here),
      title: 'Papershelf — 2 papers on this page, 1 saved',
      icon: '/icon/16.png',
    });
    expect((await getTabDetections(7))?.papers).toHaveLength(3);
    // Every paper here saved: the same count, in green.
    await handleMessage({ type: 'save', papers: [paper('2401.00001')] }, me, env);
    await handleMessage({ type: 'detected', url: 'https://arxiv.org/list/cs/new', papers: [paper('2401.00001'), paper('2401.00002')] }, me, env);
    expect(await badge(7)).toMatchObject({ text: '2', color: rgba(BADGE_COLORS.saved), title: 'Papershelf — 2 papers on this page, all saved' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe('');
  });

  it('clears the badge and greys the icon when a page has no papers', async () => {
    await handleMessage({ type: 'detected', url: 'https://arxiv.org/abs/2401.00001', papers: [paper('2401.00001')] }, me, env);
    expect(await badge(7)).toMatchObject({ text: '1', icon: '/icon/16.png' });
    await handleMessage({ type: 'detected', url: 'https://example.org', papers: [] }, me, env);
    expect(await badge(7)).toMatchObject({ text: '', title: 'Papershelf', icon: '/icon/16-off.png' });
  });

  it('drops papers that fail the schema and keeps the rest', async () => {
    const bad = { ...paper('2401.00003'), title: '' };
    const evil = { ...paper('2401.00004'), year: 'DROP TABLE' };
    await handleMessage({ type: 'detected', url: 'https://arxiv.org/', papers: [bad, evil, paper('2401.00005')] }, me, env);
    expect(await badge(7)).toMatchObject({ text: '1', title: 'Papershelf — 1 paper on this page, 0 saved' });
  });

  it('saves and announces the change to content scripts', async () => {
    const reply = await handleMessage({ type: 'save', papers: [paper('2401.00001')] }, me, env);
    expect(reply).toEqual({ saved: ['arxiv:2401.00001'] });
    expect(await db.papers.count()).toBe(1);
    const change = (await fakeBrowser.storage.local.get(CHANGE_KEY))[CHANGE_KEY] as { keys: string[] };
    expect(change.keys).toContain('arxiv:2401.00001');
  });

  it('a committed save is reported as saved even when the change signal cannot be stored', async () => {
    const set = fakeBrowser.storage.local.set;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    fakeBrowser.storage.local.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    try {
      const reply = await handleMessage({ type: 'save', papers: [paper('2401.00001')] }, me, env);
      expect(reply).toEqual({ saved: ['arxiv:2401.00001'] });
      expect(await db.papers.count()).toBe(1);
      await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not tell other tabs'), expect.any(Error)));
    } finally {
      fakeBrowser.storage.local.set = set;
      warn.mockRestore();
    }
  });

  it('an inline "remove if bare" keeps papers that carry a note or tags', async () => {
    await handleMessage({ type: 'save', papers: [paper('2401.00001'), paper('2401.00002')] }, me, env);
    await update(db, 'arxiv:2401.00001', { note: 'important' });
    const reply = await handleMessage({ type: 'remove', keys: ['arxiv:2401.00001', 'arxiv:2401.00002'], ifBare: true }, me, env);
    expect(reply).toEqual({ removed: ['arxiv:2401.00002'], kept: ['arxiv:2401.00001'] });
    expect(await db.papers.count()).toBe(1);
  });

  it('refuses messages from other extensions and malformed messages', async () => {
    expect(await handleMessage({ type: 'save', papers: [paper('2401.00001')] }, { ...me, senderId: 'evil' }, env)).toEqual({
      error: 'Unknown sender',
    });
    expect(await handleMessage({ type: 'nuke' }, me, env)).toEqual({ error: 'Malformed message' });
    expect(await handleMessage({ type: 'remove', keys: 'all' }, me, env)).toEqual({ error: 'Malformed message' });
    expect(await handleMessage(null, me, env)).toEqual({ error: 'Malformed message' });
    expect(await db.papers.count()).toBe(0);
  });

  it('refuses forged shapes, oversized lists and senders without an id, and writes nothing', async () => {
    const ok = paper('2401.00009');
    const forged: unknown[] = [
      undefined,
      42,
      'save',
      [],
      {},
      { type: 'save' },
      { type: 'save', papers: 'all' },
      { type: 'save', papers: { 0: ok, length: 1 } },
      { type: 'SAVE', papers: [ok] },
      { type: ['save'], papers: [ok] },
      { type: 'remove' },
      { type: 'remove', keys: [1, 2] },
      { type: 'remove', keys: Array.from({ length: 20_001 }, (_, i) => `k${i}`) },
      { type: 'remove', keys: ['x'.repeat(2101)] },
      { type: 'save', papers: Array.from({ length: 20_001 }, () => ok) },
      { type: 'detected', url: 'x'.repeat(9000), papers: [] },
      { type: 'savedAmong', keys: null },
      JSON.parse(`{"type":"save","__proto__":{"papers":[${JSON.stringify(ok)}]}}`),
      { type: 'export' },
      { type: 'clear' },
      { type: 'getAll' },
      { type: 'restore', papers: [ok] },
    ];
    for (const msg of forged) expect(await handleMessage(msg, me, env), JSON.stringify(msg)?.slice(0, 80)).toEqual({ error: 'Malformed message' });
    for (const who of [
      { ...me, senderId: undefined },
      { ...me, senderId: '' },
      { extensionId: 'ext', senderId: 'ext ' },
    ]) {
      expect(await handleMessage({ type: 'save', papers: [ok] }, who, env)).toEqual({ error: 'Unknown sender' });
    }
    // Shapes that parse but carry no valid paper: nothing is saved.
    for (const papers of [
      [{}],
      [{ ...ok, key: 42 }],
      [{ ...ok, title: 'x'.repeat(20_001) }],
      [{ ...ok, authors: 'Eve' }],
      [null],
      [{ ...ok, type: '__proto__' }],
    ]) {
      expect(await handleMessage({ type: 'save', papers }, me, env)).toEqual({ error: 'Nothing valid to save' });
    }
    expect(await handleMessage({ type: 'detected', url: 'https://x/', papers: [ok] }, { ...me, tabId: undefined }, env)).toEqual({
      error: 'detected: not from a tab',
    });
    expect(await db.papers.count()).toBe(0);
    expect(({} as Record<string, unknown>).papers).toBeUndefined();
  });

  it('a page cannot set what only the user sets: notes, tags, status, star, dates are dropped', async () => {
    const forged = {
      ...paper('2401.00010'),
      note: 'pwned',
      tags: ['pwned'],
      status: 'read',
      starred: true,
      addedAt: 1,
      citationKey: 'evil',
      edited: ['title'],
    };
    await handleMessage({ type: 'save', papers: [forged] }, me, env);
    const p = (await db.papers.get('arxiv:2401.00010'))!;
    expect(p).toMatchObject({ note: '', tags: [], status: 'unread', starred: false });
    expect(p.citationKey).toBeUndefined();
    expect(p.edited).toBeUndefined();
    expect(p.addedAt).toBeGreaterThan(1);
  });
});

describe('highlight messages', () => {
  const selectors = {
    quote: { type: 'TextQuoteSelector', exact: 'learned subset', prefix: 'a ', suffix: ' of' },
    position: { type: 'TextPositionSelector', start: 3, end: 17 },
  };
  const add = { type: 'highlightAdd', paper: paper('2401.01234v1'), selectors, color: 'blue', url: 'https://arxiv.org/html/2401.01234v1' };

  it("adds (saving the paper) and lists a tab's highlights under the version-less key", async () => {
    const reply = (await handleMessage(add, me, env)) as { highlight: { id: string; key: string } };
    expect(reply.highlight.key).toBe('arxiv:2401.01234');
    const listed = (await handleMessage({ type: 'highlightsOf', key: 'arxiv:2401.01234' }, me, env)) as { highlights: { id: string }[] };
    expect(listed.highlights.map((h) => h.id)).toEqual([reply.highlight.id]);
  });

  it('refuses highlight messages that are not from a tab, from elsewhere, or malformed', async () => {
    expect(await handleMessage(add, { ...me, tabId: undefined }, env)).toEqual({ error: 'highlightAdd: not from a tab' });
    expect(await handleMessage({ type: 'highlightsOf', key: 'arxiv:2401.01234' }, { ...me, senderId: 'evil' }, env)).toEqual({
      error: 'Unknown sender',
    });
    expect(await handleMessage({ ...add, color: 'red' }, me, env)).toEqual({ error: 'Malformed message' });
    expect(await handleMessage({ ...add, selectors: { quote: { type: 'TextQuoteSelector', exact: 'x'.repeat(5000) } } }, me, env)).toEqual({
      error: 'Malformed message',
    });
    expect(await db.highlights.count()).toBe(0);
  });
});
