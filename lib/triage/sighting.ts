// A paper as the ledger records a sighting of it (no abstract: the ledger stays small).
import { allKeys } from '../paper/identity';
import type { PaperMeta } from '../paper/schema';
import type { Sighting } from '../messaging/protocol';

export function sightingOf(p: PaperMeta): Sighting {
  return {
    key: p.key,
    aliases: allKeys(p.ids)
      .filter((k) => k !== p.key)
      .slice(0, 20),
    title: p.title,
    authors: p.authors.slice(0, 8),
    ...(p.year !== undefined && { year: p.year }),
    ...(p.venue !== undefined && { venue: p.venue }),
  };
}
