/**
 * Nothing lost, nothing leaked, in Chromium with the built extension:
 * - a page cannot tell the extension is installed from its styles or highlight names, and finds
 *   highlights under per-installation names only where figures are painted;
 * - a page's scripted clicks, keys and mouseups open neither the figure card nor a note, and the
 *   notes layer's shadow root is closed to it;
 * - a real library (two national reports read by the extension, notes on a figure and on text in
 *   each) goes through "Back up everything" and the restore input into a fresh profile and comes
 *   back with every table unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { artifactPath, launchWithExtension, type ExtensionBrowser } from './browser';
import { startSiteServer, type SiteServer } from './site-server';
import { DISTRICT_REPORT_HTML, NEWS_HTML, govPage, paragraphs } from './fixtures/gov-site';
import { askPage, expectedFigures, IsolatedWorld, waitFor, waitForReport } from './fixtures/inpage-harness';
import { inNotesLayer, selectPhrase, waitForNotes } from './fixtures/closed-layer';
import { CORPUS_DIR } from '../corpus';

let site: SiteServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  site = await startSiteServer();
  site.pages.set('/news.html', { body: govPage({ title: '区政府召开常务会议', articleHtml: NEWS_HTML }) });
  site.pages.set('/district.html', { body: govPage({ title: '2023年临江区政府工作报告', articleHtml: DISTRICT_REPORT_HTML }) });
  ext = await launchWithExtension();
});

afterAll(async () => {
  await ext?.close();
  await site?.close();
});

/** Makes a note on the selection with the reader's own keyboard, and saves it. */
async function noteOnSelection(tab: Page, body: string): Promise<void> {
  const editor = inNotesLayer(tab, '.editor');
  for (let i = 0; i < 50 && !(await editor.exists()); i++) {
    await tab.keyboard.press('Alt+KeyN');
    await new Promise((r) => setTimeout(r, 300));
  }
  await editor.locator('textarea').fill(body);
  await editor.locator('button.primary').click();
  await editor.waitFor({ state: 'detached' });
}

/** Opens figure `index`'s card as the popup does, then its "Note on this figure", and saves a note. */
async function noteOnFigure(tab: Page, index: number, body: string): Promise<void> {
  await tab.bringToFront();
  expect(await askPage<boolean>(ext.serviceWorker, { type: 'page/showFigure', index })).toBe(true);
  const world = await IsolatedWorld.attach(tab);
  await waitFor('the figure card', () => world.cardText());
  await world.evaluate(`chrome.dom.openOrClosedShadowRoot(document.querySelector('zhibiao-layer')).querySelector('.zb-add-note').click()`);
  await world.detach();
  const editor = inNotesLayer(tab, '.editor');
  await editor.locator('textarea').fill(body);
  await editor.locator('button.primary').click();
  await editor.waitFor({ state: 'detached' });
}

describe('what a page can learn or do', () => {
  it('finds no style or highlight of ours on an ordinary page, and only per-installation names on a report', async () => {
    const tab = await ext.context.newPage();
    await tab.goto(`${site.origin}/news.html`);
    await new Promise((r) => setTimeout(r, 1500));
    const probe = () =>
      tab.evaluate(() => {
        const names = [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()];
        const ruled = [...document.styleSheets].some((s) => [...s.cssRules].some((r) => r.cssText.includes('::highlight')));
        const styled = ['actual', 'estimate', 'target', 'baseline', 'active', 'note'].map(
          (k) => getComputedStyle(document.body, `::highlight(zhibiao-${k})`).backgroundColor,
        );
        return { names, ruled, styled, plain: getComputedStyle(document.body, '::highlight(no-such-name)').backgroundColor };
      });
    const plain = await probe();
    expect(plain.names).toEqual([]);
    expect(plain.ruled).toBe(false);
    for (const s of plain.styled) expect(s).toBe(plain.plain);

    await tab.goto(`${site.origin}/district.html`);
    await waitForReport(ext.serviceWorker);
    const report = await waitFor('highlights', async () => {
      const p = await probe();
      return p.names.length ? p : null;
    });
    expect(report.names.every((n) => /^zb[a-z0-9]{6,32}-/.test(n))).toBe(true);
    for (const s of report.styled) expect(s).toBe(report.plain);
    await tab.close();
  });

  it('cannot open the figure card with scripted clicks, keys or pointer moves', async () => {
    const tab = await ext.context.newPage();
    await tab.goto(`${site.origin}/district.html`);
    await waitForReport(ext.serviceWorker);
    const world = await IsolatedWorld.attach(tab);
    const at = await waitFor('a target figure', () =>
      tab.evaluate(() => {
        const set = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(
          (window as unknown as { zbName(k: string): string }).zbName('target'),
        );
        const range = set && [...set][0];
        if (!range) return null;
        range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
        const r = range.getClientRects()[0];
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }),
    );
    await tab.evaluate(({ x, y }) => {
      const target = document.elementFromPoint(x, y) ?? document.body;
      const init = { bubbles: true, cancelable: true, clientX: x, clientY: y, view: window };
      target.dispatchEvent(new PointerEvent('pointermove', { ...init, pointerType: 'mouse' }));
      target.dispatchEvent(new MouseEvent('click', init));
      const key = { key: 'O', code: 'KeyO', altKey: true, shiftKey: true, bubbles: true };
      window.dispatchEvent(new KeyboardEvent('keydown', key));
      document.dispatchEvent(new KeyboardEvent('keydown', { ...key, key: 'J', code: 'KeyJ' }));
    }, at);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await world.cardText()).toBeNull();
    // The reader's own click does open it.
    await tab.mouse.click(at.x, at.y);
    expect(await waitFor('the card', () => world.cardText())).toBeTruthy();
    await world.detach();
    await tab.close();
  });

  it('cannot reach the notes layer or open a note with a scripted mouseup', async () => {
    const tab = await ext.context.newPage();
    await tab.goto(`${site.origin}/news.html`);
    const passage = '全区共排查企业';
    await selectPhrase(tab, passage);
    await noteOnSelection(tab, '读者的私人笔记');
    await waitForNotes(tab, (d) => d.attached === '1');
    const seen = await tab.evaluate((text) => {
      window.getSelection()!.removeAllRanges();
      const host = document.querySelector('zhibiao-layer') as HTMLElement;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let r: DOMRect | null = null;
      for (let n = walker.nextNode(); n && !r; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at + 1);
        range.setEnd(n, at + 2);
        r = range.getBoundingClientRect();
      }
      const init = { bubbles: true, cancelable: true, clientX: r!.left + 2, clientY: r!.top + r!.height / 2, view: window };
      document.elementFromPoint(init.clientX, init.clientY)!.dispatchEvent(new MouseEvent('mouseup', init));
      // Nothing of the notes on the host either: their status is inside the closed root.
      return { shadow: host.shadowRoot === null, text: host.innerText, data: Object.keys(host.dataset) };
    }, passage);
    expect(seen).toEqual({ shadow: true, text: '', data: ['zhibiaoLayer'] });
    await new Promise((r) => setTimeout(r, 1000));
    expect(await inNotesLayer(tab, '.editor').exists()).toBe(false);
    await tab.close();
  });
});

const national = join(CORPUS_DIR, 'national');
describe.skipIf(!existsSync(national))('a real library through backup and restore into a fresh profile (skipped without the corpus)', () => {
  it('gives back every table unchanged', async () => {
    const years = [2024, 2025];
    for (const y of years) {
      const text = readFileSync(join(national, `national_${y}.txt`), 'utf8');
      site.pages.set(`/gov/${y}.html`, { body: govPage({ title: `政府工作报告（${y}年）`, articleHtml: paragraphs(text), site: '中国政府网' }) });
    }
    for (const y of years) {
      const path = `/gov/${y}.html`;
      const tab = await ext.context.newPage();
      await tab.goto(`${site.origin}${path}`);
      await waitForReport(ext.serviceWorker, 60_000);
      const figures = expectedFigures(site.pages.get(path)!.body as string, `${site.origin}${path}`).figures;
      const index = figures.findIndex((f) => f.kind === 'target');
      await noteOnFigure(tab, index, `${y}年第一个目标`);
      const line = (
        readFileSync(join(national, `national_${y}.txt`), 'utf8')
          .split('\n')
          .find((l) => l.trim().length > 40) ?? ''
      )
        .trim()
        .slice(0, 12);
      await selectPhrase(tab, line);
      await noteOnSelection(tab, `${y}年的摘录`);
      await tab.close();
    }

    const backup = async (p: Page) => {
      const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: /完整备份|Back up everything/ }).click()]);
      return JSON.parse(readFileSync((await download.path())!, 'utf8')) as { counts: Record<string, number>; tables: Record<string, unknown[]> };
    };
    const notesPage = await ext.context.newPage();
    await notesPage.goto(`chrome-extension://${ext.extensionId}/notes.html`);
    await notesPage.waitForSelector('.notes-header [role=status]');
    const first = await backup(notesPage);
    // The library holds the two national reports (and what earlier tests of this file read).
    const nationalReports = first.tables.reports.filter((r) => (r as { url: string }).url.includes('/gov/'));
    expect(nationalReports).toHaveLength(2);
    const ofNational = first.tables.notes.filter((n) => (n as { url: string }).url.includes('/gov/')) as Array<{ figureId: string | null }>;
    expect(ofNational).toHaveLength(4);
    expect(ofNational.filter((n) => n.figureId)).toHaveLength(2);
    expect(first.counts.figures).toBeGreaterThan(100);
    const file = artifactPath('trust-library-backup.json');
    writeFileSync(file, JSON.stringify(first));

    const fresh = await launchWithExtension();
    try {
      const p = await fresh.context.newPage();
      await p.goto(`chrome-extension://${fresh.extensionId}/notes.html`);
      await p.waitForSelector('.notes-header [role=status]');
      await p.setInputFiles('input[name=restore]', file);
      await p.waitForSelector('.restore-report');
      expect(await p.locator('.restore-report').innerText()).toMatch(/恢复完成|Restored/);
      const second = await backup(p);
      expect(second.counts).toEqual(first.counts);
      expect(second.tables).toEqual(first.tables);
    } finally {
      await fresh.close();
    }
  }, 240_000);
});
