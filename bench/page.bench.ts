/**
 * In-page costs, measured in real Chromium (the Highlight API and layout do not exist in jsdom):
 *
 * 1. Load to highlights: a full national report (../shared/corpus, 2023) on a government-like
 *    page with every number in its own <span>, the built extension loaded; time from navigation
 *    start to the figures registered in CSS.highlights, and the longest main-thread task in that
 *    time (PerformanceObserver, longtask).
 * 2. The cheap check on a large non-report page (a ~1 MB portal page of news lists and tables):
 *    what every page pays, beside reading the whole body text as the reference.
 * 3. Painting the report's figures with the Highlight API against wrapping each one in a <mark>
 *    (the DOM-mutating way), both up to the next rendered frame; the ratio.
 * 4. Cold first load: the Guangdong 2025 report (the longest provincial one, ~100 kB) as the first
 *    page a freshly started browser (a new persistent profile each run) loads, with the extension
 *    and without; the long tasks (over 50 ms) the page's main thread shows until the highlights
 *    appear, or until the same time without the extension: as the page's longtask observer reports
 *    them, and from a trace of the main thread, where the V8 sampler tells the tasks that ran
 *    Zhibiao's code (the observer does not report every content-script task: with the engine in
 *    the page, its ~500 ms task appeared in the trace but not to the observer). `ZHIBIAO_COLD_RUNS` sets the number of
 *    pairs (15 by default); `ZHIBIAO_PAGE_BENCH=cold` runs only this part and the stage timings;
 *    `ZHIBIAO_TRACE_DUMP=file.json` keeps the last trace with the extension, to see what a task ran
 *    (`ZHIBIAO_TRACE_DUMP=trace-%d.json` keeps every run's, numbered).
 *
 * Skips with a message when Chromium is missing. Builds the extension into .output-bench first.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { CORPUS_DIR } from '../tests/corpus';
import { CHROMIUM, chromiumArgs } from '../tests/chromium';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const CORPUS = CORPUS_DIR;
const RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(1)} ms`;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The in-page engine pieces as one script for page.evaluate: prefilter, TextIndex, Readability span, engine. */
async function bundleProbe(): Promise<string> {
  const { build } = await import('vite');
  const entry = `
    import { pageMayCarryReport } from '${root}/lib/page/prefilter.ts';
    import { TextIndex } from '${root}/lib/anchoring/text-index.ts';
    import { mainTextSpan } from '${root}/lib/page/main-text.ts';
    import { analyseReport } from '${root}/lib/analysis.ts';
    export function figureRanges() {
      const index = TextIndex.fromElement(document.body);
      const span = mainTextSpan(document, index);
      const a = analyseReport(index.text.slice(span.start, span.end), { title: document.title });
      return a.figures.map((f) => ({ kind: f.kind, range: index.rangeFor(span.start + f.start, span.start + f.end) })).filter((f) => f.range);
    }
    export function stages() {
      const t0 = performance.now();
      const index = TextIndex.fromElement(document.body);
      const t1 = performance.now();
      const span = mainTextSpan(document, index);
      const t2 = performance.now();
      const a = analyseReport(index.text.slice(span.start, span.end), { title: document.title });
      const t3 = performance.now();
      const ranges = a.figures.map((f) => index.rangeFor(span.start + f.start, span.start + f.end));
      const t4 = performance.now();
      return { textIndex: t1 - t0, readability: t2 - t1, engine: t3 - t2, ranges: t4 - t3, chars: index.text.length, figures: ranges.length };
    }
    const med = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
    export function cheapCheck() {
      const times = [];
      const full = [];
      let result = pageMayCarryReport(document);
      for (let i = 0; i < 50; i++) {
        let t = performance.now();
        result = pageMayCarryReport(document);
        times.push(performance.now() - t);
        t = performance.now();
        void document.body.textContent.length;
        full.push(performance.now() - t);
      }
      return { check: med(times), full: med(full), size: document.documentElement.outerHTML.length, text: document.body.textContent.length, result };
    }
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    export async function paint(mode) {
      const figures = figureRanges();
      await frame();
      const t0 = performance.now();
      if (mode === 'highlight') {
        for (const kind of ['actual', 'estimate', 'target', 'baseline']) {
          CSS.highlights.set('zhibiao-' + kind, new Highlight(...figures.filter((f) => f.kind === kind).map((f) => f.range)));
        }
      } else {
        // Back to front, so earlier ranges stay valid while later ones change the DOM.
        for (let i = figures.length - 1; i >= 0; i--) {
          const mark = document.createElement('mark');
          mark.className = 'zb-' + figures[i].kind;
          mark.appendChild(figures[i].range.extractContents());
          figures[i].range.insertNode(mark);
        }
      }
      void document.body.offsetHeight; // style and layout now
      const sync = performance.now() - t0;
      await frame(); // and the frame painted
      return { ms: performance.now() - t0, sync, figures: figures.length };
    }
  `;
  const out = (await build({
    configFile: false,
    logLevel: 'silent',
    root,
    plugins: [
      {
        name: 'probe-entry',
        enforce: 'pre' as const,
        resolveId: (id: string) => (id.endsWith('virtual:probe') ? '\0probe' : null),
        load: (id: string) => (id === '\0probe' ? entry : null),
      },
    ],
    build: {
      write: false,
      minify: false,
      lib: { entry: 'virtual:probe', formats: ['iife'], name: 'ZhibiaoProbe' },
      rollupOptions: { output: { inlineDynamicImports: true } },
    },
  })) as { output: { code?: string }[] }[] | { output: { code?: string }[] };
  const result = Array.isArray(out) ? out[0] : out;
  return result.output[0].code!;
}

function reportPage(text: string, title = '政府工作报告（2023年）'): string {
  const body = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `<p>&nbsp;&nbsp;&nbsp;&nbsp;${esc(l).replace(/\d+(?:\.\d+)?/g, (n) => `<span>${n}</span>`)}</p>`)
    .join('\n');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>
<div class="top">中国政府网</div><ul class="nav"><li><a href="#">首页</a></li><li><a href="#">政策</a></li></ul>
<div class="main"><h1>政府工作报告</h1><div id="zoom">${body}</div></div><div class="foot">版权所有</div></body></html>`;
}

/** A big ordinary portal page: news lists, tables of figures, no report. */
function portalPage(): string {
  const parts: string[] = [];
  for (let i = 0; i < 2500; i++) {
    parts.push(
      `<div class="item"><a href="/n/${i}">第${i}条：市场监管局开展专项检查 抽检食品${i % 97}批次</a><span>2024-0${(i % 9) + 1}-1${i % 10}</span>` +
        `<p>据统计，本周共受理投诉${i * 3}件，办结率${(90 + (i % 10)).toFixed(1)}%，同比增长${(i % 13) / 2}%。</p>` +
        `<table><tr><td>区域</td><td>${i}</td><td>${i * 7}万元</td></tr></table></div>`,
    );
  }
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>综合新闻 - 门户网站</title></head><body><ul class="nav"><li><a href="#">首页</a></li></ul>${parts.join('')}</body></html>`;
}

async function loadToHighlights(extensionBrowser: { context: import('playwright-core').BrowserContext }, url: string) {
  const page = await extensionBrowser.context.newPage();
  await page.addInitScript(LONG_TASK_PROBE);
  await page.goto(url);
  const r = await page.waitForFunction(
    () => {
      const w = window as unknown as { zb: { highlightsAt: number | null; tasks: number[] } };
      if (w.zb.highlightsAt === null) return null;
      let longest = 0;
      for (let i = 0; i < w.zb.tasks.length; i += 2) if (w.zb.tasks[i] <= w.zb.highlightsAt) longest = Math.max(longest, w.zb.tasks[i + 1]);
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { highlights: w.zb.highlightsAt, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, longest };
    },
    undefined,
    { timeout: 60_000, polling: 50 },
  );
  const value = (await r.jsonValue()) as { highlights: number; domContentLoaded: number; load: number; longest: number };
  await page.close();
  return value;
}

interface ColdLoad {
  /** When the highlights appeared (with the extension) or the time waited for (without). */
  until: number;
  /** Long tasks (over 50 ms) starting before `until`: how many, and the longest (0 when none). */
  count: number;
  longest: number;
  /** Total blocking time: the sum over those tasks of what passes 50 ms. */
  blocking: number;
  /** Every long task's duration before `until`, in order. */
  durations: number[];
  /** The same within one more second (what follows the highlights: legend, card wiring). */
  countAfter: number;
  longestAfter: number;
  /** From a trace of the page's main thread (which, unlike the observer, sees content scripts):
   * its tasks over 50 ms until `until`, and those running Zhibiao's code. */
  traced: number[];
  tracedExtension: number[];
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    data?: {
      url?: string;
      startTime?: number;
      cpuProfile?: { nodes?: { id: number; parent?: number; callFrame: { url?: string } }[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

/** Starts a trace of the browser (main threads' tasks and the scripts they run); the result resolves when `stop` is called. */
async function startTrace(context: import('playwright-core').BrowserContext, page: Page): Promise<() => Promise<TraceEvent[]>> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  let complete: () => void = () => {};
  const done = new Promise<void>((resolve) => (complete = resolve));
  cdp.on('event', ({ method, params }) => {
    if (method === 'Tracing.dataCollected') events.push(...(params as { value: TraceEvent[] }).value);
    if (method === 'Tracing.tracingComplete') complete();
  });
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'disabled-by-default-devtools.timeline',
        'devtools.timeline',
        'blink.user_timing',
        'toplevel',
        'disabled-by-default-v8.cpu_profiler',
      ],
    },
  });
  return async () => {
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}

/** When the process's V8 sampler caught Zhibiao's code (a chrome-extension:// script anywhere on the stack), in trace time.
 * The profile's events come from the sampler's thread, so they are taken by process; only the page's main thread runs content scripts. */
function extensionSamples(process: TraceEvent[]): number[] {
  const times: number[] = [];
  const nodes = new Map<number, { parent?: number; url?: string }>();
  const clock = new Map<string, number>();
  for (const e of process) {
    const data = e.args?.data;
    if (e.name === 'Profile' && e.id !== undefined) clock.set(e.id, data?.startTime ?? e.ts);
    if (e.name !== 'ProfileChunk' || e.id === undefined || !data?.cpuProfile) continue;
    for (const n of data.cpuProfile.nodes ?? []) nodes.set(n.id, { parent: n.parent, url: n.callFrame.url });
    let t = clock.get(e.id) ?? e.ts;
    (data.cpuProfile.samples ?? []).forEach((id, i) => {
      t += data.timeDeltas?.[i] ?? 0;
      for (let n = nodes.get(id), depth = 0; n && depth < 200; n = n.parent === undefined ? undefined : nodes.get(n.parent), depth++) {
        if (n.url?.startsWith('chrome-extension://')) {
          times.push(t);
          break;
        }
      }
    });
    clock.set(e.id, t);
  }
  return times;
}

/** The script address a trace event names, if any. */
function urlOf(e: TraceEvent): string | undefined {
  return (e.args?.data as { url?: string } | undefined)?.url;
}

/**
 * The long tasks of the thread that emitted the mark `mark` (the page's main thread), from the
 * trace's start to the mark: every one's duration, and those in which the profiler caught a
 * script of the extension (async continuations included, which carry no address of their own) or
 * which compile or evaluate the extension's script.
 */
function longTasksOfTrace(events: TraceEvent[], mark: string): { all: number[]; extension: number[] } {
  const at = events.find((e) => e.name === mark);
  if (!at) return { all: [], extension: [] };
  const thread = events.filter((e) => e.pid === at.pid && e.tid === at.tid);
  const ours = extensionSamples(events.filter((e) => e.pid === at.pid));
  const all: number[] = [];
  const extension: number[] = [];
  for (const t of thread) {
    if (t.ph !== 'X' || t.name !== 'RunTask' || (t.dur ?? 0) <= 50_000 || t.ts > at.ts) continue;
    const end = t.ts + t.dur!;
    all.push(Math.round(t.dur! / 1000));
    // Also ours: a task that compiles or evaluates the extension's script (the sampler sees only "(program)" there).
    const loadsOurScript = thread.some(
      (e) => e.ts >= t.ts && e.ts < end && /^(EvaluateScript|v8\.compile)$/.test(e.name) && urlOf(e)?.startsWith('chrome-extension://'),
    );
    if (loadsOurScript || ours.some((x) => x >= t.ts && x < end)) extension.push(Math.round(t.dur! / 1000));
  }
  return { all, extension };
}

const LONG_TASK_PROBE = () => {
  const w = window as unknown as { zb: { highlightsAt: number | null; tasks: number[] } };
  w.zb = { highlightsAt: null, tasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.zb.tasks.push(e.startTime, e.duration);
  }).observe({ type: 'longtask', buffered: true });
  const poll = setInterval(() => {
    const reg = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
    // Any registered highlight is ours (names are per installation: zb<suffix>-target); a page without the extension registers none.
    if (reg && reg.size > 0) {
      w.zb.highlightsAt = performance.now();
      clearInterval(poll);
    }
  }, 1);
};

/**
 * One load of `url` as the first page of a browser just started on a fresh profile, with the
 * extension at `extension` or none. With the extension it waits for the highlights; without, until
 * `waitUntil` ms after navigation start (the paired run's highlight time), so both count the same span.
 */
/** Traces kept so far (ZHIBIAO_TRACE_DUMP with %d). */
let dumped = 0;

async function coldLoad(chromium: typeof import('playwright-core').chromium, extension: string | null, url: string, waitUntil: number): Promise<ColdLoad> {
  const profile = mkdtempSync(join(tmpdir(), 'zhibiao-bench-cold-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: chromiumArgs(extension) });
  try {
    if (extension && context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(LONG_TASK_PROBE);
    const stopTrace = await startTrace(context, page);
    await page.goto(url);
    const until = extension
      ? ((await (
          await page.waitForFunction(() => (window as unknown as { zb: { highlightsAt: number | null } }).zb.highlightsAt, undefined, {
            timeout: 60_000,
            polling: 50,
          })
        ).jsonValue()) as number)
      : waitUntil;
    await page.waitForFunction((t) => performance.now() >= t && !!performance.mark('zb-until'), until, { timeout: 60_000, polling: 10 });
    await page.waitForFunction((t) => performance.now() >= t, until + 1000, { timeout: 60_000, polling: 50 });
    const events = await stopTrace();
    if (process.env.ZHIBIAO_TRACE_DUMP && extension)
      (await import('node:fs')).writeFileSync(process.env.ZHIBIAO_TRACE_DUMP.replace('%d', String(++dumped)), JSON.stringify(events));
    const traced = longTasksOfTrace(events, 'zb-until');
    const observed = (await page.evaluate((t) => {
      const tasks = (window as unknown as { zb: { tasks: number[] } }).zb.tasks;
      const out = { until: t, count: 0, longest: 0, blocking: 0, durations: [] as number[], countAfter: 0, longestAfter: 0 };
      for (let i = 0; i < tasks.length; i += 2) {
        const [start, duration] = [tasks[i], tasks[i + 1]];
        if (start <= t) {
          out.count++;
          out.longest = Math.max(out.longest, duration);
          out.blocking += duration - 50;
          out.durations.push(Math.round(duration));
        }
        if (start <= t + 1000) {
          out.countAfter++;
          out.longestAfter = Math.max(out.longestAfter, duration);
        }
      }
      return out;
    }, until)) as Omit<ColdLoad, 'traced' | 'tracedExtension'>;
    return { ...observed, traced: traced.all, tracedExtension: traced.extension };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Builds the current code into .output-bench (a directory of its own) and returns the Chromium extension's path. */
function buildExtension(): string {
  execFileSync('npx', ['wxt', 'build'], { cwd: root, env: { ...process.env, ZHIBIAO_OUT_DIR: '.output-bench' }, stdio: 'ignore' });
  return join(resolve(root, '.output-bench'), 'chrome-mv3');
}

/** Section 4: pairs of cold loads (with the extension, then without for as long), medians. */
async function coldLoads(chromium: typeof import('playwright-core').chromium, extension: string, url: string): Promise<void> {
  const runs = Number(process.env.ZHIBIAO_COLD_RUNS ?? 15);
  const withExt: ColdLoad[] = [];
  const without: ColdLoad[] = [];
  for (let i = 0; i < runs; i++) {
    const w = await coldLoad(chromium, extension, url, 0);
    withExt.push(w);
    without.push(await coldLoad(chromium, null, url, w.until));
  }
  const line = (name: string, xs: ColdLoad[]) =>
    `  ${name}: long tasks until highlights ${median(xs.map((x) => x.count))} (max ${Math.max(...xs.map((x) => x.count))}), longest ${ms(median(xs.map((x) => x.longest)))} (max ${ms(Math.max(...xs.map((x) => x.longest)))}); ` +
    `blocking time ${ms(median(xs.map((x) => x.blocking)))}; until highlights + 1 s: ${median(xs.map((x) => x.countAfter))} tasks, longest ${ms(median(xs.map((x) => x.longestAfter)))}\n` +
    `    long tasks per run (ms): ${xs.map((x) => `[${x.durations.join(' ')}]`).join(' ')}\n` +
    `    traced main thread until highlights: ${median(xs.map((x) => x.traced.length))} long tasks (max ${Math.max(...xs.map((x) => x.traced.length))}), longest ${ms(median(xs.map((x) => Math.max(0, ...x.traced))))}; ` +
    `running Zhibiao's code: ${median(xs.map((x) => x.tracedExtension.length))} (max ${Math.max(...xs.map((x) => x.tracedExtension.length))}), longest ${ms(median(xs.map((x) => Math.max(0, ...x.tracedExtension))))}\n` +
    `    traced per run (ms, * = Zhibiao's): ${xs.map((x) => `[${x.traced.map((d) => (x.tracedExtension.includes(d) ? `${d}*` : String(d))).join(' ')}]`).join(' ')}`;
  console.log(`guangdong 2025 report page, first load after the browser starts (${runs} cold loads each, medians; 0 = no task over 50 ms):`);
  console.log(`  highlights at ${ms(median(withExt.map((x) => x.until)))} from navigation start`);
  console.log(line('with the extension', withExt));
  console.log(line('without the extension', without));
}

/** Main-thread script and task time (DevTools metrics, all worlds) spent by a page load, after it settles. */
async function loadCost(context: import('playwright-core').BrowserContext, url: string): Promise<{ script: number; task: number }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  await page.waitForTimeout(1500); // document_idle scripts and the first text-watch window
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const get = (n: string) => (metrics.find((m) => m.name === n)?.value ?? 0) * 1000;
  await cdp.detach();
  await page.close();
  return { script: get('ScriptDuration'), task: get('TaskDuration') };
}

/** Paints the figures one way (see `paint` in the probe) and waits for the next rendered frame. */
async function paintOnce(page: Page, probe: string, how: 'highlight' | 'wrap'): Promise<{ ms: number; sync: number; figures: number }> {
  await page.evaluate(probe);
  return page.evaluate(`ZhibiaoProbe.paint(${JSON.stringify(how)})`) as Promise<{ ms: number; sync: number; figures: number }>;
}

export async function run(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
    return;
  }
  const { chromium } = await import('playwright-core');
  const { startSiteServer } = await import('../tests/e2e/site-server');
  const hasCorpus = existsSync(join(CORPUS, 'national', 'national_2023.txt'));
  const site = await startSiteServer();
  site.pages.set('/portal.html', { body: portalPage() });
  if (hasCorpus) site.pages.set('/national-2023.html', { body: reportPage(readFileSync(join(CORPUS, 'national', 'national_2023.txt'), 'utf8')) });
  const guangdong = join(CORPUS, 'provinces-2025', 'guangdong_2025.txt');
  const hasGuangdong = existsSync(guangdong);
  if (hasGuangdong)
    site.pages.set('/guangdong-2025.html', { body: reportPage(readFileSync(guangdong, 'utf8'), '2025年广东省政府工作报告_广东省人民政府门户网站') });
  const coldOnly = process.env.ZHIBIAO_PAGE_BENCH === 'cold';
  // A fresh build of the current code, in a directory of its own.
  const extension = hasCorpus || hasGuangdong ? buildExtension() : null;
  const probe = await bundleProbe();
  let portalWithExtension: { script: number; task: number } | null = null;

  try {
    // ---------------------------------------------------------------- 1. load to highlights
    if (!hasCorpus || !extension) console.log(`load to highlights: skipped (no corpus at ${CORPUS_DIR}; set ZHIBIAO_CORPUS)`);
    else if (!coldOnly) {
      const profile = mkdtempSync(join(tmpdir(), 'zhibiao-bench-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: chromiumArgs(extension),
      });
      if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
      const eb = { context, close: () => context.close() };
      try {
        await loadToHighlights(eb, `${site.origin}/national-2023.html`); // warm-up: first run compiles the script
        const samples = [];
        for (let i = 0; i < RUNS; i++) samples.push(await loadToHighlights(eb, `${site.origin}/national-2023.html`));
        console.log(`national 2023 report page (${RUNS} loads, medians, extension loaded):`);
        console.log(`  DOMContentLoaded ${ms(median(samples.map((s) => s.domContentLoaded)))}`);
        // The content script runs at document_idle, which may come before the load event (whose
        // time then includes the script's work), so the time after DOMContentLoaded is the figure.
        console.log(
          `  load to highlights ${ms(median(samples.map((s) => s.highlights)))} from navigation start (${ms(median(samples.map((s) => s.highlights - s.domContentLoaded)))} after DOMContentLoaded)`,
        );
        const withExt = [];
        for (let i = 0; i < RUNS; i++) withExt.push(await loadCost(eb.context, `${site.origin}/portal.html`));
        portalWithExtension = { script: median(withExt.map((x) => x.script)), task: median(withExt.map((x) => x.task)) };
        // Long tasks are those over 50 ms; 0 means the run had none.
        console.log(
          `  longest main-thread task until highlights ${ms(median(samples.map((s) => s.longest)))} median, ${ms(Math.max(...samples.map((s) => s.longest)))} max (tasks over 50 ms only; 0 = none)`,
        );
      } finally {
        await eb.close();
        rmSync(profile, { recursive: true, force: true });
      }
    }

    // ---------------------------------------------------------------- 4. cold first load
    if (!hasGuangdong || !extension) console.log(`cold first load: skipped (no ${guangdong})`);
    else await coldLoads(chromium, extension, `${site.origin}/guangdong-2025.html`);

    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      // ---------------------------------------------------------------- 2. the cheap check
      const page = coldOnly ? null : await browser.newPage();
      if (page) {
        await page.goto(`${site.origin}/portal.html`);
        await page.evaluate(probe);
        const check = (await page.evaluate('ZhibiaoProbe.cheapCheck()')) as {
          check: number;
          full: number;
          size: number;
          text: number;
          result: { mayBeReport: boolean; read: number };
        };
        if (portalWithExtension) {
          const plain = [];
          for (let i = 0; i < RUNS; i++) plain.push(await loadCost(await browser.newContext(), `${site.origin}/portal.html`));
          const script = median(plain.map((x) => x.script));
          const task = median(plain.map((x) => x.task));
          console.log(
            `portal page load, main-thread script time with the extension ${ms(portalWithExtension.script)} vs without ${ms(script)} (+${ms(portalWithExtension.script - script)}, all of Zhibiao's content scripts); task time ${ms(portalWithExtension.task)} vs ${ms(task)}`,
          );
        }
        console.log(
          `cheap check on a ${(check.size / 1e6).toFixed(2)} MB portal page (${check.text} characters of text): ${check.check.toFixed(3)} ms median (reads ${check.result.read} chars, says ${check.result.mayBeReport ? 'maybe' : 'no'}); whole body textContent ${check.full.toFixed(3)} ms`,
        );
        await page.close();
      }

      // ---------------------------------------------------------------- stages of one analysis
      for (const [name, path, present] of [
        ['national 2023', '/national-2023.html', hasCorpus],
        ['guangdong 2025', '/guangdong-2025.html', hasGuangdong],
      ] as const) {
        if (!present) continue;
        const samples: Record<string, number>[] = [];
        for (let i = 0; i < RUNS; i++) {
          const p = await browser.newPage();
          await p.goto(`${site.origin}${path}`);
          await p.evaluate(probe);
          samples.push((await p.evaluate('ZhibiaoProbe.stages()')) as Record<string, number>);
          await p.close();
        }
        const m = (k: string) => ms(median(samples.map((x) => x[k])));
        console.log(
          `one analysis of the ${name} page (${samples[0].chars} characters, ${samples[0].figures} figures; ${RUNS} runs, medians): text index ${m('textIndex')}, Readability span ${m('readability')}, engine ${m('engine')}, ranges ${m('ranges')}`,
        );
      }

      // ---------------------------------------------------------------- 3. Highlight API vs wrapping
      if (coldOnly) console.log('highlight vs wrap: skipped (ZHIBIAO_PAGE_BENCH=cold)');
      else if (!hasCorpus) console.log(`highlight vs wrap: skipped (no corpus at ${CORPUS_DIR}; set ZHIBIAO_CORPUS)`);
      else {
        const results: Record<'highlight' | 'wrap', number[]> = { highlight: [], wrap: [] };
        const sync: Record<'highlight' | 'wrap', number[]> = { highlight: [], wrap: [] };
        let figures = 0;
        for (let i = 0; i < RUNS; i++) {
          for (const how of ['highlight', 'wrap'] as const) {
            const p = await browser.newPage();
            await p.goto(`${site.origin}/national-2023.html`);
            const r = await paintOnce(p, probe, how);
            results[how].push(r.ms);
            sync[how].push(r.sync);
            figures = r.figures;
            await p.close();
          }
        }
        const hl = median(results.highlight);
        const wrap = median(results.wrap);
        console.log(`painting ${figures} figures of the national 2023 report (${RUNS} runs, medians):`);
        console.log(`  to the next frame: Highlight API ${ms(hl)}; wrapping each in <mark> ${ms(wrap)}; ratio wrap/highlight ${(wrap / hl).toFixed(2)}`);
        const hs = median(sync.highlight);
        const ws = median(sync.wrap);
        console.log(
          `  applying it with style and layout (before the frame): Highlight API ${ms(hs)}; wrapping ${ms(ws)}; ratio ${(ws / Math.max(hs, 0.01)).toFixed(1)}`,
        );
      }
    } finally {
      await browser.close();
    }
  } finally {
    await site.close();
  }
}
