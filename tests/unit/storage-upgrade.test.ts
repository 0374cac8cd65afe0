/**
 * Schema upgrades: a database written by every earlier schema version opens with the current
 * ZhibiaoDB and keeps its rows (notes above all). Each version gets a frozen copy of its
 * `stores()` below; a new version adds its block to ZhibiaoDB and a case here.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { ZhibiaoDB } from '../../lib/storage/db';
import type { FigureRow, NoteRow, ReportRow, ReportWithText } from '../../lib/storage/db';
import { historyFor, indexReport, reportForUrl } from '../../lib/storage';

/** Schema v1 exactly as first shipped. */
const V1_STORES = {
  reports: 'id, url, *urls, region, [region+planYear], planYear, indexedAt',
  figures: 'id, reportId, indicatorId, [indicatorId+year], kind, year',
  indicators: 'id, region, key',
  links: '++id, reportId, fromFigureId, toFigureId',
  notes: 'id, url, reportId, figureId, *tags, updated, created',
};

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const REPORT_ID = 'f'.repeat(64);
// A v1 report row: the text sat in the row.
const report: ReportWithText = {
  id: REPORT_ID,
  url: 'https://example.gov.cn/2023',
  urls: ['https://example.gov.cn/2023'],
  title: '政府工作报告',
  region: '示例市',
  level: 'city',
  delivered: '2023-01-10',
  planYear: 2023,
  reviewYear: 2022,
  score: 0.9,
  warnings: [],
  figureCount: 1,
  text: '今年目标增长5%左右。',
  indexedAt: 1,
};
// A v1 figure row: no seriesYear field.
const figure: Omit<FigureRow, 'seriesYear'> = {
  id: `${REPORT_ID}:0`,
  reportId: REPORT_ID,
  index: 0,
  start: 6,
  end: 10,
  text: '5%左右',
  value: 5,
  unit: '%',
  qualifier: '左右',
  kind: 'target',
  section: 'plan',
  year: 2023,
  metric: '增长',
  growth: true,
  sentence: '今年目标增长5%左右。',
  sentenceStart: 0,
  indicatorId: '示例市|生产总值|%',
};
const note: NoteRow = {
  id: 'note-1',
  url: 'https://example.gov.cn/2023',
  pageTitle: '报告',
  reportId: REPORT_ID,
  figureId: `${REPORT_ID}:0`,
  selectors: [{ type: 'TextQuoteSelector', exact: '5%左右', prefix: '增长', suffix: '。' }],
  quote: '5%左右',
  body: '比去年低',
  tags: ['GDP'],
  color: null,
  created: 1,
  updated: 2,
  detached: false,
};

describe('schema upgrades', () => {
  it('a v1 database opens with the current schema and keeps reports, figures and notes', async () => {
    const name = `zhibiao-upgrade-${process.pid}`;
    names.push(name);
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    await v1.table('reports').put(report);
    await v1.table('figures').put(figure);
    await v1.table('notes').put(note);
    v1.close();

    const db = new ZhibiaoDB(name);
    await db.open();
    expect(db.verno).toBe(2);
    // v2 reads a report's figures in order through [reportId+index], built from the v1 rows.
    expect(await db.figuresOfReport(REPORT_ID)).toEqual([figure]);
    expect(db.figures.schema.indexes.map((i) => i.name).sort()).toEqual(['[reportId+index]', 'indicatorId', 'reportId']);
    // v2 moved the text to its own table and left the rest of the row as it was.
    const { text: v1Text, ...row } = report;
    expect(await db.reports.get(REPORT_ID)).toEqual(row satisfies ReportRow);
    expect(await db.reportText(REPORT_ID)).toBe(v1Text);
    expect(await db.reportWithText(REPORT_ID)).toEqual(report);
    expect(await db.notes.get('note-1')).toEqual(note);
    expect(await db.notes.where('tags').equals('GDP').count()).toBe(1);
    expect(await reportForUrl(db, 'https://example.gov.cn/2023')).toBe(REPORT_ID);
    // A v1 figure has no series year: it shows no history points, but answers without error.
    expect(await historyFor(db, REPORT_ID, 0)).toEqual({ index: 0, indicatorId: '示例市|生产总值|%', history: [] });

    // Indexing on top of v1 data works and leaves the note alone.
    const text = '过去一年增长5.2%。';
    await indexReport(db, {
      url: 'https://example.gov.cn/2024',
      title: '',
      text,
      analysis: {
        report: {
          ...{ isReport: true, score: 0.9, reasons: [], title: null, region: '示例市', level: 'city' as const },
          delivered: null,
          planYear: 2024,
          reviewYear: 2023,
          warnings: [],
        },
        sections: [],
        links: [],
        figures: [
          {
            start: 6,
            end: 10,
            text: '5.2%',
            value: 5.2,
            unit: '%',
            qualifier: null,
            kind: 'actual',
            section: 'review',
            year: 2023,
            metric: '增长',
            growth: true,
            sentence: text,
            sentenceStart: 0,
          },
        ],
      },
    });
    expect(await db.reports.count()).toBe(2);
    expect(await db.notes.get('note-1')).toEqual(note);
    db.close();
  });
});
