/**
 * A paginated report in real Chromium with the built extension: page 1 remembers its identity for
 * the tab, the reader follows 下一页, and page 2 takes page 1's region and years; the same page 2
 * opened in another tab keeps its own evidence (no region, the year its heading names). The
 * identities are read from the background's session storage, where the content script leaves them.
 *
 *   ZHIBIAO_OUT_DIR=.output-x npx wxt build && ZHIBIAO_OUT_DIR=.output-x npx vitest run --project e2e tests/e2e/paginated.test.ts
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { startSiteServer, type SiteServer } from './site-server';
import { govPage, paragraphs } from './fixtures/gov-site';
import { waitFor } from './fixtures/inpage-harness';
import { PAGE_ONE_TEXT, PAGE_TWO_TEXT } from '../fixtures/shapes/paginated';

declare const chrome: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } };

let b: ExtensionBrowser;
let site: SiteServer;

const pager = (next: string) => `<p style="text-align:center"><a href="/report.html">1</a> <a href="/report_2.html">2</a> <a href="${next}">下一页</a></p>`;

beforeAll(async () => {
  site = await startSiteServer();
  site.pages.set('/report.html', {
    body: govPage({ title: '东岭市政府工作报告', articleHtml: paragraphs(PAGE_ONE_TEXT) + pager('/report_2.html'), site: '东岭市人民政府' }),
  });
  site.pages.set('/report_2.html', {
    body: govPage({ title: '政府工作报告（第2页）', articleHtml: paragraphs(PAGE_TWO_TEXT) + pager('/report_3.html'), site: '东岭市人民政府' }),
  });
  b = await launchWithExtension();
});

afterAll(async () => {
  await b?.close();
  await site?.close();
});

/** Every identity the background holds, by its page address. */
async function identities(): Promise<Map<string, Record<string, unknown>>> {
  const all = (await b.serviceWorker.evaluate(() => chrome.storage.session.get(null))) as Record<string, Record<string, unknown>>;
  return new Map(Object.values(all).map((v) => [String(v.url), v]));
}

describe('a paginated report', () => {
  it("gives page 2 page 1's region and years when the reader follows 下一页", async () => {
    const page = await b.context.newPage();
    await page.goto(`${site.origin}/report.html`);
    const one = await waitFor('page 1 remembered', async () => (await identities()).get(`${site.origin}/report.html`));
    expect(one).toMatchObject({ region: '东岭市', level: 'city', planYear: 2025, nextUrl: `${site.origin}/report_2.html` });

    await page.getByText('下一页').click();
    const two = await waitFor('page 2 remembered', async () => (await identities()).get(`${site.origin}/report_2.html`));
    expect(two).toMatchObject({ region: '东岭市', level: 'city', planYear: 2025, nextUrl: `${site.origin}/report_3.html` });
    await page.close();
  });

  it('leaves page 2 opened on its own with its own evidence', async () => {
    const page = await b.context.newPage();
    await page.goto(`${site.origin}/report_2.html`);
    const two = await waitFor('page 2 remembered in its own tab', async () => {
      const all = (await b.serviceWorker.evaluate(() => chrome.storage.session.get(null))) as Record<string, Record<string, unknown>>;
      return Object.values(all).find((v) => v.url === `${site.origin}/report_2.html` && v.region === null);
    });
    expect(two).toMatchObject({ region: null, planYear: 2025 });
    await page.close();
  });
});
