// @vitest-environment jsdom
/**
 * ReportPage in jsdom: the cheap check keeps ordinary pages from being read or sent, a report's main
 * text goes to the background (here `analyseRemote`, the engine run in place or the real router
 * and index) and its figures are painted as ranges that read the figure's text (also across
 * <span>s and <br>s), once per text, with the histories of the answer; a forced run paints a page
 * the detector rejects; a refused index leaves the page painted with the reason kept.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReportPage } from '../../lib/page/report-page';
import type { FigurePainter, PaintedFigure } from '../../lib/highlights';
import type { AnalysedPage, AnalysePageRequest } from '../../lib/messages/types';
import { reportIdFor } from '../../lib/storage/report-id';
import { DISTRICT_REPORT_HTML, NEWS_HTML, govPage } from '../e2e/fixtures/gov-site';
import { analyseHere, HERE_REPORT_ID, throughBackground } from './analyse-here';
import { closeAll, freshDb } from './notes-fixtures';

class RecordingPainter implements FigurePainter {
  mode = 'highlight-api' as const;
  painted: PaintedFigure[] = [];
  active: number | null = null;
  paints = 0;
  paint(figures: PaintedFigure[]) {
    this.painted = figures;
    this.paints++;
  }
  setActive(i: number | null) {
    this.active = i;
  }
  setHidden() {}
  reposition() {}
  clear() {
    this.painted = [];
  }
}

function load(title: string, articleHtml: string) {
  const html = govPage({ title, articleHtml });
  const doc = document.implementation.createHTMLDocument(title);
  doc.documentElement.innerHTML = html.replace(/^<!DOCTYPE html>\s*<html[^>]*>/, '').replace(/<\/html>$/, '');
  return doc;
}

const squash = (s: string) => s.replace(/\s+/g, '');

afterEach(closeAll);

describe('ReportPage', () => {
  let painter: RecordingPainter;
  beforeEach(() => {
    painter = new RecordingPainter();
  });

  it('paints every figure of a report where it stands and has it analysed once', async () => {
    const doc = load('2023年临江区政府工作报告', DISTRICT_REPORT_HTML);
    const sent: AnalysePageRequest[] = [];
    const here = analyseHere();
    const analyseRemote = vi.fn(async (req: AnalysePageRequest): Promise<AnalysedPage> => {
      sent.push(req);
      const answer = await here(req);
      answer.figures[0].history = [
        {
          reportId: 'x',
          figureId: 'x:1',
          figureIndex: 1,
          year: 2021,
          kind: 'actual',
          value: 1,
          qualifier: null,
          unit: '元',
          text: '1元',
          url: 'http://a/',
          reportTitle: null,
          region: null,
        },
      ];
      return answer;
    });
    const page = new ReportPage({ doc, painter, analyseRemote, url: () => 'http://127.0.0.1/r.html' });
    const status = await page.run();

    expect(status.detected).toBe(true);
    expect(status.reportId).toBe(HERE_REPORT_ID);
    expect(painter.painted.length).toBe(page.analysis!.figures.length);
    expect(painter.painted.length).toBeGreaterThan(15);
    for (const f of page.figures) expect(squash(f.range.toString())).toBe(squash(f.figure.text));
    // A number in its own <span> followed by its unit, and a figure ending at a <br>.
    const eight = page.figures.find((f) => f.figure.text === '8家');
    expect(eight?.range.startContainer).not.toBe(eight?.range.endContainer);
    expect(page.figures.map((f) => f.figure.kind)).toContain('target');
    // The page sends its text, HTML and title, never an analysis of its own (nor runs Readability):
    // the answer names where the report starts in that text, and the offsets point into the report.
    expect(Object.keys(sent[0]).sort()).toEqual(['html', 'published', 'text', 'title', 'type']);
    expect(sent[0]).toMatchObject({ type: 'index/analyse', title: '2023年临江区政府工作报告' });
    expect(sent[0].html).toContain('<body');
    const answer = await analyseRemote.mock.results[0].value;
    const report = sent[0].text.slice(answer.start, answer.end);
    expect(answer.start).toBeGreaterThan(0);
    expect(report).toContain('临江区');
    expect(report).not.toContain('ICP备');
    for (const f of page.analysis!.figures) expect(report.slice(f.start, f.end)).toBe(f.text);
    expect(page.figures.find((f) => f.index === 0)?.history).toHaveLength(1);

    await page.run();
    expect(analyseRemote).toHaveBeenCalledTimes(1);
    expect(painter.paints).toBe(2);
    expect(page.figures.find((f) => f.index === 0)?.history).toHaveLength(1);
  });

  it('says it is analysing while the background has its text, and not after', async () => {
    const doc = load('2023年临江区政府工作报告', DISTRICT_REPORT_HTML);
    const here = analyseHere();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const page = new ReportPage({
      doc,
      painter,
      analyseRemote: async (req) => {
        await held;
        return here(req);
      },
      url: () => 'http://127.0.0.1/r.html',
    });
    expect(page.status().analysing).toBe(false);
    const run = page.run();
    await vi.waitFor(() => expect(page.status().analysing).toBe(true));
    expect(page.status().detected).toBe(false);
    release();
    const status = await run;
    expect(status).toMatchObject({ analysing: false, detected: true });
    expect(page.status().analysing).toBe(false);
  });

  it('neither reads nor sends an ordinary page', async () => {
    const doc = load('区政府召开常务会议', NEWS_HTML);
    const analyseRemote = vi.fn(analyseHere());
    const page = new ReportPage({ doc, painter, analyseRemote });
    const status = await page.run();
    expect(status.detected).toBe(false);
    expect(analyseRemote).not.toHaveBeenCalled();
    expect(painter.paints).toBe(0);
  });

  it('paints a rejected page on request, which the background analyses without indexing', async () => {
    const db = freshDb();
    const doc = load('区政府召开常务会议', NEWS_HTML);
    const analyseRemote = vi.fn(throughBackground(db, () => 'https://www.linjiang.example.gov.cn/news/1.html'));
    const page = new ReportPage({ doc, painter, analyseRemote });
    const status = await page.run(true);
    expect(analyseRemote.mock.calls[0][0].force).toBe(true);
    expect(status).toMatchObject({ detected: false, reportId: null });
    expect(page.figures.map((f) => f.figure.text)).toEqual(expect.arrayContaining(['326家']));
    expect(painter.painted.length).toBe(page.figures.length);
    expect(await db.reports.count()).toBe(0);
  });

  it('asks again when the reader forces a page whose first answer had no figures', async () => {
    const doc = load('临江区人民政府', NEWS_HTML + '<p>政府工作报告</p>');
    const analyseRemote = vi.fn(analyseHere());
    const page = new ReportPage({ doc, painter, analyseRemote });
    await page.run();
    expect(analyseRemote).toHaveBeenCalledTimes(1);
    expect(page.figures).toHaveLength(0);
    await page.run(true);
    expect(analyseRemote).toHaveBeenCalledTimes(2);
    expect(page.figures.length).toBeGreaterThan(0);
  });

  it('keeps the page painted and the reason when the index refuses the report', async () => {
    const doc = load('2023年临江区政府工作报告', DISTRICT_REPORT_HTML);
    const here = analyseHere();
    const analyseRemote = async (req: AnalysePageRequest) => ({ ...(await here(req)), reportId: null, figures: [], indexError: 'Storage is full' });
    const page = new ReportPage({ doc, painter, analyseRemote });
    const status = await page.run();
    expect(status.detected).toBe(true);
    expect(status.reportId).toBeNull();
    expect(page.indexError).toBe('Storage is full');
    expect(painter.painted.length).toBeGreaterThan(0);
  });

  it('paints nothing and keeps the reason when the background does not answer', async () => {
    const doc = load('2023年临江区政府工作报告', DISTRICT_REPORT_HTML);
    const page = new ReportPage({ doc, painter, analyseRemote: async () => Promise.reject(new Error('The background did not answer')) });
    const status = await page.run();
    expect(status).toMatchObject({ detected: false, reportId: null, figureCount: 0 });
    expect(page.indexError).toMatch(/did not answer/);
    expect(painter.paints).toBe(0);
  });

  it('finds figures again after the text changed', async () => {
    const doc = load('2023年临江区政府工作报告', DISTRICT_REPORT_HTML);
    const analyseRemote = vi.fn(analyseHere());
    const page = new ReportPage({ doc, painter, analyseRemote });
    await page.run();
    const before = page.figures.length;
    const p = doc.createElement('p');
    p.textContent = '全年新增绿道12公里。';
    const content = doc.getElementById('zoom')!;
    content.insertBefore(p, content.children[8]);
    await page.run();
    expect(analyseRemote).toHaveBeenCalledTimes(2);
    expect(page.figures.length).toBe(before + 1);
    for (const f of page.figures) expect(squash(f.range.toString())).toBe(squash(f.figure.text));
  });
});

describe('ReportPage with the background', () => {
  it('is indexed under its own address, with the report id of the text it sent and a history per figure', async () => {
    const db = freshDb();
    const doc = load('2023年临江区政府工作报告', DISTRICT_REPORT_HTML);
    const url = 'https://www.linjiang.example.gov.cn/zwgk/2023/report.html';
    const sent: AnalysePageRequest[] = [];
    const remote = throughBackground(db, () => url);
    const answers: AnalysedPage[] = [];
    const page = new ReportPage({
      doc,
      painter: new RecordingPainter(),
      analyseRemote: async (req) => (sent.push(req), answers[answers.push(await remote(req)) - 1]),
      url: () => url,
    });
    const status = await page.run();
    // The report indexed is the span the background found in the text sent, not the page's chrome.
    const { start, end } = answers[0];
    expect(end - start).toBeLessThan(sent[0].text.length);
    expect(status.reportId).toBe(await reportIdFor(sent[0].text.slice(start, end)));
    const row = await db.reports.get(status.reportId!);
    expect(row?.urls).toEqual([url]);
    expect(row?.figureCount).toBe(page.analysis!.figures.length);
    const stored = await db.figuresOfReport(status.reportId!);
    expect(stored.map((f) => f.text)).toEqual(page.analysis!.figures.map((f) => f.text));
    expect(page.figures.length).toBeGreaterThan(15);
    for (const f of page.figures) expect(squash(f.range.toString())).toBe(squash(f.figure.text));
  });
});

describe('pageMayCarryReport', () => {
  it('reads titles and headings, not the links and menus every page of a portal carries', async () => {
    const { pageMayCarryReport, mayCarryReport } = await import('../../lib/page/prefilter');
    expect(pageMayCarryReport(load('区政府召开常务会议', NEWS_HTML)).mayBeReport).toBe(false);
    expect(pageMayCarryReport(load('2023年临江区政府工作报告', DISTRICT_REPORT_HTML))).toMatchObject({ mayBeReport: true, reason: 'title', read: 0 });
    expect(pageMayCarryReport(load('临江区人民政府', DISTRICT_REPORT_HTML))).toMatchObject({ mayBeReport: true, reason: 'text' });
    expect(mayCarryReport('在区人大会议上的讲话', '一、过去一年工作回顾……二、今年主要任务')).toMatchObject({ mayBeReport: true, reason: 'sections' });
    expect(mayCarryReport('天气预报', '明天多云')).toMatchObject({ mayBeReport: false, reason: 'none' });
  });
});

describe('ReportPage when a single-page app moves on', () => {
  it('drops the figures and the report id when the page no longer carries a report', async () => {
    const doc = load('2023年临江区政府工作报告', DISTRICT_REPORT_HTML);
    const painter = new RecordingPainter();
    const page = new ReportPage({ doc, painter, analyseRemote: analyseHere() });
    expect((await page.run()).reportId).toBe(HERE_REPORT_ID);
    doc.getElementById('zoom')!.innerHTML = NEWS_HTML;
    doc.title = '区政府召开常务会议';
    const status = await page.run();
    expect(status).toMatchObject({ detected: false, reportId: null, figureCount: 0 });
    expect(painter.painted).toHaveLength(0);
  });
});
