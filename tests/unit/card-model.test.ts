/**
 * The figure card's comparison, from hand-built figures and index histories: the outcome of a
 * target and its verdict, last year's outcome and the change, next year's target beside a result,
 * ceiling indicators, unit mismatches, and the report's own links when the index has not answered.
 */
import { describe, expect, it } from 'vitest';
import { buildCardModel } from '../../lib/page/card-model';
import type { HistoryPoint } from '../../lib/messages/types';
import type { Figure, FigureKind } from '../../lib/model';

function fig(text: string, value: number, kind: FigureKind, year: number | null, extra: Partial<Figure> = {}): Figure {
  return {
    start: 0,
    end: text.length,
    text,
    value,
    unit: '%',
    qualifier: null,
    kind,
    section: kind === 'target' ? 'plan' : 'review',
    year,
    metric: '国内生产总值增长',
    growth: true,
    sentence: text,
    sentenceStart: 0,
    ...extra,
  };
}

function point(
  reportId: string,
  figureIndex: number,
  year: number,
  kind: FigureKind,
  text: string,
  value: number,
  extra: Partial<HistoryPoint> = {},
): HistoryPoint {
  return {
    reportId,
    figureId: `${reportId}:${figureIndex}`,
    figureIndex,
    year,
    kind,
    value,
    qualifier: null,
    unit: '%',
    text,
    url: `https://example.gov.cn/${reportId}.html`,
    reportTitle: `${reportId} report`,
    region: '全国',
    ...extra,
  };
}

const R2023 = 'aaaaaaaaaaaaaaaa';
const R2024 = 'bbbbbbbbbbbbbbbb';

describe('buildCardModel', () => {
  it("shows a target's outcome from next year's report, the verdict, and last year's actual with the change", () => {
    const target = fig('5%左右', 5, 'target', 2023, { qualifier: '左右' });
    const model = buildCardModel({
      index: 7,
      figure: target,
      reportId: R2023,
      linked: [],
      history: [
        point(R2023, 1, 2022, 'actual', '3%', 3),
        point(R2023, 7, 2023, 'target', '5%左右', 5, { qualifier: '左右' }),
        point(R2024, 0, 2023, 'actual', '5.2%', 5.2),
        point(R2024, 30, 2024, 'target', '5%左右', 5, { qualifier: '左右' }),
      ],
    });
    expect(model.counterpart?.text).toBe('5.2%');
    expect(model.counterpart?.thisReport).toBe(false);
    expect(model.counterpart?.reportTitle).toBe(`${R2024} report`);
    expect(model.status).toBe('met');
    expect(model.lastYear?.text).toBe('3%');
    expect(model.change?.absolute).toBeCloseTo(2);
    expect(model.years.map((y) => [y.year, y.target?.text ?? null, y.outcome?.text ?? null, y.status])).toEqual([
      [2022, null, '3%', null],
      [2023, '5%左右', '5.2%', 'met'],
      [2024, '5%左右', null, null],
    ]);
    // The figure itself is not listed twice (history repeats it under this report's id).
    expect(model.years[1].target?.current).toBe(true);
  });

  it("judges a result against its year's target and shows next year's target beside it", () => {
    const actual = fig('5.2%', 5.2, 'actual', 2023);
    const model = buildCardModel({
      index: 0,
      figure: actual,
      reportId: R2024,
      linked: [],
      history: [
        point(R2023, 1, 2022, 'actual', '3%', 3),
        point(R2023, 7, 2023, 'target', '5%左右', 5, { qualifier: '左右' }),
        point(R2024, 0, 2023, 'actual', '5.2%', 5.2),
        point(R2024, 30, 2024, 'target', '5%左右', 5, { qualifier: '左右' }),
      ],
    });
    expect(model.counterpart?.text).toBe('5%左右');
    expect(model.status).toBe('met');
    expect(model.lastYear?.text).toBe('3%');
    expect(model.change?.absolute).toBeCloseTo(2.2);
    expect(model.nextTarget?.text).toBe('5%左右');
    expect(model.nextTarget?.thisReport).toBe(true);
  });

  it('reads a missed floor, and a ceiling indicator where lower is better', () => {
    const missed = buildCardModel({
      index: 0,
      figure: fig('80%', 80, 'actual', 2023, { metric: '空气质量优良率', growth: false }),
      reportId: R2024,
      linked: [],
      history: [point(R2023, 3, 2023, 'target', '不低于85%', 85, { qualifier: '不低于' })],
    });
    expect(missed.status).toBe('missed');

    const cpi = buildCardModel({
      index: 2,
      figure: fig('3%左右', 3, 'target', 2023, { metric: '居民消费价格涨幅', qualifier: '左右' }),
      reportId: R2023,
      linked: [],
      history: [point(R2024, 4, 2023, 'actual', '0.2%', 0.2)],
    });
    expect(cpi.counterpart?.text).toBe('0.2%');
    // With its catalogue id the card gives the gap and where the outcome stands.
    const cited = buildCardModel({
      index: 2,
      figure: fig('3%左右', 3, 'target', 2023, { metric: '居民消费价格涨幅', qualifier: '左右', indicator: 'cpi' }),
      reportId: R2023,
      linked: [],
      history: [point(R2024, 4, 2023, 'actual', '0.2%', 0.2)],
    });
    expect([cited.status, cited.gap, cited.position]).toEqual(['met', -2.8, 'below']);
    expect(cpi.status).toBe('met');
  });

  it('leaves out points in another unit, and computes a relative change for levels', () => {
    const level = fig('1.3万亿斤以上', 1.3e12, 'target', 2024, { unit: '斤', metric: '粮食产量', growth: false, qualifier: '以上' });
    const model = buildCardModel({
      index: 5,
      figure: level,
      reportId: R2024,
      linked: [],
      history: [point(R2024, 2, 2023, 'actual', '1.39万亿斤', 1.39e12, { unit: '斤' }), point(R2023, 9, 2022, 'actual', '74亿斤', 7.4e9, { unit: '吨' })],
    });
    expect(model.years.map((y) => y.year)).toEqual([2023, 2024]);
    expect(model.lastYear?.text).toBe('1.39万亿斤');
    expect(model.change?.relative).toBeCloseTo((1.3 - 1.39) / 1.39);
  });

  it("uses the report's own links before the index answers", () => {
    const target = fig('2000套', 2000, 'target', 2023, { unit: '套', metric: '新增公租房供应', growth: false });
    const review = fig('1800套', 1800, 'actual', 2022, { unit: '套', metric: '新增公租房供应', growth: false });
    const model = buildCardModel({ index: 9, figure: target, reportId: null, history: [], linked: [{ index: 4, figure: review, role: 'review' }] });
    expect(model.lastYear?.text).toBe('1800套');
    expect(model.lastYear?.thisReport).toBe(true);
    expect(model.change?.absolute).toBe(200);
    expect(model.counterpart).toBeNull();
    expect(model.status).toBeNull();
    expect(model.linked).toEqual([{ index: 4, text: '1800套', kind: 'actual', year: 2022, role: 'review' }]);
  });

  it('gives a baseline no verdict', () => {
    const model = buildCardModel({
      index: 1,
      figure: fig('288人次', 288, 'baseline', 2022, { unit: '人次', growth: false }),
      reportId: null,
      history: [],
      linked: [],
    });
    expect(model.status).toBeNull();
    expect(model.counterpart).toBeNull();
  });
});
