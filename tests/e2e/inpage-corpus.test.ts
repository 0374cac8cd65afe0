/**
 * Real report texts from ../shared/corpus (skipped when it is absent), put into government-site
 * pages with every number in its own <span>: the Xuhui sample and the national reports of 2023
 * and 2024 are detected and highlighted figure by figure; the corpus's non-reports are left alone;
 * after the 2024 report is read, the 2023 report's GDP growth target (5%左右) shows its outcome
 * (5.2%, met), and that survives a browser restart on the same profile.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactPath, launchWithExtension, type ExtensionBrowser } from './browser';
import { startSiteServer, type SiteServer } from './site-server';
import { govPage, numberedParagraphs } from './fixtures/gov-site';
import { allHighlights, askPage, expectedFigures, highlightsIn, IsolatedWorld, KINDS, squash, waitFor, waitForReport } from './fixtures/inpage-harness';
import type { PageStatus } from '../../lib/messages/types';
import { CORPUS_DIR, describeIfCorpus } from '../corpus-suite';

const CORPUS = CORPUS_DIR;
const hasCorpus = existsSync(join(CORPUS, 'national', 'national_2023.txt'));

const reportHtml = numberedParagraphs;

const read = (p: string) => readFileSync(join(CORPUS, p), 'utf8');

describeIfCorpus(hasCorpus)('corpus reports in the page', () => {
  let b: ExtensionBrowser;
  let site: SiteServer;
  const html = new Map<string, string>();
  const serve = (path: string, body: string) => {
    html.set(path, body);
    site.pages.set(path, { body });
  };

  beforeAll(async () => {
    site = await startSiteServer();
    serve(
      '/xuhui.html',
      govPage({ title: '2023年徐汇区政府工作报告（摘要）', articleHtml: reportHtml(read('xuhui-2023-summary.txt')), site: '上海市徐汇区人民政府' }),
    );
    for (const year of [2023, 2024]) {
      serve(
        `/national-${year}.html`,
        govPage({ title: `政府工作报告（${year}年）`, articleHtml: reportHtml(read(`national/national_${year}.txt`)), site: '中国政府网' }),
      );
    }
    serve(
      '/npc-resolution.html',
      govPage({ title: '关于政府工作报告的决议', articleHtml: reportHtml(read('negatives/npc-resolution-2024.txt')), site: '中国人大网' }),
    );
    for (const f of readdirSync(join(CORPUS, 'negatives')).filter((n) => n.endsWith('.html'))) {
      serve(
        `/${f}`,
        `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>国务院办公厅文件</title></head><body>${read(`negatives/${f}`)}</body></html>`,
      );
    }
    b = await launchWithExtension();
  });

  afterAll(async () => {
    await b?.close();
    await site?.close();
  });

  async function open(path: string, browser = b): Promise<{ page: Page; world: IsolatedWorld }> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const world = await IsolatedWorld.attach(page);
    await page.goto(`${site.origin}${path}`);
    await page.bringToFront();
    return { page, world };
  }

  async function close(tab: { page: Page; world: IsolatedWorld }) {
    await tab.world.detach();
    await tab.page.close();
  }

  async function expectAllFigures(tab: { page: Page }, path: string, sw = b.serviceWorker) {
    const status = await waitForReport(sw, 40_000);
    const expected = expectedFigures(html.get(path)!, `${site.origin}${path}`);
    expect(expected.isReport).toBe(true);
    const h = await waitFor('every highlight', async () => {
      const x = await highlightsIn(tab.page);
      return allHighlights(x).length === expected.figures.length ? x : null;
    });
    expect(status.figureCount).toBe(expected.figures.length);
    for (const kind of KINDS) {
      expect(h[kind].map(squash).sort(), kind).toEqual(
        expected.figures
          .filter((f) => f.kind === kind)
          .map((f) => squash(f.text))
          .sort(),
      );
    }
    return { status, expected, h };
  }

  /** The analysis index of the GDP growth target (5%左右) in a national report page. */
  const gdpTarget = (path: string) =>
    expectedFigures(html.get(path)!, `${site.origin}${path}`).figures.findIndex(
      (f) => f.kind === 'target' && f.text === '5%左右' && /国内生产总值增长/.test(f.metric),
    );
  const gdpActual = (path: string, text: string) =>
    expectedFigures(html.get(path)!, `${site.origin}${path}`).figures.findIndex(
      (f) => f.kind === 'actual' && f.text === text && /国内生产总值增长/.test(f.metric),
    );

  it('highlights every figure of the Xuhui sample', async () => {
    const tab = await open('/xuhui.html');
    const { h } = await expectAllFigures(tab, '/xuhui.html');
    // The figure split by a blank line in the text, here a paragraph end: "8家".
    expect(allHighlights(h)).toContain('12.4亿美元');
    await close(tab);
  });

  it("leaves the corpus's non-reports alone", async () => {
    for (const path of [...html.keys()].filter((p) => p.startsWith('/npc') || p.startsWith('/policy'))) {
      const tab = await open(path);
      await tab.page.waitForTimeout(1200);
      const status = await askPage<PageStatus>(b.serviceWorker, { type: 'page/status' });
      expect(status.detected, path).toBe(false);
      expect(allHighlights(await highlightsIn(tab.page)), path).toHaveLength(0);
      await close(tab);
    }
  });

  it("shows the 2023 GDP target's outcome once the 2024 report is read, and it survives a restart", async () => {
    // 2023 first: its target has no outcome yet.
    let tab = await open('/national-2023.html');
    await expectAllFigures(tab, '/national-2023.html');
    const target = gdpTarget('/national-2023.html');
    expect(target).toBeGreaterThanOrEqual(0);
    expect(await askPage<boolean>(b.serviceWorker, { type: 'page/showFigure', index: target })).toBe(true);
    const before = await waitFor('the card', async () => {
      const t = await tab.world.cardText();
      return t && !/Reading the history|正在读取/.test(t) ? t : null;
    });
    expect(before).toMatch(/Not yet|尚无/);
    expect(before).toContain('3%'); // 2022's actual growth, from the same report
    await close(tab);

    // 2024: the actual 5.2% meets the 2023 target.
    tab = await open('/national-2024.html');
    await expectAllFigures(tab, '/national-2024.html');
    const actual = gdpActual('/national-2024.html', '5.2%');
    expect(actual).toBeGreaterThanOrEqual(0);
    expect(await askPage<boolean>(b.serviceWorker, { type: 'page/showFigure', index: actual })).toBe(true);
    const card2024 = await waitFor('the 2024 card', async () => {
      const t = await tab.world.cardText();
      return t && /5%左右/.test(t) ? t : null;
    });
    expect(card2024).toMatch(/✓ (Met|完成)/);
    await tab.page.screenshot({ path: artifactPath('inpage-card-national-2024.png') });
    await close(tab);

    // Back to 2023: the target shows its outcome.
    tab = await open('/national-2023.html');
    await waitForReport(b.serviceWorker, 40_000);
    expect(await askPage<boolean>(b.serviceWorker, { type: 'page/showFigure', index: target })).toBe(true);
    const after = await waitFor('the outcome', async () => {
      const t = await tab.world.cardText();
      return t && /5\.2%/.test(t) ? t : null;
    });
    expect(after).toMatch(/Outcome\s*5\.2%|结果\s*5\.2%/);
    expect(after).toMatch(/✓ (Met|完成)/);
    await tab.page.screenshot({ path: artifactPath('inpage-card-national-2023.png') });
    await close(tab);

    // Restart the browser on the same profile: the 2024 report is still in the index, so the
    // 2023 target still shows its outcome without the 2024 page being visited again.
    const profile = b.profileDir;
    await b.close();
    b = await launchWithExtension(profile);
    const stored = await b.serviceWorker.evaluate(
      () =>
        new Promise<number>((done, fail) => {
          const req = indexedDB.open('zhibiao');
          req.onerror = () => fail(req.error);
          req.onsuccess = () => {
            const count = req.result.transaction('reports').objectStore('reports').count();
            count.onsuccess = () => done(count.result);
            count.onerror = () => fail(count.error);
          };
        }),
    );
    expect(stored).toBeGreaterThanOrEqual(3);
    tab = await open('/national-2023.html');
    await waitForReport(b.serviceWorker, 40_000);
    expect(await askPage<boolean>(b.serviceWorker, { type: 'page/showFigure', index: target })).toBe(true);
    const restarted = await waitFor('the outcome after a restart', async () => {
      const t = await tab.world.cardText();
      return t && /5\.2%/.test(t) ? t : null;
    });
    expect(restarted).toMatch(/✓ (Met|完成)/);
    await close(tab);
  });
});
