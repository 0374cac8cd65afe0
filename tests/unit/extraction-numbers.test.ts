/**
 * Number forms and non-figures met in real reports beyond the sample: mixed numerals, numbers
 * broken across lines, rate units printed around the number, and the names, footnote marks,
 * classes and versions that carry digits without being figures.
 */
import { describe, expect, it } from 'vitest';
import { analyseReport } from '../../lib/analysis';
import { readQuantity } from '../../lib/extraction/numbers';

describe('mixed and spelled-out magnitudes', () => {
  it('reads 千 and a lower part after 万 or 亿', () => {
    expect(readQuantity('5千多户', 0)).toMatchObject({ value: 5000, unit: '户', approx: '多' });
    expect(readQuantity('1万6千多户', 0)).toMatchObject({ value: 16000, unit: '户', approx: '多' });
    expect(readQuantity('2万5千公里', 0)).toMatchObject({ value: 25000, unit: '公里' });
    expect(readQuantity('1亿3千多万。', 0)).toMatchObject({ value: 1.3e8, approx: '多' });
    expect(readQuantity('3万多亿元', 0)).toMatchObject({ value: 3e12, unit: '元', approx: '多' });
  });

  it('keeps 千 of a unit a unit', () => {
    expect(readQuantity('1300万千瓦以上', 0)).toMatchObject({ value: 1.3e7, unit: '千瓦' });
    expect(readQuantity('500千伏', 0)).toMatchObject({ value: 500, unit: '千伏' });
    expect(readQuantity('3千米', 0)).toMatchObject({ value: 3, unit: '千米' });
  });

  it('reads a Latin unit after a magnitude, units of counts and compound rates', () => {
    expect(readQuantity('1.6万P、', 0)).toMatchObject({ value: 16000, unit: 'P' });
    expect(readQuantity('15对', 0)).toMatchObject({ value: 15, unit: '对' });
    expect(readQuantity('25份', 0)).toMatchObject({ value: 25, unit: '份' });
    expect(readQuantity('5150.6万标准箱', 0)).toMatchObject({ value: 51506000, unit: '标准箱' });
    expect(readQuantity('1分/千瓦时', 0)).toMatchObject({ value: 1, unit: '分/千瓦时' });
  });
});

/** Figures of a one-paragraph review, as analyseReport reads them. */
function figuresOf(body: string): { text: string; value: number; unit: string }[] {
  const text = `一、2024年工作回顾\n${body}\n二、2025年主要任务\n今年将继续推进。\n`;
  return analyseReport(text).figures.map((f) => ({ text: f.text, value: f.value, unit: f.unit }));
}

describe('numbers broken across lines', () => {
  it('joins a number to its magnitude on the next line, across a blank line and zero-width space', () => {
    const figs = figuresOf('国内生产总值达到74.4\n\u200b\n万亿元，增长6.7%。');
    expect(figs[0]).toMatchObject({ value: 7.44e13, unit: '元' });
    expect(figs[0].text).toBe('74.4\n\u200b\n万亿元');
    expect(figs[1]).toMatchObject({ value: 6.7, unit: '%' });
  });

  it('leaves a line that ends in a digit alone when the next line starts a word', () => {
    const figs = figuresOf('建成示范点12\n万众创新活动持续开展。');
    expect(figs).toEqual([{ text: '12', value: 12, unit: '' }]);
  });
});

describe('rates printed around the number', () => {
  it('reads 每立方米20微克 as 微克/立方米', () => {
    const figs = figuresOf('细颗粒物(PM2.5)平均浓度为每立方米20微克，比上年下降5%。');
    expect(figs[0]).toMatchObject({ value: 20, unit: '微克/立方米' });
  });
});

describe('digits that are not figures', () => {
  const none = (body: string) => expect(figuresOf(body), body).toEqual([]);

  it('skips footnote marks, hotline numbers and quoted names', () => {
    none('建立“五张清单［3］”项目库，持续完善。');
    none('通过线上升级建设12355热线、小程序，提升12345便民热线服务。');
    none('大力实施“3个100”市重点工程，创建“渝味360碗”美食品牌，开展“科创100”专项行动。');
  });

  it('skips classes, versions, centuries, numbered names and travel-time circles', () => {
    none('全球最大26兆瓦级海上风力发电机组下线，建成10万吨级泊位。');
    none('编制服务业扩大开放3.0方案。');
    none('泉州建设21世纪“海丝名城”。');
    none('推进台山核电3、4号机组建设。');
    none('大力实施15分钟社区生活圈提升计划，构建1小时通勤圈。');
  });

  it('still reads the figures beside them', () => {
    const figs = figuresOf('新增国际友城3对，累计争取28家部委出台25份配套支持政策，12345热线受理诉求1781万件。');
    expect(figs.map((f) => f.text)).toEqual(['3对', '28家', '25份', '1781万件']);
  });
});

describe('subjects listed before 分别', () => {
  const metrics = (body: string) =>
    analyseReport(`一、2024年工作回顾\n${body}\n二、2025年主要任务\n今年将继续推进。\n`).figures.map((f) => [f.text, f.metric, f.growth === true]);

  it('gives each figure its own subject, and the verb after 分别 to all', () => {
    expect(metrics('城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内。')).toEqual([
      ['5%', '城镇调查失业率', false],
      ['3%以内', '居民消费价格涨幅', true],
    ]);
    expect(metrics('单位国内生产总值能耗和二氧化碳排放分别降低13.5%、18%。')).toEqual([
      ['13.5%', '单位国内生产总值能耗降低', true],
      ['18%', '二氧化碳排放降低', true],
    ]);
  });

  it('completes a two-character subject the list shortened', () => {
    expect(metrics('城镇、农村居民人均可支配收入分别增长4.6%、6.7%。').map((m) => m[1])).toEqual(['城镇居民人均可支配收入增长', '农村居民人均可支配收入增长']);
  });

  it('changes nothing when subjects and figures do not pair up', () => {
    expect(metrics('规上工业增加值、固定资产投资分别增长6%。').map((m) => m[1])).toEqual(['固定资产投资增长']);
  });
});
