/**
 * A report's comparison and figures as CSV and Markdown: BOM, headers in the interface language,
 * headline rows first, and every row's source (report name, year, a text-fragment link).
 */
import { describe, expect, it } from 'vitest';
import { comparisonToCsv, comparisonToMarkdown, figuresToReportCsv, figuresToReportMarkdown, reportFile } from '../../lib/export/report';
import type { ComparisonRow, FigureCell, FigureEntry, ReportPageView, ReportSummary } from '../../lib/views/types';
import { parseCsv } from './csv-reader';

const REPORT: ReportSummary = {
  id: 'gd2025',
  url: 'https://www.gd.gov.cn/zwgk/2025/report.html',
  title: '政府工作报告',
  region: '广东省',
  level: 'province',
  delivered: '2025-01-14',
  planYear: 2025,
  reviewYear: 2024,
  figureCount: 3,
  indexedAt: 1,
  warnings: [],
};

function cell(text: string, value: number, sentence: string, over: Partial<FigureCell> = {}): FigureCell {
  return {
    figureId: `gd2025:${value}`,
    reportId: 'gd2025',
    index: 0,
    text,
    value,
    unit: '%',
    qualifier: null,
    kind: 'target',
    year: 2025,
    growth: true,
    sentence,
    ...over,
  };
}

const GDP_SENTENCE = '地区生产总值增长5%左右。';
const ROWS: ComparisonRow[] = [
  {
    indicatorId: '广东省|研发经费|%',
    metric: '研发经费投入增长',
    unit: '%',
    growth: true,
    target: cell('10%', 10, '研发经费投入增长10%，计划“=HYPERLINK()”。', { index: 4 }),
    lastTarget: null,
    lastActual: null,
    status: 'no-target',
    change: null,
    trend: [],
    indicator: null,
    verdict: null,
    gap: null,
    position: null,
  },
  {
    indicatorId: '广东省|地区生产总值|%',
    metric: '地区生产总值增长',
    unit: '%',
    growth: true,
    target: cell('5%左右', 5, GDP_SENTENCE, { index: 2, qualifier: '左右', headline: true, indicator: 'gdp-growth' }),
    lastTarget: cell('5%左右', 5, '增长5%左右。', { year: 2024 }),
    lastActual: cell('3.5%', 3.5, '增长3.5%。', { kind: 'actual', year: 2024 }),
    status: 'missed',
    change: { absolute: 0, relative: 0, from: 'target' },
    trend: [],
    indicator: 'gdp-growth',
    verdict: 'missed',
    gap: -1.5,
    position: 'below',
  },
];

const FIGURES: FigureEntry[] = [
  {
    ...cell('3.5%', 3.5, '全省地区生产总值增长3.5%。', { kind: 'actual', year: 2024, index: 0 }),
    section: 'review',
    heading: '一、2024年工作回顾',
    metric: '地区生产总值增长',
    indicatorId: 'x',
    at: 9,
    linked: [],
  },
  {
    ...cell('5%左右', 5, GDP_SENTENCE, { index: 2, qualifier: '左右' }),
    section: 'plan',
    heading: '二、2025年工作安排',
    metric: '地区生产总值增长',
    indicatorId: 'x',
    at: 6,
    linked: [],
  },
];

const VIEW: ReportPageView = { report: REPORT, counts: { actual: 1, estimate: 0, target: 2, baseline: 0 }, rows: ROWS, figures: FIGURES };

describe('comparison export', () => {
  it('writes CSV with a BOM, headline rows first, each with its report, year and a link to the sentence', () => {
    const csv = comparisonToCsv(VIEW, 'zh');
    expect(csv.startsWith('\ufeff')).toBe(true);
    const [header, gdp, rnd] = parseCsv(csv.slice(1));
    expect(header).toEqual([
      '指标',
      '指标编号',
      '主要指标',
      '今年目标',
      '目标数值',
      '单位',
      '去年目标',
      '去年实际',
      '去年实际类别',
      '结果',
      '原文',
      '报告',
      '报告年份',
      '原文链接',
    ]);
    expect(gdp.slice(0, 12)).toEqual([
      '地区生产总值增长',
      'gdp-growth',
      '是',
      '5%左右',
      '5',
      '%',
      '5%左右',
      '3.5%',
      '实际',
      '未完成',
      GDP_SENTENCE,
      '广东省2025年政府工作报告',
    ]);
    expect(gdp[12]).toBe('2025');
    expect(gdp[13]).toBe(`${REPORT.url}#:~:text=${encodeURIComponent(GDP_SENTENCE)}`);
    expect(rnd[0]).toBe('研发经费投入增长');
    expect(rnd[9]).toBe('无目标');
  });

  it('writes English headers and words when the interface is English', () => {
    const [header, gdp] = parseCsv(comparisonToCsv(VIEW, 'en').slice(1));
    expect(header.slice(0, 4)).toEqual(['Indicator', 'Indicator id', 'Headline', "This year's target"]);
    expect(header.slice(-3)).toEqual(['Report', 'Report year', 'Link to the sentence']);
    expect(gdp[9]).toBe('missed');
    // The report keeps its own Chinese name in either language.
    expect(gdp[11]).toBe('广东省2025年政府工作报告');
  });

  it('writes Markdown with the report named and a working link per row', () => {
    const md = comparisonToMarkdown(VIEW, 'zh');
    expect(md.split('\n')[0]).toBe('# 广东省2025年政府工作报告 — 目标对比');
    expect(md).toContain('地区: 广东省 · 年份: 2025 · 报告日期: 2025-01-14');
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| 指标'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(`[原文](${REPORT.url}#:~:text=${encodeURIComponent(GDP_SENTENCE)})`);
    expect(rows[0].startsWith('| 地区生产总值增长 | gdp-growth | 是 | 5%左右 |')).toBe(true);
  });

  it('never links a stored address that is not a web page', () => {
    const evil = { ...VIEW, report: { ...REPORT, url: 'javascript:alert(1)' } };
    expect(comparisonToMarkdown(evil, 'en')).not.toContain('javascript:');
    expect(parseCsv(comparisonToCsv(evil, 'en').slice(1))[1][13]).toBe('');
  });
});

describe('figures export', () => {
  it('writes every figure with its section, kind and source', () => {
    const [header, actual, target] = parseCsv(figuresToReportCsv(VIEW, 'en').slice(1));
    expect(header).toEqual([
      '#',
      'Section',
      'Kind',
      'Figure year',
      'Indicator',
      'Figure',
      'Value',
      'Value max',
      'Unit',
      'Qualifier',
      'Sentence',
      'Report',
      'Report year',
      'Link to the sentence',
    ]);
    expect(actual.slice(0, 7)).toEqual(['0', '一、2024年工作回顾', 'actual', '2024', '地区生产总值增长', '3.5%', '3.5']);
    expect(target[2]).toBe('target');
    expect(target[13]).toContain('#:~:text=');
    const md = figuresToReportMarkdown(VIEW, 'zh');
    expect(md.split('\n')[0]).toBe('# 广东省2025年政府工作报告 — 全部数字');
    expect(md).toContain('| 0 | 一、2024年工作回顾 | 实际 | 2024 |');
  });

  it('names files by the report and refuses figures from a comparison alone', () => {
    expect(reportFile('comparison-csv', VIEW, 'zh').filename).toBe('广东省2025年政府工作报告-目标对比.csv');
    expect(reportFile('figures-md', VIEW, 'en')).toMatchObject({ filename: '广东省2025年政府工作报告-figures.md', mimeType: 'text/markdown;charset=utf-8' });
    const { figures: _f, ...comparison } = VIEW;
    expect(() => reportFile('figures-csv', comparison, 'en')).toThrow(/whole report/);
  });
});
