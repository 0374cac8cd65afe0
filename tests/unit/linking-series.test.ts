import { describe, expect, it } from 'vitest';
import { buildSeries, linkFigures } from '../../lib/linking';
import type { Series } from '../../lib/model';
import { analysis, fig, target } from './linking-fixtures';

const HEADLINE = '今年发展主要预期目标是：';

/** Three national reports in miniature, each reviewing the year before and planning its own. */
function nationalReports() {
  const r2023 = analysis('全国', 2023, [
    fig({ metric: '国内生产总值增长', value: 3, unit: '%', growth: true }),
    fig({ metric: '城镇新增就业', value: 1206e4, unit: '人' }),
    fig({ metric: '居民消费价格上涨', value: 2, unit: '%', growth: true }),
    // The five-year review: never a yearly point.
    fig({ metric: '五年年均增长', value: 5.2, unit: '%', growth: true, period: { from: 2018, to: 2022 } }),
    fig({ metric: '国内生产总值增加到', value: 121e12, unit: '元', period: { from: 2018, to: 2022 } }),
    target({ metric: '国内生产总值增长', value: 5, unit: '%', growth: true, qualifier: '左右', sentence: `${HEADLINE}国内生产总值增长5%左右` }),
    target({ metric: '城镇新增就业', value: 1200e4, unit: '人', qualifier: '左右', sentence: HEADLINE }),
    target({ metric: '居民消费价格涨幅', value: 3, unit: '%', qualifier: '左右', sentence: HEADLINE }),
    // A long-range goal in the plan section: not a point of 2023.
    target({ metric: '国内生产总值增长', value: 4.5, unit: '%', growth: true, year: 2035 }),
  ]);
  const r2024 = analysis('全国', 2024, [
    fig({ metric: '国内生产总值超过', value: 126e12, unit: '元', qualifier: '超过' }),
    fig({ metric: '国内生产总值增长', value: 5.2, unit: '%', growth: true }),
    fig({ metric: '城镇新增就业', value: 1244e4, unit: '人' }),
    fig({ metric: '居民消费价格上涨', value: 0.2, unit: '%', growth: true }),
    // The explanation repeats the target before the headline sentence does: the headline wins.
    target({ metric: '经济增长预期目标为', value: 5, unit: '%', growth: true, qualifier: '左右', sentence: '经济增长预期目标为5%左右，兼顾了需要与可能' }),
    target({ metric: '国内生产总值增长', value: 5, unit: '%', growth: true, qualifier: '左右', sentence: `${HEADLINE}国内生产总值增长5%左右`, text: '5%左右' }),
    target({ metric: '城镇新增就业', value: 1200e4, unit: '人', qualifier: '以上', sentence: HEADLINE }),
    target({ metric: '居民消费价格涨幅', value: 3, unit: '%', qualifier: '左右', sentence: HEADLINE }),
    target({ metric: '单位国内生产总值能耗降低', value: 2.5, unit: '%', growth: true, qualifier: '左右', sentence: HEADLINE }),
  ]);
  const r2025 = analysis('全国', 2025, [
    fig({ metric: '国内生产总值达到', value: 134.9e12, unit: '元' }),
    fig({ metric: '增长', value: 5, unit: '%', growth: true, sentence: '国内生产总值达到134.9万亿元、增长5%' }),
    fig({ metric: '单位国内生产总值能耗降幅超过', value: 3, unit: '%', growth: true, qualifier: '超过' }),
    target({ metric: '国内生产总值增长', value: 5, unit: '%', growth: true, qualifier: '左右', sentence: HEADLINE }),
    target({ metric: '单位国内生产总值能耗下降', value: 3, unit: '%', growth: true, qualifier: '左右', sentence: HEADLINE }),
  ]);
  return [
    { source: 'national_2023', analysis: r2023 },
    { source: 'national_2024', analysis: r2024 },
    { source: 'national_2025', analysis: r2025 },
  ];
}

function seriesWith(series: Series[], predicate: (s: Series) => boolean): Series[] {
  return series.filter(predicate);
}

const cells = (s: Series) => s.points.map((p) => `${p.year} ${p.kind} ${p.value}${p.qualifier ?? ''} ${p.source}`);

describe('buildSeries', () => {
  const series = buildSeries(nationalReports());

  it("puts a year's target beside that year's result, from the next report", () => {
    const gdp = seriesWith(series, (s) => s.key === 'gdp-growth');
    expect(gdp).toHaveLength(1);
    expect(cells(gdp[0])).toEqual([
      '2022 actual 3 national_2023',
      '2023 target 5左右 national_2023',
      '2023 actual 5.2 national_2024',
      '2024 target 5左右 national_2024',
      '2025 target 5左右 national_2025',
    ]);
    expect(gdp[0]).toMatchObject({ region: '全国', unit: '%' });
  });

  it('keeps the GDP level out of the growth series', () => {
    const levels = seriesWith(series, (s) => s.key === 'gdp');
    expect(levels).toHaveLength(1);
    expect(levels[0].unit).toBe('元');
    expect(levels[0].points.map((p) => p.year)).toEqual([2023, 2024]);
  });

  it('keeps the most representative of repeated mentions: the 主要预期目标 sentence', () => {
    const gdp = series.find((s) => s.key === 'gdp-growth')!;
    const t2024 = gdp.points.filter((p) => p.year === 2024 && p.kind === 'target');
    expect(t2024).toHaveLength(1);
    expect(t2024[0].text).toBe('5%左右');
  });

  it('joins differently worded years of one indicator', () => {
    const cpi = seriesWith(series, (s) => s.key === 'cpi');
    expect(cpi).toHaveLength(1);
    expect(cpi[0].points.map((p) => `${p.year} ${p.kind}`)).toEqual(['2022 actual', '2023 target', '2023 actual', '2024 target']);
    const energy = seriesWith(series, (s) => s.key === 'energy-intensity');
    expect(energy).toHaveLength(1);
    expect(energy[0].points.map((p) => `${p.year} ${p.kind}`)).toEqual(['2024 target', '2024 actual', '2025 target']);
    const jobs = seriesWith(series, (s) => s.key === 'urban-jobs');
    expect(jobs).toHaveLength(1);
    expect(jobs[0].points.map((p) => p.value)).toEqual([1206e4, 1200e4, 1244e4, 1200e4]);
  });

  it("leaves five-year figures and other years' goals out", () => {
    const all = series.flatMap((s) => s.points);
    expect(all.some((p) => p.value === 121e12)).toBe(false);
    expect(all.some((p) => p.year === 2035)).toBe(false);
  });

  it('forms series for indicators no table knows, by similarity, and keeps look-alikes apart', () => {
    const reports = [2024, 2025].map((year) => ({
      source: `province_${year}`,
      analysis: analysis('某省', year, [
        fig({ metric: year === 2024 ? '规模以上工业增加值增长' : '规上工业增加值增长', value: 6, unit: '%', growth: true }),
        fig({ metric: '高技术制造业增加值增长', value: 9, unit: '%', growth: true }),
        target({ metric: year === 2024 ? '新增公租房供应' : '新增供应公租房', value: 2000, unit: '套' }),
        target({ metric: '装备制造业增加值增长', value: 7, unit: '%', growth: true }),
      ]),
    }));
    const out = buildSeries(reports);
    const industry = out.filter((s) => s.points.some((p) => p.value === 6));
    expect(industry).toHaveLength(1);
    expect(industry[0].points).toHaveLength(2);
    const housing = out.filter((s) => s.unit === '套');
    expect(housing).toHaveLength(1);
    expect(housing[0].points.map((p) => p.year)).toEqual([2024, 2025]);
    const hightech = out.filter((s) => s.points.some((p) => p.value === 9));
    expect(hightech).toHaveLength(1);
    expect(hightech[0].points.every((p) => p.value === 9)).toBe(true);
  });

  it('keeps regions apart', () => {
    const mk = (region: string, year: number) => ({
      source: `${region}${year}`,
      analysis: analysis(region, year, [target({ metric: '地区生产总值增长', value: 5, unit: '%', growth: true })]),
    });
    const out = buildSeries([mk('甲省', 2025), mk('乙省', 2025), mk('甲省', 2024)]);
    expect(out.map((s) => `${s.region} ${s.points.length}`).sort()).toEqual(['乙省 1', '甲省 2']);
  });

  it('uses within-report links to join wordings similarity alone would not', () => {
    const figures = [fig({ metric: '电梯加装签约', value: 514, unit: '台' }), target({ metric: '既有多层住宅加装电梯新签约', value: 500, unit: '台' })];
    const a = analysis('某区', 2023, figures);
    a.links = linkFigures(figures);
    expect(a.links).toHaveLength(1);
    const out = buildSeries([{ source: 'district_2023', analysis: a }]);
    expect(out).toHaveLength(1);
    expect(out[0].points.map((p) => `${p.year} ${p.kind}`)).toEqual(['2022 actual', '2023 target']);
  });

  it('returns nothing for no reports', () => {
    expect(buildSeries([])).toEqual([]);
  });
});
