// The background's side of completion: drains the queue on wake-up, on every library change
// (the popup enqueues by writing the queue table, then announces the change) and on an alarm
// set for the next job due — which is also how offline lookups are retried later.
import { browser } from 'wxt/browser';
import type { PapershelfDB } from '../library/db';
import { announceChange, CHANGE_KEY } from '../messaging/changes';
import { SETTINGS_KEY } from '../settings/schema';
import { loadSettings } from '../settings/store';
import { nextDue, enqueueIncomplete } from './queue';
import { drain } from './run';

export const ALARM = 'papershelf-enrich';
/** Chrome fires alarms at most every 30 s. */
const MIN_ALARM_MS = 30_000;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function startEnrichment(db: PapershelfDB): void {
  let running: Promise<void> | undefined;
  let again = false;
  let backfilled = false;

  async function run(): Promise<void> {
    // The setting switches every request off; queued jobs wait until it is on again.
    if (!(await loadSettings()).networkLookups) return;
    if (!backfilled) {
      backfilled = true;
      await enqueueIncomplete(db, Date.now());
    }
    const env = { db, fetch: (u: string, i?: RequestInit) => fetch(u, i), now: Date.now, random: Math.random, sleep, announce: announceChange };
    while ((await drain(env)) > 0);
    const next = await nextDue(db);
    if (next !== undefined) await browser.alarms.create(ALARM, { when: Math.max(next, Date.now() + MIN_ALARM_MS) });
  }

  const kick = () => {
    if (running) {
      again = true;
      return;
    }
    running = run()
      .catch((e: unknown) => console.warn('Papershelf: metadata completion failed', e))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          kick();
        }
      });
  };

  browser.alarms.onAlarm.addListener((alarm) => alarm.name === ALARM && kick());
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (changes[CHANGE_KEY] || changes[SETTINGS_KEY])) kick();
  });
  kick();
}
