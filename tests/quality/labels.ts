/**
 * Hand-labelled figures for the quality bench (bench/quality.bench.ts), written by reading the
 * corpus texts, before looking at the engine's output. No corpus sentence is copied: each set
 * names passages of a corpus file by a short anchor at their start and end, and each label gives
 * the figure's text as printed (number and unit, a touching bound where one touches it), found in
 * text order: a label is the next occurrence of its text after the previous label, not inside a
 * longer number ("5%" is not found inside "5.5%").
 *
 * The metric is what a reader would call the indicator; it is compared loosely (see the bench).
 */
import type { FigureKind } from '../../lib/model';
import { SAMPLE_FIGURES } from './xuhui';

export interface Label {
  text: string;
  value: number;
  valueMax?: number;
  unit: string;
  kind: FigureKind;
  qualifier: string | null;
  metric?: string;
}

export interface Passage {
  /** Anchors: the passage runs from the first occurrence of `from` to the end of the first `to` after it. */
  from: string;
  to: string;
  labels: Label[];
}

export interface LabelledSet {
  name: string;
  level: string;
  /** A corpus file (relative to the corpus folder), or null when `text` is given. */
  file: string | null;
  /** A text written for the bench (no corpus text of that level exists). */
  text?: string;
  /** Passages labelled; absent: the whole text is labelled. */
  passages?: Passage[];
  labels?: Label[];
}

const L = (text: string, value: number, unit: string, kind: FigureKind, qualifier: string | null, metric?: string, valueMax?: number): Label =>
  valueMax === undefined ? { text, value, unit, kind, qualifier, metric } : { text, value, valueMax, unit, kind, qualifier, metric };

/** The sample: every digit-bearing figure (tests/unit/corpus.test.ts holds the same list). */
const xuhui: LabelledSet = {
  name: 'xuhui-2023 (district summary, whole text)',
  level: 'district',
  file: 'xuhui-2023-summary.txt',
  labels: SAMPLE_FIGURES.map(([text, value, unit, kind, qualifier]) => ({ text, value, unit, kind, qualifier })),
};

/** National 2019: the review's headline paragraphs, the year's targets and the budget paragraph. */
const national2019: LabelledSet = {
  name: 'national-2019 (headlines, targets, budget)',
  level: 'national',
  file: 'national/national_2019.txt',
  passages: [
    {
      from: '——经济运行保持在合理区间',
      to: '易地扶贫搬迁280万人',
      labels: [
        L('6.6%', 6.6, '%', 'actual', null, '国内生产总值增长'),
        L('突破90万亿元', 9e13, '元', 'actual', '突破', '国内生产总值总量'),
        L('2.1%', 2.1, '%', 'actual', null, '居民消费价格上涨'),
        L('1361万人', 1.361e7, '人', 'actual', null, '城镇新增就业'),
        L('5%左右', 5, '%', 'actual', '左右', '调查失业率'),
        L('近14亿', 1.4e9, '', 'actual', '近', '人口'),
        L('接近60%', 60, '%', 'actual', '接近', '服务业对经济增长贡献率'),
        L('3.1%', 3.1, '%', 'actual', null, '单位国内生产总值能耗下降'),
        L('超过1.8万户', 18000, '户', 'actual', '超过', '日均新设企业'),
        L('超过1亿户', 1e8, '户', 'actual', '超过', '市场主体总量'),
        L('超过30万亿元', 3e13, '元', 'actual', '超过', '货物进出口总额'),
        L('1383亿美元', 1.383e11, '美元', 'actual', null, '实际使用外资'),
        L('1386万', 1.386e7, '', 'actual', null, '农村贫困人口减少'),
        L('280万人', 2.8e6, '人', 'actual', null, '易地扶贫搬迁'),
      ],
    },
    {
      from: '今年经济社会发展的主要预期目标是',
      to: '主要污染物排放量继续下降',
      labels: [
        L('6%－6.5%', 6, '%', 'target', null, '国内生产总值增长', 6.5),
        L('1100万人以上', 1.1e7, '人', 'target', '以上', '城镇新增就业'),
        L('5.5%左右', 5.5, '%', 'target', '左右', '城镇调查失业率'),
        L('4.5%以内', 4.5, '%', 'target', '以内', '城镇登记失业率'),
        L('3%左右', 3, '%', 'target', '左右', '居民消费价格涨幅'),
        L('1000万以上', 1e7, '', 'target', '以上', '农村贫困人口减少'),
        L('3%左右', 3, '%', 'target', '左右', '单位国内生产总值能耗下降'),
      ],
    },
    {
      from: '积极的财政政策要加力提效',
      to: '中央对地方均衡性转移支付增长10.9%',
      labels: [
        L('2.8%', 2.8, '%', 'target', null, '赤字率'),
        L('0.2个百分点', 0.2, '个百分点', 'target', null, '赤字率比去年预算高'),
        L('2.76万亿元', 2.76e12, '元', 'target', null, '财政赤字'),
        L('1.83万亿元', 1.83e12, '元', 'target', null, '中央财政赤字'),
        L('9300亿元', 9.3e11, '元', 'target', null, '地方财政赤字'),
        L('超过23万亿元', 2.3e13, '元', 'target', '超过', '财政支出'),
        L('6.5%', 6.5, '%', 'target', null, '财政支出增长'),
        L('10.9%', 10.9, '%', 'target', null, '中央对地方均衡性转移支付增长'),
      ],
    },
  ],
};

/** Gansu 2025: the review's opening figures, its growth paragraph, and the year's targets. */
const gansu2025: LabelledSet = {
  name: 'gansu-2025 (province: review openings, targets)',
  level: 'province',
  file: 'provinces-2025/gansu_2025.txt',
  passages: [
    {
      from: '令人振奋的是',
      to: '达到5.28万元',
      labels: [
        L('4个', 4, '个', 'actual', null, '地区生产总值跨千亿台阶'),
        L('1.3万亿元', 1.3e12, '元', 'actual', '达到', '地区生产总值'),
        L('5.8%', 5.8, '%', 'actual', null, '地区生产总值增长'),
        L('10个季度', 10, '个季度', 'actual', null, '保持在全国第一方阵'),
        L('突破5万', 50000, '', 'actual', '突破', '人均地区生产总值'),
        L('5.28万元', 52800, '元', 'actual', '达到', '人均地区生产总值'),
      ],
    },
    {
      from: '第一产业增加值增长',
      to: '一般公共预算收入1051.4亿元',
      labels: [
        L('6.6%', 6.6, '%', 'actual', null, '第一产业增加值增长'),
        L('7.6%', 7.6, '%', 'actual', null, '第二产业增加值增长'),
        L('10.8%', 10.8, '%', 'actual', null, '规模以上工业增加值增长'),
        L('3.2%', 3.2, '%', 'actual', null, '固定资产投资增长'),
        L('4.1%', 4.1, '%', 'actual', null, '社会消费品零售总额增长'),
        L('0.6个百分点', 0.6, '个百分点', 'actual', null, '社会消费品零售总额增速高于全国'),
        L('1051.4亿元', 1.0514e11, '元', 'actual', null, '一般公共预算收入'),
      ],
    },
    {
      from: '今年经济社会发展的主要预期目标是',
      to: '粮食产量稳定在252亿斤以上',
      labels: [
        L('5.5%左右', 5.5, '%', 'target', '左右', '地区生产总值增长'),
        L('8%左右', 8, '%', 'target', '左右', '规模以上工业增加值增长'),
        L('5%左右', 5, '%', 'target', '左右', '固定资产投资增长'),
        L('5%左右', 5, '%', 'target', '左右', '社会消费品零售总额增长'),
        L('10%左右', 10, '%', 'target', '左右', '外贸进出口总额增长'),
        L('5.5%左右', 5.5, '%', 'target', '左右', '一般公共预算收入增长'),
        L('2%左右', 2, '%', 'target', '左右', '居民消费价格涨幅'),
        L('5.5%左右', 5.5, '%', 'target', '左右', '城镇调查失业率'),
        L('5%', 5, '%', 'target', '左右', '城镇居民人均可支配收入增长'),
        L('7%左右', 7, '%', 'target', '左右', '农村居民人均可支配收入增长'),
        L('252亿斤以上', 2.52e10, '斤', 'target', '以上', '粮食产量'),
      ],
    },
  ],
};

/**
 * A county report in the shape county summaries take (the corpus holds no county text), written
 * for the bench and labelled with it: a review of 2024 and the 2025 targets.
 */
const COUNTY_TEXT = `青溪县人民政府工作报告（摘要）
——2025年1月8日在青溪县第十八届人民代表大会第五次会议上
一、2024年工作回顾
全年实现地区生产总值238.6亿元，增长6.2%；一般公共预算收入14.3亿元，增长4.8%；城乡居民人均可支配收入分别达到46820元和25310元，分别增长4.9%和6.7%。
新建改建农村公路126公里，改造危桥9座；新增城镇就业5200人，帮扶就业困难人员就业830人。
建成标准化养老服务中心3所、村级养老服务站27个，新增养老床位420张。
二、2025年主要任务
今年全县发展的主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%以上，城镇新增就业5000人以上，城镇调查失业率控制在5.5%以内。
力争新建农村公路100公里以上，改造老旧小区12个、惠及居民3600户；新增普惠性托位300个。
`;

const county: LabelledSet = {
  name: 'qingxi county (written for the bench)',
  level: 'county',
  file: null,
  text: COUNTY_TEXT,
  labels: [
    L('238.6亿元', 2.386e10, '元', 'actual', null, '地区生产总值'),
    L('6.2%', 6.2, '%', 'actual', null, '地区生产总值增长'),
    L('14.3亿元', 1.43e9, '元', 'actual', null, '一般公共预算收入'),
    L('4.8%', 4.8, '%', 'actual', null, '一般公共预算收入增长'),
    L('46820元', 46820, '元', 'actual', '达到', '城镇居民人均可支配收入'),
    L('25310元', 25310, '元', 'actual', null, '农村居民人均可支配收入'),
    L('4.9%', 4.9, '%', 'actual', null, '城镇居民人均可支配收入增长'),
    L('6.7%', 6.7, '%', 'actual', null, '农村居民人均可支配收入增长'),
    L('126公里', 126, '公里', 'actual', null, '新建改建农村公路'),
    L('9座', 9, '座', 'actual', null, '改造危桥'),
    L('5200人', 5200, '人', 'actual', null, '新增城镇就业'),
    L('830人', 830, '人', 'actual', null, '帮扶就业困难人员就业'),
    L('3所', 3, '所', 'actual', null, '建成标准化养老服务中心'),
    L('27个', 27, '个', 'actual', null, '村级养老服务站'),
    L('420张', 420, '张', 'actual', null, '新增养老床位'),
    L('6%左右', 6, '%', 'target', '左右', '地区生产总值增长'),
    L('5%以上', 5, '%', 'target', '以上', '一般公共预算收入增长'),
    L('5000人以上', 5000, '人', 'target', '以上', '城镇新增就业'),
    L('5.5%以内', 5.5, '%', 'target', '以内', '城镇调查失业率'),
    L('100公里以上', 100, '公里', 'target', '以上', '新建农村公路'),
    L('12个', 12, '个', 'target', null, '改造老旧小区'),
    L('3600户', 3600, '户', 'target', null, '惠及居民'),
    L('300个', 300, '个', 'target', null, '新增普惠性托位'),
  ],
};

export const LABELLED_SETS: LabelledSet[] = [xuhui, national2019, gansu2025, county];
