/** Fresh databases for unit tests (freshDb, closed and deleted by closeAll), and hand-built library rows for the notes, export and backup tests. */
import Dexie from 'dexie';
import type { FigureRow, NoteRow, ReportWithText } from '../../lib/storage/db';
import { ZhibiaoDB } from '../../lib/storage/db';

let counter = 0;
const open: Dexie[] = [];

export function freshDb(): ZhibiaoDB {
  const db = new ZhibiaoDB(`zhibiao-notes-test-${process.pid}-${counter++}`);
  open.push(db);
  return db;
}

export async function closeAll(): Promise<void> {
  for (const db of open.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
}

export const REPORT_A = 'a'.repeat(64);
export const REPORT_B = 'b'.repeat(64);

export function report(id: string, over: Partial<ReportWithText> = {}): ReportWithText {
  return {
    id,
    url: `https://www.example.gov.cn/${id.slice(0, 4)}.html`,
    urls: [`https://www.example.gov.cn/${id.slice(0, 4)}.html`],
    title: '2024年政府工作报告',
    region: '示例省',
    level: 'province',
    delivered: '2024-01-20',
    planYear: 2024,
    reviewYear: 2023,
    score: 0.92,
    warnings: [],
    figureCount: 2,
    text: '地区生产总值增长5.2%。今年预期目标：地区生产总值增长5%左右。',
    indexedAt: 1_700_000_000_000,
    ...over,
  };
}

export function figure(reportId: string, index: number, over: Partial<FigureRow> = {}): FigureRow {
  return {
    id: `${reportId}:${index}`,
    reportId,
    index,
    start: 8,
    end: 12,
    text: '5.2%',
    value: 5.2,
    unit: '%',
    qualifier: null,
    kind: 'actual',
    section: 'review',
    year: 2023,
    metric: '地区生产总值增长',
    growth: true,
    sentence: '地区生产总值增长5.2%。',
    sentenceStart: 0,
    indicatorId: '示例省|地区生产总值|%',
    ...over,
  };
}

export function note(id: string, over: Partial<NoteRow> = {}): NoteRow {
  const quote = over.quote ?? '地区生产总值增长5.2%';
  return {
    id,
    url: 'https://www.example.gov.cn/aaaa.html',
    pageTitle: '示例省人民政府 政府工作报告',
    reportId: null,
    figureId: null,
    selectors: [
      { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '。' },
      { type: 'TextPositionSelector', start: 0, end: quote.length },
    ],
    quote,
    body: '',
    tags: [],
    color: null,
    created: 1_700_000_000_000,
    updated: 1_700_000_000_000,
    detached: false,
    ...over,
  };
}

/** A small library: two reports of one region, a figure note, a plain note and a note elsewhere. */
export async function seed(db: ZhibiaoDB): Promise<NoteRow[]> {
  await db.putReportWithText(report(REPORT_A));
  await db.putReportWithText(
    report(REPORT_B, { title: '2023年政府工作报告', planYear: 2023, reviewYear: 2022, delivered: '2023-01-15', region: '另一市', level: 'city' }),
  );
  await db.figures.bulkPut([
    figure(REPORT_A, 0),
    figure(REPORT_A, 1, { text: '5%左右', value: 5, qualifier: '左右', kind: 'target', section: 'plan', year: 2024, start: 28, end: 32 }),
  ]);
  const notes = [
    note('n-figure', {
      reportId: REPORT_A,
      figureId: `${REPORT_A}:1`,
      quote: '5%左右',
      body: '口径变了，见统计公报',
      tags: ['口径', 'GDP'],
      created: 1,
      updated: 10,
    }),
    note('n-plain', { reportId: REPORT_A, quote: '新增供应公租房4031套（间）', body: '住房保障力度加大', tags: ['住房'], created: 2, updated: 20 }),
    note('n-other', {
      reportId: REPORT_B,
      url: 'https://www.example.gov.cn/bbbb.html',
      quote: '城镇调查失业率平均为5.2%',
      body: 'Unemployment ＧＤＰ note',
      tags: ['就业'],
      created: 3,
      updated: 30,
    }),
    note('n-free', {
      url: 'https://news.example.com/a.html',
      pageTitle: '新闻',
      quote: '推进高质量发展',
      body: '',
      tags: [],
      created: 4,
      updated: 40,
      detached: true,
    }),
  ];
  await db.notes.bulkPut(notes);
  return notes;
}
