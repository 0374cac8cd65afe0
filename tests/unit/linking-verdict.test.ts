import { describe, expect, it } from 'vitest';
import { judgeTarget } from '../../lib/linking/verdict';

const pct = (value: number, qualifier: string | null, indicator?: string, valueMax?: number) => ({ value, qualifier, unit: '%', indicator, valueMax });
const out = (value: number, unit = '%') => ({ value, unit });

describe('verdicts', () => {
  it('meets an about-target of a lower-is-better indicator far below its band: CPI 0.2% against 3%左右', () => {
    expect(judgeTarget(pct(3, '左右', 'cpi'), out(0.2))).toMatchObject({ reading: 'about', verdict: 'met', gap: -2.8, position: 'below' });
  });
  it('misses an about-target of a higher-is-better indicator below its band, meets it inside and above', () => {
    expect(judgeTarget(pct(5.5, '左右', 'gdp-growth'), out(3))).toMatchObject({ verdict: 'missed', gap: -2.5, position: 'below' });
    expect(judgeTarget(pct(5, '左右', 'gdp-growth'), out(5.2))).toMatchObject({ verdict: 'met', gap: 0.2, position: 'within' });
    expect(judgeTarget(pct(5, '左右', 'gdp-growth'), out(6))).toMatchObject({ verdict: 'met', position: 'above' });
  });
  it('judges a floor and a ceiling against the bound', () => {
    expect(judgeTarget({ value: 1100e4, qualifier: '以上', unit: '人', indicator: 'urban-jobs' }, out(1206e4, '人'))).toMatchObject({
      reading: 'floor',
      verdict: 'met',
      position: 'above',
      gap: 106e4,
    });
    expect(judgeTarget({ value: 1.3e12, qualifier: '以上', unit: '斤', indicator: 'grain-output' }, out(1.29e12, '斤'))).toMatchObject({
      verdict: 'missed',
      position: 'below',
    });
    expect(judgeTarget(pct(5.5, '以内', 'surveyed-unemployment'), out(5.5))).toMatchObject({ reading: 'ceiling', verdict: 'met', position: 'within', gap: 0 });
    expect(judgeTarget(pct(5.5, '以内', 'surveyed-unemployment'), out(5.6))).toMatchObject({ verdict: 'missed', position: 'above' });
  });
  it('reads a target without a qualifier by the catalogue', () => {
    expect(judgeTarget(pct(3, null, 'deficit-ratio'), null)).toMatchObject({ reading: 'plan', verdict: 'not-assessable' });
    expect(judgeTarget(pct(3, null, 'deficit-ratio'), out(3))).toMatchObject({ verdict: 'met', position: 'within' });
    expect(judgeTarget(pct(3, null, 'budget-revenue-growth'), null)).toMatchObject({ reading: 'about', verdict: 'no-outcome', gap: null });
  });
  it('judges a range by its ends and the good side', () => {
    expect(judgeTarget(pct(6, null, 'gdp-growth', 6.5), out(6.1))).toMatchObject({ verdict: 'met', position: 'within', gap: 0 });
    expect(judgeTarget(pct(6, null, 'gdp-growth', 6.5), out(5.8))).toMatchObject({ verdict: 'missed', position: 'below', gap: -0.2 });
  });
  it('cannot judge an outcome in another unit', () => {
    expect(judgeTarget(pct(5, '左右', 'gdp-growth'), out(5, '元'))).toMatchObject({ verdict: 'not-assessable', gap: null });
  });
});
