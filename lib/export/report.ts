/**
 * A report's comparison and its figures as files a reader takes away: CSV (UTF-8 with a BOM, for
 * Excel) and Markdown. Every row names its source (the report, its year) and links to the
 * sentence in the original page with a text fragment (`#:~:text=`), so a figure quoted in a paper
 * can be checked where it was printed. Headers and words follow the interface language; the
 * report's name is its own Chinese words in both (lib/views/names.ts).
 */
import { csvDocument, mdCell } from './figures';
import { textFragmentUrl } from '../views';
import { reportLabel } from '../report';
import type { FigureKind } from '../model';
import { KIND_META, perKind } from '../kinds';
import type { ComparisonRow, ComparisonView, FigureEntry, ReportPageView, ReportSummary, TargetStatus } from '../views';

export type ExportLang = 'zh' | 'en';

export interface ReportFile {
  filename: string;
  mimeType: string;
  content: string;
}

type Cell = string | number | boolean | null | undefined;

const VERDICT: Record<TargetStatus, [string, string]> = {
  met: ['完成', 'met'],
  missed: ['未完成', 'missed'],
  unknown: ['无法判断', 'unknown'],
  'no-outcome': ['未见结果', 'no outcome'],
  'no-target': ['无目标', 'no target'],
};
/** From the kind table, in lower case inside a sentence-like cell: ['实际', 'actual']. */
const KIND: Record<FigureKind, [string, string]> = perKind((k) => [KIND_META[k].label.zh, KIND_META[k].label.en.toLowerCase()]);
const pick = (lang: ExportLang, pair: [string, string]) => pair[lang === 'zh' ? 0 : 1];

/** Only web addresses are linked: a stored address is data, and a javascript: one must never run. */
function sentenceLink(report: ReportSummary, sentence: string, text: string): string {
  return /^https?:\/\//i.test(report.url) ? textFragmentUrl(report.url, sentence, text) : '';
}

const SOURCE_HEADER: Record<ExportLang, string[]> = {
  zh: ['报告', '报告年份', '原文链接'],
  en: ['Report', 'Report year', 'Link to the sentence'],
};

function sourceCells(report: ReportSummary, sentence: string, text: string): Cell[] {
  return [reportLabel(report), report.planYear, sentenceLink(report, sentence, text)];
}

const COMPARISON_HEADER: Record<ExportLang, string[]> = {
  zh: ['指标', '指标编号', '主要指标', '今年目标', '目标数值', '单位', '去年目标', '去年实际', '去年实际类别', '结果', '原文'],
  en: [
    'Indicator',
    'Indicator id',
    'Headline',
    "This year's target",
    'Target value',
    'Unit',
    "Last year's target",
    "Last year's outcome",
    'Outcome kind',
    'Result',
    'Sentence',
  ],
};

function comparisonCells(r: ComparisonRow, lang: ExportLang): Cell[] {
  return [
    r.metric,
    r.target.indicator ?? r.indicatorId,
    r.target.headline ? pick(lang, ['是', 'yes']) : '',
    r.target.text,
    r.target.value,
    r.unit,
    r.lastTarget?.text ?? '',
    r.lastActual?.text ?? '',
    r.lastActual ? pick(lang, KIND[r.lastActual.kind]) : '',
    pick(lang, VERDICT[r.status]),
    r.target.sentence,
  ];
}

/** Headline rows first, as the views show them; otherwise the report's order. */
function ordered(rows: ComparisonRow[]): ComparisonRow[] {
  return [...rows.filter((r) => r.target.headline), ...rows.filter((r) => !r.target.headline)];
}

const FIGURE_HEADER: Record<ExportLang, string[]> = {
  zh: ['序号', '章节', '类别', '数字年份', '指标', '数字', '数值', '数值上限', '单位', '限定词', '原文'],
  en: ['#', 'Section', 'Kind', 'Figure year', 'Indicator', 'Figure', 'Value', 'Value max', 'Unit', 'Qualifier', 'Sentence'],
};

function figureCells(f: FigureEntry, lang: ExportLang): Cell[] {
  return [f.index, f.heading ?? f.section, pick(lang, KIND[f.kind]), f.year, f.metric, f.text, f.value, f.valueMax, f.unit, f.qualifier, f.sentence];
}

export function comparisonToCsv(view: ComparisonView, lang: ExportLang): string {
  return csvDocument([
    [...COMPARISON_HEADER[lang], ...SOURCE_HEADER[lang]],
    ...ordered(view.rows).map((r) => [...comparisonCells(r, lang), ...sourceCells(view.report, r.target.sentence, r.target.text)]),
  ]);
}

export function figuresToReportCsv(view: ReportPageView, lang: ExportLang): string {
  return csvDocument([
    [...FIGURE_HEADER[lang], ...SOURCE_HEADER[lang]],
    ...view.figures.map((f) => [...figureCells(f, lang), ...sourceCells(view.report, f.sentence, f.text)]),
  ]);
}

/** A Markdown link whose address cannot end early: parentheses and spaces are percent-encoded. */
function mdLink(label: string, url: string): string {
  if (!url) return '';
  return `[${mdCell(label)}](${url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`;
}

function mdDocument(title: string, report: ReportSummary, lang: ExportLang, header: string[], rows: { cells: Cell[]; link: string }[]): string {
  const name = reportLabel(report);
  const link = pick(lang, ['原文', 'source']);
  const about = [
    `${pick(lang, ['报告', 'Report'])}: ${mdCell(name)}`,
    report.region ? `${pick(lang, ['地区', 'Region'])}: ${mdCell(report.region)}` : null,
    report.planYear !== null ? `${pick(lang, ['年份', 'Year'])}: ${report.planYear}` : null,
    report.delivered ? `${pick(lang, ['报告日期', 'Delivered'])}: ${mdCell(report.delivered)}` : null,
  ].filter((x): x is string => x !== null);
  const lines = [
    `# ${mdCell(name)} — ${mdCell(title)}`,
    '',
    about.join(' · '),
    '',
    /^https?:\/\//i.test(report.url) ? `${pick(lang, ['原始页面', 'Original page'])}: <${report.url.replace(/[<>\s]/g, encodeURIComponent)}>` : '',
    '',
    `| ${[...header, link].map(mdCell).join(' | ')} |`,
    `|${[...header, link].map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${[...r.cells.map(mdCell), mdLink(link, r.link)].join(' | ')} |`),
    '',
  ];
  return lines.join('\n');
}

export function comparisonToMarkdown(view: ComparisonView, lang: ExportLang): string {
  // The sentence is behind the link; the table keeps to what is compared.
  const header = COMPARISON_HEADER[lang].slice(0, -1);
  return mdDocument(
    pick(lang, ['目标对比', 'Targets compared']),
    view.report,
    lang,
    header,
    ordered(view.rows).map((r) => ({
      cells: comparisonCells(r, lang).slice(0, -1),
      link: sentenceLink(view.report, r.target.sentence, r.target.text),
    })),
  );
}

export function figuresToReportMarkdown(view: ReportPageView, lang: ExportLang): string {
  const header = FIGURE_HEADER[lang].slice(0, -1);
  return mdDocument(
    pick(lang, ['全部数字', 'All figures']),
    view.report,
    lang,
    header,
    view.figures.map((f) => ({
      cells: figureCells(f, lang).slice(0, -1),
      link: sentenceLink(view.report, f.sentence, f.text),
    })),
  );
}

export type ReportExport = 'comparison-csv' | 'comparison-md' | 'figures-csv' | 'figures-md';

/** A file name from the report's name, without characters file systems refuse. */
function fileName(report: ReportSummary, what: string, ext: string): string {
  return `${reportLabel(report).replace(/[\\/:*?"<>|\s]+/g, '_')}-${what}.${ext}`;
}

/** The comparison needs a ComparisonView, the figures a ReportPageView (which is one too). */
export function reportFile(kind: ReportExport, view: ComparisonView | ReportPageView, lang: ExportLang): ReportFile {
  const csv = 'text/csv;charset=utf-8';
  const md = 'text/markdown;charset=utf-8';
  const r = view.report;
  switch (kind) {
    case 'comparison-csv':
      return { filename: fileName(r, pick(lang, ['目标对比', 'targets']), 'csv'), mimeType: csv, content: comparisonToCsv(view, lang) };
    case 'comparison-md':
      return { filename: fileName(r, pick(lang, ['目标对比', 'targets']), 'md'), mimeType: md, content: comparisonToMarkdown(view, lang) };
    case 'figures-csv':
    case 'figures-md': {
      if (!('figures' in view)) throw new Error('The figures are exported from the whole report view.');
      return kind === 'figures-csv'
        ? { filename: fileName(r, pick(lang, ['全部数字', 'figures']), 'csv'), mimeType: csv, content: figuresToReportCsv(view, lang) }
        : { filename: fileName(r, pick(lang, ['全部数字', 'figures']), 'md'), mimeType: md, content: figuresToReportMarkdown(view, lang) };
    }
  }
}
