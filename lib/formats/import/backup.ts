// JSON backup import: the envelope and every paper validated with the zod schemas.
import * as z from 'zod/mini';
import { highlightSchema } from '../../paper/highlight';
import { paperSchema } from '../../paper/schema';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../backup';
import { guardedJson, type ImportResult } from './candidate';

const envelope = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number(),
  papers: z.array(z.unknown()),
  highlights: z.optional(z.array(z.unknown())),
  dismissals: z.optional(z.array(z.unknown())),
});

const key = z.string().check(z.minLength(1), z.maxLength(200));
const dismissal = z.object({
  key,
  aliases: z.array(key).check(z.maxLength(20)),
  at: z.number(),
  device: z.string().check(z.maxLength(100)),
});

function issues(e: z.core.$ZodError): string {
  return e.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`)
    .join('; ');
}

export function importBackup(text: string): ImportResult {
  return guardedJson(text, (data, result) => {
    // A bare array of papers is accepted too (older hand-made backups).
    const env = Array.isArray(data) ? { success: true as const, data: { version: 1, papers: data } } : envelope.safeParse(data);
    if (!env.success) {
      result.errors.push({ where: 'file', message: `not a Papershelf backup: ${issues(env.error)}` });
      return;
    }
    if (env.data.version > BACKUP_VERSION) {
      result.errors.push({ where: 'file', message: `backup version ${env.data.version} is newer than this Papershelf (${BACKUP_VERSION})` });
      return;
    }
    env.data.papers.forEach((raw, i) => {
      const p = paperSchema.safeParse(raw);
      if (!p.success) {
        result.errors.push({ where: `papers[${i}]`, message: issues(p.error) });
        return;
      }
      result.papers.push(p.data);
    });
    const highlights: NonNullable<ImportResult['highlights']> = [];
    ('highlights' in env.data ? (env.data.highlights ?? []) : []).forEach((raw, i) => {
      const h = highlightSchema.safeParse(raw);
      if (h.success) highlights.push(h.data);
      else result.errors.push({ where: `highlights[${i}]`, message: issues(h.error) });
    });
    if (highlights.length) result.highlights = highlights;
    const dismissals: NonNullable<ImportResult['dismissals']> = [];
    ('dismissals' in env.data ? (env.data.dismissals ?? []) : []).forEach((raw, i) => {
      const d = dismissal.safeParse(raw);
      if (d.success) dismissals.push(d.data);
      else result.errors.push({ where: `dismissals[${i}]`, message: issues(d.error) });
    });
    if (dismissals.length) result.dismissals = dismissals;
  });
}
