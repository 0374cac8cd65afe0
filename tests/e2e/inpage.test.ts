/**
 * Figures in real Chromium with the built extension: pages that look like government sites,
 * served from localhost. Reports are detected and every figure highlighted where it stands (the
 * highlights read the engine's figure texts, also across <span>s and <br>s and in a GBK page);
 * ordinary pages are left alone; text that arrives late, a second page of a paginated report and
 * a report in a frame are picked up; the card opens on hover, click, keyboard and on request.
 *
 * Build first with the same output directory:
 *   ZHIBIAO_OUT_DIR=.output-x npx wxt build && ZHIBIAO_OUT_DIR=.output-x npx vitest run --project e2e tests/e2e/inpage.test.ts
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactPath, launchWithExtension, type ExtensionBrowser } from './browser';
import { startSiteServer, type SiteServer } from './site-server';
import { DISTRICT_REPORT_HTML, NEWS_HTML, encodeGbk, govPage } from './fixtures/gov-site';
import {
  allHighlights,
  askPage,
  expectedFigures,
  highlightsIn,
  IsolatedWorld,
  KINDS,
  squash,
  waitFor,
  waitForReport,
  type HighlightTexts,
} from './fixtures/inpage-harness';
import type { PageStatus } from '../../lib/messages/types';

let b: ExtensionBrowser;
let site: SiteServer;
const html = new Map<string, string>();

function serve(path: string, body: string, contentType?: string, bytes?: Buffer) {
  html.set(path, body);
  site.pages.set(path, { body: bytes ?? body, contentType });
}

const LATE_SCRIPT = (articleHtml: string, delay: number) => `<script>
setTimeout(() => { document.getElementById('zoom').innerHTML = ${JSON.stringify(articleHtml)}; }, ${delay});
</script>`;

// The district report split in two "pages": the review first, the plan appended later.
const [REVIEW_PART, PLAN_PART] = DISTRICT_REPORT_HTML.split('<p><strong>二、2023年主要任务</strong></p>');

beforeAll(async () => {
  site = await startSiteServer();
  serve('/district.html', govPage({ title: '2023年临江区政府工作报告', articleHtml: DISTRICT_REPORT_HTML }));
  serve('/news.html', govPage({ title: '区政府召开常务会议 研究部署安全生产工作', articleHtml: NEWS_HTML }));
  const gbk = govPage({
    title: '2023年清河区政府工作报告',
    articleHtml: DISTRICT_REPORT_HTML.replace(/临江/g, '清河').replace('1520', '980'),
    charset: 'gbk',
    site: '清河区人民政府',
  });
  serve('/gbk.html', gbk, 'text/html; charset=gbk', encodeGbk(gbk));
  serve('/late.html', govPage({ title: '2023年临江区政府工作报告', articleHtml: '<p>正在加载……</p>', tail: LATE_SCRIPT(DISTRICT_REPORT_HTML, 1200) }));
  serve(
    '/paged.html',
    govPage({
      title: '2023年临江区政府工作报告（第1页）',
      articleHtml: REVIEW_PART,
      tail: `<script>setTimeout(() => { document.getElementById('zoom').insertAdjacentHTML('beforeend', ${JSON.stringify('<p><strong>二、2023年主要任务</strong></p>' + PLAN_PART)}); }, 2500);</script>`,
    }),
  );
  serve('/framed-report.html', govPage({ title: '2023年临江区政府工作报告', articleHtml: DISTRICT_REPORT_HTML }));
  serve(
    '/frame.html',
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>临江论坛 - 帖子</title></head><body>
<div style="background:#246;color:#fff;padding:8px">临江论坛 &gt; 时事 &gt; 帖子</div>
<p>楼主：转一下今年的报告全文，见下方。</p>
<iframe src="/framed-report.html" style="width:100%;height:700px;border:1px solid #ccc"></iframe>
<p>回复：学习了。</p></body></html>`,
  );
  b = await launchWithExtension();
});

afterAll(async () => {
  await b?.close();
  await site?.close();
});

async function open(path: string): Promise<{ page: Page; world: IsolatedWorld }> {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const world = await IsolatedWorld.attach(page);
  await page.goto(`${site.origin}${path}`);
  await page.bringToFront();
  return { page, world };
}

async function close({ page, world }: { page: Page; world: IsolatedWorld }) {
  await world.detach();
  await page.close();
}

/** Highlights once they stop changing (the content script may still be running). */
async function settledHighlights(page: Page, min = 1): Promise<HighlightTexts> {
  let last = '';
  return waitFor('highlights to settle', async () => {
    const h = await highlightsIn(page);
    const key = JSON.stringify(h);
    const done = key === last && allHighlights(h).length >= min;
    last = key;
    return done ? h : null;
  });
}

function expectHighlightsMatch(h: HighlightTexts, path: string, url: string) {
  const expected = expectedFigures(html.get(path)!, url);
  expect(expected.isReport).toBe(true);
  for (const kind of KINDS) {
    const want = expected.figures
      .filter((f) => f.kind === kind)
      .map((f) => squash(f.text))
      .sort();
    expect(h[kind].map(squash).sort(), `${kind} highlights`).toEqual(want);
  }
  return expected;
}

describe('reports on government sites', () => {
  it('highlights every figure of a report where it stands, one highlight per figure, by kind', async () => {
    const tab = await open('/district.html');
    const status = await waitForReport(b.serviceWorker);
    const h = await settledHighlights(tab.page);
    const expected = expectHighlightsMatch(h, '/district.html', `${site.origin}/district.html`);
    expect(status.figureCount).toBe(expected.figures.length);
    expect(allHighlights(h)).toHaveLength(expected.figures.length);
    // A number in its own <span> with its unit after it, and a figure ending at a <br>: one highlight each.
    expect(h.actual).toContain('8家');
    expect(h.estimate).toContain('1520亿元');
    expect(h.target).toContain('不低于85%');
    // The ranges really cross elements.
    const crossing = await tab.page.evaluate(() => {
      const set = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(
        (window as unknown as { zbName(k: string): string }).zbName('actual'),
      )!;
      return [...set].filter((r) => r.startContainer !== r.endContainer).map((r) => r.toString());
    });
    expect(crossing).toContain('8家');
    // The background found the report's span (Readability on linkedom's copy of the page's HTML: a
    // service worker has no DOM). The copy is inert: its image, stylesheet and script are never fetched.
    let fetched = 0;
    for (const probe of ['/probe.png', '/probe.css', '/probe.js'])
      site.pages.set(probe, {
        get body() {
          fetched++;
          return '';
        },
      });
    const extensionPage = await b.context.newPage();
    await extensionPage.goto(`chrome-extension://${b.extensionId}/library.html`);
    const found = await extensionPage.evaluate(async (origin) => {
      const api = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value: { start: number; end: number } }> } } }
      ).chrome;
      const p = '一、过去一年工作回顾。'.repeat(40);
      const html =
        `<html><head><link rel="stylesheet" href="${origin}/probe.css"><script src="${origin}/probe.js"></script></head><body>` +
        `<div class="nav"><a href="/">首页</a></div><div class="content"><h1>政府工作报告</h1><img src="${origin}/probe.png"><p>${p}</p><p>${p}</p></div></body></html>`;
      const answer = await api.runtime.sendMessage({
        type: 'index/analyse',
        url: `${origin}/probe-page.html`,
        title: '政府工作报告',
        text: `首页\n政府工作报告\n${p}\n${p}`,
        html,
      });
      await new Promise((r) => setTimeout(r, 500));
      return answer;
    }, site.origin);
    await extensionPage.close();
    expect(found.ok).toBe(true);
    expect(found.value).toMatchObject({ start: 3 });
    expect(fetched).toBe(0);
    await tab.page.screenshot({ path: artifactPath('inpage-highlights.png') });
    await close(tab);
  });

  it("leaves the page's text, markup and layout as they were", async () => {
    const page = await b.context.newPage();
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const w = window as unknown as { before: { html: string; height: number; children: number } };
        w.before = { html: document.body.innerHTML, height: 0, children: document.body.children.length };
        requestAnimationFrame(() => (w.before.height = document.documentElement.scrollHeight));
      });
    });
    const world = await IsolatedWorld.attach(page);
    await page.goto(`${site.origin}/district.html`);
    await page.bringToFront();
    await waitForReport(b.serviceWorker);
    await settledHighlights(page);
    const after = await page.evaluate(() => {
      const w = window as unknown as { before: { html: string; height: number; children: number } };
      const ours = [...document.documentElement.children].filter((c) => c.hasAttribute('data-zhibiao-layer')).map((c) => c.localName);
      // The body without layers other content scripts may hang there.
      const body = document.body.cloneNode(true) as HTMLElement;
      body.querySelectorAll('[data-zhibiao-layer]').forEach((e) => e.remove());
      return { same: body.innerHTML === w.before.html, height: document.documentElement.scrollHeight, before: w.before.height, ours };
    });
    expect(after.same).toBe(true);
    expect(after.height).toBe(after.before);
    await close({ page, world });
  });

  it('reads a GBK page served with charset=gbk', async () => {
    const tab = await open('/gbk.html');
    await waitForReport(b.serviceWorker);
    const h = await settledHighlights(tab.page);
    expectHighlightsMatch(h, '/gbk.html', `${site.origin}/gbk.html`);
    expect(h.estimate).toContain('980亿元');
    expect(await tab.page.title()).toBe('2023年清河区政府工作报告');
    await close(tab);
  });

  it('picks up report text that arrives after load', async () => {
    const tab = await open('/late.html');
    const status = await waitForReport(b.serviceWorker);
    const h = await settledHighlights(tab.page);
    const finalHtml = await tab.page.content();
    html.set('/late.html#final', finalHtml);
    expectHighlightsMatch(h, '/late.html#final', `${site.origin}/late.html`);
    expect(status.figureCount).toBe(allHighlights(h).length);
    await close(tab);
  });

  it("adds the second page of a paginated report when it loads, and finds the plan's targets", async () => {
    const tab = await open('/paged.html');
    const first = await waitForReport(b.serviceWorker);
    const before = await highlightsIn(tab.page);
    expect(before.target).toHaveLength(0);
    const later = await waitFor('the second page', async () => {
      const s = await askPage<PageStatus>(b.serviceWorker, { type: 'page/status' });
      return s.figureCount > first.figureCount ? s : null;
    });
    const h = await settledHighlights(tab.page);
    expect(h.target).toContain('2000套');
    expect(allHighlights(h)).toHaveLength(later.figureCount);
    await close(tab);
  });

  it('works in a frame, and the frame answers the toolbar', async () => {
    const tab = await open('/frame.html');
    const status = await waitForReport(b.serviceWorker);
    expect(status.url).toBe(`${site.origin}/framed-report.html`);
    const frame = tab.page.frames().find((f) => f.url().endsWith('/framed-report.html'))!;
    const h = await waitFor('frame highlights', async () => {
      const x = await highlightsIn(frame as unknown as Page);
      return allHighlights(x).length === status.figureCount ? x : null;
    });
    expect(h.actual).toContain('8家');
    // The forum page around it is not a report and carries no highlights.
    expect(allHighlights(await highlightsIn(tab.page))).toHaveLength(0);
    await close(tab);
  });
});

describe('ordinary pages', () => {
  it('leaves a news page of the same site alone, and analyses it when asked', async () => {
    const tab = await open('/news.html');
    await tab.page.waitForTimeout(1500);
    const status = await askPage<PageStatus>(b.serviceWorker, { type: 'page/status' });
    expect(status.detected).toBe(false);
    expect(status.figureCount).toBe(0);
    expect(allHighlights(await highlightsIn(tab.page))).toHaveLength(0);
    expect(await tab.page.evaluate(() => document.querySelector('zhibiao-layer'))).toBeNull();

    // The toolbar's "analyse this page".
    const analysed = await askPage<PageStatus>(b.serviceWorker, { type: 'page/analyse' });
    expect(analysed.detected).toBe(false);
    expect(analysed.reportId).toBeNull();
    expect(analysed.figureCount).toBeGreaterThan(0);
    const h = await highlightsIn(tab.page);
    expect(allHighlights(h)).toContain('326家');
    await close(tab);
  });
});

describe('the figure card', () => {
  it('opens on hover, pins on click, steps with the keyboard, closes with Escape', async () => {
    const tab = await open('/district.html');
    const status = await waitForReport(b.serviceWorker);
    await settledHighlights(tab.page);
    const rectOf = (kind: string, text: string) =>
      tab.page.evaluate(
        ([k, t]) => {
          const set = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(
            (window as unknown as { zbName(k: string): string }).zbName(k),
          )!;
          const range = [...set].find((r) => r.toString() === t)!;
          range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
          const r = range.getClientRects()[0];
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        },
        [kind, text],
      );

    const at = await rectOf('target', '2000套');
    await tab.page.mouse.move(at.x, at.y);
    const hovered = await waitFor('the hover card', () => tab.world.cardText());
    expect(hovered).toContain('2000套');
    expect(hovered).toContain('新增公租房供应');
    // Last year's actual from the same report beside this year's target, and the change.
    expect(hovered).toMatch(/1800套/);
    expect(hovered).toMatch(/\+200套|\+200\s*\(/);
    await tab.page.screenshot({ path: artifactPath('inpage-card.png') });

    // Moving away closes a hover card.
    await tab.page.mouse.move(5, 5);
    await waitFor('the hover card to close', async () => (await tab.world.cardText()) === null);

    // A click pins it: it stays when the pointer leaves.
    const at2 = await rectOf('target', '不低于85%');
    await tab.page.mouse.click(at2.x, at2.y);
    const pinned = await waitFor('the pinned card', () => tab.world.cardText());
    expect(pinned).toContain('不低于85%');
    expect(pinned).toContain('88.5%');
    await tab.page.mouse.move(5, 5);
    await tab.page.waitForTimeout(700);
    expect(await tab.world.cardText()).toContain('不低于85%');

    // Keyboard: next figure, previous figure, Escape.
    await tab.page.keyboard.press('Alt+KeyJ');
    const next = await waitFor('the next card', async () => {
      const t = await tab.world.cardText();
      return t && !t.includes('不低于85%') ? t : null;
    });
    const position = (t: string) => Number(/(\d+)\/(\d+)/.exec(t)![1]);
    expect(position(next)).toBe(position(pinned) + 1 > status.figureCount ? 1 : position(pinned) + 1);
    await tab.page.keyboard.press('Alt+KeyK');
    await waitFor('the previous card', async () => (await tab.world.cardText())?.includes('不低于85%'));
    await tab.page.keyboard.press('Escape');
    await waitFor('the card to close', async () => (await tab.world.cardText()) === null);

    // Typing in a field never steps figures.
    await tab.page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'search';
      document.querySelector('.crumb')!.appendChild(input);
    });
    await tab.page.focus('#search');
    await tab.page.keyboard.press('Alt+KeyJ');
    await tab.page.waitForTimeout(300);
    expect(await tab.world.cardText()).toBeNull();
    await close(tab);
  });

  it('opens the card of a figure on request (the popup row click)', async () => {
    const tab = await open('/district.html');
    await waitForReport(b.serviceWorker);
    const expected = expectedFigures(html.get('/district.html')!, `${site.origin}/district.html`);
    const index = expected.figures.findIndex((f) => f.text === '5.5%左右');
    expect(index).toBeGreaterThanOrEqual(0);
    expect(await askPage<boolean>(b.serviceWorker, { type: 'page/showFigure', index })).toBe(true);
    const card = await waitFor('the card', () => tab.world.cardText());
    expect(card).toContain('5.5%左右');
    expect(card).toContain('地区生产总值');
    expect(card).toContain('4.2%');
    expect(await askPage<boolean>(b.serviceWorker, { type: 'page/showFigure', index: 9999 })).toBe(false);
    await close(tab);
  });
});

describe('the card in a Chinese browser', () => {
  it('speaks Chinese when the browser does', async () => {
    const { chromium } = await import('playwright-core');
    const { CHROMIUM, EXTENSION_DIR, newProfileDir } = await import('./browser');
    const { chromiumArgs } = await import('../chromium');
    const context = await chromium.launchPersistentContext(newProfileDir(), {
      executablePath: CHROMIUM,
      headless: true,
      locale: 'zh-CN',
      args: [...chromiumArgs(EXTENSION_DIR), '--lang=zh-CN'],
    });
    try {
      const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const page = await context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      const world = await IsolatedWorld.attach(page);
      await page.goto(`${site.origin}/district.html`);
      await page.bringToFront();
      await waitForReport(sw);
      const expected = expectedFigures(html.get('/district.html')!, `${site.origin}/district.html`);
      const index = expected.figures.findIndex((f) => f.text === '2000套');
      expect(await askPage<boolean>(sw, { type: 'page/showFigure', index })).toBe(true);
      const card = await waitFor('the card', () => world.cardText());
      expect(card).toContain('上年实际');
      expect(card).toContain('本年目标');
      expect(card).toContain('1800套');
      await page.screenshot({ path: artifactPath('inpage-card-zh.png') });
      await world.detach();
    } finally {
      await context.close();
    }
  });
});
