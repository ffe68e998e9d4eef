import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleMessage, type BackgroundEnv, type Sender } from '../background/handlers';
import { PapershelfDB } from '../db/database';
import { findSaved } from '../db/papers';
import { makePaper } from '../paper/make';
import { SeenDB } from './store';
import { getTabTriage } from './tabs';

let db: PapershelfDB;
let seen: SeenDB;
let env: BackgroundEnv;
let ledger: boolean;
let refreshed: number[];
const tab: Sender = { extensionId: 'ext', senderId: 'ext', tabId: 3 };
const page: Sender = { extensionId: 'ext', senderId: 'ext', extensionPage: true };
const sighting = (key: string, aliases: string[] = []) => ({ key, aliases, title: `Paper ${key}`, authors: ['A. Author'] });
const paper = (id: string) => makePaper({ ids: { arxiv: id }, title: `Paper ${id}`, source: 'test' })!;

beforeEach(() => {
  fakeBrowser.reset();
  db = new PapershelfDB(`th-${Math.random()}`);
  seen = new SeenDB(`ts-${Math.random()}`);
  ledger = true;
  refreshed = [];
  env = {
    db,
    setBadge: async () => {},
    triage: { seen, ledgerOn: async () => ledger, device: async () => 'dev-1', refreshBadge: async (t) => void refreshed.push(t), now: () => 5000 },
  };
});
afterEach(async () => {
  await db.delete();
  await seen.delete();
});

describe('triage messages in the background', () => {
  it('day 1 seen on Hugging Face, day 2 on arXiv: only the unseen are new, for the badge too', async () => {
    await handleMessage(
      { type: 'seen', url: 'https://huggingface.co/papers?date=x', entries: [sighting('arxiv:1'), sighting('arxiv:2', ['doi:10.1/two'])] },
      tab,
      env,
    );
    expect(await seen.seen.get('arxiv:1')).toMatchObject({ firstWhere: 'huggingface.co/papers', first: 5000 });
    const reply = await handleMessage({ type: 'seenLookup', keys: ['arxiv:1', 'doi:10.1/two', 'arxiv:3'] }, tab, env);
    expect(reply).toEqual({ ledger: true, seen: ['arxiv:1', 'doi:10.1/two'], dismissed: [] });
    expect((await getTabTriage(3))?.newKeys).toEqual(['arxiv:3']);
    expect(refreshed).toEqual([3]);
  });

  it('a saved paper is never new', async () => {
    await handleMessage({ type: 'save', papers: [paper('2401.00001')] }, tab, env);
    const reply = await handleMessage({ type: 'seenLookup', keys: ['arxiv:2401.00001', 'arxiv:2401.00002'] }, tab, env);
    expect(reply).toMatchObject({ seen: ['arxiv:2401.00001'] });
  });

  it('with the ledger off nothing is recorded and nothing is new', async () => {
    ledger = false;
    expect(await handleMessage({ type: 'seen', url: 'https://arxiv.org/list/cs/new', entries: [sighting('arxiv:1')] }, tab, env)).toEqual({
      recorded: 0,
    });
    expect(await seen.seen.count()).toBe(0);
    expect(await handleMessage({ type: 'seenLookup', keys: ['arxiv:1'] }, tab, env)).toEqual({ ledger: false, seen: [], dismissed: [] });
    expect((await getTabTriage(3))?.newKeys).toEqual([]);
  });

  it('dismisses with this device into the library (a logged item), and undoes (a tombstone)', async () => {
    await handleMessage({ type: 'dismiss', key: 'arxiv:9' }, tab, env);
    expect(await db.dismissals.get('arxiv:9')).toEqual({ key: 'arxiv:9', aliases: [], at: 5000, device: 'dev-1' });
    expect(await seen.dismissed.count()).toBe(0);
    expect(await handleMessage({ type: 'seenLookup', keys: ['arxiv:9'] }, tab, env)).toMatchObject({ dismissed: ['arxiv:9'] });
    await handleMessage({ type: 'dismiss', key: 'arxiv:9', undo: true }, tab, env);
    expect(await db.dismissals.count()).toBe(0);
    expect((await db.changes.toArray()).map((r) => [r.key, r.ops])).toEqual([
      ['arxiv:9', [{ op: 'item', coll: 'dismissals', id: 'arxiv:9', value: { aliases: [], at: 5000, device: 'dev-1' } }]],
      ['arxiv:9', [{ op: 'item', coll: 'dismissals', id: 'arxiv:9', value: null }]],
    ]);
  });

  it('a dismissal carries the keys its entry was detected under: a listing under its DOI matches, and undoes it', async () => {
    const p = makePaper({ ids: { arxiv: '2401.00007', doi: '10.1000/seven' }, title: 'Seven', source: 'test' })!;
    await fakeBrowser.storage.session.set({ 'tab:3': { url: 'https://arxiv.org/list/cs/new', papers: [p], at: 1 } });
    const told: string[] = [];
    env.triage!.broadcastDismissal = async (key) => void told.push(key);
    await handleMessage({ type: 'dismiss', key: p.key }, tab, env);
    expect(await db.dismissals.get(p.key)).toMatchObject({ aliases: ['doi:10.1000/seven'] });
    expect(told).toEqual([p.key, 'doi:10.1000/seven']);
    const scholar: Sender = { ...tab, tabId: 4 };
    expect(await handleMessage({ type: 'seenLookup', keys: ['doi:10.1000/seven', 'doi:10.1000/other'] }, scholar, env)).toMatchObject({
      dismissed: ['doi:10.1000/seven'],
    });
    await handleMessage({ type: 'dismiss', key: 'doi:10.1000/seven', undo: true }, scholar, env);
    expect(await db.dismissals.count()).toBe(0);
  });

  it("moves the ledger's old dismissals into the library once, with the aliases the ledger knows", async () => {
    await handleMessage({ type: 'seen', url: 'https://arxiv.org/list/cs/new', entries: [sighting('arxiv:7', ['doi:10.1000/seven'])] }, tab, env);
    await seen.dismissed.bulkPut([
      { key: 'arxiv:7', at: 100, device: 'old-dev' },
      { key: 'arxiv:8', at: 200, device: 'old-dev' },
    ]);
    const reply = await handleMessage({ type: 'seenLookup', keys: ['arxiv:7', 'doi:10.1000/seven', 'arxiv:8', 'arxiv:1'] }, tab, env);
    expect(reply).toMatchObject({ dismissed: ['arxiv:7', 'doi:10.1000/seven', 'arxiv:8'] });
    expect(await seen.dismissed.count()).toBe(0);
    expect(await db.dismissals.toArray()).toEqual([
      { key: 'arxiv:7', aliases: ['doi:10.1000/seven'], at: 100, device: 'old-dev' },
      { key: 'arxiv:8', aliases: [], at: 200, device: 'old-dev' },
    ]);
    const logged = await db.changes.toArray();
    expect(logged.map((r) => [r.key, r.origin])).toEqual([
      ['arxiv:7', 'migrate'],
      ['arxiv:8', 'migrate'],
    ]);
    // Once: later messages move nothing again.
    await handleMessage({ type: 'dismiss', key: 'arxiv:8', undo: true }, tab, env);
    await handleMessage({ type: 'seenLookup', keys: ['arxiv:8'] }, tab, env);
    expect(await db.dismissals.get('arxiv:8')).toBeUndefined();
    expect(await db.changes.count()).toBe(3);
  });

  it("saved beats dismissed is the page's to show: the look-up says both", async () => {
    await handleMessage({ type: 'dismiss', key: 'arxiv:2401.00001' }, tab, env);
    await handleMessage({ type: 'save', papers: [paper('2401.00001')] }, tab, env);
    expect(await handleMessage({ type: 'seenLookup', keys: ['arxiv:2401.00001'] }, tab, env)).toMatchObject({
      seen: ['arxiv:2401.00001'],
      dismissed: ['arxiv:2401.00001'],
    });
  });

  it('a dismissal and its undo are told to the other tabs, not to the one that made them', async () => {
    const told: [string, boolean, number | undefined][] = [];
    env.triage!.broadcastDismissal = async (key, dismissed, except) => void told.push([key, dismissed, except]);
    await handleMessage({ type: 'dismiss', key: 'arxiv:9' }, tab, env);
    await handleMessage({ type: 'dismiss', key: 'arxiv:9', undo: true }, tab, env);
    expect(told).toEqual([
      ['arxiv:9', true, 3],
      ['arxiv:9', false, 3],
    ]);
  });

  it("history is for extension pages only; mark all seen empties the tab's new keys", async () => {
    await handleMessage({ type: 'seen', url: 'https://arxiv.org/list/cs/new', entries: [sighting('arxiv:1')] }, tab, env);
    expect(await handleMessage({ type: 'seenRecent', days: 7, limit: 10 }, tab, env)).toEqual({ error: 'seenRecent: extension pages only' });
    expect(await handleMessage({ type: 'clearSeen' }, tab, env)).toHaveProperty('error');
    const recent = await handleMessage({ type: 'seenRecent', days: 7, limit: 10 }, page, env);
    expect(recent).toMatchObject({ records: [{ key: 'arxiv:1', title: 'Paper arxiv:1' }] });
    await handleMessage({ type: 'seenLookup', keys: ['arxiv:1', 'arxiv:2'] }, tab, env);
    expect(
      await handleMessage({ type: 'markSeen', tabId: 3, url: 'https://arxiv.org/list/cs/new', entries: [sighting('arxiv:2')] }, page, env),
    ).toEqual({ recorded: 1 });
    expect((await getTabTriage(3))?.newKeys).toEqual([]);
    await handleMessage({ type: 'dismiss', key: 'arxiv:1' }, tab, env);
    await handleMessage({ type: 'clearSeen' }, page, env);
    expect(await seen.seen.count()).toBe(0);
    // Clearing history undoes the dismissals too (as it always has), logged so that sync carries it.
    expect(await db.dismissals.count()).toBe(0);
    expect((await db.changes.toArray()).at(-1)?.ops).toEqual([{ op: 'item', coll: 'dismissals', id: 'arxiv:1', value: null }]);
  });

  it('rejects malformed sightings', async () => {
    const bad = await handleMessage({ type: 'seen', url: 'x', entries: [{ key: 'k', aliases: 'no', title: 't', authors: [] }] }, tab, env);
    expect(bad).toEqual({ error: 'Malformed message' });
  });

  it('annotate saves the paper and adds tags and a note', async () => {
    await handleMessage({ type: 'annotate', papers: [paper('2401.00005')], tags: ['triage', ' '] }, tab, env);
    await handleMessage({ type: 'annotate', papers: [paper('2401.00005')], note: 'Read the appendix' }, tab, env);
    const p = await findSaved(db, ['arxiv:2401.00005']);
    expect(p).toMatchObject({ tags: ['triage'], note: 'Read the appendix' });
  });
});
