// @vitest-environment jsdom
/**
 * Paginated reports in the browser: page 1 leaves its identity and next-page address for its tab,
 * and page 2, reached from it, takes page 1's region and years; on its own it keeps what its
 * headings say. The background's side answers per tab and refuses malformed identities.
 */
import { describe, expect, it } from 'vitest';
import { ReportPage } from '../../lib/page/report-page';
import { analyseHere } from './analyse-here';
import { answerContinuation, nextPageUrl, previousPageFor, type ContinuationStore, type SessionArea } from '../../lib/page/continuation';
import type { FigurePainter } from '../../lib/highlights';
import { govPage, paragraphs } from '../e2e/fixtures/gov-site';
import { PAGE_ONE_TEXT, PAGE_THREE_TEXT, PAGE_TWO_TEXT } from '../fixtures/shapes/paginated';
import { mayCarryReport } from '../../lib/page/prefilter';

const painter: FigurePainter = { mode: 'highlight-api', paint() {}, setActive() {}, setHidden() {}, reposition() {}, clear() {} };

function load(title: string, articleHtml: string): Document {
  const doc = document.implementation.createHTMLDocument(title);
  doc.documentElement.innerHTML = govPage({ title, articleHtml })
    .replace(/^<!DOCTYPE html>\s*<html[^>]*>/, '')
    .replace(/<\/html>$/, '');
  return doc;
}

function memoryArea(): SessionArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key) => (data.has(key) ? { [key]: data.get(key) } : {}),
    set: async (items) => {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
  };
}

/** The content script's store for one tab, answered as the background answers it. */
function storeFor(area: SessionArea, tabId: number): ContinuationStore {
  return {
    recall: () => answerContinuation({ type: 'recall' }, tabId, area),
    remember: async (identity) => {
      await answerContinuation({ type: 'remember', identity }, tabId, area);
    },
  };
}

const BASE = 'http://www.dongling.example.gov.cn/zwgk/2025/report';
const pager = (next: string) => `<p class="pager"><a href="${next}">下一页</a></p>`;

describe('nextPageUrl', () => {
  it('finds rel=next or a 下一页 link of the same origin', () => {
    expect(nextPageUrl(load('t', '<p>x</p><link rel="next" href="r_2.html">'), `${BASE}.html`)).toBe('http://www.dongling.example.gov.cn/zwgk/2025/r_2.html');
    expect(nextPageUrl(load('t', pager('report_2.html#top')), `${BASE}.html`)).toBe(`${BASE}_2.html`);
    expect(nextPageUrl(load('t', pager('http://elsewhere.example/p2.html')), `${BASE}.html`)).toBeNull();
    expect(nextPageUrl(load('t', pager('javascript:go(2)')), `${BASE}.html`)).toBeNull();
    expect(nextPageUrl(load('t', '<p><a href="report_2.html">下一篇：其他文章</a></p>'), `${BASE}.html`)).toBeNull();
  });
});

describe('answerContinuation', () => {
  it('keeps one identity per tab and refuses malformed ones', async () => {
    const area = memoryArea();
    const identity = { url: `${BASE}.html`, region: '东岭市', level: 'city', planYear: 2025, section: 'review', nextUrl: `${BASE}_2.html` };
    expect(await answerContinuation({ type: 'remember', identity }, 7, area)).toBe(true);
    expect(await answerContinuation({ type: 'recall' }, 7, area)).toEqual(identity);
    expect(await answerContinuation({ type: 'recall' }, 8, area)).toBeNull();
    expect(await answerContinuation({ type: 'remember', identity: { ...identity, planYear: 'soon' } }, 7, area)).toBeNull();
    expect(await answerContinuation({ type: 'remember', identity: { ...identity, level: 'galaxy' } }, 7, area)).toBeNull();
    expect(await answerContinuation({ type: 'erase' }, 7, area)).toBeNull();
    expect(previousPageFor(identity, `${BASE}_2.html#p`)).toEqual({ url: `${BASE}.html`, region: '东岭市', planYear: 2025, section: 'review' });
    expect(previousPageFor(identity, `${BASE}_3.html`)).toBeNull();
  });
});

describe('page 2 of a paginated report in the browser', () => {
  const pageOne = () => load('东岭市政府工作报告', paragraphs(PAGE_ONE_TEXT) + pager('report_2.html'));
  const pageTwo = () => load('政府工作报告（第2页）', paragraphs(PAGE_TWO_TEXT) + pager('report_3.html'));

  it("takes page 1's region and years when the reader comes from page 1", async () => {
    const area = memoryArea();
    const first = new ReportPage({ doc: pageOne(), painter, url: () => `${BASE}.html`, analyseRemote: analyseHere(), continuation: storeFor(area, 3) });
    await first.run();
    expect(first.analysis?.report).toMatchObject({ isReport: true, region: '东岭市', planYear: 2025 });

    const second = new ReportPage({ doc: pageTwo(), painter, url: () => `${BASE}_2.html`, analyseRemote: analyseHere(), continuation: storeFor(area, 3) });
    await second.run();
    const r = second.analysis!.report;
    expect(r).toMatchObject({ isReport: true, region: '东岭市', level: 'city', planYear: 2025, reviewYear: 2024 });
    expect(r.warnings).toContain(`region from the previous page ${BASE}.html`);
    expect(r.warnings.find((w) => w.startsWith('years from'))).toMatch(/^years from the previous page/);
    expect(r.reasons.some((x) => x.includes('next page of the report'))).toBe(true);
    // Page 2 passes the identity on to page 3.
    expect(await storeFor(area, 3).recall()).toMatchObject({ url: `${BASE}_2.html`, region: '东岭市', section: 'plan', nextUrl: `${BASE}_3.html` });
  });

  it("analyses page 3, which the cheap check would pass over, when it continues the tab's report", async () => {
    const area = memoryArea();
    const pageThree = () => load('第3页', `<p><a href="report_2.html">上一页</a></p>` + paragraphs(PAGE_THREE_TEXT));
    expect(mayCarryReport('第3页', PAGE_THREE_TEXT).mayBeReport).toBe(false);
    // Opened on its own, it is left alone.
    const alone = new ReportPage({ doc: pageThree(), painter, url: () => `${BASE}_3.html`, analyseRemote: analyseHere(), continuation: storeFor(area, 3) });
    await alone.run();
    expect(alone.analysis).toBeNull();

    await new ReportPage({ doc: pageOne(), painter, url: () => `${BASE}.html`, analyseRemote: analyseHere(), continuation: storeFor(area, 3) }).run();
    await new ReportPage({ doc: pageTwo(), painter, url: () => `${BASE}_2.html`, analyseRemote: analyseHere(), continuation: storeFor(area, 3) }).run();
    const third = new ReportPage({ doc: pageThree(), painter, url: () => `${BASE}_3.html`, analyseRemote: analyseHere(), continuation: storeFor(area, 3) });
    await third.run();
    expect(third.analysis?.report).toMatchObject({ isReport: true, region: '东岭市', planYear: 2025 });
    expect(third.figures.length).toBeGreaterThan(5);
    // It opens in the part page 2 ended in: every figure is a plan figure.
    expect(third.figures.every((f) => f.figure.section === 'plan' && f.figure.kind === 'target')).toBe(true);
  });

  it('keeps its own evidence when reached otherwise: the years its heading names, no region', async () => {
    const area = memoryArea();
    await new ReportPage({ doc: pageOne(), painter, url: () => `${BASE}.html`, analyseRemote: analyseHere(), continuation: storeFor(area, 3) }).run();
    // Another tab, or a page that was not page 1's next page.
    for (const [tab, url] of [
      [4, `${BASE}_2.html`],
      [3, `${BASE}_9.html`],
    ] as const) {
      const page = new ReportPage({ doc: pageTwo(), painter, url: () => url, analyseRemote: analyseHere(), continuation: storeFor(area, tab) });
      await page.run();
      expect(page.analysis!.report).toMatchObject({ isReport: true, region: null, planYear: 2025, reviewYear: 2024 });
    }
  });
});
