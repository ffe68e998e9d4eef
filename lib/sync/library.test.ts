// @vitest-environment node
// Two real libraries (the Dexie database, the real commands and writer, fake-indexeddb) syncing
// through a real server: applyRemote and the port of lib/library/remote.ts under the engine.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { davAvailable } from '../../tests/helpers/dav-servers';
import { SyncProfile, apacheForSuite } from '../../tests/helpers/sync-profile';
import { editNote, remove, save, update } from '../library/commands';
import { makePaper } from '../paper/make';
import type { PaperMeta } from '../paper/schema';
import { syncNow, type SyncConfig } from './engine';
import { CONFLICT_START, KEPT_TAG } from './merge';

const meta = (id: string, title = `Paper ${id}`): PaperMeta => makePaper({ ids: { arxiv: id }, title, source: 'test' })!;

class Profile extends SyncProfile {
  async hash(): Promise<string> {
    const papers = await this.db.papers.toArray();
    return JSON.stringify(
      papers
        .map((p) => ({
          key: p.key,
          title: p.title,
          tags: [...p.tags].sort(),
          note: p.note,
          status: p.status,
          starred: p.starred,
          aliases: p.aliases,
        }))
        .sort((a, b) => (a.key < b.key ? -1 : 1)),
    );
  }
}

describe.skipIf(!davAvailable('apache'))('two libraries through Apache', () => {
  const dav = apacheForSuite();
  let n = 0;
  const cfg = (): SyncConfig => ({ url: dav().url, user: dav().user, password: dav().password, folder: `P${n}/` });

  it('save, tag, note, status, star, remove interleaved on two profiles: identical libraries, nothing lost', async () => {
    n++;
    const a = new Profile();
    const b = new Profile();
    const [p1] = await save(a.db, [meta('2401.00001', 'Attention Is All You Need')]);
    await save(b.db, [meta('2401.00002')]);
    await a.sync(cfg());
    await b.sync(cfg());
    await a.sync(cfg());
    expect(await a.hash()).toBe(await b.hash());
    expect(await b.db.papers.get(p1.key)).toMatchObject({ title: 'Attention Is All You Need' });

    const [p2] = await save(a.db, [meta('2401.00003')]);
    await update(a.db, p1.key, { tags: ['ml'] });
    await editNote(b.db, p1.key, () => 'read section 3');
    await update(a.db, p1.key, { status: 'reading' });
    await update(b.db, p1.key, { status: 'read' });
    await update(b.db, p1.key, { starred: true });
    await a.sync(cfg());
    await b.sync(cfg());
    await remove(b.db, [p2.key]);
    await b.sync(cfg());
    await a.sync(cfg());
    expect(await a.hash()).toBe(await b.hash());
    const got = await a.db.papers.get(p1.key);
    expect(got).toMatchObject({ tags: ['ml'], note: 'read section 3', status: 'read', starred: true });
    expect(await a.db.papers.get(p2.key)).toBeUndefined();
    // A fresh profile rebuilds the same library from the server alone.
    const c = new Profile();
    await c.sync(cfg());
    expect(await c.hash()).toBe(await a.hash());
  }, 60_000);

  it('concurrent note edits: both kept, marked; the resolution syncs; remove vs later edit keeps the paper', async () => {
    n++;
    const a = new Profile();
    const b = new Profile();
    const [p] = await save(a.db, [meta('2402.00001')]);
    await editNote(a.db, p.key, () => 'base');
    await a.sync(cfg());
    await b.sync(cfg());
    await editNote(a.db, p.key, () => 'A thinks');
    await editNote(b.db, p.key, () => 'B thinks');
    await a.sync(cfg());
    const out = await b.sync(cfg());
    await a.sync(cfg());
    expect(out.conflicts).toBe(1);
    const note = (await a.db.papers.get(p.key))!.note;
    expect(note).toContain(CONFLICT_START);
    expect(note).toContain('A thinks');
    expect(note).toContain('B thinks');
    expect(await a.hash()).toBe(await b.hash());
    await editNote(a.db, p.key, () => 'A and B think');
    await a.sync(cfg());
    await b.sync(cfg());
    expect((await b.db.papers.get(p.key))!.note).toBe('A and B think');

    await remove(a.db, [p.key]);
    // B's edit comes after A's remove in time (a later millisecond): within the same one, the
    // clocks' device ids would decide, and the test is about the edit being the later change.
    await new Promise((r) => setTimeout(r, 5));
    await update(b.db, p.key, { tags: ['important'] });
    await a.sync(cfg());
    await b.sync(cfg());
    await a.sync(cfg());
    expect(await a.hash()).toBe(await b.hash());
    expect((await a.db.papers.get(p.key))!.tags).toEqual(['important', KEPT_TAG].sort());
  }, 60_000);

  it('an edit made here while a round is on the network is not undone by what the round writes back', async () => {
    n++;
    const a = new Profile();
    const b = new Profile();
    const [p] = await save(a.db, [meta('2403.00001', 'Typed During A Round')]);
    await a.sync(cfg());
    await b.sync(cfg());
    await update(a.db, p.key, { status: 'reading', tags: ['from-a'] });
    await a.sync(cfg());
    // B's round reads its log, then goes to the server; the user types a note on B meanwhile,
    // before the round writes A's changes back.
    const port = b.port;
    let typed = false;
    const racing = {
      ...port,
      applyRemote: async (...args: Parameters<typeof port.applyRemote>) => {
        if (!typed) {
          typed = true;
          await editNote(b.db, p.key, () => 'typed during the round');
        }
        return port.applyRemote(...args);
      },
    };
    await syncNow(cfg(), racing, b.store);
    expect(typed).toBe(true);
    // The note stays; A's changes to that paper wait for the next round (which sends the note).
    expect(await b.db.papers.get(p.key)).toMatchObject({ note: 'typed during the round', status: 'unread' });
    await b.sync(cfg());
    expect(await b.db.papers.get(p.key)).toMatchObject({ note: 'typed during the round', status: 'reading', tags: ['from-a'] });
    await a.sync(cfg());
    expect(await a.db.papers.get(p.key)).toMatchObject({ note: 'typed during the round', status: 'reading', tags: ['from-a'] });
    expect(await a.hash()).toBe(await b.hash());
  }, 60_000);
});
