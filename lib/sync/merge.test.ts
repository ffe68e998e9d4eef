// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../tests/helpers/random';
import { CONFLICT_START, KEPT_TAG, applyRecords, emptyLibrary, joinInto, keyItems, keyItemsOnly, materialize, noteHeads } from './merge';
import { fromSnapshot, toSnapshot } from './snapshot';
import { TestClock, canonical, paper, stateOf } from '../../tests/helpers/sync-testing';
import type { WireOp, WireRecord } from './types';

let wall = 1_750_000_000_000;
const clocks = { A: new TestClock('aaaaaaaaaaaaaaaa', () => wall), B: new TestClock('bbbbbbbbbbbbbbbb', () => wall) };
const rec = (dev: 'A' | 'B', key: string, ...ops: WireOp[]): WireRecord => {
  wall += 1000;
  return { hlc: clocks[dev].tick(), device: clocks[dev].device, key, origin: 'edit', ops };
};
const K = 'arxiv:2401.00001';
const read = (records: WireRecord[], key = K) => materialize(stateOf(records), key);

describe('merge', () => {
  it('a field: the later set wins, and any set beats a later create of the same paper elsewhere', () => {
    const a = rec('A', K, { op: 'create', record: paper(K, 'Title') });
    const s1 = rec('A', K, { op: 'set', field: 'status', value: 'read' });
    const b = rec('B', K, { op: 'create', record: paper(K, 'Title (B)') });
    const m = read([a, s1, b])!;
    expect(m.paper.status).toBe('read');
    expect(m.paper.title).toBe('Title (B)');
    expect(read([b, s1, a])).toEqual(m);
  });

  it('tags are a set: an add here and a removal there both hold', () => {
    const c = rec('A', K, { op: 'create', record: paper(K, 'T', { tags: ['x', 'y'] }) });
    const add = rec('A', K, { op: 'tag', tag: 'z', present: true });
    const del = rec('B', K, { op: 'tag', tag: 'x', present: false });
    expect(read([c, add, del])!.paper.tags).toEqual(['y', 'z']);
    expect(read([del, add, c])!.paper.tags).toEqual(['y', 'z']);
  });

  it('two concurrent note edits keep both texts behind a marker; an edit that saw both resolves it', () => {
    const c = rec('A', K, { op: 'create', record: paper(K, 'T', { note: 'base' }) });
    const na = rec('A', K, { op: 'note', text: 'from A', prevs: [c.hlc] });
    const nb = rec('B', K, { op: 'note', text: 'from B', prevs: [c.hlc] });
    const m = read([c, na, nb])!;
    expect(m.conflict).toBe(true);
    expect(m.paper.note).toContain(CONFLICT_START);
    expect(m.paper.note).toContain('from A');
    expect(m.paper.note).toContain('from B');
    expect(m.paper.note).not.toContain('base');
    const heads = noteHeads(stateOf([c, na, nb]), K);
    expect(heads).toEqual([na.hlc, nb.hlc].sort());
    const fix = rec('B', K, { op: 'note', text: 'from A and B', prevs: heads });
    const fixed = read([nb, fix, c, na])!;
    expect([fixed.conflict, fixed.paper.note]).toEqual([false, 'from A and B']);
    // A later edit that saw only one side leaves the other standing: still a conflict.
    const partial = rec('A', K, { op: 'note', text: 'A again', prev: na.hlc });
    expect(read([c, na, nb, partial])!.paper.note).toContain('from B');
  });

  it('the same text written on two devices is no conflict', () => {
    const c = rec('A', K, { op: 'create', record: paper(K, 'T') });
    const na = rec('A', K, { op: 'note', text: 'same' });
    const nb = rec('B', K, { op: 'note', text: 'same' });
    expect(read([c, na, nb])!).toMatchObject({ conflict: false, paper: { note: 'same' } });
  });

  it('remove wins over older edits; an edit made after it elsewhere keeps the paper, tagged', () => {
    const c = rec('A', K, { op: 'create', record: paper(K, 'T') });
    const star = rec('B', K, { op: 'set', field: 'starred', value: true });
    const rm = rec('A', K, { op: 'remove' });
    expect(read([c, star, rm])).toBeNull();
    const late = rec('B', K, { op: 'tag', tag: 'ml', present: true });
    const m = read([rm, late, c, star])!;
    expect(m.kept).toBe(true);
    expect(m.paper.tags).toEqual([KEPT_TAG, 'ml'].sort());
    expect(m.paper.starred).toBe(true);
    // The user takes the marker off: it stays off.
    const untag = rec('A', K, { op: 'tag', tag: KEPT_TAG, present: false });
    expect(read([c, star, rm, late, untag])!.paper.tags).toEqual(['ml']);
    // Saved again after the remove: back, no marker.
    const again = rec('A', K, { op: 'create', record: paper(K, 'T') });
    expect(read([c, rm, again])!).toMatchObject({ kept: false, paper: { tags: [] } });
  });

  it('a merged preprint stays merged, and edits to it made elsewhere flow into the published record', () => {
    const P = 'doi:10.1/x';
    const pre = rec('A', K, { op: 'create', record: paper(K, 'Preprint', { tags: ['a'] }) });
    const pub = rec('A', P, { op: 'create', record: paper(P, 'Published') });
    const merge = rec('A', K, { op: 'merged', into: P });
    const elsewhere = rec('B', K, { op: 'tag', tag: 'b', present: true });
    const all = [pre, pub, merge, elsewhere];
    expect(read(all, K)).toBeNull();
    const m = read(all, P)!;
    expect(m.paper.tags).toEqual(['a', 'b']);
    expect(m.paper.aliases).toEqual([K]);
    expect(m.paper.title).toBe('Published');
    expect(read([elsewhere, merge, pub, pre], P)).toEqual(m);
  });

  it('a merge cycle from two devices settles the same way everywhere', () => {
    const P = 'doi:10.1/y';
    const ops = [
      rec('A', K, { op: 'create', record: paper(K, 'K') }),
      rec('A', P, { op: 'create', record: paper(P, 'P') }),
      rec('A', K, { op: 'merged', into: P }),
      rec('B', P, { op: 'merged', into: K }),
    ];
    const one = stateOf(ops);
    const live = [K, P].filter((k) => materialize(one, k));
    expect(live).toHaveLength(1);
    expect(canonical(stateOf([...ops].reverse()))).toBe(canonical(one));
  });

  it('highlights (items) are last-writer-wins per id, null deletes', () => {
    const c = rec('A', K, { op: 'create', record: paper(K, 'T') });
    const h1 = rec('A', K, { op: 'item', coll: 'highlights', id: 'h1', value: { text: 'one' } });
    const h2 = rec('B', K, { op: 'item', coll: 'highlights', id: 'h2', value: { text: 'two' } });
    const d1 = rec('B', K, { op: 'item', coll: 'highlights', id: 'h1', value: null });
    expect([...read([c, h1, h2, d1])!.items.get('highlights')!.keys()]).toEqual(['h2']);
  });

  it('ignores field names that are not plain identifiers (a hostile segment)', () => {
    const c = rec('A', K, { op: 'create', record: paper(K, 'T') });
    const bad = rec('B', K, { op: 'set', field: '__proto__', value: { polluted: true } });
    const m = read([c, bad])!;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(m.paper)).not.toContain('__proto__');
  });

  it('applying a record twice changes nothing', () => {
    const c = rec('A', K, { op: 'create', record: paper(K, 'T', { note: 'n' }) });
    const t = rec('B', K, { op: 'tag', tag: 'q', present: true });
    const lib = emptyLibrary();
    applyRecords(lib, [c, t]);
    const once = canonical(lib);
    applyRecords(lib, [t, c, t]);
    expect(canonical(lib)).toBe(once);
  });
});

// N devices make random edits on what they see and exchange records in random partial orders;
// once every device has every record, all read the same library, whatever the interleaving.
describe('convergence (seeded random interleavings)', () => {
  const KEYS = ['arxiv:1', 'arxiv:2', 'arxiv:3', 'doi:4', 'doi:5'];
  for (let seed = 1; seed <= 60; seed++) {
    it(`seed ${seed}`, () => {
      const rnd = seededRandom(seed * 7919);
      const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
      const n = 2 + (seed % 3);
      let t = 1_750_000_000_000;
      // Device 0's clock is 10 minutes behind.
      const devices = Array.from({ length: n }, (_, i) => {
        const clock = new TestClock(i.toString(16).repeat(16), () => t - (i === 0 ? 600_000 : 0));
        return { clock, lib: emptyLibrary(), own: [] as WireRecord[], seenOf: new Map<number, number>() };
      });
      const all: WireRecord[] = [];
      for (let step = 0; step < 120; step++) {
        t += Math.floor(rnd() * 5000);
        const d = pick(devices);
        if (rnd() < 0.3) {
          // Sync from another device: a prefix of its records (segments arrive in order per device).
          const from = pick(devices.map((_, i) => i));
          const other = devices[from];
          const upto = Math.floor(rnd() * (other.own.length + 1));
          const got = other.own.slice(0, upto);
          for (const r of got) d.clock.receive(r.hlc);
          applyRecords(d.lib, got);
          continue;
        }
        const key = pick(KEYS);
        const m = materialize(d.lib, key);
        let ops: WireOp[];
        const kind = rnd();
        if (!m || kind < 0.1)
          ops = [{ op: 'create', record: paper(key, `T${step}`, { tags: rnd() < 0.5 ? ['seed'] : [], note: rnd() < 0.3 ? `n${step}` : '' }) }];
        else if (kind < 0.3) ops = [{ op: 'tag', tag: pick(['a', 'b', 'c']), present: rnd() < 0.6 }];
        else if (kind < 0.5) ops = [{ op: 'note', text: `note ${step}`, prevs: noteHeads(d.lib, key) }];
        else if (kind < 0.65) ops = [{ op: 'set', field: 'status', value: pick(['unread', 'reading', 'read']) }];
        else if (kind < 0.75) ops = [{ op: 'set', field: 'starred', value: rnd() < 0.5 }];
        else if (kind < 0.85) ops = [{ op: 'remove' }];
        else {
          const into = pick(KEYS.filter((k) => k !== key));
          ops = materialize(d.lib, into) ? [{ op: 'merged', into }] : [{ op: 'set', field: 'title', value: `retitled ${step}` }];
        }
        const r: WireRecord = { hlc: d.clock.tick(), device: d.clock.device, key, origin: 'edit', ops };
        applyRecords(d.lib, [r]);
        d.own.push(r);
        all.push(r);
      }
      // Everyone gets everything, in a different shuffled order each (duplicates included).
      for (const d of devices) {
        const shuffled = [...all, ...all.slice(0, 10)].sort(() => rnd() - 0.5);
        applyRecords(d.lib, shuffled);
      }
      const expected = canonical(stateOf(all));
      for (const d of devices) expect(canonical(d.lib)).toBe(expected);
      // Nothing lost: every note text that no later edit replaced is in the final note.
      const final = stateOf(all);
      for (const key of KEYS) {
        const live = materialize(final, key);
        if (!live) continue;
        for (const id of noteHeads(final, key)) {
          const v = [...final.papers.values()].find((s) => s.notes.has(id))!.notes.get(id)!;
          expect(live.paper.note).toContain(v.text);
        }
      }
    });
  }
});

describe("merge: dismissals (a key's own items)", () => {
  const D = 'arxiv:2405.00077';
  const dismissal = (dev: 'A' | 'B', value: unknown, key = D) => rec(dev, key, { op: 'item', coll: 'dismissals', id: key, value });
  const on = { aliases: ['doi:10.1000/x'], at: 1, device: 'a' };
  const now = (records: WireRecord[], key = D) => keyItems(stateOf(records), key)?.get('dismissals')?.get(key)?.value;

  it('dismiss and undo on two devices: the later clock wins, in any order of arrival', () => {
    const a = dismissal('A', on);
    const b = dismissal('B', null);
    const a2 = dismissal('A', { ...on, at: 3 });
    expect(now([a, b])).toBeNull();
    expect(now([b, a])).toBeNull();
    expect(now([a2, b, a])).toEqual({ ...on, at: 3 });
    expect(now([b, a2, a])).toEqual({ ...on, at: 3 });
  });

  it('a dismissal of a key with no paper stands on its own: no record, carried by a snapshot', () => {
    const lib = stateOf([dismissal('A', on)]);
    expect(materialize(lib, D)).toBeNull();
    expect(keyItemsOnly(lib, D)).toBe(true);
    const fresh = fromSnapshot(JSON.parse(JSON.stringify(toSnapshot(lib, 'dev', 1, {}))) as ReturnType<typeof toSnapshot>);
    const into = emptyLibrary();
    joinInto(into, fresh);
    expect(keyItems(into, D)?.get('dismissals')?.get(D)?.value).toEqual(on);
  });

  it("is no edit of the paper: a removed paper stays removed, and its record's items are the highlights only", () => {
    const c = rec('A', D, { op: 'create', record: paper(D, 'T') });
    const h = rec('A', D, { op: 'item', coll: 'highlights', id: 'h1', value: { color: 'yellow' } });
    const gone = rec('B', D, { op: 'remove' });
    const d = dismissal('A', on);
    expect(read([c, h, gone, d], D)).toBeNull();
    const live = read([c, h, d], D)!;
    expect([...live.itemWrites.keys()]).toEqual(['highlights']);
    expect(live.paper.tags).toEqual([]);
    expect(keyItemsOnly(stateOf([c, d]), D)).toBe(false);
  });

  it('stays on its key when the paper is merged into another', () => {
    const K2 = 'doi:10.1000/x';
    const c1 = rec('A', D, { op: 'create', record: paper(D, 'T') });
    const c2 = rec('A', K2, { op: 'create', record: paper(K2, 'T') });
    const d = dismissal('A', on);
    const m = rec('A', D, { op: 'merged', into: K2 });
    const lib = stateOf([c1, c2, d, m]);
    expect(materialize(lib, K2)!.itemWrites.size).toBe(0);
    expect(keyItems(lib, D)?.get('dismissals')?.get(D)?.value).toEqual(on);
    expect(keyItems(lib, K2)).toBeUndefined();
  });
});
