/**
 * First render of the popup and the library with 100 indexed reports.
 *
 * The index is built the way the background builds it (indexReport into IndexedDB, here
 * fake-indexeddb in Node) from the corpus: the national reports, and the 2025 provincial reports
 * repeated as 2023 and 2024 reports of their province (years shifted, text marked so each copy is
 * its own report), 100 in all. Each view is then timed as the reader meets it: the background's
 * query, then a Preact render of the component into jsdom, cold (first) and warm (median of 20).
 *
 * fake-indexeddb is slower than Chromium's IndexedDB at reading stored objects, so the query
 * times here are an upper bound for the browser. Then the same 100 reports are indexed in real
 * Chromium through the background (the built extension, `.output-bench-views`), and the popup
 * (`popup.html?report=`) and library pages are timed from navigation start to their table on
 * screen: script loading, the message round trip, the query and the render together.
 * Skipped without the corpus; the Chromium part is skipped without Chromium.
 */
import 'fake-indexeddb/auto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import type { Analysis } from '../lib/model';
import { CORPUS_DIR } from '../tests/corpus';
import { CHROMIUM, chromiumArgs } from '../tests/chromium';

const here = fileURLToPath(new URL('.', import.meta.url));
const CORPUS = CORPUS_DIR;
const TARGET = 100;
/** Page loads timed per view in Chromium (after a first, reported apart). */
const LOADS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

type Input = { url: string; title: string; text: string; analysis: Analysis };

/** The hundred reports: the national ones, then the provincial ones of 2025 as 2025, 2024 and 2023 reports. */
export async function benchInputs(): Promise<Input[]> {
  const { analyseReport } = await import('../lib/analysis');
  const inputs: Input[] = [];
  const national = readdirSync(join(CORPUS, 'national'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
  for (const f of national) {
    const text = readFileSync(join(CORPUS, 'national', f), 'utf8');
    inputs.push({ url: `https://www.gov.cn/bench/${f}.html`, title: '政府工作报告', text, analysis: analyseReport(text, { title: '政府工作报告' }) });
  }
  const provinces = readdirSync(join(CORPUS, 'provinces-2025'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const provincial = provinces.map((f) => ({ f, text: readFileSync(join(CORPUS, 'provinces-2025', f), 'utf8') }));
  for (const shift of [0, -1, -2]) {
    for (const p of provincial) {
      if (inputs.length >= TARGET) break;
      // A trailing line keeps offsets valid and makes each copy a report of its own (content-hashed).
      // The background analyses what it is sent, so an earlier year's copy says earlier years.
      const shifted = shift === 0 ? p.text : p.text.replace(/(20\d\d)(?=年)/g, (y) => String(Number(y) + shift));
      const text = shift === 0 ? shifted : `${shifted}\n（${-shift}）`;
      // Each province on its own site: indexing refuses a 21st new report from one site within ten
      // minutes (lib/storage/index-report.ts), which the bench's hundred reports would hit.
      const site = p.f
        .replace(/\.txt$/, '')
        .replace(/[^a-z0-9]+/gi, '-')
        .toLowerCase();
      inputs.push({
        url: `https://${site}.gov.example/bench/${-shift}.html`,
        title: '政府工作报告',
        text,
        analysis: analyseReport(text, { title: '政府工作报告' }),
      });
    }
  }
  // Oldest first, as a reader collecting reports over the years would.
  return inputs.sort((a, b) => (a.analysis.report.planYear ?? 0) - (b.analysis.report.planYear ?? 0));
}

export async function run(): Promise<void> {
  if (!existsSync(join(CORPUS, 'national')) || !existsSync(join(CORPUS, 'provinces-2025'))) {
    console.log(`views: skipped (no corpus at ${CORPUS_DIR}; set ZHIBIAO_CORPUS)`);
    return;
  }
  // A browser-like global scope for Preact before the components load.
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  const g = globalThis as Record<string, unknown>;
  for (const key of [
    'window',
    'document',
    'Node',
    'Element',
    'HTMLElement',
    'SVGElement',
    'Event',
    'MouseEvent',
    'requestAnimationFrame',
    'cancelAnimationFrame',
  ]) {
    if (!(key in g) || key === 'window' || key === 'document') g[key] = (dom.window as unknown as Record<string, unknown>)[key];
  }
  const { render, h } = await import('preact');
  const { ZhibiaoDB } = await import('../lib/storage/db');
  const { indexReport } = await import('../lib/storage/index-report');
  const { comparisonView, libraryView } = await import('../lib/views');
  const { PopupView } = await import('../components/PopupView');
  const { LibraryGrid } = await import('../components/LibraryGrid');

  const inputs = await benchInputs();

  const db = new ZhibiaoDB(`views-bench-${Date.now()}`);
  const t0 = performance.now();
  for (const input of inputs) await indexReport(db, input);
  const seeded = performance.now() - t0;
  const reports = await db.reports.toArray();
  const figures = await db.figures.count();
  console.log(`views: ${reports.length} reports indexed (${figures} figures) in ${(seeded / 1000).toFixed(1)} s (fake-indexeddb)`);

  const latestNational = reports.filter((r) => r.level === 'national').sort((a, b) => (b.planYear ?? 0) - (a.planYear ?? 0))[0];
  const host = document.createElement('div');
  document.body.appendChild(host);
  const noop = async () => {
    throw new Error('not in the bench');
  };

  const popupRun = async () => {
    const q0 = performance.now();
    const view = await comparisonView(db, latestNational.id);
    const q1 = performance.now();
    render(h(PopupView, { background: { request: noop } as never, page: null, initial: view, reportUrl: (id: string) => id, libraryUrl: 'l' }), host);
    const r1 = performance.now();
    const rows = host.querySelectorAll('.comparison-table tbody tr').length;
    render(null, host);
    return { query: q1 - q0, render: r1 - q1, rows };
  };
  const libraryRun = async () => {
    const q0 = performance.now();
    const view = await libraryView(db);
    const q1 = performance.now();
    render(h(LibraryGrid, { reports: view.reports, reportUrl: (id: string) => id, onDelete: noop as never, onRestore: noop as never }), host);
    const r1 = performance.now();
    const cells = host.querySelectorAll('.lib-report').length;
    render(null, host);
    return { query: q1 - q0, render: r1 - q1, rows: cells };
  };

  for (const [name, once] of [
    ['popup', popupRun],
    ['library', libraryRun],
  ] as const) {
    const first = await once();
    const warm: { query: number; render: number }[] = [];
    for (let i = 0; i < 20; i++) warm.push(await once());
    const q = median(warm.map((w) => w.query));
    const r = median(warm.map((w) => w.render));
    console.log(
      `views: ${name} first render ${(first.query + first.render).toFixed(1)} ms (query ${first.query.toFixed(1)} + render ${first.render.toFixed(1)}), ` +
        `warm median ${(q + r).toFixed(1)} ms (query ${q.toFixed(1)} + render ${r.toFixed(1)}); ${first.rows} ${name === 'popup' ? 'rows' : 'reports shown'}; aim < 100 ms`,
    );
  }
  await db.delete();
  await inChromium(inputs, latestNational.planYear);
}

/**
 * Options for timing builds against each other: `keep`, a profile folder to seed once and reuse
 * (the index is kept in it, with `seeded.json` naming the national report), so pages are timed
 * again without indexing a hundred reports; `extension`, a built extension to load instead of
 * building one (give it a manifest `key`, so every build has the id the kept index belongs to).
 * By default the extension is built and a fresh profile is made and removed.
 */
export async function inChromium(inputs: Input[], nationalYear: number | null, { keep, extension: built }: { keep?: string; extension?: string } = {}) {
  if (!existsSync(CHROMIUM)) {
    console.log('views: Chromium part skipped (no Chromium)');
    return;
  }
  const root = resolve(here, '..');
  if (!built) execFileSync('npx', ['wxt', 'build'], { cwd: root, env: { ...process.env, ZHIBIAO_OUT_DIR: '.output-bench-views' }, stdio: 'ignore' });
  const extension = built ?? join(root, '.output-bench-views', 'chrome-mv3');
  const { chromium } = await import('playwright-core');
  const profile = keep ?? mkdtempSync(join(tmpdir(), 'zhibiao-profile-bench-views-'));
  const seeded = join(profile, 'seeded.json');
  // A kept profile keeps the service worker's script as first registered (the extension's version
  // does not change between builds), so the build's own background would not run: drop the
  // registration, which the extension makes again on load; the index itself stays.
  if (keep) rmSync(join(profile, 'Default', 'Service Worker'), { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs(extension),
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const base = `chrome-extension://${new URL(worker.url()).host}`;
    await context.addInitScript(MARKS_SCRIPT);
    const page = await context.newPage();
    await page.goto(`${base}/library.html`);
    if (keep) {
      // The worker registered again (see above) may leave a request of its first moments unanswered:
      // ask until one answer comes, so that no timed load meets that.
      for (let i = 0; i < 5; i++) {
        const answered = await page.evaluate(
          (m) => Promise.race([(globalThis as any).chrome.runtime.sendMessage(m).then(() => true), new Promise((r) => setTimeout(() => r(false), 3000))]),
          { type: 'view/library' },
        );
        if (answered) break;
      }
    }
    let nationalId: string | null = existsSync(seeded) ? (JSON.parse(readFileSync(seeded, 'utf8')) as { nationalId: string }).nationalId : null;
    if (!nationalId) {
      const t0 = performance.now();
      for (const input of inputs) {
        const answer = await page.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), {
          type: 'index/analyse',
          url: input.url,
          title: input.title,
          text: input.text,
        });
        if (!answer?.ok) throw new Error(`indexing failed: ${answer?.error}`);
        if (input.analysis.report.level === 'national' && input.analysis.report.planYear === nationalYear) nationalId = answer.value.reportId;
      }
      console.log(`views: Chromium: ${inputs.length} reports indexed through the background in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      if (keep) writeFileSync(seeded, JSON.stringify({ nationalId }));
    }

    /**
     * One load of `path`, timed from navigation start (performance.now() is 0 there). A script
     * run before the page's own (addInitScript) marks, the first time each happens: the language
     * setting asked and read (extension storage), the view request sent and its answer received
     * (runtime.sendMessage wrapped), the first table row in the DOM (a MutationObserver, called
     * right after the render), and the next frame after it (the frame that paints the rows; the
     * mark is taken in a task queued from that frame's animation callback, after its paint).
     */
    const load = async (path: string): Promise<Marks> => {
      // The marks come back as a console message: evaluating anything in the page while it loads
      // would run Playwright's own script there (tens of milliseconds) and delay what is measured.
      const marks = new Promise<Marks>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${path}: no table within 20 s`)), 20_000);
        const listen = (message: { text(): string }) => {
          if (!message.text().startsWith(MARKS_PREFIX)) return;
          page.off('console', listen);
          clearTimeout(timer);
          resolve(JSON.parse(message.text().slice(MARKS_PREFIX.length)) as Marks);
        };
        page.on('console', listen);
      });
      await page.goto(`${base}/${path}`);
      return marks;
    };
    const row = (m: Marks) =>
      `html ${m.html.toFixed(0)}, modules run ${m.modules.toFixed(0)}, setting read ${m.settingRead?.toFixed(0) ?? '–'}, ` +
      `request sent ${m.sent?.toFixed(0) ?? '–'}, answer ${m.answered?.toFixed(0) ?? '–'}, rows in DOM ${m.rows.toFixed(0)}, painted ${m.painted.toFixed(0)}`;
    const medianMarks = (all: Marks[]): Marks => {
      const out: Record<string, number> = {};
      for (const key of Object.keys(all[0])) out[key] = median(all.map((m) => (m as unknown as Record<string, number>)[key]));
      return out as unknown as Marks;
    };
    writeFloorPages(extension);
    for (const [name, path] of [
      ['popup', `popup.html?report=${nationalId}`],
      ['library', 'library.html'],
      ['floor, no script', FLOOR_PAGE],
      ['floor, one module', FLOOR_MODULE_PAGE],
    ] as const) {
      const first = await load(path);
      const loads: Marks[] = [];
      for (let i = 0; i < LOADS; i++) loads.push(await load(path));
      const m = medianMarks(loads);
      console.log(
        `views: Chromium: ${name} from navigation to table painted ${m.painted.toFixed(1)} ms (median of ${LOADS} loads; ${first.painted.toFixed(1)} ms on the first)${name.startsWith('floor') ? '' : '; aim < 100 ms'}`,
      );
      console.log(`views: Chromium: ${name} breakdown, ms after navigation start (medians): ${row(m)}`);
      console.log(`views: Chromium: ${name} first load: ${row(first)}`);
    }
    // The background's answer alone, asked from an open page.
    const roundTrip = async (message: unknown) => {
      const times: number[] = [];
      for (let i = 0; i < 10; i++) {
        times.push(
          await page.evaluate(async (m) => {
            const t = performance.now();
            const answer = await (globalThis as any).chrome.runtime.sendMessage(m);
            if (!answer?.ok) throw new Error(answer?.error);
            return performance.now() - t;
          }, message),
        );
      }
      return median(times);
    };
    console.log(
      `views: Chromium: background answer asked from an open page: popup's ${(await roundTrip({ type: 'view/comparison', reportId: nationalId })).toFixed(1)} ms, ` +
        `library's ${(await roundTrip({ type: 'view/library' })).toFixed(1)} ms (medians of 10)`,
    );
  } finally {
    await context.close();
    if (!keep) rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * The browser's own share: extension pages holding a one-row table (the library's, styled by
 * nothing), timed with the same marks. The first has no script; the second one empty module,
 * the least a page that renders with script loads. Written into the extension under test.
 */
const FLOOR_PAGE = 'bench-floor.html';
const FLOOR_MODULE_PAGE = 'bench-floor-module.html';

function writeFloorPages(extension: string): void {
  const page = (head: string) =>
    `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>floor</title>${head}</head>` +
    `<body><table class="library-grid"><tbody><tr><th>全国</th><td>2025年政府工作报告</td></tr></tbody></table></body></html>\n`;
  writeFileSync(join(extension, FLOOR_PAGE), page(''));
  writeFileSync(join(extension, 'bench-floor.js'), 'export {};\n');
  writeFileSync(join(extension, FLOOR_MODULE_PAGE), page('<script type="module" src="/bench-floor.js"></script>'));
}

/** Milliseconds after navigation start; see `load` in inChromium. */
interface Marks {
  html: number;
  modules: number;
  settingAsked?: number;
  settingRead?: number;
  sent?: number;
  answered?: number;
  rows: number;
  painted: number;
}

const MARKS_PREFIX = 'zhibiao-bench-marks ';

/** Runs in each page before its own scripts (a string: it must not close over the bench's scope). */
const MARKS_SCRIPT = `(() => {
  const marks = {};
  globalThis.__zhibiaoMarks = marks;
  const mark = (key) => { if (!(key in marks)) marks[key] = performance.now(); };
  const api = globalThis.chrome;
  const wrap = (owner, name, before, after, when) => {
    const original = owner?.[name];
    if (typeof original !== 'function') return;
    owner[name] = function (...args) {
      const ours = when(args[0]);
      if (ours) mark(before);
      const answer = original.apply(this, args);
      if (ours && answer && typeof answer.then === 'function') answer.then(() => mark(after), () => mark(after));
      return answer;
    };
  };
  wrap(api?.runtime, 'sendMessage', 'sent', 'answered', (m) => typeof m?.type === 'string' && m.type.startsWith('view/'));
  wrap(api?.storage?.local, 'get', 'settingAsked', 'settingRead', () => true);
  const selector = location.pathname.startsWith('/popup') ? 'table.comparison-table tbody tr' : 'table.library-grid tbody tr';
  new MutationObserver((_, observer) => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    mark('rows');
    requestAnimationFrame(() =>
      setTimeout(() => {
        mark('painted');
        const n = performance.getEntriesByType('navigation')[0];
        console.debug(${JSON.stringify(MARKS_PREFIX)} + JSON.stringify({ html: n.responseEnd, modules: n.domContentLoadedEventStart, ...marks }));
      }, 0),
    );
  }).observe(document, { childList: true, subtree: true });
})();`;
