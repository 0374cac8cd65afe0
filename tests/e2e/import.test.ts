/**
 * Importing report files into a fresh library, then reading the next year's report in a tab.
 *
 * The national reports of 2021–2024 (../shared/corpus; skipped when absent) are imported as files
 * through the library page's file input: 2021 as a PDF (the corpus text set as a page and printed
 * by headless Chromium with page.pdf()), 2022 as a GBK .txt, 2023 as an HTML page, 2024 as UTF-8
 * text. Then the 2025 report is opened as a web page; its popup compares the 2024 targets with the
 * 2024 outcomes the 2025 report gives, so each target row carries a verdict.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { artifactPath, launchWithExtension, type ExtensionBrowser } from './browser';
import { startSiteServer, type SiteServer } from './site-server';
import { analyseReport } from '../../lib/analysis';
import { CORPUS_DIR } from '../corpus';
import { encodeGbk } from '../gbk';

const NATIONAL = join(CORPUS_DIR, 'national');
const YEARS = [2021, 2022, 2023, 2024, 2025];
const hasCorpus = YEARS.every((y) => existsSync(join(NATIONAL, `national_${y}.txt`)));
if (!hasCorpus) console.warn(`import e2e skipped: the national reports 2021–2025 are not in ${NATIONAL}`);

const read = (year: number) => readFileSync(join(NATIONAL, `national_${year}.txt`), 'utf8');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function pageHtml(title: string, text: string): string {
  const paras = text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => `<p>${esc(l.trim())}</p>`)
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><article><h1>${esc(title)}</h1>${paras}</article></body></html>`;
}

describe.skipIf(!hasCorpus)('import report files, then read the next report', () => {
  let b: ExtensionBrowser;
  let site: SiteServer;
  let base: string;

  beforeAll(async () => {
    site = await startSiteServer();
    site.pages.set('/gov/2025/report.html', { body: pageHtml('政府工作报告（2025年）', read(2025)) });
    b = await launchWithExtension();
    base = `chrome-extension://${b.extensionId}`;
  });

  afterAll(async () => {
    await b?.close();
    await site?.close();
  });

  async function printToPdf(html: string): Promise<Buffer> {
    const page = await b.context.newPage();
    await page.setContent(html);
    const pdf = await page.pdf({ format: 'A4' });
    await page.close();
    return pdf;
  }

  /** The id of the tab whose content script reports `url` (tabs.query gives no addresses without the tabs permission). */
  async function tabIdOf(from: Page, url: string): Promise<number> {
    for (let i = 0; i < 80; i++) {
      const id = await from.evaluate(async (u) => {
        const chrome = (globalThis as any).chrome;
        const answers = await Promise.all(
          (await chrome.tabs.query({})).map((t: { id: number }) =>
            chrome.tabs.sendMessage(t.id, { type: 'page/status' }).then(
              (a: any) => (a?.ok && a.value.url.split('#')[0] === u ? t.id : null),
              () => null,
            ),
          ),
        );
        return answers.find((x) => x !== null) ?? null;
      }, url);
      if (id !== null) return id;
      await from.waitForTimeout(250);
    }
    throw new Error(`no tab shows ${url}`);
  }

  it('imports four years as PDF, GBK text, HTML and text; the 2025 popup judges the 2024 targets', async () => {
    const files = [
      { name: 'national_2021.pdf', mimeType: 'application/pdf', buffer: await printToPdf(pageHtml('2021年政府工作报告', read(2021))) },
      { name: 'national_2022.txt', mimeType: 'text/plain', buffer: Buffer.from(encodeGbk(read(2022))) },
      { name: 'national_2023.html', mimeType: 'text/html', buffer: Buffer.from(pageHtml('2023年政府工作报告', read(2023))) },
      { name: 'national_2024.txt', mimeType: 'text/plain', buffer: Buffer.from(read(2024)) },
    ];

    const library = await b.context.newPage();
    await library.setViewportSize({ width: 1000, height: 900 });
    await library.goto(`${base}/library.html`);
    await library.getByRole('button', { name: 'English' }).click();
    await library.getByLabel('Import reports').setInputFiles(files);
    const items = library.locator('.import-results li');
    await expect.poll(() => items.count(), { timeout: 90_000, interval: 500 }).toBe(4);
    const statuses = await items.evaluateAll((lis) =>
      lis.map((li) => `${li.querySelector('.file-name')?.textContent}: ${li.getAttribute('data-status')} ${li.textContent}`),
    );
    expect(statuses.map((s) => s.split(' ')[1])).toEqual(['added', 'added', 'added', 'added']);
    // The PDF's text reads like the report: about as many figures as the text file gives.
    const pdfFigures = Number(/added \((\d+) figures?\)/.exec(statuses[0])?.[1]);
    expect(pdfFigures).toBeGreaterThan(analyseReport(read(2021)).figures.length * 0.8);
    await expect(library.locator('progress').getAttribute('value')).resolves.toBe('4');
    await library.locator('table.library-grid').waitFor();
    await library.screenshot({ path: artifactPath('import-library-en.png'), fullPage: true });

    // Importing the same files again adds nothing.
    await library.getByLabel('Import reports').setInputFiles(files.slice(1, 2));
    await expect.poll(() => library.locator('.import-results li').getAttribute('data-status'), { timeout: 30_000 }).toBe('exists');

    // The 2025 report in a tab is indexed by the content script; its popup shows the 2024 targets.
    const url = `${site.origin}/gov/2025/report.html`;
    const tab = await b.context.newPage();
    await tab.goto(url);
    const tabId = await tabIdOf(library, url);
    for (let i = 0; i < 80; i++) {
      const status = await library.evaluate(async (id) => (globalThis as any).chrome.tabs.sendMessage(id, { type: 'page/status' }).catch(() => null), tabId);
      if (status?.value?.reportId) break;
      await library.waitForTimeout(250);
    }
    const popup = await b.context.newPage();
    await popup.setViewportSize({ width: 800, height: 900 });
    await popup.goto(`${base}/popup.html?tab=${tabId}`);
    await popup.getByRole('button', { name: 'English' }).click();
    await popup.locator('table.comparison-table').first().waitFor({ timeout: 30_000 });
    // The rows folded under "All targets" are built after the first paint.
    await popup.waitForFunction(() => !document.querySelector('details.all-targets') || !!document.querySelector('details.all-targets table'));
    const rows = await popup.locator('table.comparison-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        metric: tr.querySelector('th')?.textContent?.trim() ?? '',
        status: tr.querySelector('.c-status')?.getAttribute('data-status') ?? '',
        lastTarget: tr.querySelector('.c-last-target')?.textContent?.trim() ?? '',
      })),
    );
    const judged = rows.filter((r) => r.status === 'met' || r.status === 'missed');
    expect(judged.length).toBeGreaterThanOrEqual(3);
    // 2024: GDP growth target 5%左右, outcome 5.0% — met.
    const gdp = rows.find((r) => r.metric.startsWith('国内生产总值'));
    expect(gdp).toMatchObject({ status: 'met' });
    expect(gdp!.lastTarget).toMatch(/5\s*%/);
    await popup.screenshot({ path: artifactPath('import-popup-2025-en.png'), fullPage: true });
    await popup.close();
    await tab.close();
    await library.close();
  });
});
