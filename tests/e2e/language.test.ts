/**
 * One language for every surface: choosing 中文 in the popup changes the open card, the status
 * pill, the open note editor in the page and the background's context menu at once (they follow
 * the setting in extension storage), and English brings them back. Also writes the screenshots of the card and of the pill with its legend, in
 * Chinese and English, light and dark, at 1366×650 (test-artifacts/inpage-{card,legend}-{zh,en}-{light,dark}.png).
 *
 * Build first:  ZHIBIAO_OUT_DIR=.output-x npx wxt build && ZHIBIAO_OUT_DIR=.output-x npx vitest run --project e2e tests/e2e/language.test.ts
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactPath, launchWithExtension, type ExtensionBrowser } from './browser';
import { startSiteServer, type SiteServer } from './site-server';
import { DISTRICT_REPORT_HTML, govPage } from './fixtures/gov-site';
import { askPage, expectedFigures, IsolatedWorld, waitFor, waitForReport } from './fixtures/inpage-harness';
import { inNotesLayer, selectPhrase } from './fixtures/closed-layer';

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  contextMenus: { update(id: string, props: { title?: string }): Promise<void> };
};

let b: ExtensionBrowser;
let site: SiteServer;
const DISTRICT = govPage({ title: '2023年临江区政府工作报告', articleHtml: DISTRICT_REPORT_HTML });

beforeAll(async () => {
  site = await startSiteServer();
  site.pages.set('/district.html', { body: DISTRICT });
  b = await launchWithExtension();
});

afterAll(async () => {
  await b?.close();
  await site?.close();
});

const inShadow = (world: IsolatedWorld, selector: string) => world.shadowElement(selector);

describe('the language setting reaches the page', () => {
  let tab: Page;
  let world: IsolatedWorld;
  let popup: Page;
  let target: number;

  beforeAll(async () => {
    tab = await b.context.newPage();
    await tab.setViewportSize({ width: 1366, height: 650 });
    world = await IsolatedWorld.attach(tab);
    await tab.goto(`${site.origin}/district.html`);
    await tab.bringToFront();
    await waitForReport(b.serviceWorker);
    target = expectedFigures(DISTRICT, `${site.origin}/district.html`).figures.findIndex((f) => f.text === '2000套');
    expect(target).toBeGreaterThanOrEqual(0);
    const tabId = await b.serviceWorker.evaluate(async (url) => (await chrome.tabs.query({ url })).find((t) => t.id)?.id, `${site.origin}/district.html`);
    popup = await b.context.newPage();
    await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tab=${tabId}`);
    await tab.bringToFront();
  });

  async function choose(lang: 'zh' | 'en') {
    await popup.getByRole('button', { name: lang === 'zh' ? '中文' : 'English' }).click();
    await tab.bringToFront();
  }

  async function showCard(): Promise<string> {
    expect(await askPage<boolean>(b.serviceWorker, { type: 'page/showFigure', index: target })).toBe(true);
    return waitFor('the card', async () => {
      const t = await world.cardText();
      return t && !/Reading the history|正在读取/.test(t) ? t : null;
    });
  }

  it('turns the open card and the pill Chinese when 中文 is chosen in the popup, and back', async () => {
    await choose('en');
    const english = await showCard();
    expect(english).toContain("Last year's actual");
    expect((await inShadow(world, '.zb-pill'))!.text).toContain('Zhibiao');

    await choose('zh');
    const chinese = await waitFor('the card in Chinese', async () => {
      const t = await world.cardText();
      return t && t.includes('上年实际') ? t : null;
    });
    expect(chinese).toContain('本年目标');
    expect(chinese).not.toContain("Last year's actual");
    await waitFor('the pill in Chinese', async () => ((await inShadow(world, '.zb-pill'))?.text.includes('指标') ? true : null));

    // A new page load reads the saved choice.
    await tab.reload();
    await waitForReport(b.serviceWorker);
    expect(await showCard()).toContain('上年实际');

    await choose('en');
    await waitFor('the card in English', async () => ((await world.cardText())?.includes("Last year's actual") ? true : null));
  });

  it('turns the open note editor and the context menu Chinese too, and back', async () => {
    // The menu's titles, as the background sets them (Chromium shows no menu to read headless).
    await b.serviceWorker.evaluate(() => {
      const g = globalThis as unknown as { menuTitles: Record<string, string> };
      g.menuTitles = {};
      const update = chrome.contextMenus.update.bind(chrome.contextMenus);
      chrome.contextMenus.update = (id, props) => {
        if (props.title) g.menuTitles[id] = props.title;
        return update(id, props);
      };
    });
    const menuTitles = () => b.serviceWorker.evaluate(() => (globalThis as unknown as { menuTitles: Record<string, string> }).menuTitles);
    await choose('en');
    await selectPhrase(tab, '新增公租房供应2000套');
    const editor = inNotesLayer(tab, '.editor');
    for (let i = 0; i < 50 && !(await editor.exists()); i++) {
      await tab.keyboard.press('Alt+KeyN');
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(await editor.locator('h2').textContent()).toBe('New note');
    expect(await editor.locator('button.primary').textContent()).toBe('Save');

    await choose('zh');
    await waitFor('the editor in Chinese', async () => ((await editor.locator('h2').textContent()) === '新笔记' ? true : null));
    expect(await editor.locator('button.primary').textContent()).toBe('保存');
    expect(await editor.locator('.hint').textContent()).toContain('保存');
    // The quote is the page's text, whatever the language.
    expect(await editor.locator('.quote').textContent()).toBe('新增公租房供应2000套');
    await waitFor('the menu in Chinese', async () => {
      const t = await menuTitles();
      return t['zhibiao-note-selection'] === '指标：划线并写笔记' && t['zhibiao-open-notes'] === '我的笔记' ? t : null;
    });

    await choose('en');
    await waitFor('the editor in English', async () => ((await editor.locator('h2').textContent()) === 'New note' ? true : null));
    await waitFor('the menu in English', async () => ((await menuTitles())['zhibiao-note-selection'] === 'Zhibiao: highlight with note' ? true : null));
    await editor.locator('textarea').press('Escape');
    await editor.waitFor({ state: 'detached' });
  });

  it('writes screenshots of the card and the legend in both languages, light and dark', async () => {
    for (const lang of ['zh', 'en'] as const) {
      await choose(lang);
      for (const scheme of ['light', 'dark'] as const) {
        await tab.emulateMedia({ colorScheme: scheme });
        await tab.keyboard.press('Escape');
        const card = await showCard();
        expect(card).toContain(lang === 'zh' ? '上年实际' : "Last year's actual");
        await tab.waitForTimeout(100);
        await tab.screenshot({ path: artifactPath(`inpage-card-${lang}-${scheme}.png`) });
        await tab.keyboard.press('Escape');
        const pill = await waitFor('the pill', () => inShadow(world, '.zb-pill'));
        await tab.mouse.click(pill.x, pill.y);
        await waitFor('the legend', () => inShadow(world, '.zb-legend'));
        await tab.screenshot({ path: artifactPath(`inpage-legend-${lang}-${scheme}.png`) });
        const close = await inShadow(world, '.zb-legend .zb-close');
        await tab.mouse.click(close!.x, close!.y);
      }
    }
    await tab.emulateMedia({ colorScheme: 'light' });
  });
});
