import { describe, expect, it } from 'vitest';
import { analyseReport } from '../../lib/analysis';
import { headlineBlocks } from '../../lib/meaning/headline';

// A national-style report: the block of main targets, then a paragraph restating two of them.
const REPORT = [
  '政府工作报告',
  '一、2023年工作回顾',
  '全年国内生产总值增长5.2%，城镇新增就业1244万人，城镇调查失业率平均为5.2%。',
  '二、2024年经济社会发展总体要求和政策取向',
  '今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，城镇调查失业率5.5%左右；粮食产量1.3万亿斤以上。',
  '提出经济增长预期目标为5%左右，主要考虑促进就业增收、防范化解风险。城镇调查失业率5.5%左右的目标要努力实现。',
  '三、2024年政府工作任务',
  '新开工改造城镇老旧小区5万个。',
  '',
].join('\n');

describe('headline targets and restatements', () => {
  const a = analyseReport(REPORT);
  const targets = a.figures.map((f, i) => ({ ...f, i })).filter((f) => f.kind === 'target');

  it('marks every figure of the 主要预期目标 block as a headline target, and no other', () => {
    expect(targets.filter((f) => f.headline).map((f) => f.text)).toEqual(['5%左右', '1200万人以上', '5.5%左右', '1.3万亿斤以上']);
    expect(targets.find((f) => f.text === '5万个')?.headline).toBeUndefined();
  });

  it('marks a later statement of the same target as a restatement of the first', () => {
    const first = targets.find((f) => f.headline && f.indicator === 'gdp-growth')!;
    const again = targets.filter((f) => f.indicator === 'gdp-growth' && !f.headline);
    expect(again).toHaveLength(1);
    expect(again[0].restates).toBe(first.i);
    const unemployment = targets.filter((f) => f.indicator === 'surveyed-unemployment');
    expect(unemployment.map((f) => f.restates)).toEqual([undefined, unemployment[0].i]);
  });

  it('links a restated target only once', () => {
    const toGdp = a.links.filter((l) => a.figures[l.to].indicator === 'gdp-growth');
    expect(toGdp).toHaveLength(1);
    expect(a.figures[toGdp[0].to].headline).toBe(true);
  });

  it('needs the colon: a sentence about one target opens no block', () => {
    expect(headlineBlocks('经济增长预期目标为5%左右，主要考虑…。')).toEqual([]);
    expect(headlineBlocks('主要预期目标建议为：地区生产总值增长5%左右。')).toHaveLength(1);
  });
});
