// Helpers for sync's tests: an HLC in the contract's format and papers to start from.
import type { Paper } from '../../lib/paper/schema';
import { applyRecords, emptyLibrary, materialize, type LibraryState } from '../../lib/sync/merge';
import type { WireRecord } from '../../lib/sync/types';

const pad = (n: number, w: number) => n.toString(36).padStart(w, '0');

/** A hybrid logical clock per the contract: `${wall 9}-${counter 4}-${device}`. */
export class TestClock {
  last = '';
  constructor(
    readonly device: string,
    public now: () => number,
  ) {}
  private parts(s: string) {
    const [w, c] = s.split('-');
    return { wall: parseInt(w, 36), counter: parseInt(c, 36) };
  }
  tick(): string {
    const wall = this.now();
    const l = this.last ? this.parts(this.last) : { wall: 0, counter: 0 };
    const next = wall > l.wall ? { wall, counter: 0 } : { wall: l.wall, counter: l.counter + 1 };
    return (this.last = `${pad(next.wall, 9)}-${pad(next.counter, 4)}-${this.device}`);
  }
  receive(remote: string): void {
    if (remote > this.last) {
      const r = this.parts(remote);
      this.last = `${pad(r.wall, 9)}-${pad(r.counter, 4)}-${this.device}`;
    }
  }
}

export function paper(key: string, title: string, extra: Partial<Paper> = {}): Paper {
  return {
    key,
    ids: { arxiv: key.replace(/^arxiv:/, '') },
    title,
    authors: ['A. Author'],
    type: 'preprint',
    source: 'test',
    tags: [],
    note: '',
    status: 'unread',
    starred: false,
    addedAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    aliases: [],
    ...extra,
  };
}

/** The library a state reads as, canonical: keys sorted, every live record. */
export function canonical(lib: LibraryState): string {
  const out: unknown[] = [];
  for (const key of [...lib.papers.keys()].sort()) {
    const m = materialize(lib, key);
    if (m) out.push({ ...m, items: [...m.items].map(([c, v]) => [c, [...v]]) });
  }
  return JSON.stringify(out);
}

export function stateOf(records: Iterable<WireRecord>): LibraryState {
  const lib = emptyLibrary();
  applyRecords(lib, records);
  return lib;
}
