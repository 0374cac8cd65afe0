import { describe, expect, it } from 'vitest';
import { indicatorById, indicators } from '../../lib/catalogue/indicators';
import { indicatorKey, linkFigures } from '../../lib/linking';
import { analyseReport } from '../../lib/analysis';
import { fig, target } from './linking-fixtures';

describe('indicator catalogue', () => {
  it('has one entry per id, each with a name, an English name and a pattern', () => {
    const all = indicators();
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    for (const e of all) {
      expect(indicatorById(e.id), e.id).toBe(e);
      expect(e.zh.length, e.id).toBeGreaterThan(1);
      expect(e.en.length, e.id).toBeGreaterThan(1);
      expect(e.patterns.length, e.id).toBeGreaterThan(0);
      expect(e.tolerance, e.id).toBeGreaterThan(0);
    }
  });

  it('gives every wording of a headline indicator its catalogue id', () => {
    const rate = (metric: string) => indicatorKey({ metric, unit: '%', growth: true });
    expect(rate('国内生产总值增长')).toBe('gdp-growth');
    expect(rate('地区生产总值增长')).toBe('gdp-growth');
    expect(rate('经济增长')).toBe('gdp-growth');
    expect(rate('居民消费价格涨幅')).toBe('cpi');
    expect(rate('居民消费价格上涨')).toBe('cpi');
    expect(rate('单位国内生产总值能耗降低')).toBe('energy-intensity');
    expect(rate('规上工业增加值增长')).toBe('industrial-value-added-growth');
    expect(indicatorKey({ metric: '城镇调查失业率', unit: '%' })).toBe('surveyed-unemployment');
    expect(indicatorKey({ metric: '城镇新增就业', unit: '人' })).toBe('urban-jobs');
    expect(indicatorKey({ metric: '粮食产量保持在', unit: '斤' })).toBe('grain-output');
    expect(indicatorKey({ metric: '粮食总产量', unit: '吨' })).toBe('grain-output');
    expect(indicatorKey({ metric: '赤字率拟按', unit: '%' })).toBe('deficit-ratio');
    expect(indicatorKey({ metric: '拟发行超长期特别国债', unit: '元' })).toBe('ultra-long-special-bonds');
    expect(indicatorKey({ metric: '研究与试验发展经费投入强度', unit: '%' })).toBe('rd-intensity');
  });

  it('keeps a level, a rate and an amount of change of one name apart', () => {
    expect(indicatorKey({ metric: '国内生产总值', unit: '元' })).toBe('gdp');
    // "比上年增加1800亿元" is how much the deficit grew, not the deficit.
    expect(indicatorKey({ metric: '财政赤字增加', unit: '元' })).not.toBe('deficit');
    expect(indicatorKey({ metric: '财政性教育经费占国内生产总值比例', unit: '%' })).not.toBe('gdp');
    // 农村贫困人口减少1000万 is a reduction, whichever side the verb stands.
    expect(indicatorKey({ metric: '农村贫困人口减少', unit: '' })).toBe('poverty-reduction');
    expect(indicatorKey({ metric: '减少农村贫困人口', unit: '' })).toBe('poverty-reduction');
  });

  it("sets each figure's indicator in the analysis", () => {
    const a = analyseReport(
      '政府工作报告\n一、2024年工作回顾\n全年地区生产总值增长5.2%，城镇新增就业12万人。\n二、2025年主要任务\n今年主要预期目标是：地区生产总值增长5%左右，城镇新增就业10万人以上。\n',
    );
    const ids = a.figures.map((f) => f.indicator);
    expect(ids).toEqual(['gdp-growth', 'urban-jobs', 'gdp-growth', 'urban-jobs']);
  });
});

describe('linking by counter family and by what is counted', () => {
  const sentence = (s: string) => ({ sentence: s });

  it('links counters of one family (个 → 所, 家 → 个)', () => {
    const figures = [
      fig({ metric: '建成托幼一体园', value: 10, unit: '个', year: 2022 }),
      fig({ metric: '菜市场整体改造', value: 5, unit: '家', year: 2022 }),
      target({ metric: '新增托幼一体园', value: 10, unit: '所', year: 2023 }),
      target({ metric: '新建改建菜市场', value: 5, unit: '个', year: 2023 }),
    ];
    expect(linkFigures(figures).map((l) => [l.from, l.to])).toEqual([
      [0, 2],
      [1, 3],
    ]);
  });

  it('keeps lifecycle stages apart (完工295台 is not 新开工300台)', () => {
    const figures = [
      fig({ metric: '电梯加装完工', value: 295, unit: '台', year: 2022 }),
      target({ metric: '加装电梯新开工', value: 300, unit: '台', year: 2023 }),
    ];
    expect(linkFigures(figures)).toEqual([]);
  });

  it('does not link a count of projects in zones to a count of zones', () => {
    const figures = [
      fig({ metric: '大型产业集聚区新投产亿元以上项目', value: 270, unit: '个', qualifier: '超', ...sentence('大型产业集聚区新投产亿元以上项目超270个') }),
      target({ metric: '大型产业集聚区', value: 7, unit: '个' }),
    ];
    expect(linkFigures(figures)).toEqual([]);
  });

  it('does not link national projects to provincial ones', () => {
    const figures = [
      fig({ metric: '推进国家重大战略实施和重点领域安全能力建设项目', value: 142, unit: '个' }),
      target({ metric: '安排省重点建设项目', value: 1500, unit: '个' }),
    ];
    expect(linkFigures(figures)).toEqual([]);
  });

  it('does not link a total to an increment', () => {
    const figures = [
      fig({ metric: '长期护理保险参保人数', value: 4526e4, unit: '人', qualifier: '达到' }),
      target({ metric: '新增参保人数', value: 1500e4, unit: '人' }),
    ];
    expect(linkFigures(figures)).toEqual([]);
  });
});

describe('a bare building verb takes the quoted name after its figure', () => {
  it('links 28个邻里汇“生活盒子” to 新建和提升11个“生活盒子”', () => {
    const a = analyseReport('政府工作报告\n一、2022年工作回顾\n完成28个邻里汇“生活盒子”建设。\n二、2023年主要任务\n年内新建和提升11个“生活盒子”。\n');
    const from = a.figures.findIndex((f) => f.text === '28个');
    const to = a.figures.findIndex((f) => f.text === '11个');
    expect(a.figures[to].metric).toContain('生活盒子');
    expect(a.links.map((l) => [l.from, l.to])).toContainEqual([from, to]);
  });
});
