// Where the time from DOMContentLoaded to the highlights drawn goes (PROFILE=1 with
// ONLY=highlight; PROFILE=stream for the streamed page): three traced loads of the 100-page
// paper, the renderer's main thread from the navigation on. Prints, relative to DOMContentLoaded, the extension's scripts as they are
// evaluated, its functions' calls (FunctionCall, V8.Execute), the page's layouts and its long
// tasks, and the User Timing marks a local build may add (performance.mark('papershelf:…')).
import type { BrowserContext } from '@playwright/test';

interface Ev {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { data?: { url?: string; functionName?: string; type?: string }; url?: string };
}

const EXT = 'chrome-extension://';

/** Where a forced layout was asked for (the script's URL and function), when the trace says. */
function forcedBy(e: Ev): string {
  const st = (
    e.args as { beginData?: { stackTrace?: { url: string; functionName: string; lineNumber: number; columnNumber: number }[] } } | undefined
  )?.beginData?.stackTrace;
  const f = st?.[0];
  return f ? ` (forced by ${f.url.replace(/^chrome-extension:\/\/[^/]+/, '')}:${f.lineNumber}:${f.columnNumber} ${f.functionName})` : '';
}

export async function profileLoad(context: BrowserContext, url: string): Promise<string[]> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: Ev[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as Ev[])));
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8', 'loading', 'blink'],
    },
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__hl.drawn > 0, undefined, { timeout: 60_000, polling: 50 });
  await page.waitForTimeout(300);
  const t = await page.evaluate(() => ({
    dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart,
    drawn: window.__hl.drawn,
    marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const),
  }));
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  const lines = [`drawn ${(t.drawn - t.dcl).toFixed(1)} ms after DOMContentLoaded`];
  for (const [name, at] of t.marks) lines.push(`mark ${name} ${(at - t.dcl).toFixed(1)}`);
  const dclEv = events.find((e) => e.name === 'MarkDOMContent');
  const main = events.find((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.startsWith(EXT));
  if (!dclEv || !main) return [...lines, 'trace: no DOMContentLoaded or no extension script'];
  const on = events.filter((e) => e.pid === main.pid && e.tid === main.tid).sort((a, b) => a.ts - b.ts);
  const rel = (ts: number) => ((ts - dclEv.ts) / 1000).toFixed(1).padStart(7);
  const ms = (e: Ev) => ((e.dur ?? 0) / 1000).toFixed(1);
  const end = dclEv.ts + (t.drawn - t.dcl) * 1000 + 50_000;
  for (const e of on) {
    if (e.ts > end) break;
    const u = e.args?.data?.url ?? e.args?.url ?? '';
    const ext = u.startsWith(EXT);
    const long = (e.dur ?? 0) > 8000;
    if (e.name === 'RunTask' && e.ph === 'X' && (e.dur ?? 0) > 30_000) lines.push(`${rel(e.ts)} task ${ms(e)} ms`);
    else if ((e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule' || e.name === 'v8.compileModule') && ext)
      lines.push(`${rel(e.ts)}   ${e.name} ${u.replace(/^chrome-extension:\/\/[^/]+/, '')} ${ms(e)} ms`);
    else if (e.name === 'FunctionCall' && ext && (e.dur ?? 0) > 1000)
      lines.push(`${rel(e.ts)}   call ${u.replace(/^chrome-extension:\/\/[^/]+/, '')} ${ms(e)} ms`);
    else if ((e.name === 'Layout' || e.name === 'UpdateLayoutTree' || e.name === 'Paint' || e.name === 'ParseHTML') && long)
      lines.push(`${rel(e.ts)}   ${e.name} ${ms(e)} ms${forcedBy(e)}`);
    else if (e.name === 'MarkDOMContent') lines.push(`${rel(e.ts)}   DOMContentLoaded`);
    else if (e.cat.includes('user_timing') && e.name.startsWith('papershelf')) lines.push(`${rel(e.ts)}   mark ${e.name}`);
  }
  return lines;
}

/** Whether a load of `url` ran the highlight chunk (its script evaluated in the page's renderer, per the trace). */
export async function chunkRan(context: BrowserContext, url: string): Promise<boolean> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: Ev[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as Ev[])));
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['devtools.timeline', 'v8'] } });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(1500); // detection, and a dynamic import it might start
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  const ext = events.filter((e) => (e.args?.data?.url ?? e.args?.url ?? '').startsWith(EXT));
  if (!ext.some((e) => (e.args?.data?.url ?? e.args?.url ?? '').includes('/content-scripts/'))) throw new Error(`no content script ran on ${url}`);
  return ext.some((e) => (e.args?.data?.url ?? e.args?.url ?? '').endsWith('/highlight.js'));
}
