/**
 * The status pill and legend on a detected page, and the toolbar badge: the pill names the
 * region, year and counts by kind; the legend's toggles hide one kind's highlights (and its
 * figures no longer open cards) and bring them back; "hide all" and "show all"; the badge shows
 * the number of targets. An ordinary page gets no pill.
 *
 * Build first:  ZHIBIAO_OUT_DIR=.output-x npx wxt build && ZHIBIAO_OUT_DIR=.output-x npx vitest run --project e2e tests/e2e/legend.test.ts
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactPath, launchWithExtension, type ExtensionBrowser } from './browser';
import { startSiteServer, type SiteServer } from './site-server';
import { DISTRICT_REPORT_HTML, NEWS_HTML, govPage } from './fixtures/gov-site';
import { expectedFigures, highlightsIn, IsolatedWorld, KINDS, waitFor, waitForReport } from './fixtures/inpage-harness';

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};

let b: ExtensionBrowser;
let site: SiteServer;
const DISTRICT = govPage({ title: '2023年临江区政府工作报告', articleHtml: DISTRICT_REPORT_HTML });

beforeAll(async () => {
  site = await startSiteServer();
  site.pages.set('/district.html', { body: DISTRICT });
  site.pages.set('/news.html', { body: govPage({ title: '区政府召开常务会议', articleHtml: NEWS_HTML }) });
  b = await launchWithExtension();
});

afterAll(async () => {
  await b?.close();
  await site?.close();
});

async function open(path: string) {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 1366, height: 650 });
  const world = await IsolatedWorld.attach(page);
  await page.goto(`${site.origin}${path}`);
  await page.bringToFront();
  return { page, world };
}

const shadow = (world: IsolatedWorld, selector: string) => world.shadowElement(selector);

async function click(tab: { page: Page; world: IsolatedWorld }, selector: string) {
  const at = await waitFor(selector, () => shadow(tab.world, selector));
  await tab.page.mouse.click(at.x, at.y);
}

const counts = async (page: Page) => Object.fromEntries(Object.entries(await highlightsIn(page)).map(([k, v]) => [k, v.length]));

describe('the status pill and legend', () => {
  it('shows what was found, toggles each kind, hides and shows all, and badges the number of targets', async () => {
    const tab = await open('/district.html');
    await waitForReport(b.serviceWorker);
    const expected = expectedFigures(DISTRICT, `${site.origin}/district.html`).figures;
    const byKind = Object.fromEntries(KINDS.map((k) => [k, expected.filter((f) => f.kind === k).length]));
    expect(byKind.target).toBeGreaterThan(0);
    expect(byKind.actual).toBeGreaterThan(0);

    const pill = await waitFor('the pill', () => shadow(tab.world, '.zb-pill'));
    expect(pill.text).toContain('临江区');
    expect(pill.text).toContain('2023');
    expect(pill.text).toContain(String(byKind.target));

    const badge = await b.serviceWorker.evaluate(async () => {
      const [t] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.action.getBadgeText({ tabId: t.id! });
    });
    expect(badge).toBe(String(byKind.target));

    await click(tab, '.zb-pill');
    const legend = await waitFor('the legend', () => shadow(tab.world, '.zb-legend'));
    expect(legend.text).toMatch(/Target|目标/);
    await tab.page.screenshot({ path: artifactPath('legend-open.png') });

    // Targets off: their highlights go, the others stay, and a target no longer opens a card.
    const before = await counts(tab.page);
    expect(before.target).toBe(byKind.target);
    await click(tab, 'input[data-kind="target"]');
    await waitFor('targets hidden', async () => ((await counts(tab.page)).target === 0 ? true : null));
    expect((await counts(tab.page)).actual).toBe(before.actual);
    const targetSpot = await tab.page.evaluate(() => {
      const text = document.querySelector('#zoom')!;
      const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent!.indexOf('2000');
        if (i >= 0) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 4);
          (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
          const box = r.getClientRects()[0];
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }
      }
      return null;
    });
    expect(targetSpot).not.toBeNull();
    await tab.page.mouse.click(targetSpot!.x, targetSpot!.y);
    await tab.page.waitForTimeout(600);
    expect(await tab.world.cardText()).toBeNull();

    // Back on.
    await click(tab, 'input[data-kind="target"]');
    await waitFor('targets shown', async () => ((await counts(tab.page)).target === byKind.target ? true : null));

    // Hide all, then show all.
    await click(tab, '.zb-hide-all');
    await waitFor('all hidden', async () => (Object.values(await counts(tab.page)).every((n) => n === 0) ? true : null));
    const pillOff = await shadow(tab.world, '.zb-pill');
    expect(pillOff!.text).toContain(String(byKind.target));
    await click(tab, '.zb-hide-all');
    await waitFor('all shown', async () =>
      (await counts(tab.page)).target === byKind.target && (await counts(tab.page)).actual === before.actual ? true : null,
    );
    await tab.world.detach();
    await tab.page.close();
  });

  it('puts no pill on an ordinary page', async () => {
    const tab = await open('/news.html');
    await tab.page.waitForTimeout(1500);
    expect(await tab.page.evaluate(() => document.querySelector('zhibiao-layer'))).toBeNull();
    await tab.world.detach();
    await tab.page.close();
  });
});
