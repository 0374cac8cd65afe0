/**
 * The background's answer to `index/analyse`, through its router (checks, the sender's address,
 * the engine, the index): a report comes back analysed and indexed under the sender's address,
 * with a history per figure, whatever analysis or address the message carries; a page that is not
 * a report is analysed but not stored (its figures only when asked for); oversize texts and
 * malformed continuations are refused before the engine reads anything; the index's refusals
 * (too many new texts, storage full) come back beside the analysis.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { answerMessage } from '../../entrypoints/background/route';
import { targetBadgeText } from '../../entrypoints/background/badge';
import { MAX_PAGE_HTML, type AnalysedPage, type Envelope } from '../../lib/messages/types';
import type { ZhibiaoDB } from '../../lib/storage/db';
import type { SpanFinder } from '../../lib/storage/analyse-page';
import { reportIdFor } from '../../lib/storage/report-id';
import { NEW_TEXTS_PER_ADDRESS } from '../../lib/storage/index-report';
import { CITY_DIGEST, COUNTY_REPORT, PAGE_TWO } from '../fixtures/shapes/positives';
import { NEWS } from '../fixtures/shapes/negatives';
import { closeAll, freshDb } from './notes-fixtures';

afterEach(closeAll);

const PAGE = 'https://www.dongling.example.gov.cn/zwgk/2026/report.html';

/** Sends `message` as a content script of the page at `url` (null: a sender without an address). */
async function analyse(db: ZhibiaoDB, message: Record<string, unknown>, url: string | null = PAGE, findSpan?: SpanFinder): Promise<Envelope<AnalysedPage>> {
  return (await answerMessage(db, { type: 'index/analyse', ...message }, { kind: 'content', url: url ?? undefined }, findSpan)) as Envelope<AnalysedPage>;
}

function value(answer: Envelope<AnalysedPage>): AnalysedPage {
  if (!answer.ok) throw new Error(answer.error);
  return answer.value;
}

describe('index/analyse: a report', () => {
  it("is analysed and indexed by the background, under the sender's address, whatever the message claims", async () => {
    const db = freshDb();
    // A page that would store figures of its own making, at another site's address.
    const forged = {
      report: { isReport: true },
      figures: [{ start: 0, end: 2, text: CITY_DIGEST.text.slice(0, 2), value: 99, kind: 'target' }],
      sections: [],
      links: [],
    };
    const answer = value(await analyse(db, { title: CITY_DIGEST.title, text: CITY_DIGEST.text, url: 'https://www.gov.cn/elsewhere.html', analysis: forged }));

    expect(answer.reportId).toBe(await reportIdFor(CITY_DIGEST.text));
    expect(answer.indexError).toBeNull();
    expect(answer.analysis.report).toMatchObject({ isReport: true, region: '东岭市', planYear: 2026 });
    expect(answer.analysis.figures.length).toBeGreaterThan(10);
    // Offsets into the text sent, one history entry per figure, in order.
    for (const f of answer.analysis.figures) expect(CITY_DIGEST.text.slice(f.start, f.end)).toBe(f.text);
    expect(answer.figures.map((f) => f.index)).toEqual(answer.analysis.figures.map((_, i) => i));
    expect(answer.figures.some((f) => f.history.length > 0)).toBe(true);

    const row = await db.reports.get(answer.reportId!);
    expect(row?.urls).toEqual([PAGE]);
    const stored = await db.figuresOfReport(answer.reportId!);
    expect(stored.map((f) => [f.text, f.value, f.kind])).toEqual(answer.analysis.figures.map((f) => [f.text, f.value, f.kind]));
    expect(stored.some((f) => f.value === 99)).toBe(false);
    // The toolbar badge counts the targets of the answer.
    const targets = answer.analysis.figures.filter((f) => f.kind === 'target').length;
    expect(targetBadgeText({ type: 'index/analyse' }, answer)).toBe(String(targets));
  });

  it('reads page 2 with the identity of the page 1 it continues', async () => {
    const db = freshDb();
    const alone = value(await analyse(db, { title: '', text: PAGE_TWO.text }, `${PAGE}?page=2`));
    expect(alone.analysis.report.region).toBeNull();
    const continued = value(
      await analyse(db, { title: '', text: PAGE_TWO.text, continues: { url: PAGE, region: '东岭市', planYear: 2025, section: 'review' } }, `${PAGE}?page=2`),
    );
    expect(continued.analysis.report).toMatchObject({ isReport: true, region: '东岭市', planYear: 2025 });
  });

  it('comes back to be painted when the index refuses it: too many new texts at one address, storage full', async () => {
    const db = freshDb();
    const answers = [];
    for (let i = 0; i <= NEW_TEXTS_PER_ADDRESS; i++)
      answers.push(value(await analyse(db, { title: CITY_DIGEST.title, text: `${CITY_DIGEST.text}${'。'.repeat(i)}` })));
    expect(answers.slice(0, NEW_TEXTS_PER_ADDRESS).every((a) => a.reportId !== null)).toBe(true);
    const refused = answers[NEW_TEXTS_PER_ADDRESS];
    expect(refused).toMatchObject({ reportId: null, figures: [], indexError: expect.stringMatching(/changed 3 times/) });
    expect(refused.analysis.figures.length).toBeGreaterThan(10);
    expect(targetBadgeText({ type: 'index/analyse' }, refused)).toBeNull();

    const full = freshDb();
    full.reports.put = (() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }) as typeof full.reports.put;
    const answer = value(await analyse(full, { title: COUNTY_REPORT.title, text: COUNTY_REPORT.text }));
    expect(answer).toMatchObject({ reportId: null, indexError: expect.stringMatching(/Storage is full/) });
    expect(answer.analysis.figures.length).toBeGreaterThan(5);
    expect(await full.reports.count()).toBe(0);
  });
});

describe("index/analyse: the report's span in the page's text", () => {
  const MENU = '首页\n政务要闻\n政府信息公开\n';
  const FOOTER = '\n主办单位：东岭市人民政府办公室';
  const pageText = `${MENU}${CITY_DIGEST.text}${FOOTER}`;
  const reportSpan = { start: MENU.length, end: MENU.length + CITY_DIGEST.text.length };

  it('analyses and stores only the span the finder names in the HTML, and answers where it starts', async () => {
    const db = freshDb();
    const asked: string[] = [];
    const finder: SpanFinder = (html) => {
      asked.push(html);
      return reportSpan;
    };
    const answer = value(await analyse(db, { title: CITY_DIGEST.title, text: pageText, html: '<html><body>…</body></html>' }, PAGE, finder));
    expect(asked).toEqual(['<html><body>…</body></html>']);
    expect(answer).toMatchObject(reportSpan);
    for (const f of answer.analysis.figures) expect(pageText.slice(answer.start + f.start, answer.start + f.end)).toBe(f.text);
    expect(answer.reportId).toBe(await reportIdFor(CITY_DIGEST.text));
  });

  it('analyses the whole text without HTML, when the finder fails, or when it names a span outside the text', async () => {
    const whole = { start: 0, end: pageText.length };
    const finders: [SpanFinder | undefined, Record<string, unknown>][] = [
      [() => reportSpan, {}],
      [undefined, { html: '<p></p>' }],
      [
        () => {
          throw new Error('the parser threw');
        },
        { html: '<p></p>' },
      ],
      [() => ({ start: 5, end: pageText.length + 10 }), { html: '<p></p>' }],
      [() => ({ start: 1.5, end: 20 }), { html: '<p></p>' }],
    ];
    for (const [finder, extra] of finders) {
      const answer = value(await analyse(freshDb(), { title: CITY_DIGEST.title, text: pageText, ...extra }, PAGE, finder));
      expect(answer).toMatchObject(whole);
      expect(answer.analysis.report.isReport).toBe(true);
    }
  });

  it('refuses HTML that is not a string or is longer than the cap', async () => {
    const db = freshDb();
    expect(await analyse(db, { title: '', text: pageText, html: 42 })).toMatchObject({ ok: false, error: expect.stringMatching(/html must be a string/) });
    expect(await analyse(db, { title: '', text: pageText, html: 'x'.repeat(MAX_PAGE_HTML + 1) })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/html is longer/),
    });
  });
});

describe('index/analyse: a page that is not a report', () => {
  it('is analysed but not stored; its figures come back only when the reader asked for them', async () => {
    const db = freshDb();
    const plain = value(await analyse(db, { title: '临湖区三届人大六次会议开幕', text: NEWS.text }));
    expect(plain).toMatchObject({ reportId: null, figures: [], indexError: null });
    expect(plain.analysis.report.isReport).toBe(false);
    expect(plain.analysis.figures).toEqual([]);

    const forced = value(await analyse(db, { title: '临湖区三届人大六次会议开幕', text: NEWS.text, force: true }));
    expect(forced.reportId).toBeNull();
    expect(forced.analysis.figures.map((f) => f.text)).toEqual(expect.arrayContaining(['5.5%左右']));
    expect(targetBadgeText({ type: 'index/analyse' }, forced)).toBeNull();
    expect(await db.reports.count()).toBe(0);
  });
});

describe('index/analyse: what is refused', () => {
  it('oversize text, a malformed continuation, a page without an address or with a foreign scheme', async () => {
    const db = freshDb();
    expect(await analyse(db, { title: '', text: '政府工作报告'.repeat(200_000) })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/text is longer than 1000000/),
    });
    expect(await analyse(db, { title: '', text: CITY_DIGEST.text, continues: { url: 'javascript:alert(1)', region: '东岭市', planYear: 2025 } })).toMatchObject(
      {
        ok: false,
        error: expect.stringMatching(/continues\.url must be an http/),
      },
    );
    expect(await analyse(db, { title: '', text: CITY_DIGEST.text }, null)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/without the page’s address/),
    });
    expect(await analyse(db, { title: '', text: CITY_DIGEST.text }, 'chrome://settings/')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/sender\.url must be an http/),
    });
    expect(await db.reports.count()).toBe(0);
  });

  it("from an extension page, the address is the message's, and required", async () => {
    const db = freshDb();
    const url = 'https://www.qingshan.example.gov.cn/2026.html';
    const indexed = (await answerMessage(db, { type: 'index/analyse', url, title: '', text: COUNTY_REPORT.text }, 'extension')) as Envelope<AnalysedPage>;
    expect((await db.reports.get(value(indexed).reportId!))?.urls).toEqual([url]);
    expect(await answerMessage(db, { type: 'index/analyse', title: '', text: COUNTY_REPORT.text }, 'extension')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/needs the address/),
    });
  });
});
