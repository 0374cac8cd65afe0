/**
 * A note on a figure keeps showing that figure: after a newer analysis of the same text finds
 * more figures (every index after them moves), and after the page's text changes (a new version
 * of the report at the same address), in the notes list and in the CSV export.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { analyseReport } from '../../lib/analysis';
import { indexReport } from '../../lib/storage/index-report';
import { listNotes } from '../../lib/notes/views';
import { notesToCsv } from '../../lib/export/notes';
import type { Analysis } from '../../lib/model';
import { closeAll, freshDb } from './notes-fixtures';
import { indexPage, noteOnFigure, OWN_REPORTS } from './real-library';
import type { ZhibiaoDB } from '../../lib/storage/db';

afterEach(closeAll);

const page = OWN_REPORTS[1];

/** What a newer engine might answer: two more figures found before all the others. */
function withTwoMore(a: Analysis): Analysis {
  const extra = a.figures.slice(0, 2).map((f) => ({ ...f }));
  return { ...a, figures: [...extra, ...a.figures], links: a.links.map((l) => ({ ...l, from: l.from + 2, to: l.to + 2 })) };
}

/** Stores `analysis` as the background stores the engine's (a newer engine's answer is another analysis of the same text). */
async function send(db: ZhibiaoDB, text: string, analysis: Analysis) {
  return indexReport(db, { url: page.url, title: page.title, text, analysis });
}

async function shownFigure(db: ZhibiaoDB) {
  const { notes } = await listNotes(db);
  expect(notes).toHaveLength(1);
  return { view: notes[0], csv: notesToCsv(notes) };
}

describe('a note on a figure follows its figure', () => {
  it('through a re-analysis that shifts the figure indices', async () => {
    const db = freshDb();
    const { reportId } = await indexPage(db, page);
    const figures = analyseReport(page.text).figures;
    const k = figures.findIndex((f) => f.text === '68万人');
    expect(k).toBeGreaterThan(1);
    await noteOnFigure(db, page, reportId, k, '收入口径');
    await send(db, page.text, withTwoMore(analyseReport(page.text)));
    const { view, csv } = await shownFigure(db);
    expect(view.figure?.text).toBe('68万人');
    expect(view.figure?.value).toBe(680_000);
    expect(view.figureId).toBe(`${reportId}:${k + 2}`);
    expect(csv).toContain('68万人');
  });

  it('to the new version of its report when the page text changes by one character', async () => {
    const db = freshDb();
    const { reportId } = await indexPage(db, page);
    const k = analyseReport(page.text).figures.findIndex((f) => f.text === '68万人');
    await noteOnFigure(db, page, reportId, k, '就业');
    const edited = page.text.replace('过去一年，', '过去一年里，');
    const next = await send(db, edited, analyseReport(edited));
    expect(next.reportId).not.toBe(reportId);
    const { view } = await shownFigure(db);
    expect(view.reportId).toBe(next.reportId);
    expect(view.figure?.text).toBe('68万人');
    expect(view.figureId).toBe(`${next.reportId}:${k}`);
    // The older version is still in the library; nothing was deleted for the new text.
    expect(await db.reports.get(reportId)).toBeDefined();
  });

  it('never shows another figure when its own is gone', async () => {
    const db = freshDb();
    const { reportId } = await indexPage(db, page);
    const k = analyseReport(page.text).figures.findIndex((f) => f.text === '68万人');
    await noteOnFigure(db, page, reportId, k, '就业');
    // Rows as an older version left them: the stored id now points at another figure.
    const other = (await db.figuresOfReport(reportId)).find((f) => f.text !== '68万人')!;
    await db.notes.toCollection().modify({ figureId: other.id });
    await db.figures
      .where('reportId')
      .equals(reportId)
      .modify((f) => {
        if (f.text === '68万人') f.text = '六十八万人';
      });
    const { view } = await shownFigure(db);
    expect(view.figure).toBeNull();
  });
});
