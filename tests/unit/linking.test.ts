import { describe, expect, it } from 'vitest';
import { canonicalPhrase, indicatorKey, isGrowth, sameIndicator } from '../../lib/linking/indicator';
import { linkFigures, LINK_THRESHOLD } from '../../lib/linking';
import { synonymKey } from '../../lib/linking/synonyms';
import { fig, target } from './linking-fixtures';

describe('canonicalPhrase', () => {
  it('drops hedges, time words and lead-ins around the number', () => {
    expect(canonicalPhrase('全年新增体育场地面积超过').phrase).toBe('体育场地面积');
    expect(canonicalPhrase('粮食产量保持在').phrase).toBe('粮食产量');
    expect(canonicalPhrase('年末全国城镇调查失业率降到').phrase).toBe('城镇调查失业率');
    expect(canonicalPhrase('拟安排地方政府专项债券').phrase).toBe('地方政府专项债券');
  });

  it('keeps words that are part of a name even when they look like lead-ins', () => {
    expect(canonicalPhrase('年税收超亿元楼宇达').phrase).toBe('年税收超亿元楼宇');
  });

  it('folds the direction of change into a flag', () => {
    expect(canonicalPhrase('居民消费价格涨幅')).toMatchObject({ phrase: '居民消费价格', direction: 'up' });
    expect(canonicalPhrase('居民消费价格上涨')).toMatchObject({ phrase: '居民消费价格', direction: 'up' });
    expect(canonicalPhrase('单位国内生产总值能耗降低')).toMatchObject({ direction: 'down' });
  });

  it('keeps lifecycle verbs and folds their variants (新签约 is 签约, 竣工 is 完工)', () => {
    expect(canonicalPhrase('加装电梯新签约')).toMatchObject({ phrase: '加装电梯签约', stages: ['sign'] });
    expect(canonicalPhrase('加装电梯竣工').stages).toEqual(['finish']);
  });
});

describe('indicatorKey', () => {
  it('gives one key to the wordings of a headline indicator', () => {
    const cpiTarget = indicatorKey({ metric: '居民消费价格涨幅', unit: '%' });
    const cpiActual = indicatorKey({ metric: '居民消费价格上涨', unit: '%', growth: true });
    expect(cpiTarget).toBe(cpiActual);
    expect(indicatorKey({ metric: '城镇新增就业', unit: '人' })).toBe(indicatorKey({ metric: '新增城镇就业', unit: '人' }));
    expect(indicatorKey({ metric: '地区生产总值增长', unit: '%', growth: true })).toBe(indicatorKey({ metric: '国内生产总值增长', unit: '%', growth: true }));
  });

  it('keeps energy intensity apart from GDP although its name contains 国内生产总值', () => {
    const energy = indicatorKey({ metric: '单位国内生产总值能耗下降', unit: '%', growth: true });
    expect(energy).not.toBe(indicatorKey({ metric: '国内生产总值增长', unit: '%', growth: true }));
    expect(energy).toBe(indicatorKey({ metric: '单位国内生产总值能耗降低', unit: '%', growth: true }));
  });

  it('synonym keys are fixed points, so a stored key looks itself up', () => {
    for (const key of ['生产总值', '单位生产总值能耗', '居民消费价格', '城镇新增就业', '城镇调查失业率', '粮食产量', '赤字率', '地方政府专项债券']) {
      expect(synonymKey(key)).toBe(key);
    }
  });
});

describe('isGrowth', () => {
  it('reads a % figure whose phrase ends in 涨幅 as a rate even when the flag is missing', () => {
    expect(isGrowth({ metric: '居民消费价格涨幅', unit: '%' })).toBe(true);
  });
  it('reads 降到 (fell to) as a level', () => {
    expect(isGrowth({ metric: '城镇调查失业率降到', unit: '%' })).toBe(false);
  });
});

describe('sameIndicator', () => {
  it('matches the same words in another order', () => {
    const a = fig({ metric: '新增供应公租房', value: 4031, unit: '套' });
    const b = target({ metric: '新增公租房供应', value: 2000, unit: '套' });
    expect(sameIndicator(a, b)).toBeGreaterThanOrEqual(LINK_THRESHOLD);
  });

  it('never joins different units', () => {
    const a = fig({ metric: '新增供应公租房', value: 4031, unit: '套' });
    const b = target({ metric: '新增供应公租房', value: 200, unit: '户' });
    expect(sameIndicator(a, b)).toBe(0);
  });

  it('never joins a rate of change to a level', () => {
    const level = fig({ metric: '国内生产总值', value: 126e12, unit: '元' });
    const rateInYuan = fig({ metric: '国内生产总值增长', value: 5.2, unit: '元', growth: true });
    expect(sameIndicator(level, rateInYuan)).toBe(0);
    const unemploymentLevel = fig({ metric: '城镇调查失业率', value: 5.2, unit: '%' });
    const someRate = fig({ metric: '城镇调查失业率下降', value: 0.3, unit: '%', growth: true });
    expect(sameIndicator(unemploymentLevel, someRate)).toBe(0);
  });

  it('never joins different lifecycle stages (完工 vs 新开工), but does join 签约 and 新签约', () => {
    const finished = fig({ metric: '电梯加装完工', value: 295, unit: '台' });
    const started = target({ metric: '既有多层住宅加装电梯新开工', value: 300, unit: '台' });
    const signed = fig({ metric: '电梯加装签约', value: 514, unit: '台' });
    const signTarget = target({ metric: '既有多层住宅加装电梯新签约', value: 500, unit: '台' });
    expect(sameIndicator(finished, started)).toBe(0);
    expect(sameIndicator(signed, started)).toBe(0);
    expect(sameIndicator(signed, signTarget)).toBeGreaterThanOrEqual(LINK_THRESHOLD);
  });

  it('never joins a bare category noun, but joins an indicator that reduces to one', () => {
    const bare = fig({ metric: '投资', value: 5.8e8, unit: '元' });
    const total = target({ metric: '中金数据等总投资', value: 1e11, unit: '元' });
    expect(sameIndicator(bare, total)).toBe(0);
    expect(sameIndicator(fig({ metric: '企业', value: 1.57e6, unit: '户' }), target({ metric: '科技型中小企业', value: 1.5e4, unit: '户' }))).toBe(0);
    const done = fig({ metric: '重大工程完成投资', value: 2.383e11, unit: '元' });
    const doneTarget = target({ metric: '重大工程完成投资', value: 2.4e11, unit: '元' });
    expect(sameIndicator(done, doneTarget)).toBeGreaterThanOrEqual(LINK_THRESHOLD);
  });

  it('keeps 调查失业率 and 登记失业率 apart though they share most characters', () => {
    const a = fig({ metric: '城镇调查失业率', value: 5.2, unit: '%' });
    const b = target({ metric: '城镇登记失业率', value: 4.5, unit: '%', qualifier: '以内' });
    expect(sameIndicator(a, b)).toBe(0);
  });
});

describe('linkFigures', () => {
  // A district report in miniature: review figures first, then plan targets.
  const figures = [
    fig({ metric: '年税收超亿元楼宇达', value: 60, unit: '幢' }), // 0
    fig({ metric: '电梯加装签约', value: 514, unit: '台' }), // 1
    fig({ metric: '完工', value: 295, unit: '台' }), // 2
    fig({ metric: '新增廉租房租金配租家庭', value: 210, unit: '户' }), // 3
    fig({ metric: '廉租租金补贴', value: 1817, unit: '户' }), // 4
    fig({ metric: '新增供应公租房', value: 4031, unit: '套' }), // 5
    fig({ metric: '空气质量指数优良率达', value: 90, unit: '%' }), // 6
    fig({ metric: '全年新增体育场地面积超过', value: 5e4, unit: '平方米', qualifier: '超过' }), // 7
    fig({ metric: '人才公寓总量达', value: 5389, unit: '套', period: { from: 2018, to: 2022 } }), // 8: a period figure
    target({ metric: '年税收超亿元楼宇达到', value: 70, unit: '幢' }), // 9
    target({ metric: '既有多层住宅加装电梯新签约', value: 500, unit: '台' }), // 10
    target({ metric: '新开工', value: 300, unit: '台' }), // 11
    target({ metric: '新增公租房供应', value: 2000, unit: '套' }), // 12
    target({ metric: '廉租房租金配租家庭', value: 200, unit: '户' }), // 13
    target({ metric: '空气质量指数优良率', value: 85, unit: '%', qualifier: '不低于' }), // 14
    target({ metric: '新增体育场地面积', value: 5e4, unit: '平方米', qualifier: '以上' }), // 15
    target({ metric: '多渠道筹措人才公寓', value: 1400, unit: '套' }), // 16
    target({ metric: '廉租租金补贴家庭月均', value: 800, unit: '元' }), // 17: no review figure in 元
  ];
  const links = linkFigures(figures);
  const pairs = links.map((l) => [l.from, l.to]);

  it('links each target to the review figure of its indicator', () => {
    expect(pairs).toContainEqual([0, 9]);
    expect(pairs).toContainEqual([1, 10]);
    expect(pairs).toContainEqual([5, 12]);
    expect(pairs).toContainEqual([3, 13]);
    expect(pairs).toContainEqual([6, 14]);
    expect(pairs).toContainEqual([7, 15]);
  });

  it('links a target to nothing rather than to a look-alike', () => {
    expect(links.find((l) => l.to === 11)).toBeUndefined(); // 新开工 vs 完工 / 签约
    expect(links.find((l) => l.to === 17)).toBeUndefined();
  });

  it('leaves five-year figures out', () => {
    expect(links.find((l) => l.from === 8)).toBeUndefined();
  });

  it('gives each target at most one link, scored in 0..1 and at or above the threshold', () => {
    const tos = links.map((l) => l.to);
    expect(new Set(tos).size).toBe(tos.length);
    for (const l of links) {
      expect(l.score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
      expect(l.score).toBeLessThanOrEqual(1);
    }
  });

  it('picks the best of several candidates', () => {
    const fs = [
      fig({ metric: '廉租租金补贴', value: 1817, unit: '户' }),
      fig({ metric: '新增廉租房租金配租家庭', value: 210, unit: '户' }),
      target({ metric: '廉租房租金配租家庭', value: 200, unit: '户' }),
    ];
    expect(linkFigures(fs)).toEqual([{ from: 1, to: 2, score: 1 }]);
  });

  it('links growth rates only to growth rates', () => {
    const fs = [
      fig({ metric: '全年实到外资', value: 12.4e8, unit: '美元' }),
      fig({ metric: '同比增长', value: 31.9, unit: '%', growth: true }),
      fig({ metric: '实到外资占比', value: 40, unit: '%' }),
      target({ metric: '实到外资增长', value: 5, unit: '%', growth: true }),
    ];
    expect(linkFigures(fs).map((l) => l.from)).not.toContain(2);
  });
});
