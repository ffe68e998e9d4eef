// The files of a sync folder and their shapes. Each device writes only under devices/<its id>/:
//   papershelf.json            the folder's format and encryption parameters (written once)
//   devices/<id>/head.json     the device's index: its segments, its latest snapshot, what it has seen
//   devices/<id>/seg-<n>.json.gz   its change records, append-only: a segment never changes once its head names it
//   devices/<id>/snap-<n>.json.gz  its merge state, covering every device's segments up to `covers`
import * as z from 'zod/mini';
import { DavError } from './errors';
import type { WireRecord } from './types';

export const FOLDER_FILE = 'papershelf.json';
export const DEVICES = 'devices/';
export const deviceDir = (device: string) => `${DEVICES}${device}/`;
export const headPath = (device: string) => `${deviceDir(device)}head.json`;
export const segmentPath = (device: string, n: number) => `${deviceDir(device)}seg-${String(n).padStart(8, '0')}.json.gz`;
export const snapshotPath = (device: string, n: number) => `${deviceDir(device)}snap-${String(n).padStart(8, '0')}.json.gz`;

export const DEVICE_ID = /^[0-9a-f]{16}$/;
const HLC = /^[0-9a-z]{9}-[0-9a-z]{4}-[0-9a-f]{16}$/;

const folderSchema = z.object({
  format: z.literal('papershelf-sync'),
  version: z.literal(1),
  createdAt: z.number(),
  encryption: z.optional(
    z.object({ kdf: z.literal('PBKDF2-SHA256'), iterations: z.number().check(z.int(), z.gte(100_000)), salt: z.string(), check: z.string() }),
  ),
});
export type FolderFile = z.infer<typeof folderSchema>;

const covers = z.record(z.string().check(z.regex(DEVICE_ID)), z.number().check(z.int(), z.gte(0)));
const headSchema = z.object({
  format: z.literal('papershelf-head'),
  device: z.string().check(z.regex(DEVICE_ID)),
  /** Its newest segment; every segment up to it exists, except those compacted away (≤ compacted). */
  n: z.number().check(z.int(), z.gte(0)),
  compacted: z.number().check(z.int(), z.gte(0)),
  snapshot: z.optional(z.object({ n: z.number().check(z.int(), z.gte(1)), covers })),
  seen: covers,
  at: z.number(),
  label: z.optional(z.string().check(z.maxLength(200))),
  /** Devices this one was told are gone ("Forget this device"): id → that device's head \`at\` then. */
  forgotten: z.optional(covers),
});
export type HeadFile = z.infer<typeof headSchema>;

const op = z.union([
  z.object({ op: z.literal('create'), record: z.record(z.string(), z.unknown()) }),
  z.object({ op: z.literal('set'), field: z.string().check(z.maxLength(40)), value: z.unknown() }),
  z.object({ op: z.literal('tag'), tag: z.string().check(z.maxLength(200)), present: z.boolean() }),
  z.object({ op: z.literal('note'), text: z.string(), prev: z.optional(z.string()), prevs: z.optional(z.array(z.string())) }),
  z.object({ op: z.literal('remove') }),
  z.object({ op: z.literal('merged'), into: z.string().check(z.maxLength(2100)) }),
  z.object({ op: z.literal('item'), coll: z.string().check(z.maxLength(40)), id: z.string().check(z.maxLength(200)), value: z.unknown() }),
]);
const recordSchema = z.object({
  hlc: z.string().check(z.regex(HLC)),
  device: z.string().check(z.regex(DEVICE_ID)),
  key: z.string().check(z.minLength(1), z.maxLength(2100)),
  origin: z.string().check(z.maxLength(40)),
  ops: z.array(op),
});
const segmentSchema = z.object({
  format: z.literal('papershelf-segment'),
  device: z.string().check(z.regex(DEVICE_ID)),
  n: z.number().check(z.int(), z.gte(1)),
  records: z.array(recordSchema),
});
export interface SegmentFile {
  format: 'papershelf-segment';
  device: string;
  n: number;
  records: WireRecord[];
}

function check<T>(schema: z.ZodMiniType<T>, value: unknown, path: string): T {
  const r = z.safeParse(schema, value);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new DavError('protocol', `${path} on the server is not a valid Papershelf file (${issue.path.join('.') || 'top'}: ${issue.message})`);
  }
  return r.data;
}

export const parseFolder = (v: unknown): FolderFile => check(folderSchema, v, FOLDER_FILE);
export const parseHead = (v: unknown, device: string): HeadFile => {
  const h = check(headSchema, v, headPath(device));
  if (h.device !== device) throw new DavError('protocol', `${headPath(device)} names another device (${h.device})`);
  return h;
};

/** A segment, checked: right shape, right device and number, every record made by that device. */
export function parseSegment(v: unknown, device: string, n: number): SegmentFile {
  const path = segmentPath(device, n);
  const s = check(segmentSchema, v, path) as SegmentFile;
  if (s.device !== device || s.n !== n) throw new DavError('protocol', `${path} holds another segment (${s.device} #${s.n})`);
  if (s.records.some((r) => r.device !== device || !r.hlc.endsWith(device)))
    throw new DavError('protocol', `${path} holds records of another device`);
  return s;
}
