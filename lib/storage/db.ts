/**
 * The local index: one Dexie database, opened by the background and extension pages only
 * (IndexedDB opened from a content script would belong to the visited site's origin).
 *
 * Schema versions are append-only: a new version adds a `this.version(n)` block with its
 * upgrade function, and tests open a database written by every earlier version.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Figure, Level } from '../model';
import type { Selector } from '../anchoring';
import { countWrites, writeGeneration } from './generation';

export interface ReportRow {
  /** Content hash of the report's normalised text: the same text at another address is the same report. */
  id: string;
  /** The address it was last seen at, and every address it was seen at. */
  url: string;
  urls: string[];
  title: string | null;
  region: string | null;
  level: Level | null;
  delivered: string | null;
  planYear: number | null;
  reviewYear: number | null;
  score: number;
  warnings: string[];
  figureCount: number;
  indexedAt: number;
  /** When this text was first indexed (absent on rows written before it was kept). Not indexed. */
  firstSeen?: number;
}

/**
 * The analysed text of a report (views show headings and context without the page), kept apart
 * from its row since v2: lists, comparisons and region relinking read every row of a region or of
 * the library, and a report's text is 20–60k characters against a row's few hundred bytes.
 */
export interface ReportTextRow {
  reportId: string;
  text: string;
}

/** A report with its text, as backups and undo carry it (one object per report). */
export type ReportWithText = ReportRow & { text: string };

/** A figure of the engine's model as stored, with its place in the index. */
export interface FigureRow extends Figure {
  /** `${reportId}:${index}` — stable while the report's text is unchanged. */
  id: string;
  reportId: string;
  index: number;
  /** The indicator this figure measures, when the linker could say; see IndicatorRow. */
  indicatorId: string | null;
  /**
   * The year this figure stands for in its indicator's history (the report's plan year for a
   * target, its review year for a result), set when the figure is a point of the series; null or
   * absent for other mentions of the indicator, which show the history but are not part of it.
   * Not indexed, so adding it needed no schema version.
   */
  seriesYear?: number | null;
}

export interface IndicatorRow {
  /** `${region}|${key}|${unit}` */
  id: string;
  region: string;
  key: string;
  metric: string;
  unit: string;
  growth: boolean;
}

export interface LinkRow {
  id?: number;
  reportId: string;
  fromFigureId: string;
  toFigureId: string;
  score: number;
}

/** Stored as anchoring describes it (lib/anchoring/types.ts); re-exported for the rows' users. */
export type { Selector };

export interface NoteRow {
  id: string;
  /** The page the note was made on (without the fragment). */
  url: string;
  pageTitle: string;
  /** The indexed report the page carries, if any. */
  reportId: string | null;
  /** The figure the note is attached to, if made from a figure card. */
  figureId: string | null;
  selectors: Selector[];
  /** The quoted text, for search and export without the page. */
  quote: string;
  body: string;
  tags: string[];
  color: string | null;
  created: number;
  updated: number;
  /** Set when the note could not be re-attached on the last visit; the note is kept. */
  detached: boolean;
}

export class ZhibiaoDB extends Dexie {
  reports!: EntityTable<ReportRow, 'id'>;
  figures!: EntityTable<FigureRow, 'id'>;
  indicators!: EntityTable<IndicatorRow, 'id'>;
  links!: EntityTable<LinkRow, 'id'>;
  notes!: EntityTable<NoteRow, 'id'>;
  texts!: EntityTable<ReportTextRow, 'reportId'>;

  constructor(name = 'zhibiao', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.use(countWrites(name));
    this.version(1).stores({
      reports: 'id, url, *urls, region, [region+planYear], planYear, indexedAt',
      figures: 'id, reportId, indicatorId, [indicatorId+year], kind, year',
      indicators: 'id, region, key',
      links: '++id, reportId, fromFigureId, toFigureId',
      notes: 'id, url, reportId, figureId, *tags, updated, created',
    });
    // v2: figures are indexed by what the queries ask for. A report's figures are read in order
    // (`[reportId+index]`, so IndexedDB returns them sorted); nothing queries by kind or year,
    // and each unused index cost a write per figure (a national report has 40–300 figures, and a
    // region is re-linked on every visit). Report texts move to their own table (ReportTextRow).
    this.version(2)
      .stores({
        figures: 'id, reportId, [reportId+index], indicatorId',
        texts: 'reportId',
      })
      .upgrade(async (tx) => {
        const texts: ReportTextRow[] = [];
        await tx
          .table('reports')
          .toCollection()
          .modify((row: Partial<ReportWithText> & { id: string }) => {
            texts.push({ reportId: row.id, text: typeof row.text === 'string' ? row.text : '' });
            delete row.text;
          });
        await tx.table('texts').bulkPut(texts);
      });
  }

  /** Changes with every write to this database, here or in another context (./generation.ts). */
  get writes(): number {
    return writeGeneration(this.name);
  }

  /** A report's analysed text ('' when it was never stored). */
  async reportText(reportId: string): Promise<string> {
    return (await this.texts.get(reportId))?.text ?? '';
  }

  /** A report row with its text, for backups and undo; undefined when the report is unknown. */
  async reportWithText(reportId: string): Promise<ReportWithText | undefined> {
    const row = await this.reports.get(reportId);
    return row && { ...row, text: await this.reportText(reportId) };
  }

  /** Stores a report row and its text (in the caller's transaction when there is one). */
  async putReportWithText({ text, ...row }: ReportWithText): Promise<void> {
    await this.reports.put(row);
    await this.texts.put({ reportId: row.id, text });
  }

  /** A report's figures in analysis order. */
  figuresOfReport(reportId: string): Promise<FigureRow[]> {
    return this.figures.where('[reportId+index]').between([reportId, Dexie.minKey], [reportId, Dexie.maxKey]).toArray();
  }
}
