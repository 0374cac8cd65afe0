import { describe, expect, it } from 'vitest';
import { assessTarget, compareValues, isCeilingIndicator } from '../../lib/linking';

const pct = (value: number) => ({ value, unit: '%' });

describe('assessTarget', () => {
  it('floors: 以上 / 不低于 / 超过 / 力争 / 达到 need actual ≥ value', () => {
    for (const q of ['以上', '不低于', '超过', '力争', '达到']) {
      expect(assessTarget({ value: 85, qualifier: q, unit: '%' }, pct(90)), q).toBe('met');
      expect(assessTarget({ value: 85, qualifier: q, unit: '%' }, pct(85)), q).toBe('met');
      expect(assessTarget({ value: 85, qualifier: q, unit: '%' }, pct(84.9)), q).toBe('missed');
    }
  });

  it('ceilings: 以内 / 以下 / 不高于 need actual ≤ value, whatever the indicator', () => {
    for (const q of ['以内', '以下', '不高于']) {
      expect(assessTarget({ value: 32, qualifier: q, unit: '微克/立方米' }, { value: 30, unit: '微克/立方米' }), q).toBe('met');
      expect(assessTarget({ value: 32, qualifier: q, unit: '微克/立方米' }, { value: 33, unit: '微克/立方米' }), q).toBe('missed');
    }
    // 不高于 contains 高于, 不超过 contains 超过: the ceiling reading must win.
    expect(assessTarget({ value: 3, qualifier: '不超过', unit: '%' }, pct(3.4))).toBe('missed');
  });

  it('左右 on growth: within half a point or above is met', () => {
    const gdp = { value: 5, qualifier: '左右', unit: '%', growth: true, metric: '国内生产总值增长' };
    expect(assessTarget(gdp, pct(5.2))).toBe('met');
    expect(assessTarget(gdp, pct(4.6))).toBe('met');
    expect(assessTarget(gdp, pct(8.1))).toBe('met');
    expect(assessTarget(gdp, pct(4.4))).toBe('missed');
    expect(assessTarget({ ...gdp, value: 5.5 }, pct(3))).toBe('missed');
  });

  it('左右 on a ceiling indicator: CPI 3%左右 is an upper bound, so 0.2% is met', () => {
    const cpi = { value: 3, qualifier: '左右', unit: '%', growth: true, metric: '居民消费价格涨幅' };
    expect(assessTarget(cpi, pct(0.2))).toBe('met');
    expect(assessTarget(cpi, pct(3.4))).toBe('met');
    expect(assessTarget(cpi, pct(3.6))).toBe('missed');
    const unemployment = { value: 5.5, qualifier: '左右', unit: '%', metric: '城镇调查失业率' };
    expect(assessTarget(unemployment, pct(5.2))).toBe('met');
    expect(assessTarget(unemployment, pct(6.1))).toBe('missed');
  });

  it('a falling rate (能耗降低3%左右) is judged by the size of the fall', () => {
    const energy = { value: 3, qualifier: '左右', unit: '%', growth: true, metric: '单位国内生产总值能耗降低' };
    expect(isCeilingIndicator(energy)).toBe(false);
    expect(assessTarget(energy, pct(3.2))).toBe('met');
    expect(assessTarget(energy, pct(2.1))).toBe('missed');
  });

  it('左右 on a level: ±5% of the value', () => {
    const jobs = { value: 1200e4, qualifier: '左右', unit: '人' };
    expect(assessTarget(jobs, { value: 1150e4, unit: '人' })).toBe('met');
    expect(assessTarget(jobs, { value: 1100e4, unit: '人' })).toBe('missed');
  });

  it('ranges: inside or on the better side is met', () => {
    const range = { value: 6, valueMax: 6.5, qualifier: null, unit: '%', growth: true, metric: '国内生产总值增长' };
    expect(assessTarget(range, pct(6.1))).toBe('met');
    expect(assessTarget(range, pct(8.1))).toBe('met');
    expect(assessTarget(range, pct(5.9))).toBe('missed');
    const ceilingRange = { value: 2, valueMax: 3, qualifier: null, unit: '%', metric: '居民消费价格涨幅' };
    expect(assessTarget(ceilingRange, pct(1))).toBe('met');
    expect(assessTarget(ceilingRange, pct(3.5))).toBe('missed');
  });

  it('no qualifier: a floor, or a ceiling where lower is better', () => {
    expect(assessTarget({ value: 70, qualifier: null, unit: '幢' }, { value: 72, unit: '幢' })).toBe('met');
    expect(assessTarget({ value: 70, qualifier: null, unit: '幢' }, { value: 60, unit: '幢' })).toBe('missed');
    expect(assessTarget({ value: 3, qualifier: null, unit: '%', metric: '赤字率' }, pct(2.8))).toBe('met');
    expect(assessTarget({ value: 3, qualifier: null, unit: '%', metric: '赤字率' }, pct(3.2))).toBe('missed');
  });

  it('explicit ceiling flag overrides the phrase', () => {
    expect(assessTarget({ value: 10, qualifier: null, unit: '起', ceiling: true }, { value: 8, unit: '起' })).toBe('met');
  });

  it('unknown when units differ or a number is missing', () => {
    expect(assessTarget({ value: 2000, qualifier: null, unit: '套' }, { value: 2100, unit: '户' })).toBe('unknown');
    expect(assessTarget({ value: Number.NaN, qualifier: null, unit: '套' }, { value: 2100, unit: '套' })).toBe('unknown');
    expect(assessTarget({ value: 5, qualifier: '左右', unit: '％' }, pct(5.1))).toBe('met');
  });
});

describe('compareValues', () => {
  it('gives absolute and relative change', () => {
    const c = compareValues(60, 70);
    expect(c.absolute).toBe(10);
    expect(c.relative).toBeCloseTo(1 / 6);
    expect(compareValues({ value: 5.2 }, { value: 5 }).absolute).toBeCloseTo(-0.2);
  });
  it('has no relative change from zero', () => {
    expect(compareValues(0, 3)).toEqual({ absolute: 3, relative: null });
  });
  it('relative change from a negative base keeps the direction of the move', () => {
    expect(compareValues(-2, -1).relative).toBeCloseTo(0.5);
  });
});
