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

/** [text as printed, value in base units, unit, kind, qualifier] of every digit-bearing figure of
 * the sample, in text order, read off the text by hand. Left out on purpose: 轨道交通23号线,
 * "5+1+X", “27条” (a policy's name), T1, 3A级, 全球50强/100强, "1+N", "12345"热线, 7×24小时,
 * PM2.5, "3461"体系, 15分钟社区生活圈, the date 2022年6月1日 and the base of 每10万人. */
const SAMPLE_FIGURES: [string, number, string, FigureKind, string | null][] = [
  // Review (2022): the 预计 lines are estimates.
  ['3%', 3, '%', 'estimate', '预计'],
  ['160家', 160, '家', 'actual', null],
  ['7695亿元', 7.695e11, '元', 'estimate', '预计'],
  ['770亿元', 7.7e10, '元', 'estimate', '预计'],
  ['12.4亿美元', 1.24e9, '美元', 'estimate', '预计'],
  ['31.9%', 31.9, '%', 'estimate', '预计'],
  ['1068亿元', 1.068e11, '元', 'estimate', '预计'],
  ['5.5%', 5.5, '%', 'estimate', '预计'],
  ['51个', 51, '个', 'actual', null],
  ['超5亿元', 5e8, '元', 'actual', '超'],
  ['186位', 186, '位', 'actual', null],
  ['5389套', 5389, '套', 'actual', '达到'],
  ['369家', 369, '家', 'actual', null],
  ['1845位', 1845, '位', 'actual', null],
  ['2025万元', 2.025e7, '元', 'actual', null],
  ['2小时', 2, '小时', 'actual', null],
  ['37.55亿元', 3.755e9, '元', 'actual', null],
  ['41个', 41, '个', 'actual', null],
  ['9户', 9, '户', 'actual', null],
  ['69户', 69, '户', 'actual', null],
  ['15家', 15, '家', 'actual', null],
  ['145家', 145, '家', 'actual', null],
  ['60幢', 60, '幢', 'actual', '达到'],
  ['7.9亿美元', 7.9e8, '美元', 'actual', null],
  ['10%', 10, '%', 'actual', null],
  ['100米', 100, '米', 'actual', null],
  ['4370个', 4370, '个', 'actual', null],
  ['599个', 599, '个', 'actual', null],
  ['570亩', 570, '亩', 'actual', null],
  ['10幅', 10, '幅', 'actual', null],
  ['21个', 21, '个', 'actual', null],
  ['约4.7万平方米', 47000, '平方米', 'actual', '约'],
  ['9万平方米', 90000, '平方米', 'actual', null],
  ['2700余户', 2700, '户', 'actual', '余'],
  ['17个', 17, '个', 'actual', null],
  ['300万平方米', 3e6, '平方米', 'actual', null],
  ['100万平方米', 1e6, '平方米', 'actual', null],
  ['514台', 514, '台', 'actual', null],
  ['295台', 295, '台', 'actual', null],
  ['28个', 28, '个', 'actual', null],
  ['11个', 11, '个', 'actual', null],
  ['5家', 5, '家', 'actual', null],
  ['94.96%', 94.96, '%', 'actual', '达到'],
  ['约32.8万人次', 328000, '人次', 'actual', '约'],
  ['约3.24亿元', 3.24e8, '元', 'actual', '约'],
  ['9家', 9, '家', 'actual', null],
  ['600张', 600, '张', 'actual', null],
  ['15个', 15, '个', 'actual', null],
  ['8家', 8, '家', 'actual', null],
  ['3个', 3, '个', 'actual', null],
  ['210户', 210, '户', 'actual', null],
  ['1817户', 1817, '户', 'actual', null],
  ['4031套', 4031, '套', 'actual', null],
  ['10个', 10, '个', 'actual', null],
  ['5家', 5, '家', 'actual', null],
  ['2家', 2, '家', 'actual', null],
  ['超过5万平方米', 50000, '平方米', 'actual', '超过'],
  ['39个', 39, '个', 'actual', null],
  ['11项', 11, '项', 'actual', null],
  ['17条', 17, '条', 'actual', null],
  ['52条', 52, '条', 'actual', null],
  ['30公里', 30, '公里', 'actual', null],
  ['4.6公里', 4.6, '公里', 'actual', null],
  ['90%', 90, '%', 'actual', '达到'],
  ['6座', 6, '座', 'actual', null],
  ['12座', 12, '座', 'actual', null],
  ['11.28公顷', 11.28, '公顷', 'actual', null],
  ['1251处', 1251, '处', 'actual', null],
  ['9.3万平方米', 93000, '平方米', 'actual', null],
  ['38处', 38, '处', 'actual', null],
  ['7000间', 7000, '间', 'actual', null],
  ['896个', 896, '个', 'actual', null],
  ['288人次', 288, '人次', 'baseline', null],
  ['1000人次', 1000, '人次', 'actual', null],
  ['近20张', 20, '张', 'actual', '近'],
  ['671张', 671, '张', 'actual', null],
  ['106个', 106, '个', 'actual', null],
  ['86个', 86, '个', 'actual', null],
  // Plan (2023): every figure a target.
  ['60%', 60, '%', 'target', '力争'],
  ['70幢', 70, '幢', 'target', '达到'],
  ['10所', 10, '所', 'target', null],
  ['1400套', 1400, '套', 'target', null],
  ['96条', 96, '条', 'target', null],
  ['近47公里', 47, '公里', 'target', '近'],
  ['38条', 38, '条', 'target', null],
  ['18.2公里', 18.2, '公里', 'target', null],
  ['26万平方米', 260000, '平方米', 'target', null],
  ['38幢', 38, '幢', 'target', null],
  ['6万平方米', 60000, '平方米', 'target', null],
  ['300万平方米', 3e6, '平方米', 'target', null],
  ['500台', 500, '台', 'target', null],
  ['300台', 300, '台', 'target', null],
  ['2000套', 2000, '套', 'target', null],
  ['200户', 200, '户', 'target', null],
  ['3家', 3, '家', 'target', null],
  ['5个', 5, '个', 'target', null],
  ['5万平方米以上', 50000, '平方米', 'target', '以上'],
  ['11个', 11, '个', 'target', null],
  ['39条', 39, '条', 'target', null],
  ['29条', 29, '条', 'target', null],
  ['31公里', 31, '公里', 'target', null],
  ['35公里', 35, '公里', 'target', null],
  ['不高于32微克/立方米', 32, '微克/立方米', 'target', '不高于'],
  ['不低于85%', 85, '%', 'target', '不低于'],
  ['4个', 4, '个', 'target', null],
  ['25万平方米', 250000, '平方米', 'target', null],
  ['2平方公里', 2, '平方公里', 'target', null],
];

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

  it('links each plan figure to last year\'s figure of the same indicator', () => {
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
    pick: (s) => s.key === '生产总值' && s.growth && s.unit === '%',
    points: [
      [2021, 'target', '6%以上'], [2021, 'actual', '8.1%'],
      [2022, 'target', '5.5%左右'], [2022, 'actual', '3%'],
      [2023, 'target', '5%左右'], [2023, 'actual', '5.2%'],
      [2024, 'target', '5%左右'], [2024, 'actual', '5%'],
      [2025, 'target', '5%左右'],
    ],
  },
  {
    name: '城镇新增就业',
    pick: (s) => s.key === '城镇新增就业' && s.unit === '人',
    points: [
      [2021, 'target', '1100万人以上'], [2021, 'actual', '1269万人'],
      [2022, 'target', '1100万人以上'], [2022, 'actual', '1206万人'],
      [2023, 'target', '1200万人左右'], [2023, 'actual', '1244万人'],
      [2024, 'target', '1200万人以上'], [2024, 'actual', '1256万人'],
      [2025, 'target', '1200万人以上'],
    ],
  },
  {
    name: '城镇调查失业率',
    pick: (s) => s.key === '城镇调查失业率' && s.unit === '%',
    points: [
      [2021, 'target', '5.5%左右'], [2021, 'actual', '5.1%'],
      [2022, 'target', '5.5%以内'], [2022, 'actual', '5.5%'],
      [2023, 'target', '5.5%左右'], [2023, 'actual', '5.2%'],
      [2024, 'target', '5.5%左右'], [2024, 'actual', '5.1%'],
      [2025, 'target', '5.5%左右'],
    ],
  },
  {
    name: '居民消费价格',
    pick: (s) => s.key === '居民消费价格' && s.unit === '%',
    points: [
      [2021, 'target', '3%左右'], [2021, 'actual', '0.9%'],
      [2022, 'target', '3%左右'], [2022, 'actual', '2%'],
      [2023, 'target', '3%左右'], [2023, 'actual', '0.2%'],
      [2024, 'target', '3%左右'], [2024, 'actual', '0.2%'],
      [2025, 'target', '2%左右'],
    ],
  },
  {
    name: '粮食产量',
    pick: (s) => s.key === '粮食产量' && s.unit === '斤',
    points: [
      [2021, 'target', '1.3万亿斤以上'], [2021, 'actual', '1.37万亿斤'],
      [2022, 'target', '1.3万亿斤以上'], [2022, 'actual', '1.37万亿斤'],
      [2023, 'target', '1.3万亿斤以上'], [2023, 'actual', '1.39万亿斤'],
      [2024, 'target', '1.3万亿斤以上'], [2024, 'actual', '1.4万亿斤'],
      [2025, 'target', '1.4万亿斤左右'],
    ],
  },
  {
    name: '赤字率',
    pick: (s) => s.key === '赤字率' && s.unit === '%',
    points: [
      [2021, 'target', '3.2%左右'],
      [2022, 'target', '2.8%左右'], [2022, 'actual', '2.8%'],
      [2023, 'target', '3%'],
      [2024, 'target', '3%'],
      [2025, 'target', '4%左右'],
    ],
  },
  {
    name: '地方政府专项债券',
    pick: (s) => s.key === '地方政府专项债券' && s.unit === '元',
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
    pick: (s) => s.key.startsWith('单位生产总值能耗') && s.unit === '%',
    points: [
      [2021, 'target', '3%左右'],
      [2024, 'target', '2.5%左右'], [2024, 'actual', '超过3%'],
      [2025, 'target', '3%左右'],
    ],
  },
];

describeIfCorpus(present)('national headline indicators across 2021–2025', () => {
  const years = [2021, 2022, 2023, 2024, 2025];
  const reports = present
    ? years.map((y) => ({ source: `national_${y}.txt`, analysis: analyseReport(read(join(nationalDir, `national_${y}.txt`))) }))
    : [];
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
    const gdp = series.filter((s) => s.key === '生产总值');
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
        expect(pdf.split("\n").some((l) => /[\u4e00-\u9fff]$/.test(l))).toBe(true); // broken inside words
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
