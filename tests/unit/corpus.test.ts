/**
 * The engine on the real corpus (../shared/corpus beside the project): detection of every report
 * and non-report, every figure of the Xuhui sample as read by hand, its years and links, and the
 * national headline indicators as one series each across 2021–2025. Skipped when the corpus is absent.
 */
import { expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { analyseReport } from '../../lib/analysis';
import { buildSeries } from '../../lib/linking';
import { readableText } from '../../lib/page/readable';
import type { Analysis, Figure, FigureKind, Series } from '../../lib/model';
import { CORPUS_DIR, describeIfCorpus } from '../corpus-suite';
import { SAMPLE_FIGURES } from '../quality/xuhui';

const corpus = CORPUS_DIR;
const sample = join(corpus, 'xuhui-2023-summary.txt');
const nationalDir = join(corpus, 'national');
const provinceDir = join(corpus, 'provinces-2025');
const negativeDir = join(corpus, 'negatives');
const present = existsSync(sample) && existsSync(nationalDir) && existsSync(provinceDir) && existsSync(negativeDir);

const read = (path: string): string => readFileSync(path, 'utf8');

/** An HTML file as the CLI and the extension see it: its readable text and title. */
function htmlText(path: string): { text: string; title: string } {
  const dom = new JSDOM(read(path), { virtualConsole: new VirtualConsole() });
  try {
    const page = readableText(dom.window.document);
    return { text: page.text, title: page.title };
  } finally {
    dom.window.close();
  }
}

describeIfCorpus(present)('detection on the corpus', () => {
  const reports = present
    ? [sample, ...readdirSync(nationalDir).map((f) => join(nationalDir, f)), ...readdirSync(provinceDir).map((f) => join(provinceDir, f))]
    : [];

  it('detects every national and provincial report and the sample', () => {
    expect(reports.length).toBeGreaterThanOrEqual(40);
    const missed = reports.filter((f) => !analyseReport(read(f)).report.isReport);
    expect(missed).toEqual([]);
  });

  it('rejects every file in negatives/, text and HTML', () => {
    const files = present ? readdirSync(negativeDir).map((f) => join(negativeDir, f)) : [];
    expect(files.some((f) => f.endsWith('.html'))).toBe(true);
    for (const file of files) {
      const { text, title } = file.endsWith('.html') ? htmlText(file) : { text: read(file), title: undefined };
      const { report } = analyseReport(text, { title });
      expect(report.isReport, `${file}: ${report.reasons.join('; ')}`).toBe(false);
      expect(report.score).toBeLessThan(0.5);
    }
  });

  it('reads region, level and years of every provincial report', () => {
    for (const f of readdirSync(provinceDir)) {
      const { report } = analyseReport(read(join(provinceDir, f)));
      expect(report.level, f).toBe('province');
      expect(report.planYear, f).toBe(2025);
      expect(report.reviewYear, f).toBe(2024);
    }
  });
});

describeIfCorpus(present)('the Xuhui sample, figure by figure', () => {
  const original = present ? read(sample) : '';
  const analysis: Analysis = analyseReport(original);
  const { figures, report } = analysis;

  it('finds every digit-bearing figure with its value, unit, kind and qualifier, and nothing else', () => {
    const got = figures.map((f) => [f.text, f.value, f.unit, f.kind, f.qualifier]);
    expect(got).toEqual(SAMPLE_FIGURES);
  });

  it('gives review figures the year 2022 and plan figures 2023, each in its section', () => {
    for (const f of figures) {
      const review = f.kind !== 'target';
      expect(f.section, f.text).toBe(review ? 'review' : 'plan');
      expect(f.year, f.text).toBe(review ? 2022 : 2023);
      expect(original.slice(f.start, f.end)).toBe(f.text);
    }
  });

  it('reviews 2022 and plans 2023, with a warning about the 二〇二三年 review heading', () => {
    expect(report).toMatchObject({ isReport: true, region: '上海市徐汇区', level: 'district', delivered: '2023-01-04', reviewYear: 2022, planYear: 2023 });
    expect(report.warnings.some((w) => /review heading/.test(w) && w.includes('2023') && w.includes('2022'))).toBe(true);
    expect(analysis.sections.map((s) => [s.kind, s.year])).toEqual([
      ['review', 2022],
      ['plan', 2023],
    ]);
  });

  const byText = (text: string, kind: FigureKind): number => {
    const i = figures.findIndex((f) => f.text === text && f.kind === kind);
    if (i < 0) throw new Error(`no ${kind} figure ${text}`);
    return i;
  };
  const linkedFrom = (to: number): Figure | null => {
    const link = analysis.links.find((l) => l.to === to);
    return link ? figures[link.from] : null;
  };

  it("links each plan figure to last year's figure of the same indicator", () => {
    expect(linkedFrom(byText('70幢', 'target'))?.text).toBe('60幢');
    expect(linkedFrom(byText('2000套', 'target'))?.text).toBe('4031套');
    expect(linkedFrom(byText('不低于85%', 'target'))?.text).toBe('90%');
    expect(linkedFrom(byText('5万平方米以上', 'target'))?.text).toBe('超过5万平方米');
    expect(linkedFrom(byText('200户', 'target'))?.text).toBe('210户');
    for (const l of analysis.links) {
      expect(figures[l.from].section).toBe('review');
      expect(figures[l.to].section).toBe('plan');
    }
  });

  it('does not link the look-alike: lifts started (300台) are not lifts finished (295台)', () => {
    const started = linkedFrom(byText('300台', 'target'));
    expect(started?.text).not.toBe('295台');
    expect(started?.text ?? null).toBeNull();
    expect(linkedFrom(byText('500台', 'target'))?.text).toBe('514台');
  });
});

/** One headline indicator: how to find its series, and the points it must hold (year, kind, text). */
interface Headline {
  name: string;
  pick: (s: Series) => boolean;
  points: [number, FigureKind, string][];
}

// Read by hand from the national reports 2021–2025: each year's target (from that year's report)
// and the outcome the next report gives. Where a report gives no number (the 2022 and 2023 energy
// targets, deficit and bond outcomes) there is no point.
const HEADLINES: Headline[] = [
  {
    name: 'GDP growth',
    pick: (s) => s.key === 'gdp-growth' && s.unit === '%',
    points: [
      [2021, 'target', '6%以上'],
      [2021, 'actual', '8.1%'],
      [2022, 'target', '5.5%左右'],
      [2022, 'actual', '3%'],
      [2023, 'target', '5%左右'],
      [2023, 'actual', '5.2%'],
      [2024, 'target', '5%左右'],
      [2024, 'actual', '5%'],
      [2025, 'target', '5%左右'],
    ],
  },
  {
    name: '城镇新增就业',
    pick: (s) => s.key === 'urban-jobs' && s.unit === '人',
    points: [
      [2021, 'target', '1100万人以上'],
      [2021, 'actual', '1269万人'],
      [2022, 'target', '1100万人以上'],
      [2022, 'actual', '1206万人'],
      [2023, 'target', '1200万人左右'],
      [2023, 'actual', '1244万人'],
      [2024, 'target', '1200万人以上'],
      [2024, 'actual', '1256万人'],
      [2025, 'target', '1200万人以上'],
    ],
  },
  {
    name: '城镇调查失业率',
    pick: (s) => s.key === 'surveyed-unemployment' && s.unit === '%',
    points: [
      [2021, 'target', '5.5%左右'],
      [2021, 'actual', '5.1%'],
      [2022, 'target', '5.5%以内'],
      [2022, 'actual', '5.5%'],
      [2023, 'target', '5.5%左右'],
      [2023, 'actual', '5.2%'],
      [2024, 'target', '5.5%左右'],
      [2024, 'actual', '5.1%'],
      [2025, 'target', '5.5%左右'],
    ],
  },
  {
    name: '居民消费价格',
    pick: (s) => s.key === 'cpi' && s.unit === '%',
    points: [
      [2021, 'target', '3%左右'],
      [2021, 'actual', '0.9%'],
      [2022, 'target', '3%左右'],
      [2022, 'actual', '2%'],
      [2023, 'target', '3%左右'],
      [2023, 'actual', '0.2%'],
      [2024, 'target', '3%左右'],
      [2024, 'actual', '0.2%'],
      [2025, 'target', '2%左右'],
    ],
  },
  {
    name: '粮食产量',
    pick: (s) => s.key === 'grain-output' && s.unit === '斤',
    points: [
      [2021, 'target', '1.3万亿斤以上'],
      [2021, 'actual', '1.37万亿斤'],
      [2022, 'target', '1.3万亿斤以上'],
      [2022, 'actual', '1.37万亿斤'],
      [2023, 'target', '1.3万亿斤以上'],
      [2023, 'actual', '1.39万亿斤'],
      [2024, 'target', '1.3万亿斤以上'],
      [2024, 'actual', '1.4万亿斤'],
      [2025, 'target', '1.4万亿斤左右'],
    ],
  },
  {
    name: '赤字率',
    pick: (s) => s.key === 'deficit-ratio' && s.unit === '%',
    points: [
      [2021, 'target', '3.2%左右'],
      [2022, 'target', '2.8%左右'],
      [2022, 'actual', '2.8%'],
      [2023, 'target', '3%'],
      [2024, 'target', '3%'],
      [2025, 'target', '4%左右'],
    ],
  },
  {
    name: '地方政府专项债券',
    pick: (s) => s.key === 'special-bonds' && s.unit === '元',
    points: [
      [2021, 'target', '3.65万亿元'],
      [2022, 'target', '3.65万亿元'],
      [2023, 'target', '3.8万亿元'],
      [2024, 'target', '3.9万亿元'],
      [2025, 'target', '4.4万亿元'],
    ],
  },
  {
    name: '单位国内生产总值能耗',
    pick: (s) => s.key === 'energy-intensity' && s.unit === '%',
    points: [
      [2021, 'target', '3%左右'],
      [2024, 'target', '2.5%左右'],
      [2024, 'actual', '超过3%'],
      [2025, 'target', '3%左右'],
    ],
  },
];

describeIfCorpus(present)('national headline indicators across 2021–2025', () => {
  const years = [2021, 2022, 2023, 2024, 2025];
  const reports = present ? years.map((y) => ({ source: `national_${y}.txt`, analysis: analyseReport(read(join(nationalDir, `national_${y}.txt`))) })) : [];
  const series = present ? buildSeries(reports) : [];

  for (const h of HEADLINES) {
    it(`${h.name}: one series with each year's target and the next report's outcome`, () => {
      const found = series.filter(h.pick);
      expect(found.length, `${h.name}: ${found.map((s) => s.metric).join(', ')}`).toBe(1);
      const s = found[0];
      expect(s.region).toBe('全国');
      const inRange = s.points.filter((p) => p.year >= 2021).map((p) => [p.year, p.kind, p.text]);
      expect(inRange).toEqual(h.points);
      for (const p of s.points) {
        // A target comes from the report of its year, an outcome from the next year's report.
        expect(p.source).toBe(`national_${p.kind === 'target' ? p.year : p.year + 1}.txt`);
      }
    });
  }

  it('keeps a GDP level in 元 out of the growth series', () => {
    const gdp = series.filter((s) => s.key === 'gdp-growth' || s.key === 'gdp');
    expect(gdp.every((s) => s.points.every((p) => (s.unit === '%') === /[%％]/.test(p.text)))).toBe(true);
  });

  it('gives five-year and 十三五 review figures their span, never last year', () => {
    const check = (year: number, text: string, span: [number, number]) => {
      const { figures } = reports.find((r) => r.source === `national_${year}.txt`)?.analysis ?? analyseReport(read(join(nationalDir, `national_${year}.txt`)));
      const f = figures.find((x) => x.text === text && x.period);
      expect(f, `${year} ${text}`).toBeDefined();
      expect(f!.year).toBeNull();
      expect([f!.period!.from, f!.period!.to]).toEqual(span);
    };
    check(2023, '8.1%', [2018, 2022]); // 单位国内生产总值能耗下降8.1% over five years
    check(2023, '3%以内', [2018, 2022]); // 五年总体赤字率控制在3%以内
    check(2021, '超过6000万人', [2016, 2020]); // 十三五: 城镇新增就业超过6000万人
    check(2021, '13.5%', [2021, 2025]); // 十四五 target: 能耗降低13.5%
    check(2018, '7.1%', [2013, 2017]); // 过去五年: 国内生产总值年均增长7.1%
    for (const r of reports) {
      for (const f of r.analysis.figures) if (f.period) expect(f.year, `${r.source} ${f.text}`).toBeNull();
    }
  });
});

/** What a PDF-to-text conversion does to a report: spaces between numbers and Chinese text, and
 * every line broken at a fixed width wherever it falls (inside words and numbers). */
function asPdfText(text: string, width: number): string {
  const spaced = text.replace(/([\u4e00-\u9fff])(\d)/g, '$1 $2').replace(/(\d)([\u4e00-\u9fff%])/g, '$1 $2');
  return spaced
    .split('\n')
    .map((line) => (line.length > width ? (line.match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join('\n') : line))
    .join('\n');
}

/** Digits and % as full-width characters, as some sites print them. */
function asFullWidth(text: string): string {
  return text.replace(/[0-9%.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

describeIfCorpus(present)('the same report in other dresses', () => {
  const summary = (a: Analysis) => a.figures.map((f) => [f.value, f.unit, f.kind, f.qualifier, f.year, f.metric]);

  for (const file of ['national/national_2024.txt', 'provinces-2025/hebei_2025.txt', 'provinces-2025/fujian_2025.txt']) {
    it(`${file}: a PDF conversion (spaced numbers, lines wrapped inside words and numbers) reads the same figures`, () => {
      const text = present ? read(join(corpus, file)) : '';
      const plain = analyseReport(text);
      for (const width of [37, 52]) {
        const pdf = asPdfText(text, width);
        expect(pdf.split('\n').some((l) => /[\u4e00-\u9fff]$/.test(l))).toBe(true); // broken inside words
        const converted = analyseReport(pdf);
        expect(summary(converted)).toEqual(summary(plain));
        expect(converted.report).toMatchObject({ region: plain.report.region, planYear: plain.report.planYear, isReport: true });
        for (const f of converted.figures) expect(pdf.slice(f.start, f.end)).toBe(f.text);
      }
    });
  }

  it('full-width digits and ％ read the same figures', () => {
    const text = present ? read(join(nationalDir, 'national_2024.txt')) : '';
    expect(summary(analyseReport(asFullWidth(text)))).toEqual(summary(analyseReport(text)));
  });
});
