import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../lib/extraction';
import { readQuantity } from '../../lib/extraction/numbers';
import { splitSentences } from '../../lib/extraction/sentences';
import { normalizeText } from '../../lib/text/normalize';
import type { Figure, Section } from '../../lib/model';
import type { ReportMeta } from '../../lib/report';

const META: ReportMeta = {
  title: null,
  region: null,
  level: null,
  delivered: null,
  planYear: 2025,
  reviewYear: 2024,
  warnings: [],
};

/** A made-up report: a review part and a plan part, split where the plan heading starts. */
function extract(review: string, plan = ''): { text: string; figures: Figure[] } {
  const text = normalizeText(`一、2024年工作回顾\n${review}\n二、2025年主要任务\n${plan}`).text;
  const planAt = text.indexOf('二、2025年主要任务');
  const sections: Section[] = [
    { kind: 'review', title: '一、2024年工作回顾', start: 0, end: planAt, year: 2024, period: null },
    { kind: 'plan', title: '二、2025年主要任务', start: planAt, end: text.length, year: 2025, period: null },
  ];
  return { text, figures: extractFigures(text, { sections, meta: META }) };
}

function byText(figures: Figure[], t: string): Figure {
  const f = figures.find((x) => x.text === t);
  if (!f) throw new Error(`no figure "${t}" among: ${figures.map((x) => x.text).join(' / ')}`);
  return f;
}

describe('readQuantity', () => {
  it('applies magnitudes and keeps the unit without them', () => {
    expect(readQuantity('12.4亿美元', 0)).toMatchObject({ value: 1240000000, unit: '美元' });
    expect(readQuantity('1.3万亿斤', 0)).toMatchObject({ value: 1.3e12, unit: '斤' });
    expect(readQuantity('4.7万平方米', 0)).toMatchObject({ value: 47000, unit: '平方米' });
    expect(readQuantity('6600多万', 0)).toMatchObject({ value: 66000000, unit: '', approx: '多' });
    expect(readQuantity('2700余户', 0)).toMatchObject({ value: 2700, unit: '户', approx: '余' });
    expect(readQuantity('0.5个百分点', 0)).toMatchObject({ value: 0.5, unit: '个百分点' });
  });

  it('reads ranges with either dash and a shared unit', () => {
    expect(readQuantity('6%－6.5%', 0)).toMatchObject({ value: 6, valueMax: 6.5, unit: '%' });
    expect(readQuantity('5.0%—5.5%', 0)).toMatchObject({ value: 5, valueMax: 5.5, unit: '%' });
    expect(readQuantity('3-5万人', 0)).toMatchObject({ value: 30000, valueMax: 50000, unit: '人' });
  });
});

describe('splitSentences', () => {
  it('keeps a list item whose noun was pushed below a blank line in one sentence', () => {
    const text = '新增9家中心、600张床位、8家\n\n日间照护中心,3个社区\n下一行';
    const spans = splitSentences(text).map((s) => text.slice(s.start, s.end));
    expect(spans).toEqual(['新增9家中心、600张床位、8家\n\n日间照护中心,3个社区', '下一行']);
  });

  it('joins a prose line that stops mid-sentence (a hard wrap) with the next', () => {
    const text = '经济增速是综合性指标。今年预期目标设定\n为6%以上。';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['经济增速是综合性指标。', '今年预期目标设定\n为6%以上。']);
  });

  it('ends a sentence at 。 and ； and at the end of a line without punctuation', () => {
    const text = '甲增长5%；乙下降3%。\n丙\n丁';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['甲增长5%；', '乙下降3%。', '丙', '丁']);
  });
});

describe('extractFigures', () => {
  it('leaves the year that opens a phrase out of the metric, so one indicator reads the same every year', () => {
    const { figures } = extract('2023年全省地区生产总值5.3万亿元，增长5.5%。二〇二三年度一般公共预算收入3614亿元。');
    expect(figures.map((f) => f.metric)).toEqual(['地区生产总值', '地区生产总值增长', '一般公共预算收入']);
  });

  it('reads estimates, growth after a level, and the metric before the number', () => {
    const { figures } = extract('预计全年实到外资8.5亿美元(同比增长12.5%)\n预计商品销售总额完成3200亿元');
    const fdi = byText(figures, '8.5亿美元');
    expect(fdi).toMatchObject({ value: 850000000, unit: '美元', kind: 'estimate', metric: '实到外资', year: 2024, section: 'review' });
    const growth = byText(figures, '12.5%');
    expect(growth).toMatchObject({ value: 12.5, unit: '%', kind: 'estimate', growth: true, metric: '实到外资增长' });
    expect(byText(figures, '3200亿元')).toMatchObject({ value: 3.2e11, metric: '商品销售总额', kind: 'estimate' });
  });

  it('splits a list sharing one verb into figures with their own nouns', () => {
    const { figures } = extract('新增4家社区服务中心、300张养老床位、7个助餐点');
    expect(figures.map((f) => [f.value, f.unit])).toEqual([
      [4, '家'],
      [300, '张'],
      [7, '个'],
    ]);
    expect(figures[0].metric).toContain('社区服务中心');
    expect(figures[1].metric).toContain('养老床位');
    expect(figures[2].metric).toContain('助餐点');
  });

  it('marks the from side of a from→to pair as baseline', () => {
    const { figures } = extract('门诊接诊能力从150人次提升至800人次');
    expect(figures.map((f) => [f.value, f.kind, f.metric])).toEqual([
      [150, 'baseline', '门诊接诊能力'],
      [800, 'actual', '门诊接诊能力'],
    ]);
  });

  it('keeps touching bounds in the span and in the qualifier, never the verb', () => {
    const { figures } = extract('就业率达到91.5%\n救助约12.3万人次', '优良率不低于88%\n新增绿地面积3万平方米以上\n力争属地率提升至65%');
    expect(byText(figures, '91.5%')).toMatchObject({ qualifier: '达到', kind: 'actual', metric: '就业率' });
    expect(byText(figures, '约12.3万人次')).toMatchObject({ value: 123000, qualifier: '约' });
    expect(byText(figures, '不低于88%')).toMatchObject({ qualifier: '不低于', kind: 'target', year: 2025, metric: '优良率' });
    expect(byText(figures, '3万平方米以上')).toMatchObject({ value: 30000, qualifier: '以上', kind: 'target' });
    expect(byText(figures, '65%')).toMatchObject({ qualifier: '力争', kind: 'target', metric: '属地率' });
  });

  it('reads a per-capita rate with its base in the metric', () => {
    const { figures } = extract('重症床位数提升至每10万人近15张');
    expect(figures).toHaveLength(1);
    expect(figures[0]).toMatchObject({ text: '近15张', value: 15, unit: '张', qualifier: '近' });
    expect(figures[0].metric).toContain('每10万人');
  });

  it('skips dates, names, codes, ranks, ordinals and ratios', () => {
    const { figures } = extract(
      '2024年3月5日在第十四届会议上\n轨道交通18号线开工\n“5+1+X”计划\n“12345”热线\nPM2.5浓度下降\n引进全球50强企业\n获评3A级景区\n完善7×24小时机制\n构建“1+N”体系\n三次产业结构为4.0∶37.7∶58.3\n第2批试点',
    );
    expect(figures.map((f) => f.text)).toEqual([]);
  });

  it('reads PM2.5 limits as the limit, not the 2.5', () => {
    const { figures } = extract('', 'PM2.5平均值不高于30微克/立方米');
    expect(figures).toHaveLength(1);
    expect(figures[0]).toMatchObject({ value: 30, unit: '微克/立方米', qualifier: '不高于', metric: 'PM2.5平均值' });
  });

  it('treats every figure of a target statement as a target, with ranges and two-target items', () => {
    const { figures } = extract(
      '今年发展主要预期目标是：地区生产总值增长5.5%－6%；城镇新增就业30万人以上；规上工业增加值增长6%以上、力争达到7%。全年地区生产总值增长5.1%。',
    );
    // normalizeText folds the full-width dash, so the normalised span reads with '-'.
    const range = byText(figures, '5.5%-6%');
    expect(range).toMatchObject({ value: 5.5, valueMax: 6, unit: '%', kind: 'target', growth: true, metric: '地区生产总值增长' });
    expect(byText(figures, '30万人以上')).toMatchObject({ value: 300000, unit: '人', qualifier: '以上', kind: 'target' });
    expect(byText(figures, '6%以上')).toMatchObject({ kind: 'target', growth: true });
    expect(byText(figures, '7%')).toMatchObject({ kind: 'target', qualifier: '力争', metric: '规上工业增加值增长', growth: true });
    expect(byText(figures, '5.1%')).toMatchObject({ kind: 'actual', growth: true });
  });

  it('names the growth of a level given just before it', () => {
    const { figures } = extract('地区生产总值超过5万亿元，增长5.3%。');
    expect(byText(figures, '超过5万亿元')).toMatchObject({ value: 5e12, qualifier: '超过', metric: '地区生产总值' });
    expect(byText(figures, '5.3%')).toMatchObject({ growth: true, metric: '地区生产总值增长' });
  });

  it('gives five-year review paragraphs a period and an explicit year its year', () => {
    const { figures } = extract('五年来，粮食产量年均增长2%。\n刚刚过去的2024年，粮食产量增长1%。\n到2027年建成20个园区。');
    expect(figures[0].year).toBeNull();
    expect(figures[0].period).toEqual({ from: 2020, to: 2024 });
    expect(figures[1].year).toBe(2024);
    expect(figures[2].year).toBe(2027);
  });

  it('offsets point at the figure in the given text', () => {
    const { text, figures } = extract('新增公共泊位1200个,公共充电桩300个');
    for (const f of figures) {
      expect(text.slice(f.start, f.end)).toBe(f.text);
      expect(text.slice(f.sentenceStart, f.sentenceStart + f.sentence.length)).toBe(f.sentence);
      expect(f.sentence).toContain(f.text);
    }
    expect(figures.map((f) => f.metric)).toEqual(['新增公共泊位', '公共充电桩']);
  });

  it('works without sections, reading kind from the sentence', () => {
    const text = '预计全年增长6%\n力争增长7%\n完成投资80亿元';
    const figures = extractFigures(text, { sections: [], meta: { ...META, planYear: null, reviewYear: null } });
    expect(figures.map((f) => [f.kind, f.section, f.year])).toEqual([
      ['estimate', 'other', null],
      ['target', 'other', null],
      ['actual', 'other', null],
    ]);
  });
});
