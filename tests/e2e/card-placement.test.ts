/**
 * The card never hides what it explains: at 1366×650 (a laptop) and 1280×800, for a dozen figures
 * spread over the page and brought to different heights of the window, the card's box does not
 * intersect the figure's box nor the figure's line (the paragraph's width at the figure's height),
 * and stays inside the window. On a government-site page (a right margin beside the text), on a
 * page whose text runs the whole width (no margin: above or below), and on the national 2024
 * report from the corpus (skipped without it). Keyboard stepping brings figure and card into view.
 *
 * Build first:  ZHIBIAO_OUT_DIR=.output-x npx wxt build && ZHIBIAO_OUT_DIR=.output-x npx vitest run --project e2e tests/e2e/card-placement.test.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactPath, launchWithExtension, type ExtensionBrowser } from './browser';
import { startSiteServer, type SiteServer } from './site-server';
import { DISTRICT_REPORT_HTML, govPage, numberedParagraphs } from './fixtures/gov-site';
import { IsolatedWorld, waitFor, waitForReport } from './fixtures/inpage-harness';
import { CORPUS_DIR } from '../corpus';

const NATIONAL_2024 = join(CORPUS_DIR, 'national', 'national_2024.txt');
const hasCorpus = existsSync(NATIONAL_2024);

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box) => a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

/** Text across the whole window, no margins: the card has to go above or below. */
function widePage(): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>2023年临江区政府工作报告</title>
<style>body{margin:0 10px;font:16px/1.9 serif} p{margin:0 0 10px}</style></head><body>
<div style="height:700px;background:#eee">临江区人民政府门户网站</div>
${DISTRICT_REPORT_HTML}
<div style="height:900px;background:#eee">页脚</div></body></html>`;
}

let b: ExtensionBrowser;
let site: SiteServer;

beforeAll(async () => {
  site = await startSiteServer();
  site.pages.set('/district.html', {
    body: govPage({ title: '2023年临江区政府工作报告', articleHtml: DISTRICT_REPORT_HTML.repeat(1) + '<div style="height:700px"></div>' }),
  });
  site.pages.set('/wide.html', { body: widePage() });
  if (hasCorpus) {
    site.pages.set('/national-2024.html', {
      body: govPage({ title: '政府工作报告（2024年）', articleHtml: numberedParagraphs(readFileSync(NATIONAL_2024, 'utf8')), site: '中国政府网' }),
    });
  }
  b = await launchWithExtension();
});

afterAll(async () => {
  await b?.close();
  await site?.close();
});

async function open(path: string, viewport: { width: number; height: number }) {
  const page = await b.context.newPage();
  await page.setViewportSize(viewport);
  const world = await IsolatedWorld.attach(page);
  await page.goto(`${site.origin}${path}`);
  await page.bringToFront();
  await waitForReport(b.serviceWorker, 40_000);
  return { page, world };
}

function cardBox(world: IsolatedWorld): Promise<Box | null> {
  return world.evaluate<Box | null>(`(() => {
    const host = document.querySelector('zhibiao-layer');
    const root = host && chrome.dom.openOrClosedShadowRoot(host);
    const card = root && root.querySelector('.zb-card');
    if (!card) return null;
    const r = card.getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
  })()`);
}

/** The figure with the active highlight: its boxes, and its line (its paragraph's width at its height). */
function activeFigure(page: Page): Promise<{ text: string; boxes: Box[]; line: Box } | null> {
  return page.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get((window as unknown as { zbName(k: string): string }).zbName('active'));
    const range = h && [...h][0];
    if (!range) return null;
    const boxes = [...range.getClientRects()].map((r) => ({ left: r.left, top: r.top, width: r.width, height: r.height }));
    const all = range.getBoundingClientRect();
    const block = range.startContainer.parentElement!.closest('p, div, td, li') ?? document.body;
    const p = block.getBoundingClientRect();
    return { text: range.toString(), boxes, line: { left: p.left, top: all.top, width: p.width, height: all.height } };
  });
}

/** Spans of every painted figure, in page order (page coordinates). */
function figureSpots(page: Page): Promise<{ x: number; y: number }[]> {
  return page.evaluate(() => {
    const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const ranges: Range[] = [];
    const name = (window as unknown as { zbName(k: string): string }).zbName;
    for (const kind of ['actual', 'estimate', 'target', 'baseline']) for (const r of reg.get(name(kind)) ?? []) ranges.push(r as Range);
    ranges.sort((a, c) => a.compareBoundaryPoints(Range.START_TO_START, c));
    return ranges.map((r) => {
      const rect = r.getClientRects()[0];
      return { x: rect.left + Math.min(rect.width / 2, 6), y: rect.top + window.scrollY + rect.height / 2 };
    });
  });
}

/** Clicks a dozen figures spread over the page, each brought to another height of the window, and checks the boxes. */
async function checkDozen(path: string, viewport: { width: number; height: number }, shot: string): Promise<Set<string>> {
  const tab = await open(path, viewport);
  const spots = await figureSpots(tab.page);
  expect(spots.length).toBeGreaterThanOrEqual(12);
  const sides = new Set<string>();
  for (let i = 0; i < 12; i++) {
    const spot = spots[Math.floor((i * (spots.length - 1)) / 11)];
    // Heights from near the top of the window to near its bottom.
    const wantY = 30 + ((viewport.height - 60) * i) / 11;
    await tab.page.evaluate((y) => window.scrollTo(0, y), Math.max(0, spot.y - wantY));
    await tab.page.keyboard.press('Escape');
    const y = await tab.page.evaluate((py) => py - window.scrollY, spot.y);
    await tab.page.mouse.click(spot.x, y);
    const card = await waitFor('the card', () => cardBox(tab.world));
    // The card is placed in the frame after it renders; read it once it stopped moving.
    await tab.page.waitForTimeout(50);
    const settled = (await cardBox(tab.world))!;
    const figure = await activeFigure(tab.page);
    expect(figure, `figure ${i}`).not.toBeNull();
    for (const box of figure!.boxes)
      expect(
        overlaps(settled, box),
        `${path} ${viewport.width}×${viewport.height} ${figure!.text}: card ${JSON.stringify(settled)} over figure ${JSON.stringify(box)}`,
      ).toBe(false);
    expect(overlaps(settled, figure!.line), `${figure!.text}: card over its line ${JSON.stringify(figure!.line)}`).toBe(false);
    expect(settled.top).toBeGreaterThanOrEqual(0);
    expect(settled.left).toBeGreaterThanOrEqual(0);
    expect(settled.top + settled.height).toBeLessThanOrEqual(viewport.height);
    expect(settled.left + settled.width).toBeLessThanOrEqual(viewport.width);
    sides.add(
      await tab.world.evaluate<string>(
        `(() => { const h = document.querySelector('zhibiao-layer'); return chrome.dom.openOrClosedShadowRoot(h).querySelector('.zb-card').dataset.side; })()`,
      ),
    );
    expect(card.width).toBeGreaterThan(0);
    if (i === 6) await tab.page.screenshot({ path: artifactPath(shot) });
  }
  await tab.world.detach();
  await tab.page.close();
  return sides;
}

const VIEWPORTS = [
  { width: 1366, height: 650 },
  { width: 1280, height: 800 },
];

describe('card placement', () => {
  for (const viewport of VIEWPORTS) {
    it(`keeps clear of the figure and its line on a government-site page at ${viewport.width}×${viewport.height}, in the right margin`, async () => {
      const sides = await checkDozen('/district.html', viewport, `card-placement-district-${viewport.width}x${viewport.height}.png`);
      expect(sides).toEqual(new Set(['right']));
    });

    it(`goes above or below the line where the text fills the window at ${viewport.width}×${viewport.height}`, async () => {
      const sides = await checkDozen('/wide.html', viewport, `card-placement-wide-${viewport.width}x${viewport.height}.png`);
      expect([...sides].every((s) => s === 'above' || s === 'below')).toBe(true);
    });

    it.skipIf(!hasCorpus)(`keeps clear on the national 2024 report at ${viewport.width}×${viewport.height}`, async () => {
      await checkDozen('/national-2024.html', viewport, `card-placement-national-2024-${viewport.width}x${viewport.height}.png`);
    });
  }

  it('steps with the keyboard so that the figure and its card are both in view', async () => {
    const viewport = { width: 1000, height: 650 };
    const tab = await open('/wide.html', viewport);
    await tab.page.mouse.click(5, 5);
    for (let i = 0; i < 8; i++) {
      await tab.page.keyboard.press(STEP_KEY);
      await waitFor('the card', () => cardBox(tab.world));
      await tab.page.waitForTimeout(50);
      const card = (await cardBox(tab.world))!;
      const figure = (await activeFigure(tab.page))!;
      for (const box of figure.boxes) {
        expect(box.top, figure.text).toBeGreaterThanOrEqual(0);
        expect(box.top + box.height, figure.text).toBeLessThanOrEqual(viewport.height);
        expect(overlaps(card, box), figure.text).toBe(false);
      }
      expect(card.top).toBeGreaterThanOrEqual(0);
      expect(card.top + card.height).toBeLessThanOrEqual(viewport.height);
    }
    // The keys are the browser's commands, and the card names the ones in use.
    const commands = await b.serviceWorker.evaluate(
      async () =>
        await (globalThis as unknown as { chrome: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } } }).chrome.commands.getAll(),
    );
    expect(commands.map((c) => c.name)).toEqual(expect.arrayContaining(['annotate-selection', 'next-figure', 'previous-figure', 'toggle-card']));
    const next = commands.find((c) => c.name === 'next-figure')!.shortcut || 'Alt+J';
    expect(await tab.world.cardText()).toContain(next);
    await tab.world.detach();
    await tab.page.close();
  });
});

/** The default key for the next figure. */
const STEP_KEY = 'Alt+KeyJ';
