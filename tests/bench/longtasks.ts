// Long main-thread tasks caused by the extension, from a trace of one load. The Long Animation
// Frames API cannot tell: Chromium attributes scripts of the page's own world only (a content
// script's 150 ms DOMContentLoaded work showed as a frame with no script at all), and the Long
// Tasks API attributes nothing. So the page's renderer is traced (CDP Tracing: every task,
// RunTask, with its span) while V8's sampler runs (CDP Profiler, same clock): the extension's
// share of a task is the time of the samples whose stack holds a chrome-extension:// frame.
import type { BrowserContext } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { data?: { url?: string } };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { url: string }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface LongTasks {
  /** Tasks over 50 ms in which the extension ran 50 ms or more, or without whose share the task would be 50 ms or less. */
  caused: number;
  /** The extension's longest work within one task, ms. */
  longestExt: number;
  /** The extension's main-thread time over the load and the 2.5 s after it, ms. */
  totalExt: number;
}

const EXT = 'chrome-extension://';

/** Sample times (µs, trace clock) with the time each stands for, when the extension's code was on the stack. */
function extensionSamples(p: CpuProfile): { at: number; us: number }[] {
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const memo = new Map<number, boolean>();
  const isExt = (id: number): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const n = byId.get(id);
    const up = parent.get(id);
    const v = !!n && (n.callFrame.url.startsWith(EXT) || (up !== undefined && isExt(up)));
    memo.set(id, v);
    return v;
  };
  const out: { at: number; us: number }[] = [];
  let t = p.startTime;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i];
    // A sample stands for the time until the next one.
    const us = p.timeDeltas[i + 1] ?? 0;
    if (isExt(p.samples[i])) out.push({ at: t, us });
  }
  return out;
}

export async function longTasksOf(context: BrowserContext, url: string, settle: () => Promise<unknown>): Promise<LongTasks> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] },
  });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForFunction(() => window.__bench.all > 0, undefined, { timeout: 120_000, polling: 100 });
  await new Promise((r) => setTimeout(r, 2500));
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  await settle();
  // The page's renderer main thread: where the content script was evaluated.
  const evaluated = events.find(
    (e) => e.name === 'EvaluateScript' && e.args?.data?.url?.startsWith(EXT) && e.args.data.url.includes('/content-scripts/'),
  );
  if (!evaluated) throw new Error('the trace shows no content script');
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === evaluated.pid && e.tid === evaluated.tid);
  const samples = extensionSamples(profile);
  const extIn = (a: number, b: number) => samples.reduce((n, s) => (s.at >= a && s.at < b ? n + s.us : n), 0) / 1000;
  let caused = 0;
  let longestExt = 0;
  for (const t of tasks) {
    const ms = (t.dur ?? 0) / 1000;
    const ext = extIn(t.ts, t.ts + (t.dur ?? 0));
    longestExt = Math.max(longestExt, ext);
    if (ms > 50 && ext > 0 && (ext >= 50 || ms - ext <= 50)) caused++;
  }
  return { caused, longestExt, totalExt: samples.reduce((n, s) => n + s.us, 0) / 1000 };
}
