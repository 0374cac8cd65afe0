import 'fake-indexeddb/auto';
import { answerMessage } from '../../entrypoints/background/route';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZhibiaoDB, type FigureRow, type ReportWithText } from '../../lib/storage/db';
import {
  handleViewRequest,
  comparisonView,
  reportPageView,
  libraryView,
  deleteReport,
  restoreReport,
  textFragmentUrl,
  findHeadings,
  headingAt,
  regionsView,
  type RegionsView,
  type ComparisonView,
  type DeletedReport,
} from '../../lib/views';

// Short made-up report texts in the shape of the national reports.
const TEXT_2023 = '一、2022年工作回顾\n全年国内生产总值增长3%。\n二、2023年政府工作任务\n今年国内生产总值增长5%左右；粮食产量1.3万亿斤以上。';
const TEXT_2024 =
  '一、2023年工作回顾\n国内生产总值增长5.2%。粮食产量1.2万亿斤。\n二、2024年政府工作任务\n今年国内生产总值增长5%左右；粮食产量1.3万亿斤以上；新增公园20个。';

function report(id: string, planYear: number, text: string, overrides: Partial<ReportWithText> = {}): ReportWithText {
  return {
    id,
    url: `https://example.org/${id}.html`,
    urls: [`https://example.org/${id}.html`],
    title: `${planYear}年政府工作报告`,
    region: '全国',
    level: 'national',
    delivered: `${planYear}-03-05`,
    planYear,
    reviewYear: planYear - 1,
    score: 0.9,
    warnings: [],
    figureCount: 0,
    text,
    indexedAt: 1,
    ...overrides,
  };
}

function fig(reportId: string, index: number, text: string, source: string, over: Partial<FigureRow>): FigureRow {
  const start = source.indexOf(text);
  if (start < 0) throw new Error(`test figure ${text} not in text`);
  return {
    id: `${reportId}:${index}`,
    reportId,
    index,
    start,
    end: start + text.length,
    text,
    value: 0,
    unit: '%',
    qualifier: null,
    kind: 'target',
    section: 'plan',
    year: null,
    metric: '国内生产总值增长',
    growth: true,
    sentence: text,
    sentenceStart: start,
    indicatorId: null,
    ...over,
  };
}

const GDP = '全国|国内生产总值|%';
const GRAIN = '全国|粮食产量|斤';
const PARKS = '全国|公园|个';

async function seed(db: ZhibiaoDB) {
  const r23 = report('r2023', 2023, TEXT_2023);
  const r24 = report('r2024', 2024, TEXT_2024);
  const f23 = [
    fig('r2023', 0, '3%', TEXT_2023, { value: 3, kind: 'actual', section: 'review', year: 2022, indicatorId: GDP }),
    fig('r2023', 1, '5%左右', TEXT_2023, { value: 5, qualifier: '左右', year: 2023, indicatorId: GDP }),
    fig('r2023', 2, '1.3万亿斤以上', TEXT_2023, {
      value: 1.3e12,
      unit: '斤',
      qualifier: '以上',
      year: 2023,
      metric: '粮食产量',
      growth: false,
      indicatorId: GRAIN,
    }),
  ];
  const f24 = [
    fig('r2024', 0, '5.2%', TEXT_2024, { value: 5.2, kind: 'actual', section: 'review', year: 2023, indicatorId: GDP }),
    fig('r2024', 1, '1.2万亿斤', TEXT_2024, {
      value: 1.2e12,
      unit: '斤',
      kind: 'actual',
      section: 'review',
      year: 2023,
      metric: '粮食产量',
      growth: false,
      indicatorId: GRAIN,
    }),
    fig('r2024', 2, '5%左右', TEXT_2024, { value: 5, qualifier: '左右', year: 2024, indicatorId: GDP }),
    fig('r2024', 3, '1.3万亿斤以上', TEXT_2024, {
      value: 1.3e12,
      unit: '斤',
      qualifier: '以上',
      year: 2024,
      metric: '粮食产量',
      growth: false,
      indicatorId: GRAIN,
    }),
    fig('r2024', 4, '20个', TEXT_2024, { value: 20, unit: '个', year: 2024, metric: '新增公园', growth: false, indicatorId: PARKS }),
  ];
  r23.figureCount = f23.length;
  r24.figureCount = f24.length;
  await db.putReportWithText(r23);
  await db.putReportWithText(r24);
  await db.figures.bulkPut([...f23, ...f24]);
  await db.indicators.bulkPut([
    { id: GDP, region: '全国', key: '国内生产总值', metric: '国内生产总值增长', unit: '%', growth: true },
    { id: GRAIN, region: '全国', key: '粮食产量', metric: '粮食产量', unit: '斤', growth: false },
    { id: PARKS, region: '全国', key: '公园', metric: '新增公园', unit: '个', growth: false },
  ]);
  await db.links.bulkAdd([
    { reportId: 'r2024', fromFigureId: 'r2024:0', toFigureId: 'r2024:2', score: 0.9 },
    { reportId: 'r2023', fromFigureId: 'r2023:0', toFigureId: 'r2023:1', score: 0.9 },
  ]);
}

let db: ZhibiaoDB;
let n = 0;
beforeEach(async () => {
  db = new ZhibiaoDB(`views-test-${n++}`);
  await seed(db);
});
afterEach(async () => {
  await db.delete();
});

describe('one indicator across regions', () => {
  async function addProvince(id: string, region: string, value: number, text: string) {
    const source = `二、2024年政府工作任务\n地区生产总值增长${text}。`;
    await db.putReportWithText(report(id, 2024, source, { region, level: 'province', title: '政府工作报告' }));
    const indicatorId = `${region}|国内生产总值|%`;
    await db.indicators.put({ id: indicatorId, region, key: '国内生产总值', metric: '地区生产总值增长', unit: '%', growth: true });
    await db.figures.put(fig(id, 0, text, source, { value, year: 2024, seriesYear: 2024, metric: '地区生产总值增长', indicatorId }));
  }

  it("lists each region's target for the year with the nation apart, from a figure or a key", async () => {
    await addProvince('gd', '广东省', 5, '5%左右');
    await addProvince('zj', '浙江省', 5.5, '5.5%左右');
    const view = (await handleViewRequest(db, { type: 'view/regions', figureId: 'r2024:2' })) as RegionsView;
    expect(view.year).toBe(2024);
    expect(view.metric).toBe('国内生产总值增长');
    expect(view.national?.target?.text).toBe('5%左右');
    expect(view.rows.map((r) => [r.region, r.target?.text]).sort()).toEqual([
      ['广东省', '5%左右'],
      ['浙江省', '5.5%左右'],
    ]);
    // The 2023 outcome of the nation is there for 2023, not for 2024.
    expect(view.national?.outcome).toBeNull();
    const y2023 = await regionsView(db, { key: '国内生产总值', year: 2023 });
    expect(y2023.national?.target?.text).toBe('5%左右');
    expect(y2023.national?.outcome?.text).toBe('5.2%');
    expect(y2023.rows).toEqual([]);
    expect(y2023.years).toEqual([2024, 2023]);
    // Shared by three regions: offered as a choice; the grain output of one region is not.
    expect(y2023.choices.map((c) => c.key)).toEqual(['国内生产总值']);
  });

  it('finds figures by their catalogue id when the engine gave one', async () => {
    await addProvince('gd', '广东省', 5, '5%左右');
    await db.figures.update('gd:0', { indicator: 'gdp-growth', indicatorId: null });
    await db.figures.update('r2024:2', { indicator: 'gdp-growth' });
    const view = await regionsView(db, { indicator: 'gdp-growth', year: 2024 });
    expect(view.rows.map((r) => r.region)).toEqual(['广东省']);
    expect(view.national?.target?.value).toBe(5);
  });

  it('refuses a figure that is not indexed, and drops fields of the wrong type', async () => {
    await expect(regionsView(db, { figureId: 'nope:1' })).rejects.toThrow(/No indexed figure/);
    const view = (await handleViewRequest(db, { type: 'view/regions', key: 42, year: 'x' })) as RegionsView;
    expect(view.metric).toBeNull();
  });
});

describe('comparison rows', () => {
  it('sets the 2023 GDP growth target (5%左右) against the 2023 actual (5.2%): met', async () => {
    const view = (await handleViewRequest(db, { type: 'view/comparison', reportId: 'r2024' } as never)) as ComparisonView;
    const gdp = view.rows.find((r) => r.indicatorId === GDP)!;
    expect(gdp.lastTarget?.text).toBe('5%左右');
    expect(gdp.lastTarget?.reportId).toBe('r2023');
    expect(gdp.lastActual?.text).toBe('5.2%');
    expect(gdp.status).toBe('met');
    expect(gdp.target.text).toBe('5%左右');
    expect(gdp.change).toMatchObject({ absolute: 0, from: 'target' });
  });

  it("names the region's report of the year before, or says it is not in the library", async () => {
    expect((await comparisonView(db, 'r2024')).previous).toEqual({ region: '全国', year: 2023, reportId: 'r2023' });
    expect((await comparisonView(db, 'r2023')).previous).toEqual({ region: '全国', year: 2022, reportId: null });
    expect((await reportPageView(db, { reportId: 'r2023' })).previous?.reportId).toBeNull();
  });

  it("carries the catalogue's headline mark and indicator id from the figure to its cell", async () => {
    await db.figures.update('r2024:2', { headline: true, indicator: 'gdp-growth' });
    const rows = (await comparisonView(db, 'r2024')).rows;
    const gdp = rows.find((r) => r.indicatorId === GDP)!;
    expect(gdp.target).toMatchObject({ headline: true, indicator: 'gdp-growth' });
    const grain = rows.find((r) => r.indicatorId === GRAIN)!;
    expect(grain.target.headline).toBeUndefined();
  });

  it('marks a floor target that the outcome fell short of as missed', async () => {
    const view = await comparisonView(db, 'r2024');
    const grain = view.rows.find((r) => r.indicatorId === GRAIN)!;
    expect(grain.lastActual?.value).toBe(1.2e12);
    expect(grain.status).toBe('missed');
  });

  it('says no outcome when last year set a target but no report gives its result', async () => {
    // The 2024 report leaves out the grain outcome, as reports do with the deficit ratio.
    await db.figures.delete('r2024:1');
    const grain = (await comparisonView(db, 'r2024')).rows.find((r) => r.indicatorId === GRAIN)!;
    expect(grain.lastTarget?.value).toBe(1.3e12);
    expect(grain.lastActual).toBeNull();
    expect(grain.status).toBe('no-outcome');
  });

  it('says no target when last year set none, and has one row per plan indicator', async () => {
    const view = await comparisonView(db, 'r2024');
    expect(view.rows.map((r) => r.indicatorId).sort()).toEqual([GDP, PARKS, GRAIN].sort());
    const parks = view.rows.find((r) => r.indicatorId === PARKS)!;
    expect(parks.status).toBe('no-target');
    expect(parks.lastTarget).toBeNull();
    expect(parks.change).toBeNull();
    expect(view.counts).toEqual({ actual: 2, estimate: 0, target: 3, baseline: 0 });
    expect(view.report.planYear).toBe(2024);
  });

  it("finds last year's actual in another report when this one has no linked review figure", async () => {
    await db.links.clear();
    await db.figures.delete('r2024:0');
    await db.figures.put(fig('r2023', 9, '3%', TEXT_2023, { value: 5.4, kind: 'estimate', section: 'review', year: 2023, indicatorId: GDP }));
    const view = await comparisonView(db, 'r2024');
    const gdp = view.rows.find((r) => r.indicatorId === GDP)!;
    expect(gdp.lastActual?.kind).toBe('estimate');
    expect(gdp.status).toBe('met');
  });

  it('builds a trend with one target and one outcome per year', async () => {
    const view = await comparisonView(db, 'r2024');
    const gdp = view.rows.find((r) => r.indicatorId === GDP)!;
    expect(gdp.trend.map((p) => `${p.year}${p.series[0]}${p.value}`)).toEqual(['2022a3', '2023t5', '2023a5.2', '2024t5']);
  });

  it('leaves out of the trend the mentions the index did not make series points', async () => {
    // A second mention of 2023's outcome, marked by the index as not a point (seriesYear null).
    await db.figures.put(fig('r2024', 5, '5.2%', TEXT_2024, { value: 9.9, kind: 'actual', section: 'plan', year: 2023, indicatorId: GDP, seriesYear: null }));
    // The outcome itself, marked as the 2023 point; an estimate, which an actual would otherwise beat.
    await db.figures.update('r2024:0', { seriesYear: 2023, kind: 'estimate' });
    const gdp = (await comparisonView(db, 'r2024')).rows.find((r) => r.indicatorId === GDP)!;
    expect(gdp.trend.filter((p) => p.year === 2023 && p.series === 'actual').map((p) => p.value)).toEqual([5.2]);
  });

  it("takes last year's target from the report that planned that year over a later restatement", async () => {
    // A later report restating 2023's target differently (its id sorts first) must not replace the
    // 2023 report's own.
    await db.putReportWithText(report('q2025', 2025, TEXT_2024));
    await db.figures.put(
      fig('q2025', 0, '5%左右', TEXT_2024, { value: 4.5, qualifier: '左右', kind: 'target', section: 'review', year: 2023, indicatorId: GDP }),
    );
    const gdp = (await comparisonView(db, 'r2024')).rows.find((r) => r.indicatorId === GDP)!;
    expect(gdp.lastTarget?.reportId).toBe('r2023');
    expect(gdp.lastTarget?.value).toBe(5);
  });

  it('rejects an unknown report with a message', async () => {
    await expect(comparisonView(db, 'nope')).rejects.toThrow(/No indexed report/);
  });
});

describe('report page', () => {
  it('groups figures under their headings and lists their links', async () => {
    const page = await reportPageView(db, { url: 'https://example.org/r2024.html#top' });
    expect(page.report.id).toBe('r2024');
    expect(page.figures[0].heading).toBe('一、2023年工作回顾');
    expect(page.figures[2].heading).toBe('二、2024年政府工作任务');
    expect(page.figures[0].linked.map((l) => l.figureId)).toEqual(['r2024:2']);
    expect(page.rows).toHaveLength(3);
  });

  it('finds headings and the one in force at an offset', () => {
    const hs = findHeadings(TEXT_2024);
    expect(hs.map((h) => h.title)).toEqual(['一、2023年工作回顾', '二、2024年政府工作任务']);
    expect(headingAt(hs, 0)).toBe('一、2023年工作回顾');
    expect(headingAt(hs, TEXT_2024.length - 1)).toBe('二、2024年政府工作任务');
  });
});

describe('text fragment links', () => {
  it('quotes the sentence, encoding fragment syntax characters', () => {
    const url = textFragmentUrl('https://a.org/p.html#old', '增长6%－6.5%, a-b & c', '6%');
    expect(url.startsWith('https://a.org/p.html#:~:text=')).toBe(true);
    const term = url.split('#:~:text=')[1];
    expect(term).not.toMatch(/[-,&]/);
    expect(decodeURIComponent(term)).toBe('增长6%－6.5%, a-b & c');
  });

  it('cuts a long sentence at the end of the figure', () => {
    const sentence = '城镇新增就业1244万人' + '，继续推进'.repeat(40);
    const term = decodeURIComponent(textFragmentUrl('https://a.org/', sentence, '1244万人').split('text=')[1]);
    expect(term).toBe('城镇新增就业1244万人');
  });
});

describe('library, delete and undo', () => {
  it('lists reports without their text', async () => {
    const lib = await libraryView(db);
    expect(lib.reports.map((r) => r.id).sort()).toEqual(['r2023', 'r2024']);
    expect(lib.reports[0]).not.toHaveProperty('text');
  });

  it('deletes a report with its figures, links and own indicators, and restores them exactly', async () => {
    const before = {
      reports: await db.reports.toArray(),
      figures: await db.figures.toArray(),
      links: await db.links.toArray(),
      indicators: await db.indicators.toArray(),
    };
    const deleted: DeletedReport = await deleteReport(db, 'r2024');
    expect(await db.reports.get('r2024')).toBeUndefined();
    expect(await db.texts.get('r2024')).toBeUndefined();
    expect(deleted.report).not.toHaveProperty('text');
    expect(deleted.token).toMatch(/^[0-9a-f-]{36}$/);
    expect(await db.figures.where('reportId').equals('r2024').count()).toBe(0);
    expect(await db.links.where('reportId').equals('r2024').count()).toBe(0);
    // 公园 was only in r2024; GDP and grain are still used by r2023.
    expect(await db.indicators.get(PARKS)).toBeUndefined();
    expect(await db.indicators.get(GDP)).toBeDefined();
    expect(await db.figures.where('reportId').equals('r2023').count()).toBe(3);

    // Through the message path, as the page sends it (structured clone of the snapshot).
    await handleViewRequest(db, { type: 'view/restoreReport', token: deleted.token } as never);
    expect(await db.reports.toArray()).toEqual(before.reports);
    expect(await db.reportText('r2024')).toBe(TEXT_2024);
    expect(await db.figures.toArray()).toEqual(before.figures);
    expect(await db.links.toArray()).toEqual(before.links);
    expect(await db.indicators.toArray()).toEqual(before.indicators);
  });

  it('refuses an unknown or replayed undo token without touching the index', async () => {
    await expect(restoreReport(db, { report: null } as never)).rejects.toThrow(/token is missing/);
    await expect(restoreReport(db, 'forged')).rejects.toThrow(/Nothing to undo/);
    const { token } = await deleteReport(db, 'r2024');
    await restoreReport(db, token);
    await expect(restoreReport(db, token)).rejects.toThrow(/Nothing to undo/);
    expect(await db.reports.count()).toBe(2);
  });

  it('undoes the delete of a report longer than any message may carry', async () => {
    const long = `${TEXT_2024}${'推动经济实现质的有效提升和量的合理增长。'.repeat(20_000)}`;
    expect(long.length).toBeGreaterThan(200_000);
    const row = await db.reports.get('r2024');
    await db.putReportWithText({ ...row!, text: long });
    const deleted = await deleteReport(db, 'r2024');
    // What crosses to the library page and back is small whatever the report's size.
    expect(JSON.stringify(deleted).length).toBeLessThan(2_000);
    const answer = await answerMessage(db, { type: 'view/restoreReport', token: deleted.token }, 'extension');
    expect(answer).toEqual({ ok: true, value: { reportId: 'r2024' } });
    expect(await db.reportText('r2024')).toBe(long);
  });

  it('answers nothing for requests that are not view/*', () => {
    expect(handleViewRequest(db, { type: 'index/report' })).toBeUndefined();
  });
});

describe('view answers kept until the index changes', () => {
  const library = () => handleViewRequest(db, { type: 'view/library' }) as Promise<{ reports: { id: string; title: string | null }[] }>;
  const comparison = (reportId: string) => handleViewRequest(db, { type: 'view/comparison', reportId } as never) as Promise<ComparisonView>;

  it('answers a repeated request with the answer already computed', async () => {
    const first = await library();
    expect(await library()).toBe(first);
    const view = await comparison('r2024');
    expect(await comparison('r2024')).toBe(view);
    expect(await comparison('r2023')).not.toBe(view);
  });

  it('computes again after any write: an edited row, a deleted report, a write through another connection', async () => {
    const first = await library();
    await db.reports.update('r2023', { title: '改过的标题' });
    const edited = await library();
    expect(edited).not.toBe(first);
    expect(edited.reports.find((r) => r.id === 'r2023')?.title).toBe('改过的标题');

    const before = await comparison('r2024');
    expect(before.rows.find((r) => r.indicatorId === GDP)?.lastTarget?.text).toBe('5%左右');
    await handleViewRequest(db, { type: 'view/deleteReport', reportId: 'r2023' } as never);
    expect((await library()).reports.map((r) => r.id)).toEqual(['r2024']);
    expect((await comparison('r2024')).rows.find((r) => r.indicatorId === GDP)?.lastTarget).toBeNull();

    // The notes page opens the same database itself (entrypoints/notes/main.tsx).
    const other = new ZhibiaoDB(db.name);
    const kept = await library();
    await other.reports.update('r2024', { title: '另一处写的' });
    other.close();
    expect((await library()).reports[0].title).toBe('另一处写的');
    expect(kept.reports[0].title).not.toBe('另一处写的');
  });

  it('does not keep an answer read while a write was on its way', async () => {
    const during = library();
    const write = db.reports.update('r2023', { title: '同时写的' });
    await Promise.all([during, write]);
    expect((await library()).reports.find((r) => r.id === 'r2023')?.title).toBe('同时写的');
  });

  it('does not keep a failure', async () => {
    await expect(comparison('r2025')).rejects.toThrow(/No indexed report/);
    await db.putReportWithText(report('r2025', 2025, TEXT_2024));
    expect((await comparison('r2025')).report.id).toBe('r2025');
  });
});
