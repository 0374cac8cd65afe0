// @vitest-environment jsdom
/**
 * The popup, report page and library components rendered with Preact into jsdom: sorting and
 * filtering the comparison table, the verdict marks, the trend chart's marks, delete with
 * confirmation and undo, the popup's conversation with the page, and page text kept as text.
 */
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { ComparisonRow, ComparisonView, DeletedReport, FigureCell, FigureEntry, ReportPageView, ReportSummary, TrendPoint } from '../../lib/views/types';
import type { BackgroundClient, PageClient, PageStatus } from '../../lib/messages';
import { ComparisonTable, filterRows, sortRows, EMPTY_FILTER } from '../../components/ComparisonTable';
import { TrendChart, valueTicks } from '../../components/TrendChart';
import { LibraryGrid, gridOf, searchReports } from '../../components/LibraryGrid';
import { PopupView } from '../../components/PopupView';
import { firstChartable } from '../../components/comparison-parts';
import { ReportView, NO_FILTERS, filtersFromQuery, filtersToQuery, type ReportFilters } from '../../components/ReportView';
import { setLang } from '../../components/i18n';
import { formatChange, reportName } from '../../components/format';
import { host } from './preact-host';

async function show(vnode: preact.ComponentChild) {
  await act(async () => {
    render(vnode, host);
  });
}

async function click(el: Element | null) {
  if (!el) throw new Error('nothing to click');
  await act(async () => {
    (el as HTMLElement).click();
  });
}

async function input(el: Element | null, value: string, event: 'input' | 'change' = 'input') {
  if (!el) throw new Error('no field');
  await act(async () => {
    (el as HTMLInputElement).value = value;
    el.dispatchEvent(new Event(event, { bubbles: true }));
  });
}

/** Resolves pending promises and the renders they cause. */
async function settle() {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
}

function cell(text: string, value: number, over: Partial<FigureCell> = {}): FigureCell {
  return {
    figureId: `r:${text}`,
    reportId: 'r2024',
    index: 0,
    text,
    value,
    unit: '%',
    qualifier: null,
    kind: 'target',
    year: 2024,
    growth: true,
    sentence: `句子${text}。`,
    ...over,
  };
}

function row(metric: string, over: Partial<ComparisonRow> = {}): ComparisonRow {
  return {
    indicatorId: `全国|${metric}|%`,
    metric,
    unit: '%',
    growth: true,
    target: cell('5%左右', 5, { qualifier: '左右' }),
    lastTarget: null,
    lastActual: null,
    status: 'no-target',
    indicator: null,
    verdict: null,
    gap: null,
    position: null,
    change: null,
    trend: [],
    ...over,
  };
}

const GDP_TREND: TrendPoint[] = [
  { year: 2022, series: 'actual', estimate: false, value: 3, text: '3%', reportId: 'r2023' },
  { year: 2023, series: 'target', estimate: false, value: 5, text: '5%左右', reportId: 'r2023' },
  { year: 2023, series: 'actual', estimate: false, value: 5.2, text: '5.2%', reportId: 'r2024' },
  { year: 2024, series: 'target', estimate: false, value: 5, text: '5%左右', reportId: 'r2024' },
];

const ROWS: ComparisonRow[] = [
  row('国内生产总值增长', {
    target: cell('5%左右', 5, { index: 7, qualifier: '左右' }),
    lastTarget: cell('5%左右', 5, { reportId: 'r2023', year: 2023 }),
    lastActual: cell('5.2%', 5.2, { kind: 'actual', year: 2023 }),
    status: 'met',
    verdict: 'met',
    gap: 0.2,
    position: 'within',
    change: { absolute: 0, relative: 0, from: 'target' },
    trend: GDP_TREND,
  }),
  row('粮食产量', {
    unit: '斤',
    growth: false,
    target: cell('1.3万亿斤以上', 1.3e12, { index: 9, unit: '斤', qualifier: '以上' }),
    lastTarget: cell('1.3万亿斤以上', 1.3e12, { unit: '斤', year: 2023 }),
    lastActual: cell('1.2万亿斤', 1.2e12, { unit: '斤', kind: 'estimate', year: 2023 }),
    status: 'missed',
    verdict: 'missed',
    gap: -1e11,
    position: 'below',
    change: { absolute: 0, relative: 0, from: 'target' },
  }),
  row('新增公园', { unit: '个', growth: false, target: cell('20个', 20, { index: 11, unit: '个' }) }),
];

const bodyRows = () => [...host.querySelectorAll('.comparison-table tbody tr')] as HTMLTableRowElement[];
const metrics = () => bodyRows().map((r) => r.querySelector('th')!.textContent);
const header = (label: string) => [...host.querySelectorAll('thead th')].find((th) => th.textContent!.includes(label)) as HTMLElement;

describe('ComparisonTable', () => {
  it('shows one row per indicator with last year, verdict and this year', async () => {
    await show(<ComparisonTable rows={ROWS} caption="对比" />);
    expect(metrics()).toEqual(['国内生产总值增长', '粮食产量', '新增公园']);
    const gdp = bodyRows()[0];
    expect(gdp.querySelector('.c-last-target')!.textContent).toBe('5%左右');
    expect(gdp.querySelector('.c-last-actual')!.textContent).toBe('5.2%');
    expect(gdp.querySelector('.c-target')!.textContent).toBe('5%左右');
    expect(gdp.querySelector('.c-change')!.textContent).toBe('持平 (与去年目标相比)');
    expect(gdp.querySelector('.c-change')!.getAttribute('title')).toBe('与去年目标相比');
  });

  it('gives met and missed a symbol and a word, not colour alone', async () => {
    await show(<ComparisonTable rows={ROWS} caption="对比" />);
    const [gdp, grain, parks] = bodyRows().map((r) => r.querySelector('.c-status') as HTMLElement);
    expect(gdp.dataset.status).toBe('met');
    // The verdict carries its margin: 5.2% against a 5% target.
    expect(gdp.textContent).toBe('✓ 完成 (+0.2个百分点, 区间内)');
    expect(grain.dataset.status).toBe('missed');
    expect(grain.textContent).toBe('✗ 未完成 (−1000亿斤, 低于)');
    expect(grain.closest('tr')!.dataset.verdict).toBe('missed');
    expect(parks.textContent).toBe('– 无目标');
    // An estimate is labelled as one.
    expect(bodyRows()[1].querySelector('.c-last-actual')!.textContent).toContain('预计');
    // A target whose outcome no report gives is neither met nor unknown.
    await show(<ComparisonTable rows={[row('赤字率', { status: 'no-outcome', lastActual: null })]} caption="对比" />);
    const deficit = bodyRows()[0].querySelector('.c-status') as HTMLElement;
    expect(deficit.dataset.status).toBe('no-outcome');
    expect(deficit.textContent).toBe('… 未见结果');
  });

  it('does not call a changed bound unchanged', async () => {
    const jobs = row('城镇新增就业', { change: { absolute: 0, relative: 0, from: 'target', qualifier: { from: '左右', to: '以上' } } });
    await show(<ComparisonTable rows={[jobs]} caption="对比" />);
    expect(bodyRows()[0].querySelector('.c-change')!.textContent).toBe('数值持平，左右 → 以上 (与去年目标相比)');
  });

  it('carries the catalogue id and the verdict on each row, and shows gap and position', async () => {
    const cpi = row('居民消费价格涨幅', { indicator: 'cpi', status: 'met', verdict: 'met', gap: -2.8, position: 'below' });
    await show(<ComparisonTable rows={[cpi, row('口袋公园')]} caption="对比" />);
    const [first, second] = bodyRows();
    expect(first.dataset.indicator).toBe('cpi');
    expect(first.dataset.verdict).toBe('met');
    expect(first.querySelector('.c-status')!.textContent).toBe('✓ 完成 (−2.8个百分点, 低于)');
    // Without a catalogue entry, the row's indicator key.
    expect(second.dataset.indicator).toBe('全国|口袋公园|%');
    expect(second.dataset.verdict).toBe('no-target');
  });

  it('sorts by a column, reverses on a second click, and says so with aria-sort', async () => {
    await show(<ComparisonTable rows={ROWS} caption="对比" />);
    const target = header('今年目标');
    expect(target.getAttribute('aria-sort')).toBe('none');
    await click(target.querySelector('button'));
    expect(target.getAttribute('aria-sort')).toBe('ascending');
    expect(metrics()).toEqual(['国内生产总值增长', '新增公园', '粮食产量']);
    await click(target.querySelector('button'));
    expect(target.getAttribute('aria-sort')).toBe('descending');
    expect(metrics()).toEqual(['粮食产量', '新增公园', '国内生产总值增长']);
    // Missed first when sorting by verdict; rows without a value go last both ways.
    await click(header('结果').querySelector('button'));
    expect(metrics()).toEqual(['粮食产量', '国内生产总值增长', '新增公园']);
    await click(header('去年实际').querySelector('button'));
    expect(metrics()[2]).toBe('新增公园');
    await click(header('去年实际').querySelector('button'));
    expect(metrics()[2]).toBe('新增公园');
  });

  it("filters by text, by the kind of last year's figure and by verdict", async () => {
    await show(<ComparisonTable rows={ROWS} caption="对比" />);
    await input(host.querySelector('input[type=search]'), '粮食');
    expect(metrics()).toEqual(['粮食产量']);
    expect(host.querySelector('caption')!.textContent).toContain('1/3');
    await input(host.querySelector('input[type=search]'), '');
    const [outcome, status] = [...host.querySelectorAll('select')];
    await input(outcome, 'estimate', 'change');
    expect(metrics()).toEqual(['粮食产量']);
    await input(outcome, 'none', 'change');
    expect(metrics()).toEqual(['新增公园']);
    await input(outcome, 'all', 'change');
    await input(status, 'met', 'change');
    expect(metrics()).toEqual(['国内生产总值增长']);
    await input(host.querySelector('input[type=search]'), '公园');
    expect(bodyRows()).toHaveLength(0);
    expect(host.textContent).toContain('没有符合筛选条件的指标');
  });

  it('reports the chosen row from a click anywhere on it and from its button', async () => {
    const onSelect = vi.fn();
    await show(<ComparisonTable rows={ROWS} caption="对比" onSelect={onSelect} />);
    await click(bodyRows()[1].querySelector('.c-target'));
    expect(onSelect).toHaveBeenLastCalledWith(ROWS[1]);
    await click(bodyRows()[0].querySelector('button.row-select'));
    expect(onSelect).toHaveBeenLastCalledWith(ROWS[0]);
    expect(onSelect).toHaveBeenCalledTimes(2);
  });

  it('renders page text as text, never as markup', async () => {
    const evil = '<img src=x onerror="alert(1)">';
    await show(<ComparisonTable rows={[row(evil, { target: cell(evil, 1) })]} caption={evil} />);
    expect(host.querySelector('img')).toBeNull();
    expect(bodyRows()[0].querySelector('th')!.textContent).toBe(evil);
  });

  it('sorts and filters as pure functions too', () => {
    expect(sortRows(ROWS, 'metric', 'ascending').map((r) => r.metric)).toEqual([...ROWS.map((r) => r.metric)].sort((a, b) => a.localeCompare(b, 'zh')));
    expect(filterRows(ROWS, { ...EMPTY_FILTER, outcome: 'actual' }).map((r) => r.metric)).toEqual(['国内生产总值增长']);
  });

  it('follows the interface language', async () => {
    setLang('en');
    await show(<ComparisonTable rows={ROWS} caption="Compared" />);
    expect(header("Last year's target")).toBeDefined();
    expect(bodyRows()[0].querySelector('.c-status')!.textContent).toBe('✓ Met (+0.2 pp, within)');
    expect(formatChange({ absolute: 0.5, relative: 0.1, from: 'target' }, '%')).toBe('+0.5 pp');
  });
});

describe('ComparisonTable for long reports', () => {
  const headline = (r: ComparisonRow, indicator: string): ComparisonRow => ({ ...r, target: { ...r.target, headline: true, indicator } });
  const LONG = [ROWS[1], headline(ROWS[0], 'gdp-growth'), ROWS[2], row('新建改造城市地下管网', { target: cell('3万公里', 3e7, { unit: '米' }) })];

  it('puts headline indicators first and folds the rest under "All targets"', async () => {
    await show(<ComparisonTable rows={LONG} caption="对比" />);
    const tables = host.querySelectorAll('table.comparison-table');
    expect(tables).toHaveLength(2);
    expect([...tables[0].querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(['国内生产总值增长']);
    const details = host.querySelector('details.all-targets') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')!.textContent).toBe('全部目标（另 3 项）');
    expect([...details.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(['粮食产量', '新增公园', '新建改造城市地下管网']);
    // The catalogue id names a headline row; other rows are named by their indicator key.
    expect(bodyRows()[0].dataset.indicator).toBe('gdp-growth');
    expect(bodyRows()[1].dataset.indicator).toBe('全国|粮食产量|%');
    // A search opens the fold, so a hit is never hidden.
    await input(host.querySelector('input[type=search]'), '产');
    expect((host.querySelector('details.all-targets') as HTMLDetailsElement).open).toBe(true);
    expect(metrics()).toEqual(['国内生产总值增长', '粮食产量']);
    // With no headline row among the hits, they are shown unfolded.
    await input(host.querySelector('input[type=search]'), '管网');
    expect(host.querySelector('details.all-targets')).toBeNull();
    expect(metrics()).toEqual(['新建改造城市地下管网']);
  });

  it('builds the folded rows after the first paint, and at once when a filter opens the fold', async () => {
    // Rendered outside act: effects wait for the frame after this render, as in the browser.
    render(<ComparisonTable rows={LONG} caption="对比" />, host);
    expect(host.querySelectorAll('table.comparison-table')).toHaveLength(1);
    expect(host.querySelector('details.all-targets summary')!.textContent).toBe('全部目标（另 3 项）');
    await vi.waitFor(() => expect(host.querySelectorAll('details.all-targets tbody tr')).toHaveLength(3));
    render(null, host);
    render(<ComparisonTable rows={LONG} caption="对比" filter={{ ...EMPTY_FILTER, text: '产' }} />, host);
    expect(host.querySelectorAll('details.all-targets[open] tbody tr')).toHaveLength(1);
    await act(async () => render(null, host));
  });

  it('shows every row unfolded when the catalogue marks none', async () => {
    await show(<ComparisonTable rows={ROWS} caption="对比" />);
    expect(host.querySelector('details.all-targets')).toBeNull();
    expect(bodyRows()).toHaveLength(3);
  });

  it('says why a row has nothing from last year, with a link to import the missing report', async () => {
    const previous = { region: '广东省', year: 2024, reportId: null };
    await show(<ComparisonTable rows={ROWS} caption="对比" previous={previous} libraryUrl="lib.html" />);
    expect(host.querySelector('.missing-year')!.textContent).toContain('广东省2024年的报告不在你的报告库中');
    const parks = bodyRows()[2].querySelector('.c-last-actual')!;
    expect(parks.textContent).toContain('缺2024年报告');
    expect(bodyRows()[2].querySelector('.c-status')!.textContent).toBe('—');
    expect(parks.querySelector('a')!.getAttribute('href')).toBe('lib.html#import');
    // A row with last year's figures needs no excuse.
    expect(bodyRows()[0].querySelector('.why')).toBeNull();
    setLang('en');
    await show(<ComparisonTable rows={ROWS} caption="x" previous={previous} libraryUrl="lib.html" />);
    expect(host.querySelector('.missing-year')!.textContent).toContain('The 2024 report of 广东省 is not in your library');
    // When last year's report is there, the indicator is simply not in it.
    await show(<ComparisonTable rows={ROWS} caption="x" previous={{ ...previous, reportId: 'r2024' }} />);
    expect(host.querySelector('.missing-year')).toBeNull();
    expect(bodyRows()[2].querySelector('.c-last-actual')!.textContent).toBe('Not in the 2024 report');
  });
});

describe('TrendChart', () => {
  it('draws targets as hollow circles on a dashed line and outcomes as squares on a solid one', async () => {
    await show(<TrendChart points={GDP_TREND} metric="国内生产总值增长" unit="%" />);
    const svg = host.querySelector('svg.trend-svg')!;
    expect(svg.querySelectorAll('.marker-target circle')).toHaveLength(2);
    expect(svg.querySelectorAll('.marker-actual rect')).toHaveLength(2);
    expect(svg.querySelector('.marker-target circle')!.getAttribute('fill')).toBe('none');
    expect(svg.querySelector('.line-target')!.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(svg.querySelector('.line-actual')!.getAttribute('stroke-dasharray')).toBeNull();
    // Named for screen readers, with every point in words, and a legend naming both series.
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('desc')!.textContent).toContain('2023 实际 5.2%');
    const legend = host.querySelector('.legend')!.textContent;
    expect(legend).toContain('目标');
    expect(legend).toContain('实际');
    expect(host.querySelectorAll('.trend-data tbody tr')).toHaveLength(4);
  });

  it('places a higher value higher, and marks an estimate and a target range', async () => {
    const points: TrendPoint[] = [
      { year: 2022, series: 'target', estimate: false, value: 6, valueMax: 6.5, text: '6%－6.5%', reportId: 'a' },
      { year: 2022, series: 'actual', estimate: true, value: 8.1, text: '8.1%', reportId: 'a' },
      { year: 2023, series: 'actual', estimate: false, value: 3, text: '3%', reportId: 'b' },
    ];
    await show(<TrendChart points={points} metric="增长" unit="%" />);
    const rects = [...host.querySelectorAll('.marker-actual rect')].map((r) => Number(r.getAttribute('y')));
    expect(rects[0]).toBeLessThan(rects[1]);
    expect(host.querySelector('.marker-actual.estimate')).not.toBeNull();
    expect(host.querySelector('.marker-target .range')).not.toBeNull();
  });

  it('uses round axis values, from zero for levels', () => {
    // Rates zoom to their span, with room below the lowest point so no marker sits on the axis.
    expect(valueTicks(3, 5.2, '%')).toEqual([2, 3, 4, 5, 6]);
    const level = valueTicks(1.2e12, 1.39e12, '斤');
    expect(level[0]).toBe(0);
    expect(level[level.length - 1]).toBeGreaterThanOrEqual(1.39e12);
    expect(valueTicks(5, 5, '%').length).toBeGreaterThanOrEqual(2);
  });

  it('is worth drawing in the popup only from three points', () => {
    expect(firstChartable([row('a', { trend: GDP_TREND.slice(0, 2) })])).toBeNull();
    expect(firstChartable([row('a', { trend: GDP_TREND.slice(0, 2) }), ROWS[0]])).toBe(ROWS[0]);
  });
});

function summary(id: string, region: string | null, planYear: number | null, over: Partial<ReportSummary> = {}): ReportSummary {
  return {
    id,
    url: `https://example.org/${id}`,
    title: `${planYear}年政府工作报告`,
    region,
    level: region === '全国' ? 'national' : 'province',
    delivered: null,
    planYear,
    reviewYear: planYear && planYear - 1,
    figureCount: 100,
    indexedAt: 1,
    warnings: [],
    ...over,
  };
}

describe('LibraryGrid', () => {
  const reports = [
    summary('b24', '北京市', 2024),
    summary('n23', '全国', 2023),
    summary('n24', '全国', 2024, { figureCount: 40 }),
    summary('x', null, null, { title: null }),
  ];

  it('lays reports out by region (the nation first) and plan year', async () => {
    const { rows, years } = gridOf(reports);
    expect(rows.map(([r]) => r)).toEqual(['全国', '北京市', '']);
    expect(years).toEqual([null, 2023, 2024]);
    await show(<LibraryGrid reports={reports} reportUrl={(id) => `report.html?id=${id}`} onDelete={vi.fn()} onRestore={vi.fn()} />);
    const cols = [...host.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(cols).toEqual(['地区', '年份未知', '2023', '2024']);
    const national = host.querySelectorAll('tbody tr')[0];
    expect(national.querySelector('th')!.textContent).toBe('全国 2 份');
    expect(national.querySelectorAll('td')[2].querySelector('a')!.getAttribute('href')).toBe('report.html?id=n24');
    expect(national.querySelectorAll('td')[2].textContent).toContain('40 个数字');
    expect(national.querySelectorAll('td')[2].querySelector('a.original')!.getAttribute('href')).toBe('https://example.org/n24');
  });

  it('finds reports by name, region or year and orders regions on request', async () => {
    const more = [...reports, summary('zj25', '浙江省', 2025, { indexedAt: 9 }), summary('zj24', '浙江省', 2024)];
    expect(gridOf(more, 'name').rows.map(([r]) => r)).toEqual(
      ['全国', '北京市', '浙江省', ''].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'zh'))),
    );
    expect(
      gridOf(more, 'count')
        .rows.map(([r]) => r)
        .slice(0, 2)
        .sort(),
    ).toEqual(['全国', '浙江省']);
    expect(gridOf(more, 'recent').rows[0][0]).toBe('浙江省');
    expect(searchReports(more, '浙江').map((r) => r.id)).toEqual(['zj25', 'zj24']);
    expect(searchReports(more, '２０２５').map((r) => r.id)).toEqual(['zj25']);
    await show(<LibraryGrid reports={more} reportUrl={(id) => id} onDelete={vi.fn()} onRestore={vi.fn()} />);
    await input(host.querySelector('input[type=search]'), '浙江');
    expect([...host.querySelectorAll('tbody tr th')].map((th) => th.textContent)).toEqual(['浙江省 2 份']);
    expect(host.querySelector('.library-filters [role=status]')!.textContent).toBe('2/6 份报告');
    await input(host.querySelector('input[type=search]'), '上海');
    expect(host.textContent).toContain('没有符合搜索的报告');
  });

  it('keeps Delete out of the way, behind a small menu', async () => {
    await show(<LibraryGrid reports={reports} reportUrl={(id) => id} onDelete={vi.fn()} onRestore={vi.fn()} />);
    const del = host.querySelector('[data-report="b24"] button.delete')!;
    expect(del.closest('details.more')).not.toBeNull();
    expect((del.closest('details') as HTMLDetailsElement).open).toBe(false);
  });

  it('links to the notes page only when given its address', async () => {
    await show(<LibraryGrid reports={reports} reportUrl={(id) => id} onDelete={vi.fn()} onRestore={vi.fn()} />);
    expect(host.querySelector('nav.links a')).toBeNull();
    await show(<LibraryGrid reports={reports} reportUrl={(id) => id} notesUrl="notes.html" onDelete={vi.fn()} onRestore={vi.fn()} />);
    const link = host.querySelector('nav.links a')!;
    expect(link.getAttribute('href')).toBe('notes.html');
    expect(link.textContent).toBe('我的笔记');
  });

  it('names reports by year and region when the title does not', () => {
    expect(reportName(summary('a', '全国', 2024, { title: '政府工作报告' }))).toBe('2024年政府工作报告');
    expect(reportName(summary('b', '浙江省', 2025, { title: '政府工作报告' }))).toBe('浙江省2025年政府工作报告');
    expect(reportName(summary('c', '上海市徐汇区', 2023, { title: '2023年上海市徐汇区政府工作报告' }))).toBe('2023年上海市徐汇区政府工作报告');
    // A title with the region's short name needs no prefix.
    expect(reportName(summary('d', '新疆维吾尔自治区', 2025, { title: '2025年新疆政府工作报告' }))).toBe('2025年新疆政府工作报告');
    expect(reportName(summary('e', '广东省', 2025, { title: '广东政府工作报告' }))).toBe('2025年广东政府工作报告');
  });

  it('deletes only after confirmation, then undoes', async () => {
    const deleted = { report: { ...reports[2], title: '政府工作报告' } } as unknown as DeletedReport;
    const onDelete = vi.fn(async () => deleted);
    const onRestore = vi.fn(async () => {});
    await show(<LibraryGrid reports={reports} reportUrl={(id) => id} onDelete={onDelete} onRestore={onRestore} />);
    const cellOf = () => host.querySelector('[data-report="n24"]')!;
    await click(cellOf().querySelector('button.delete'));
    expect(onDelete).not.toHaveBeenCalled();
    // Cancel leaves it alone.
    await click([...cellOf().querySelectorAll('button')].find((b) => b.textContent === '取消')!);
    expect(cellOf().querySelector('button.delete')).not.toBeNull();
    await click(cellOf().querySelector('button.delete'));
    await click(cellOf().querySelector('button.danger'));
    await settle();
    expect(onDelete).toHaveBeenCalledWith('n24');
    const toast = host.querySelector('.toast')!;
    expect(toast.textContent).toContain('已删除：2024年政府工作报告');
    // Focus moves to Undo, since the Delete button left with its report.
    expect(document.activeElement).toBe(toast.querySelector('button'));
    await click(toast.querySelector('button'));
    await settle();
    expect(onRestore).toHaveBeenCalledWith(deleted);
    expect(host.querySelector('.toast')).toBeNull();
  });

  it('shows a failed delete as a message', async () => {
    const onDelete = vi.fn(async () => {
      throw new Error('Storage is full');
    });
    await show(<LibraryGrid reports={reports} reportUrl={(id) => id} onDelete={onDelete} onRestore={vi.fn()} />);
    await click(host.querySelector('[data-report="b24"] button.delete'));
    await click(host.querySelector('[data-report="b24"] button.danger'));
    await settle();
    expect(host.querySelector('[role=alert]')!.textContent).toBe('Storage is full');
  });
});

const VIEW: ComparisonView = {
  report: summary('r2024', '全国', 2024, { title: '2024年国务院政府工作报告', delivered: '2024-03-05', figureCount: 40 }),
  counts: { actual: 20, estimate: 0, target: 20, baseline: 0 },
  rows: ROWS,
};

function clients(status: PageStatus, analysed: PageStatus = status) {
  const pageCalls: { type: string; index?: number }[] = [];
  const page: PageClient = {
    request: (async (req: { type: string; index?: number }) => {
      pageCalls.push(req);
      if (req.type === 'page/status') return status;
      if (req.type === 'page/analyse') return analysed;
      if (req.type === 'page/showFigure') return req.index === 7;
      throw new Error('unexpected');
    }) as PageClient['request'],
  };
  const bgCalls: unknown[] = [];
  const background: BackgroundClient = {
    request: (async (req: { type: string }) => {
      bgCalls.push(req);
      if (req.type === 'view/comparison') return VIEW;
      throw new Error('unexpected');
    }) as BackgroundClient['request'],
  };
  return { page, background, pageCalls, bgCalls };
}

const STATUS: PageStatus = { detected: true, reportId: 'r2024', figureCount: 40, title: 't', url: 'https://www.gov.cn/r' };

/** A tab that answers each request with the next of `statuses`, then with STATUS. */
function answering(c: ReturnType<typeof clients>, statuses: PageStatus[]): PageClient {
  return {
    request: (async (req: { type: string }) => {
      c.pageCalls.push(req);
      return statuses.shift() ?? STATUS;
    }) as PageClient['request'],
  };
}

describe('PopupView', () => {
  it('asks the tab, then shows the report, its counts, the table and a chart', async () => {
    const c = clients(STATUS);
    await show(<PopupView background={c.background} page={c.page} reportUrl={(id) => `report.html?id=${id}`} libraryUrl="library.html" />);
    await settle();
    expect(c.pageCalls[0]).toEqual({ type: 'page/status' });
    expect(c.bgCalls[0]).toEqual({ type: 'view/comparison', reportId: 'r2024' });
    expect(host.querySelector('h2')!.textContent).toBe('2024年国务院政府工作报告');
    const meta = host.querySelector('dl.meta')!.textContent!;
    expect(meta).toContain('2024-03-05');
    expect(meta).toContain('实际 20');
    expect(meta).toContain('目标 20');
    expect(bodyRows()).toHaveLength(3);
    expect(host.querySelector('.popup-chart svg')).not.toBeNull();
    expect(host.querySelector('a[href="report.html?id=r2024"]')).not.toBeNull();
    // With a tab to show figures in, the reader is told rows do that.
    expect(host.querySelector('.hint')).not.toBeNull();
  });

  it("sends the chosen row's figure to the page, and says when the page cannot show it", async () => {
    const c = clients(STATUS);
    await show(<PopupView background={c.background} page={c.page} reportUrl={(id) => id} libraryUrl="l" />);
    await settle();
    await click(bodyRows()[0].querySelector('button.row-select'));
    await settle();
    expect(c.pageCalls.at(-1)).toEqual({ type: 'page/showFigure', index: 7 });
    expect(bodyRows()[0].className).toBe('selected');
    expect(host.querySelector('.notice')).toBeNull();
    await click(bodyRows()[1].querySelector('button.row-select'));
    await settle();
    expect(c.pageCalls.at(-1)).toEqual({ type: 'page/showFigure', index: 9 });
    expect(host.querySelector('.notice')!.textContent).toContain('找不到');
  });

  it('charts the chosen row, not the first one', async () => {
    const c = clients(STATUS);
    await show(<PopupView background={c.background} page={c.page} reportUrl={(id) => id} libraryUrl="l" />);
    await settle();
    expect(host.querySelector('.popup-chart h3')!.textContent).toBe('国内生产总值增长');
    expect(host.querySelector('.popup-chart svg')).not.toBeNull();
    await click(bodyRows()[1].querySelector('button.row-select'));
    await settle();
    expect(bodyRows()[1].className).toBe('selected');
    expect(host.querySelector('.popup-chart h3')!.textContent).toBe('粮食产量');
    // The grain row has no history: the chart says so rather than showing the GDP chart.
    expect(host.querySelector('.popup-chart svg')).toBeNull();
    expect(host.querySelector('.popup-chart')!.textContent).toContain('画不出趋势');
  });

  it('offers "Analyse this page" on a page not detected, and shows the report it finds', async () => {
    const c = clients({ ...STATUS, detected: false, reportId: null, figureCount: 0 }, STATUS);
    await show(<PopupView background={c.background} page={c.page} reportUrl={(id) => id} libraryUrl="l" />);
    await settle();
    expect(host.textContent).toContain('没有被识别为政府工作报告');
    expect(c.bgCalls).toHaveLength(0);
    await click([...host.querySelectorAll('button')].find((b) => b.textContent === '分析此页面')!);
    await settle();
    expect(c.pageCalls.map((r) => r.type)).toEqual(['page/status', 'page/analyse']);
    expect(bodyRows()).toHaveLength(3);
  });

  it('waits for a detected page to be indexed before showing its report', async () => {
    const c = clients(STATUS);
    const page = answering(c, [{ ...STATUS, reportId: null }, { ...STATUS, reportId: null }, STATUS]);
    await show(<PopupView background={c.background} page={page} reportUrl={(id) => id} libraryUrl="l" />);
    await settle();
    expect(host.textContent).toContain('正在收录');
    await act(async () => new Promise((r) => setTimeout(r, 700)));
    await settle();
    expect(c.pageCalls.filter((r) => r.type === 'page/status')).toHaveLength(3);
    expect(bodyRows()).toHaveLength(3);
  });

  it('waits while the page is being analysed rather than calling it undetected', async () => {
    const reading = { ...STATUS, detected: false, reportId: null, figureCount: 0, analysing: true };
    const c = clients(STATUS);
    const page = answering(c, [reading, reading, STATUS]);
    await show(<PopupView background={c.background} page={page} reportUrl={(id) => id} libraryUrl="l" />);
    await settle();
    expect(host.textContent).toContain('正在分析');
    expect(host.textContent).not.toContain('没有被识别');
    await act(async () => new Promise((r) => setTimeout(r, 700)));
    await settle();
    expect(c.pageCalls.filter((r) => r.type === 'page/status')).toHaveLength(3);
    expect(bodyRows()).toHaveLength(3);
  });

  it('says so when analysis finds no report', async () => {
    const none = { ...STATUS, detected: false, reportId: null, figureCount: 3 };
    const c = clients(none, none);
    await show(<PopupView background={c.background} page={c.page} reportUrl={(id) => id} libraryUrl="l" />);
    await settle();
    await click(host.querySelector('button.primary'));
    await settle();
    expect(host.textContent).toContain('找到 3 个数字');
  });

  it('shows an unreachable tab as a message', async () => {
    const page: PageClient = {
      request: (async () => {
        throw new Error('The page did not answer');
      }) as PageClient['request'],
    };
    await show(<PopupView background={clients(STATUS).background} page={page} reportUrl={(id) => id} libraryUrl="l" />);
    await settle();
    expect(host.textContent).toContain('无法读取这个标签页');
    expect(host.querySelector('.detail')!.textContent).toBe('The page did not answer');
    // Nothing to analyse in a tab that does not answer.
    expect(host.querySelector('button.primary')).toBeNull();
  });

  it('shows an index failure as an alert', async () => {
    const background: BackgroundClient = {
      request: (async () => {
        throw new Error('No indexed report with id r2024');
      }) as BackgroundClient['request'],
    };
    await show(<PopupView background={background} page={null} reportId="r2024" reportUrl={(id) => id} libraryUrl="l" />);
    await settle();
    expect(host.querySelector('[role=alert]')!.textContent).toContain('No indexed report');
  });
});

function entry(index: number, text: string, over: Partial<FigureEntry>): FigureEntry {
  return {
    ...cell(text, 1, { index, figureId: `r2024:${index}` }),
    at: null,
    section: 'plan',
    heading: '三、2024年政府工作任务',
    metric: '国内生产总值增长',
    indicatorId: ROWS[0].indicatorId,
    linked: [],
    ...over,
  };
}

describe('ReportView', () => {
  const page: ReportPageView = {
    ...VIEW,
    figures: [
      entry(0, '5.2%', {
        kind: 'actual',
        year: 2023,
        section: 'review',
        heading: '一、2023年工作回顾',
        sentence: '增长5.2%，比上年5.2%高。',
        at: 2,
        linked: [{ figureId: 'r2024:1', index: 1, text: '5%左右', kind: 'target', year: 2024 }],
      }),
      entry(1, '5%左右', { sentence: '国内生产总值增长5%左右。' }),
      entry(2, '1.3万亿斤以上', { metric: '粮食产量', indicatorId: ROWS[1].indicatorId, sentence: '粮食产量1.3万亿斤以上。' }),
    ],
  };

  async function showReport(filters: ReportFilters, onFilters = vi.fn(), url = 'https://www.gov.cn/r.htm') {
    await show(<ReportView view={{ ...page, report: { ...page.report, url } }} filters={filters} onFilters={onFilters} libraryUrl="library.html" />);
    return onFilters;
  }

  it('groups figures under their headings with sentence, kind, year, links and a way back to the page', async () => {
    await showReport(NO_FILTERS);
    const groups = [...host.querySelectorAll('.figure-group')];
    expect(groups.map((g) => g.querySelector('h3')!.textContent)).toEqual(['一、2023年工作回顾', '三、2024年政府工作任务']);
    const first = host.querySelector('#figure-0')!;
    expect(first.querySelector('.badge')!.textContent).toBe('实际');
    expect(first.querySelector('.year')!.textContent).toBe('2023');
    // The figure's own place is marked, not an earlier equal number in the sentence.
    expect(first.querySelector('mark')!.textContent).toBe('5.2%');
    expect(first.querySelector('.sentence')!.textContent).toBe('增长5.2%，比上年5.2%高。');
    expect(first.querySelector('.sentence')!.firstElementChild!.firstChild!.textContent).toBe('增长');
    expect(first.querySelector('.linked a')!.getAttribute('href')).toBe('#figure-1');
    const back = first.querySelector('a.in-page')!.getAttribute('href')!;
    expect(back.startsWith('https://www.gov.cn/r.htm#:~:text=')).toBe(true);
    expect(host.querySelectorAll('.chart-card svg.trend-svg')).toHaveLength(1);
  });

  it('filters figures by kind, section and indicator and reports the change', async () => {
    await showReport({ ...NO_FILTERS, kind: 'target' });
    expect(host.querySelectorAll('.figure')).toHaveLength(2);
    await showReport({ ...NO_FILTERS, section: '一、2023年工作回顾' });
    expect(host.querySelectorAll('.figure')).toHaveLength(1);
    await showReport({ ...NO_FILTERS, indicator: ROWS[1].indicatorId });
    expect([...host.querySelectorAll('.figure .fig')].map((e) => e.textContent)).toEqual(['1.3万亿斤以上']);
    expect(bodyRows().map((r) => r.querySelector('th')!.textContent)).toEqual(['粮食产量']);
    const onFilters = await showReport(NO_FILTERS);
    const kind = host.querySelector('.figure-filters select');
    await input(kind, 'actual', 'change');
    expect(onFilters).toHaveBeenLastCalledWith({ ...NO_FILTERS, kind: 'actual' });
  });

  it('keeps filters in the address and reads them back, ignoring nonsense', () => {
    const f: ReportFilters = { ...NO_FILTERS, kind: 'target', section: '三、任务', text: '就业', status: 'met' };
    const params = filtersToQuery(f, new URLSearchParams('id=abc'));
    expect(params.get('id')).toBe('abc');
    expect(params.has('outcome')).toBe(false);
    expect(filtersFromQuery(new URLSearchParams(params.toString()))).toEqual({
      ...NO_FILTERS,
      kind: 'target',
      section: '三、任务',
      text: '就业',
      status: 'met',
    });
    expect(filtersFromQuery(new URLSearchParams('kind=<script>&status=x'))).toEqual(NO_FILTERS);
  });

  it('lists what the engine doubted about the report', async () => {
    const warning = '标题写二〇二三年工作回顾，但报告于2023-01-04作出，回顾的是2022年';
    await show(<ReportView view={{ ...page, report: { ...page.report, warnings: [warning] } }} filters={NO_FILTERS} onFilters={vi.fn()} libraryUrl="l" />);
    expect(host.querySelector('.warnings li')!.textContent).toBe(warning);
    await showReport(NO_FILTERS);
    expect(host.querySelector('.warnings')).toBeNull();
  });

  it('shows markup in a stored sentence as text', async () => {
    const evil = '增长<script>alert(1)</script><b>5%</b>。';
    await show(
      <ReportView view={{ ...page, figures: [entry(0, '5%', { sentence: evil, at: null })] }} filters={NO_FILTERS} onFilters={vi.fn()} libraryUrl="l" />,
    );
    expect(host.querySelector('script')).toBeNull();
    expect(host.querySelector('.sentence b')).toBeNull();
    expect(host.querySelector('.sentence')!.textContent).toBe(evil);
  });

  it('never turns a stored non-web address into a link', async () => {
    await showReport(NO_FILTERS, vi.fn(), 'javascript:alert(1)');
    expect(host.querySelector('a.in-page')).toBeNull();
    expect([...host.querySelectorAll('a')].some((a) => a.getAttribute('href')!.startsWith('javascript'))).toBe(false);
  });
});
