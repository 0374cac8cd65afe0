/**
 * The popup, report page and library in real Chromium with the built extension.
 *
 * Two consecutive national reports are indexed, then the views are opened as tabs (headless
 * Chromium cannot open the toolbar popup; `popup.html?report=` / `?tab=` stand in for it). When
 * the build carries the content script, the later report is also served as a page from localhost
 * so the popup can be tested against a real tab (row click → the page shows the figure).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { analyseReport } from '../../lib/analysis';
import { artifactPath, EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from './browser';
import { startSiteServer, type SiteServer } from './site-server';

const CORPUS = resolve(__dirname, '../..', '../shared/corpus');
const NATIONAL = join(CORPUS, 'national');
const hasCorpus = existsSync(join(NATIONAL, 'national_2023.txt')) && existsSync(join(NATIONAL, 'national_2024.txt'));

const GDP = '国内生产总值增长';

/** A government-site page around a report text: paragraphs with full-width indents. */
function reportPage(title: string, text: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paras = text
    .split(/\n+/)
    .filter((l) => l.trim())
    .map((l) => `<p>&nbsp;&nbsp;${esc(l.trim())}</p>`)
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}_中国政府网</title></head>
<body><header><nav><a href="/">首页</a> <a href="/zhengce">政策</a></nav></header>
<main><article><h1>${esc(title)}</h1><div class="pages_content">${paras}</div></article></main>
<footer>版权所有：中国政府网</footer></body></html>`;
}

async function send(page: Page, message: unknown): Promise<{ ok: boolean; value?: any; error?: string }> {
  return page.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), message);
}

describe.skipIf(!hasCorpus)('views in Chromium', () => {
  let browser: ExtensionBrowser;
  let site: SiteServer;
  let base: string;
  let hasContentScript = false;
  const reportIds: Record<number, string> = {};
  const urls: Record<number, string> = {};

  beforeAll(async () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    hasContentScript = Array.isArray(manifest.content_scripts) && manifest.content_scripts.length > 0;
    site = await startSiteServer();
    browser = await launchWithExtension();
    base = `chrome-extension://${browser.extensionId}`;
    const page = await browser.context.newPage();
    await page.goto(`${base}/library.html`);
    for (const year of [2023, 2024]) {
      const text = readFileSync(join(NATIONAL, `national_${year}.txt`), 'utf8');
      const title = `${year}年政府工作报告`;
      urls[year] = `${site.origin}/gov/${year}/content.html`;
      site.pages.set(`/gov/${year}/content.html`, { body: reportPage(title, text) });
      const analysis = analyseReport(text, { title, url: urls[year] });
      const answer = await send(page, { type: 'index/report', url: urls[year], title, text, analysis });
      expect(answer.error).toBeUndefined();
      reportIds[year] = answer.value.reportId;
    }
    await page.close();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function openView(path: string, opts: { lang?: 'zh' | 'en'; dark?: boolean; width?: number } = {}): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: opts.width ?? 800, height: 900 });
    await page.emulateMedia({ colorScheme: opts.dark ? 'dark' : 'light' });
    await page.goto(`${base}/${path}`);
    if (opts.lang) {
      await page.getByRole('button', { name: opts.lang === 'zh' ? '中文' : 'English' }).click();
    }
    return page;
  }

  it('popup: the 2023 GDP growth target 5%左右 against the 2023 actual 5.2% is met', async () => {
    const page = await openView(`popup.html?report=${reportIds[2024]}`, { lang: 'zh' });
    await page.locator('table.comparison-table').waitFor();
    await expect(page.locator('h2.report-title').textContent()).resolves.toMatch(/政府工作报告/);
    const meta = await page.locator('dl.meta').innerText();
    expect(meta).toMatch(/全国/);
    expect(meta).toMatch(/2024/);
    expect(meta).toMatch(/2023/);
    const row = page.locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${GDP}$`) }) });
    await expect(row.count()).resolves.toBe(1);
    await expect(row.locator('.c-last-target').innerText()).resolves.toBe('5%左右');
    await expect(row.locator('.c-last-actual').innerText()).resolves.toBe('5.2%');
    await expect(row.locator('.c-status').getAttribute('data-status')).resolves.toBe('met');
    await expect(row.locator('.c-target').innerText()).resolves.toBe('5%左右');
    // A trend chart with both series, told apart by marker shape.
    const chart = page.locator('.popup-chart svg.trend-svg');
    await expect(chart.locator('.marker-target circle').count()).resolves.toBeGreaterThan(0);
    await expect(chart.locator('.marker-actual rect').count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: artifactPath('views-popup-zh.png'), fullPage: true });

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('table.comparison-table thead').innerText()).resolves.toMatch(/Last year's target/);
    await expect(row.locator('.c-status').innerText()).resolves.toMatch(/Met/);
    await page.screenshot({ path: artifactPath('views-popup-en.png'), fullPage: true });
    await page.close();
  });

  it('report page and library', async () => {
    const page = await openView(`report.html?url=${encodeURIComponent(urls[2024])}`, { lang: 'zh' });
    await page.locator('.figure-list').first().waitFor();
    await page.screenshot({ path: artifactPath('views-report-zh.png'), fullPage: true });
    await page.getByRole('button', { name: 'English' }).click();
    await page.screenshot({ path: artifactPath('views-report-en.png'), fullPage: true });
    await page.close();

    const lib = await openView('library.html', { lang: 'zh' });
    await lib.locator('table.library-grid').waitFor();
    await lib.screenshot({ path: artifactPath('views-library-zh.png'), fullPage: true });
    await lib.getByRole('button', { name: 'English' }).click();
    await lib.screenshot({ path: artifactPath('views-library-en.png'), fullPage: true });
    await lib.close();
  });
});
