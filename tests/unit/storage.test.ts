import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Analysis, Figure } from '../../lib/model';
import { indexReport, historyFor, reportForUrl, reportIdFor } from '../../lib/storage';
import { EXCERPT_CONTEXT, MAX_REPORT_ADDRESSES, NEW_REPORTS_PER_ORIGIN, NEW_REPORTS_WINDOW_MS, NEW_TEXTS_PER_ADDRESS } from '../../lib/storage/index-report';
import { answerMessage } from '../../entrypoints/background/route';
import { analyseReport } from '../../lib/analysis';
import { CORPUS_DIR, describeIfCorpus } from '../corpus-suite';
import { CITY_DIGEST, COUNTY_REPORT } from '../fixtures/shapes/positives';
import { closeAll, freshDb } from './notes-fixtures';

afterEach(closeAll);

/** A figure at the first occurrence of `printed` in `text`. */
function fig(text: string, printed: string, over: Partial<Figure>): Figure {
  const start = text.indexOf(printed);
  if (start < 0) throw new Error(`"${printed}" not in text`);
  const sentenceStart = Math.max(0, text.lastIndexOf('。', start) + 1);
  const sentenceEnd = text.indexOf('。', start);
  return {
    start,
    end: start + printed.length,
    text: printed,
    value: 0,
    unit: '%',
    qualifier: null,
    kind: 'actual',
    section: 'review',
    year: null,
    metric: '',
    sentence: text.slice(sentenceStart, sentenceEnd < 0 ? text.length : sentenceEnd + 1),
    sentenceStart,
    ...over,
  };
}

function analysis(over: Partial<Analysis['report']>, figures: Figure[]): Analysis {
  return {
    report: {
      isReport: true,
      score: 0.9,
      reasons: [],
      title: '政府工作报告',
      region: '示例市',
      level: 'city',
      delivered: null,
      planYear: null,
      reviewYear: null,
      warnings: [],
      ...over,
    },
    sections: [],
    figures,
    links: [],
  };
}

// Two made-up consecutive reports of one city: 2023 plans GDP growth of 5% or so,
// 2024 reviews 2023 at 5.2% and plans 2024 at 5% or so.
const TEXT_2023 = '过去一年,地区生产总值增长4.1%。\n今年主要预期目标是:地区生产总值增长5%左右,新增公租房供应2000套。';
const TEXT_2024 = '过去一年,地区生产总值增长5.2%,新增公租房供应2300套。\n今年主要预期目标是:地区生产总值增长5%左右。';

function report2023(): Analysis {
  const t = TEXT_2023;
  return analysis({ planYear: 2023, reviewYear: 2022, delivered: '2023-01-10' }, [
    fig(t, '4.1%', { value: 4.1, metric: '地区生产总值增长', growth: true, year: 2022 }),
    fig(t, '5%左右', { value: 5, qualifier: '左右', kind: 'target', section: 'plan', metric: '地区生产总值增长', growth: true, year: 2023 }),
    fig(t, '2000套', { value: 2000, unit: '套', kind: 'target', section: 'plan', metric: '新增公租房供应', year: 2023 }),
  ]);
}

function report2024(): Analysis {
  const t = TEXT_2024;
  const gdpTarget = t.lastIndexOf('5%左右');
  return analysis({ planYear: 2024, reviewYear: 2023, delivered: '2024-01-12' }, [
    fig(t, '5.2%', { value: 5.2, metric: '地区生产总值增长', growth: true, year: 2023 }),
    fig(t, '2300套', { value: 2300, unit: '套', metric: '新增公租房供应', year: 2023 }),
    {
      ...fig(t, '5%左右', { value: 5, qualifier: '左右', kind: 'target', section: 'plan', metric: '地区生产总值增长', growth: true, year: 2024 }),
      start: gdpTarget,
      end: gdpTarget + 4,
    },
  ]);
}

describe('indexReport: identity', () => {
  it('indexing the same report twice keeps one report and one set of figures', async () => {
    const db = freshDb();
    const a = await indexReport(db, { url: 'https://example.gov.cn/r.html', title: 't', text: TEXT_2023, analysis: report2023() });
    const b = await indexReport(db, { url: 'https://example.gov.cn/r.html#part2', title: 't', text: TEXT_2023, analysis: report2023() });
    expect(b.reportId).toBe(a.reportId);
    expect(await db.reports.count()).toBe(1);
    expect(await db.figures.count()).toBe(3);
    expect((await db.reports.get(a.reportId))!.urls).toEqual(['https://example.gov.cn/r.html']);
    expect(a.figures.map((f) => f.index)).toEqual([0, 1, 2]);
    // The text sits in its own table, not in the row every list reads.
    expect(await db.reports.get(a.reportId)).not.toHaveProperty('text');
    expect(await db.reportText(a.reportId)).toBe(TEXT_2023);
    expect(await db.texts.count()).toBe(1);
  });

  it('the same text at another address is one report carrying both addresses', async () => {
    const db = freshDb();
    const a = await indexReport(db, { url: 'https://a.example/r', title: '', text: TEXT_2023, analysis: report2023() });
    // Another site's copy: other line breaks and indentation, same words.
    const relaid = TEXT_2023.replace('\n', '\n\n  ');
    const shifted = analysis(report2023().report, []);
    const b = await indexReport(db, { url: 'https://b.example/copy', title: '', text: relaid, analysis: shifted });
    expect(b.reportId).toBe(a.reportId);
    expect(await db.reports.count()).toBe(1);
    const row = (await db.reports.get(a.reportId))!;
    expect(row.urls.sort()).toEqual(['https://a.example/r', 'https://b.example/copy']);
    // The original page stays the first address it was seen at.
    expect(row.url).toBe('https://a.example/r');
    expect(await reportForUrl(db, 'https://a.example/r#x')).toBe(a.reportId);
    expect(await reportForUrl(db, 'https://nowhere.example/')).toBeNull();
  });

  it('the same address with changed text is a new version; the old report is never deleted for it', async () => {
    const db = freshDb();
    const url = 'https://example.gov.cn/latest';
    const old = await indexReport(db, { url, title: '', text: TEXT_2023, analysis: report2023() }, 1_000);
    const now = await indexReport(db, { url, title: '', text: TEXT_2024, analysis: report2024() }, 2_000);
    expect(now.reportId).not.toBe(old.reportId);
    expect(await db.reportText(old.reportId)).toBe(TEXT_2023);
    expect(await db.figures.where('reportId').equals(old.reportId).count()).toBe(report2023().figures.length);
    expect(await db.reportText(now.reportId)).toBe(TEXT_2024);
    expect(await reportForUrl(db, url)).toBe(now.reportId);
  });

  it('ids are SHA-256 of the text without whitespace or width differences', async () => {
    expect(await reportIdFor('增长５％ 。')).toBe(await reportIdFor('增长5%\n。'));
    expect(await reportIdFor('增长5%')).not.toBe(await reportIdFor('增长6%'));
    expect(await reportIdFor('x')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('indexReport: history across the reports of a region', () => {
  it("the 2023 GDP target's history gains the 2023 result once the 2024 report is indexed", async () => {
    const db = freshDb();
    const first = await indexReport(db, { url: 'https://example.gov.cn/2023', title: '', text: TEXT_2023, analysis: report2023() });
    // Alone, the 2023 target has a history of its own report only.
    expect(first.figures[1].indicatorId).not.toBeNull();
    expect(first.figures[1].history.map((p) => [p.year, p.kind, p.value])).toEqual([
      [2022, 'actual', 4.1],
      [2023, 'target', 5],
    ]);

    const second = await indexReport(db, { url: 'https://example.gov.cn/2024', title: '', text: TEXT_2024, analysis: report2024() });
    const target2023 = await historyFor(db, first.reportId, 1);
    expect(target2023.indicatorId).toBe(second.figures[0].indicatorId);
    expect(target2023.indicatorId).toMatch(/^示例市\|/);
    const points = target2023.history.map((p) => [p.year, p.kind, p.value, p.reportId === second.reportId]);
    expect(points).toEqual([
      [2022, 'actual', 4.1, false],
      [2023, 'target', 5, false],
      [2023, 'actual', 5.2, true],
      [2024, 'target', 5, true],
    ]);
    const actual = target2023.history.find((p) => p.year === 2023 && p.kind === 'actual')!;
    expect(actual).toMatchObject({ url: 'https://example.gov.cn/2024', text: '5.2%', region: '示例市', figureId: `${second.reportId}:0` });

    // Housing is another indicator: its history does not mix with GDP's.
    const housing = await historyFor(db, first.reportId, 2);
    expect(housing.indicatorId).not.toBe(target2023.indicatorId);
    expect(housing.history.map((p) => [p.year, p.kind, p.value])).toEqual([
      [2023, 'target', 2000],
      [2023, 'actual', 2300],
    ]);
    expect(await db.indicators.where('region').equals('示例市').count()).toBeGreaterThanOrEqual(2);
  });

  it('reports of other regions stay out of the history', async () => {
    const db = freshDb();
    const first = await indexReport(db, { url: 'https://a.example/2023', title: '', text: TEXT_2023, analysis: report2023() });
    const other = report2024();
    other.report.region = '别的市';
    await indexReport(db, { url: 'https://b.example/2024', title: '', text: TEXT_2024, analysis: other });
    const h = await historyFor(db, first.reportId, 1);
    expect(h.history.every((p) => p.reportId === first.reportId)).toBe(true);
  });

  it('a report without a region has figures but no indicator history', async () => {
    const db = freshDb();
    const a = report2023();
    a.report.region = null;
    const r = await indexReport(db, { url: 'https://a.example/x', title: '', text: TEXT_2023, analysis: a });
    expect(r.figures).toHaveLength(3);
    expect(r.figures.every((f) => f.indicatorId === null && f.history.length === 0)).toBe(true);
  });
});

describe('indexReport: failures lose nothing', () => {
  it('a failing write aborts the whole report and keeps what was saved before', async () => {
    const db = freshDb();
    const kept = await indexReport(db, { url: 'https://example.gov.cn/2023', title: '', text: TEXT_2023, analysis: report2023() });
    const figuresBefore = await db.figures.toArray();

    const realBulkAdd = db.links.bulkAdd.bind(db.links);
    db.links.bulkAdd = (() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }) as typeof db.links.bulkAdd;
    // A new report, and a re-index of the saved one: both fail after their report and figure writes.
    await expect(indexReport(db, { url: 'https://example.gov.cn/2024', title: '', text: TEXT_2024, analysis: report2024() })).rejects.toThrow(
      /Could not save the report.*quota/i,
    );
    await expect(indexReport(db, { url: 'https://example.gov.cn/2023', title: '', text: TEXT_2023, analysis: report2023() })).rejects.toThrow(/Could not save/);
    db.links.bulkAdd = realBulkAdd;

    expect(await db.reports.count()).toBe(1);
    expect(await db.figures.toArray()).toEqual(figuresBefore);
    expect(await reportForUrl(db, 'https://example.gov.cn/2024')).toBeNull();
    expect((await historyFor(db, kept.reportId, 1)).history).toHaveLength(2);
  });

  it('a closed database gives an error, not a hang', async () => {
    const db = freshDb();
    db.close();
    const answer = await answerMessage(db, { type: 'index/reportForUrl', url: 'https://x.example/' }, 'content');
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.length).toBeGreaterThan(5);
  });
});

describe('answerMessage: routing', () => {
  it('answers index requests in an ok envelope and refuses unknown prefixes', async () => {
    const db = freshDb();
    const page = { kind: 'content', url: 'https://example.gov.cn/2023' } as const;
    const analysed = await answerMessage(db, { type: 'index/analyse', title: CITY_DIGEST.title, text: CITY_DIGEST.text }, page);
    expect(analysed).toMatchObject({ ok: true, value: { reportId: await reportIdFor(CITY_DIGEST.text), indexError: null } });
    const { reportId: id } = await indexReport(db, { url: page.url, title: 't', text: TEXT_2023, analysis: report2023() }, Date.now() + 1);
    expect(await answerMessage(db, { type: 'index/reportForUrl', url: 'https://example.gov.cn/2023' }, page)).toEqual({ ok: true, value: { reportId: id } });
    const history = await answerMessage(db, { type: 'index/history', reportId: id, index: 1 }, 'extension');
    expect(history.ok && (history.value as { history: unknown[] }).history).toHaveLength(2);
    const missing = await answerMessage(db, { type: 'index/history', reportId: id, index: 99 }, 'extension');
    expect(missing).toMatchObject({ ok: false, error: expect.stringMatching(/No figure 99/) });
    expect(await answerMessage(db, { type: 'view/library' }, 'content')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/may not be sent from a web page/),
    });
    expect(await answerMessage(db, { type: 'page/status' }, 'extension')).toMatchObject({ ok: false });
    expect(await answerMessage(db, { type: 'index/analyse' }, null)).toMatchObject({ ok: false, error: expect.stringMatching(/other extensions/) });
  });
});

const corpus = join(CORPUS_DIR, 'national');
describeIfCorpus(existsSync(corpus))('indexReport with the national reports', () => {
  it('the 2023 GDP growth target meets its 5.2% result from the 2024 report', async () => {
    const db = freshDb();
    const texts = [2023, 2024].map((y) => readFileSync(resolve(corpus, `national_${y}.txt`), 'utf8'));
    const [a23, a24] = texts.map((t) => analyseReport(t));
    const r23 = await indexReport(db, { url: 'https://example.gov.cn/2023', title: '', text: texts[0], analysis: a23 });
    await indexReport(db, { url: 'https://example.gov.cn/2024', title: '', text: texts[1], analysis: a24 });
    const target = a23.figures.findIndex((f) => f.kind === 'target' && f.section === 'plan' && /生产总值/.test(f.metric) && f.value === 5);
    expect(target).toBeGreaterThanOrEqual(0);
    const h = await historyFor(db, r23.reportId, target);
    expect(h.history.some((p) => p.year === 2023 && p.kind === 'actual' && p.value === 5.2)).toBe(true);
  });
});

describe('history is not poisoned by copies', () => {
  it('a later copy with another target on another site neither replaces the genuine year nor moves its original link', async () => {
    const db = freshDb();
    const official = await indexReport(db, { url: 'https://www.example.gov.cn/2023', title: '', text: TEXT_2023, analysis: report2023() }, 1_000);
    const current = await indexReport(db, { url: 'https://www.example.gov.cn/2024', title: '', text: TEXT_2024, analysis: report2024() }, 2_000);
    // A copy of the 2023 report, read later, whose GDP target says 9%.
    const forged = TEXT_2023.replace('5%左右', '9%左右');
    const copy = report2023();
    copy.figures[1] = { ...copy.figures[1], text: '9%左右', value: 9, sentence: copy.figures[1].sentence.replace('5%左右', '9%左右') };
    const poisoned = await indexReport(db, { url: 'https://copy.example.com/2023.html', title: '', text: forged, analysis: copy }, 3_000);
    expect(poisoned.reportId).not.toBe(official.reportId);
    // The same genuine text read on the copy site too: its original page stays the government's.
    await indexReport(db, { url: 'https://copy.example.com/mirror.html', title: '', text: TEXT_2023, analysis: report2023() }, 4_000);
    expect((await db.reports.get(official.reportId))!.url).toBe('https://www.example.gov.cn/2023');

    const history = await historyFor(db, current.reportId, 2);
    const target2023 = history.history.find((p) => p.year === 2023 && p.kind === 'target')!;
    expect(target2023.text).toBe('5%左右');
    expect(target2023.reportId).toBe(official.reportId);
    // The disagreement is shown, not hidden.
    expect(target2023.disputed).toEqual([{ text: '9%左右', url: 'https://copy.example.com/2023.html' }]);
  });
});

describe('a page speaks only for its own address', () => {
  it('index requests take the address the browser reports for the sender, not the one in the message', async () => {
    const db = freshDb();
    const real = 'https://www.example.gov.cn/zwgk/2024/report.html';
    const genuine = await answerMessage(db, { type: 'index/analyse', url: real, title: '', text: COUNTY_REPORT.text }, { kind: 'content', url: real });
    const genuineId = genuine.ok && (genuine.value as { reportId: string }).reportId;
    // A page elsewhere claims the real report's address, with other text.
    const evil = 'https://evil.example/copy.html';
    const spoof = await answerMessage(db, { type: 'index/analyse', url: real, title: '', text: CITY_DIGEST.text }, { kind: 'content', url: evil });
    const spoofId = spoof.ok && (spoof.value as { reportId: string }).reportId;
    expect((await db.reports.get(spoofId as string))!.urls).toEqual([evil]);
    expect(await reportForUrl(db, real)).toBe(genuineId);
    expect((await db.reports.get(genuineId as string))!.urls).toEqual([real]);
    // It cannot ask which report another address carries, nor read another report's history.
    expect(await answerMessage(db, { type: 'index/reportForUrl', url: real }, { kind: 'content', url: evil })).toEqual({
      ok: true,
      value: { reportId: spoofId },
    });
    expect(await answerMessage(db, { type: 'index/history', reportId: genuineId, index: 0 }, { kind: 'content', url: evil })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/only concern the report of the page that sends it/),
    });
    // A request without the sender's address is not answered.
    expect(await answerMessage(db, { type: 'index/reportForUrl', url: real }, 'content')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/without the page’s address/),
    });
  });
});

describe('bounds on what a page can make the index store', () => {
  it('a figure in a 13,800-character sentence stores an excerpt around it, still a slice of the text', async () => {
    const db = freshDb();
    const line = '1,234.'.repeat(2_300);
    const text = `2024年政府工作报告\n${line}\n地区生产总值增长5.2%。`;
    const analysis = report2023();
    const at = line.length / 2;
    const start = text.indexOf('1,234', 20 + at);
    const figure = fig(text, '地区生产总值增长5.2%', {});
    const long = { ...figure, start, end: start + 5, text: '1,234', sentence: line, sentenceStart: text.indexOf(line) };
    const { reportId } = await indexReport(db, { url: 'https://example.gov.cn/long', title: '', text, analysis: { ...analysis, figures: [long], links: [] } });
    const [row] = await db.figuresOfReport(reportId);
    expect(row.sentence.length).toBeLessThanOrEqual(2 * EXCERPT_CONTEXT + 5);
    expect(text.slice(row.sentenceStart, row.sentenceStart + row.sentence.length)).toBe(row.sentence);
    expect(row.sentence.slice(row.start - row.sentenceStart, row.end - row.sentenceStart)).toBe('1,234');
  });

  it('a page that keeps changing its text is refused after a few versions, a site after many reports', async () => {
    const db = freshDb();
    const url = 'https://example.gov.cn/live';
    const sent = [];
    for (let i = 0; i < 26; i++) {
      const text = `${TEXT_2023}${'。'.repeat(i)}`;
      sent.push(
        await indexReport(db, { url, title: '', text, analysis: report2023() }, 1_000_000 + i * 700).then(
          () => 'stored',
          (e: Error) => e.message,
        ),
      );
    }
    expect(sent.filter((x) => x === 'stored')).toHaveLength(NEW_TEXTS_PER_ADDRESS);
    expect(sent.at(-1)).toMatch(/Not indexed: this page's text changed 3 times/);
    expect(await db.reports.count()).toBe(NEW_TEXTS_PER_ADDRESS);
    // A text already known is re-indexed whatever the rate; after the window, new texts are welcome again.
    await expect(indexReport(db, { url, title: '', text: TEXT_2023, analysis: report2023() }, 1_020_000)).resolves.toBeDefined();
    await expect(
      indexReport(db, { url, title: '', text: `${TEXT_2023}。。。。。。`, analysis: report2023() }, 1_000_000 + NEW_REPORTS_WINDOW_MS + 20_000),
    ).resolves.toBeDefined();

    const other = freshDb();
    const results = [];
    for (let i = 0; i < NEW_REPORTS_PER_ORIGIN + 2; i++) {
      const text = `${TEXT_2023}${'。'.repeat(i)}`;
      results.push(
        await indexReport(other, { url: `https://example.gov.cn/p${i}`, title: '', text, analysis: report2023() }, 5_000_000 + i).then(
          () => 'stored',
          (e: Error) => e.message,
        ),
      );
    }
    expect(results.filter((x) => x === 'stored')).toHaveLength(NEW_REPORTS_PER_ORIGIN);
    expect(results.at(-1)).toMatch(/https:\/\/example\.gov\.cn sent 20 new reports/);
  }, 60_000);

  it('messages over the report size caps are refused before anything is read', async () => {
    const db = freshDb();
    const huge = await answerMessage(
      db,
      { type: 'index/analyse', title: '', text: 'x'.repeat(1_000_001) },
      { kind: 'content', url: 'https://example.gov.cn/x' },
    );
    expect(huge).toMatchObject({ ok: false, error: expect.stringMatching(/text is longer than 1000000/) });
    expect(await db.reports.count()).toBe(0);
  });
});

describe('a report’s address list', () => {
  it('stays deduplicated and capped under query-string churn, keeping the first address', async () => {
    const db = freshDb();
    const base = 'https://www.example.gov.cn/zwgk/report.html';
    for (let i = 0; i < 70; i++) {
      await indexReport(db, { url: i === 0 ? base : `${base}?from=timeline&t=${i % 60}`, title: '', text: TEXT_2023, analysis: report2023() });
    }
    const [row] = await db.reports.toArray();
    expect(row.urls.length).toBe(MAX_REPORT_ADDRESSES);
    expect(new Set(row.urls).size).toBe(row.urls.length);
    expect(row.urls[0]).toBe(base);
    expect(row.urls.at(-1)).toBe(`${base}?from=timeline&t=${69 % 60}`);
    // The capped list is what a backup accepts back.
    const { createBackup, readBackup } = await import('../../lib/backup');
    expect(readBackup(JSON.stringify(await createBackup(db))).ok).toBe(true);
  }, 60_000);
});
