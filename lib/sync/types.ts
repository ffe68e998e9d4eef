// What sync reads and writes: the change records of the change log contract (lib/library,
// issue 15), as they travel between devices. A note op carries `prevs` on the wire: every note
// version the author's device showed when the user edited it (the writer's single `prev` cannot
// name both sides of a conflict the user resolved).
import type { Paper } from '../paper/schema';

export type WireOp =
  | { op: 'create'; record: Paper }
  | { op: 'set'; field: string; value: unknown }
  | { op: 'tag'; tag: string; present: boolean }
  | { op: 'note'; text: string; prev?: string; prevs?: string[] }
  | { op: 'remove' }
  | { op: 'merged'; into: string }
  | { op: 'item'; coll: string; id: string; value: unknown };

export interface WireRecord {
  hlc: string;
  device: string;
  key: string;
  origin: string;
  ops: WireOp[];
}

/** Ordering of HLC strings: they sort lexicographically in causal order (contract). */
export function hlcMax(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}
