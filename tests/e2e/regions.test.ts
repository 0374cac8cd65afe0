/**
 * One indicator across regions in Chromium with the built extension: the 31 provincial reports of
 * 2025 and the national one are indexed through the extension, then the regions page shows GDP
 * growth targets for 2025 region by region, with the national target as the reference line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { analyseReport } from '../../lib/analysis';
import { artifactPath, launchWithExtension, type ExtensionBrowser } from './browser';
import { CORPUS_DIR } from '../corpus';

const PROVINCES = join(CORPUS_DIR, 'provinces-2025');
const NATIONAL_2025 = join(CORPUS_DIR, 'national', 'national_2025.txt');
const hasCorpus = existsSync(PROVINCES) && existsSync(NATIONAL_2025);
if (!hasCorpus) console.warn(`regions e2e skipped: no corpus at ${CORPUS_DIR}`);

async function send(page: Page, message: unknown): Promise<{ ok: boolean; value?: any; error?: string }> {
  return page.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), message);
}

describe.skipIf(!hasCorpus)('one indicator across regions', () => {
  let browser: ExtensionBrowser;
  let base: string;
  let gdpFigureId = '';
  let provinces = 0;

  beforeAll(async () => {
    browser = await launchWithExtension();
    base = `chrome-extension://${browser.extensionId}`;
    const page = await browser.context.newPage();
    await page.goto(`${base}/library.html`);
    const files = readdirSync(PROVINCES).filter((f) => f.endsWith('_2025.txt'));
    for (const file of [...files.map((f) => join(PROVINCES, f)), NATIONAL_2025]) {
      const text = readFileSync(file, 'utf8');
      // One site per report: a site sending more than a few new reports at once is refused by design.
      const name = file.split('/').pop()!.replace('.txt', '');
      const url = `https://${name.replace(/_/g, '-')}.example.gov.cn/${name}.html`;
      const analysis = analyseReport(text, { title: '政府工作报告', url });
      const answer = await send(page, { type: 'index/analyse', url, title: '政府工作报告', text });
      expect(answer.error).toBeUndefined();
      if (file === NATIONAL_2025) {
        const i = analysis.figures.findIndex((f) => f.kind === 'target' && /国内生产总值增长/.test(f.metric) && f.unit === '%');
        expect(i).toBeGreaterThanOrEqual(0);
        gdpFigureId = `${answer.value.reportId}:${i}`;
      } else provinces++;
    }
    await page.close();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(path: string, opts: { lang: 'zh' | 'en'; dark?: boolean; width?: number; height?: number }): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: opts.width ?? 1366, height: opts.height ?? 650 });
    await page.emulateMedia({ colorScheme: opts.dark ? 'dark' : 'light' });
    await page.goto(`${base}/${path}`);
    await page.getByRole('button', { name: opts.lang === 'zh' ? '中文' : 'English' }).click();
    return page;
  }

  it('shows the 2025 GDP growth target of most provinces, the national 5% as the reference, sortable', async () => {
    expect(provinces).toBe(31);
    const page = await open(`regions.html?figure=${encodeURIComponent(gdpFigureId)}`, { lang: 'zh' });
    await page.locator('table.regions-table').waitFor();
    await expect(page.locator('h1').innerText()).resolves.toMatch(/生产总值.*2025年各地区/);
    const national = page.locator('tr.national');
    await expect(national.locator('.c-target').innerText()).resolves.toBe('5%左右');
    const rows = page.locator('table.regions-table tbody tr:not(.national)');
    const withTarget = await page.locator('table.regions-table tbody tr:not(.national) .c-target a').count();
    // Every province sets a GDP growth target; a few phrase it so that it is not read as one.
    expect(withTarget).toBeGreaterThanOrEqual(25);
    await expect(rows.count()).resolves.toBeLessThanOrEqual(31);
    // Bars: one per province with a target in %, and the national reference line at 5.
    await expect(page.locator('svg.region-bars g.bar').count()).resolves.toBe(withTarget);
    await expect(page.locator('svg.region-bars .reference').getAttribute('data-value')).resolves.toBe('5');
    await page.screenshot({ path: artifactPath('regions-gdp-zh-light.png') });
    // Sorted by target, highest first; then by region name on request.
    const values = async () =>
      page
        .locator('table.regions-table tbody tr:not(.national) .c-target')
        .evaluateAll((els) => els.map((e) => parseFloat(e.textContent ?? '')).filter((v) => !Number.isNaN(v)));
    const desc = await values();
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    expect(desc[0]).toBeGreaterThan(desc[desc.length - 1]);
    await page.getByRole('button', { name: /^2025年目标/ }).click();
    const asc = await values();
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    await page.getByRole('button', { name: /^地区/ }).click();
    await expect(page.locator('table.regions-table thead th').first().getAttribute('aria-sort')).resolves.toBe('descending');
    // Each target links to its sentence in the report's page.
    const href = await rows.locator('.c-target a').first().getAttribute('href');
    expect(href).toMatch(/^https:\/\/[a-z]+-2025\.example\.gov\.cn\/[a-z]+_2025\.html#:~:text=/);
    await page.close();

    for (const [lang, dark] of [
      ['en', false],
      ['en', true],
      ['zh', true],
    ] as const) {
      const p = await open(`regions.html?figure=${encodeURIComponent(gdpFigureId)}`, { lang, dark });
      await p.locator('table.regions-table').waitFor();
      await p.screenshot({ path: artifactPath(`regions-gdp-${lang}-${dark ? 'dark' : 'light'}.png`) });
      await p.close();
    }
  });

  it('is reached from the library, where an indicator and a year are chosen', async () => {
    const page = await open('library.html', { lang: 'en' });
    await page.getByRole('link', { name: 'One indicator across regions' }).click();
    await page.waitForURL(/regions\.html/);
    const indicator = page.getByLabel('Indicator');
    await indicator.waitFor();
    const options = await indicator.locator('option').allInnerTexts();
    // Indicators several regions set, most widely set first.
    expect(options.length).toBeGreaterThan(5);
    const gdp = options.find((o) => /生产总值/.test(o))!;
    expect(gdp).toMatch(/\((\d+) regions\)/);
    await indicator.selectOption({ label: gdp });
    await page.locator('table.regions-table').waitFor();
    await expect(page.locator('tr.national .c-target').innerText()).resolves.toBe('5%左右');
    expect(page.url()).toMatch(/key=.*&year=2025/);
    await page.close();
  });

  it('opens from a figure through the background, as the card asks for it', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/library.html`);
    const [opened] = await Promise.all([browser.context.waitForEvent('page'), send(page, { type: 'open/regions', figureId: gdpFigureId })]);
    await opened.waitForURL(/regions\.html\?figure=/);
    await opened.locator('table.regions-table').waitFor();
    const bad = await send(page, { type: 'open/regions', figureId: 'javascript:alert(1)' });
    expect(bad.ok).toBe(false);
    await opened.close();
    await page.close();
  });
});
