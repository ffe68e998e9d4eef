// A quick check outside the browser (Node + fake-indexeddb, no vitest): a seen ledger of 200,000
// entries and one listing's look-up of 2,000 keys through lib/triage/store.ts. fake-indexeddb is
// an in-memory model, not Chromium's LevelDB: an indication, the browser row is in triage-bench.ts.
// Run: node tests/bench/ledger-node.mjs
import 'fake-indexeddb/auto';
import { keyIndex, lookup, lookupFromTables, recordSightings, saveSnapshot, SeenDB } from '../../lib/triage/store';
import type { SeenEvent } from '../../lib/triage/ledger';

const N = 200_000;
const db = new SeenDB(`bench-${Date.now()}`);
const t0 = performance.now();
for (let i = 0; i < N; i += 5000) {
  const batch: SeenEvent[] = [];
  for (let j = i; j < i + 5000; j++)
    batch.push({
      key: `arxiv:24${String(j).padStart(7, '0')}`,
      aliases: [`doi:10.48550/x.${j}`],
      at: j,
      where: 'arxiv.org/list',
      title: `Paper ${j}`,
      authors: ['A. Author'],
    });
  await recordSightings(db, batch);
}
console.log(`seeded ${await db.seen.count()} entries in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const keysOf = (r: number) =>
  Array.from({ length: 2000 }, (_, j) =>
    j % 2 ? `arxiv:24${String(r * 13 + j * 97).padStart(7, '0')}` : `arxiv:2501.${String(j).padStart(5, '0')}`,
  );

async function median(label: string, run: (keys: string[]) => Promise<{ seen: string[] }>): Promise<void> {
  const times: number[] = [];
  for (let r = 0; r < 7; r++) {
    const keys = keysOf(r);
    const t = performance.now();
    const got = await run(keys);
    times.push(performance.now() - t);
    if (got.seen.length !== 1000) throw new Error(`expected 1000 seen, got ${got.seen.length}`);
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: median ${times[3].toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times[6].toFixed(1)} ms`);
}

let t1 = performance.now();
await keyIndex(db);
console.log(`key index built from the table (no snapshot yet): ${(performance.now() - t1).toFixed(0)} ms`);
await median('look-up of 2,000 keys (1,000 seen), key index', (keys) => lookup(db, keys));
await median('the same from the tables (bulkGet + alias anyOf, before)', (keys) => lookupFromTables(db, keys));
await saveSnapshot(db);
db.close();
const again = new SeenDB(db.name);
t1 = performance.now();
const first = await lookup(again, keysOf(0));
console.log(`first look-up of a reopened ledger (snapshot loaded): ${(performance.now() - t1).toFixed(0)} ms, ${first.seen.length} seen`);
