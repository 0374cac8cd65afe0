// @vitest-environment jsdom
/**
 * ReportPage in jsdom: the cheap check keeps the engine off ordinary pages, a report's figures are
 * painted as ranges that read the figure's text (also across <span>s and <br>s), the report is
 * indexed once per text, histories reach the figures, a forced run paints a page the detector
 * rejects, and a failed index leaves the page painted with the reason kept.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ReportPage } from '../../lib/page/report-page';
import type { FigurePainter, PaintedFigure } from '../../lib/highlights';
import type { IndexReportRequest, IndexedReport } from '../../lib/messages/types';
import { analyseReport } from '../../lib/analysis';
import { DISTRICT_REPORT_HTML, NEWS_HTML, govPage } from '../e2e/fixtures/gov-site';

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

describe('ReportPage', () => {
  let painter: RecordingPainter;
  beforeEach(() => {
    painter = new RecordingPainter();
  });

  it('paints every figure of a report where it stands and indexes it once', async () => {
    const doc = load('2023年临江区政府工作报告', DISTRICT_REPORT_HTML);
    const sent: IndexReportRequest[] = [];
    const indexReport = vi.fn(async (req: IndexReportRequest): Promise<IndexedReport> => {
      sent.push(req);
      return {
        reportId: 'c0ffee00c0ffee00',
        figures: req.analysis.figures.map((_, index) => ({ index, indicatorId: null, history: index === 0 ? [{ reportId: 'x', figureId: 'x:1', figureIndex: 1, year: 2021, kind: 'actual', value: 1, qualifier: null, unit: '元', text: '1元', url: 'http://a/', reportTitle: null, region: null }] : [] })),
      };
    });
    const page = new ReportPage({ doc, painter, indexReport, url: () => 'http://127.0.0.1/r.html' });
    const status = await page.run();

    expect(status.detected).toBe(true);
    expect(status.reportId).toBe('c0ffee00c0ffee00');
    expect(painter.painted.length).toBe(page.analysis!.figures.length);
    expect(painter.painted.length).toBeGreaterThan(15);
    for (const f of page.figures) expect(squash(f.range.toString())).toBe(squash(f.figure.text));
    // A number in its own <span> followed by its unit, and a figure ending at a <br>.
    const eight = page.figures.find((f) => f.figure.text === '8家');
    expect(eight?.range.startContainer).not.toBe(eight?.range.endContainer);
    expect(page.figures.map((f) => f.figure.kind)).toContain('target');
    // The text sent to the index is the text the offsets point into.
    for (const f of sent[0].analysis.figures) expect(sent[0].text.slice(f.start, f.end)).toBe(f.text);
    expect(page.figures.find((f) => f.index === 0)?.history).toHaveLength(1);

    await page.run();
    expect(indexReport).toHaveBeenCalledTimes(1);
    expect(painter.paints).toBe(2);
  });

  it('runs neither Readability nor the engine on an ordinary page', async () => {
    const doc = load('区政府召开常务会议', NEWS_HTML);
    const analyse = vi.fn(analyseReport);
    const page = new ReportPage({ doc, painter, analyse });
    const status = await page.run();
    expect(status.detected).toBe(false);
    expect(analyse).not.toHaveBeenCalled();
    expect(painter.paints).toBe(0);
  });

  it('paints a rejected page on request, without indexing it', async () => {
    const doc = load('区政府召开常务会议', NEWS_HTML);
    const indexReport = vi.fn();
    const page = new ReportPage({ doc, painter, indexReport });
    const status = await page.run(true);
    expect(status.detected).toBe(false);
    expect(page.figures.map((f) => f.figure.text)).toEqual(expect.arrayContaining(['326家']));
    expect(painter.painted.length).toBe(page.figures.length);
    expect(indexReport).not.toHaveBeenCalled();
  });

  it('keeps the page painted and the reason when indexing fails', async () => {
    const doc = load('2023年临江区政府工作报告', DISTRICT_REPORT_HTML);
    const page = new ReportPage({ doc, painter, indexReport: async () => Promise.reject(new Error('Storage is full')) });
    const status = await page.run();
    expect(status.detected).toBe(true);
    expect(status.reportId).toBeNull();
    expect(page.indexError).toBe('Storage is full');
    expect(painter.painted.length).toBeGreaterThan(0);
  });

  it('finds figures again after the text changed', async () => {
    const doc = load('2023年临江区政府工作报告', DISTRICT_REPORT_HTML);
    const indexReport = vi.fn(async (req: IndexReportRequest) => ({ reportId: 'c0ffee00c0ffee00', figures: req.analysis.figures.map((_, index) => ({ index, indicatorId: null, history: [] })) }));
    const page = new ReportPage({ doc, painter, indexReport });
    await page.run();
    const before = page.figures.length;
    const p = doc.createElement('p');
    p.textContent = '全年新增绿道12公里。';
    const content = doc.getElementById('zoom')!;
    content.insertBefore(p, content.children[8]);
    await page.run();
    expect(indexReport).toHaveBeenCalledTimes(2);
    expect(page.figures.length).toBe(before + 1);
    for (const f of page.figures) expect(squash(f.range.toString())).toBe(squash(f.figure.text));
  });
});

describe('pageMayCarryReport', () => {
  it('reads titles and headings, not the links and menus every page of a portal carries', async () => {
    const { pageMayCarryReport, mayCarryReport } = await import('../../lib/page/prefilter');
    expect(pageMayCarryReport(load('区政府召开常务会议', NEWS_HTML)).mayBeReport).toBe(false);
    expect(pageMayCarryReport(load('2023年临江区政府工作报告', DISTRICT_REPORT_HTML))).toMatchObject({ mayBeReport: true, reason: 'title' });
    expect(pageMayCarryReport(load('临江区人民政府', DISTRICT_REPORT_HTML))).toMatchObject({ mayBeReport: true, reason: 'text' });
    expect(mayCarryReport('在区人大会议上的讲话', '一、过去一年工作回顾……二、今年主要任务')).toMatchObject({ mayBeReport: true, reason: 'sections' });
    expect(mayCarryReport('天气预报', '明天多云')).toMatchObject({ mayBeReport: false, reason: 'none' });
  });
});

describe('ReportPage when a single-page app moves on', () => {
  it('drops the figures and the report id when the page no longer carries a report', async () => {
    const doc = load('2023年临江区政府工作报告', DISTRICT_REPORT_HTML);
    const painter = new RecordingPainter();
    const page = new ReportPage({
      doc,
      painter,
      indexReport: async (req) => ({ reportId: 'c0ffee00c0ffee00', figures: req.analysis.figures.map((_, index) => ({ index, indicatorId: null, history: [] })) }),
    });
    expect((await page.run()).reportId).toBe('c0ffee00c0ffee00');
    doc.getElementById('zoom')!.innerHTML = NEWS_HTML;
    doc.title = '区政府召开常务会议';
    const status = await page.run();
    expect(status).toMatchObject({ detected: false, reportId: null, figureCount: 0 });
    expect(painter.painted).toHaveLength(0);
  });
});
