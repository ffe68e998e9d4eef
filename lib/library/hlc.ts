// Hybrid logical clocks (Kulkarni et al., 2014): a timestamp that follows the wall clock but never
// goes backwards and orders causally related changes even across devices whose clocks disagree.
// Written as a string that sorts lexicographically in clock order, so the change log, sync
// segments and merges compare clocks as plain strings.

export interface HlcParts {
  /** Milliseconds since the epoch, as this device's clock (or a later one it heard of) said. */
  wall: number;
  /** Orders changes within one millisecond. */
  counter: number;
  device: string;
}

const WALL = 9; // base 36: up to year 5188
const COUNTER = 4; // base 36: 1.6 million changes per millisecond
const MAX_COUNTER = 36 ** COUNTER - 1;
const HLC = /^([0-9a-z]{9})-([0-9a-z]{4})-([0-9a-zA-Z_]{1,64})$/;

export function formatHlc({ wall, counter, device }: HlcParts): string {
  return `${wall.toString(36).padStart(WALL, '0')}-${counter.toString(36).padStart(COUNTER, '0')}-${device}`;
}

export function parseHlc(s: string): HlcParts | undefined {
  const m = HLC.exec(s);
  if (!m) return undefined;
  return { wall: parseInt(m[1], 36), counter: parseInt(m[2], 36), device: m[3] };
}

export const isHlc = (s: unknown): s is string => typeof s === 'string' && HLC.test(s);

/** Negative, zero or positive as `a` is before, equal to or after `b`. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function next(wall: number, counter: number, device: string): string {
  if (counter > MAX_COUNTER) return formatHlc({ wall: wall + 1, counter: 0, device });
  return formatHlc({ wall, counter, device });
}

/** The clock of a new local change, after `last` (the latest clock this device issued or heard). */
export function tick(last: string | undefined, now: number, device: string): string {
  const prev = last ? parseHlc(last) : undefined;
  if (!prev || now > prev.wall) return formatHlc({ wall: now, counter: 0, device });
  return next(prev.wall, prev.counter + 1, device);
}

/**
 * The clock after hearing of `remote` (another device's change): later than both. A device whose
 * clock runs behind still issues clocks after every change it has seen.
 */
export function receive(last: string | undefined, remote: string, now: number, device: string): string {
  const a = last ? parseHlc(last) : undefined;
  const b = parseHlc(remote);
  if (!b) return last ?? tick(undefined, now, device);
  const wall = Math.max(now, a?.wall ?? 0, b.wall);
  if (wall === now && wall > (a?.wall ?? 0) && wall > b.wall) return formatHlc({ wall, counter: 0, device });
  const counter = Math.max(a && a.wall === wall ? a.counter : -1, b.wall === wall ? b.counter : -1) + 1;
  return next(wall, counter, device);
}

/** The later of two clocks (undefined counts as before every clock). */
export const maxHlc = (a: string | undefined, b: string | undefined): string | undefined => (!a ? b : !b ? a : a > b ? a : b);

/** A new device id: 16 hex characters from the platform's random source. */
export function newDeviceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
