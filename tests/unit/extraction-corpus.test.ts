/**
 * Figure extraction on the real corpus (../shared/corpus beside the project), through
 * analyseReport so that real metadata and sections feed it. Skipped when the corpus is absent.
 */
import { expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseReport } from '../../lib/analysis';
import type { Figure } from '../../lib/model';
import { CORPUS_DIR, describeIfCorpus } from '../corpus-suite';

const corpus = CORPUS_DIR;
const sample = join(corpus, 'xuhui-2023-summary.txt');

function read(path: string): string {
  return readFileSync(path, 'utf8');
}

/** The figure printed exactly as `text` (the n-th one when it repeats). */
function fig(figures: Figure[], text: string, nth = 0): Figure {
  const all = figures.filter((f) => f.text === text);
  if (all.length <= nth) throw new Error(`no figure "${text}" (#${nth}); have: ${figures.map((f) => f.text).join(' / ')}`);
  return all[nth];
}

describeIfCorpus(existsSync(sample))('extraction on the Xuhui sample', () => {
  const original = existsSync(sample) ? read(sample) : '';
  const { figures } = analyseReport(original);

  it('offsets point into the original text', () => {
    for (const f of figures) {
      expect(original.slice(f.start, f.end)).toBe(f.text);
      expect(original.slice(f.sentenceStart, f.sentenceStart + f.sentence.length)).toBe(f.sentence);
    }
  });

  it('reads the review figures with value, unit, kind and metric', () => {
    expect(fig(figures, '7695亿元')).toMatchObject({ value: 7.695e11, unit: '元', kind: 'estimate', metric: '商品销售总额', year: 2022 });
    expect(fig(figures, '12.4亿美元')).toMatchObject({ value: 1.24e9, unit: '美元', kind: 'estimate', metric: '实到外资' });
    expect(fig(figures, '31.9%')).toMatchObject({ value: 31.9, unit: '%', kind: 'estimate', growth: true, metric: '实到外资增长' });
    expect(fig(figures, '160家')).toMatchObject({ value: 160, unit: '家', kind: 'actual', metric: '引入首店' });
    expect(fig(figures, '4370个')).toMatchObject({ value: 4370, unit: '个', kind: 'actual' });
    expect(fig(figures, '599个')).toMatchObject({ value: 599, unit: '个', kind: 'actual' });
    expect(fig(figures, '570亩')).toMatchObject({ value: 570, unit: '亩', kind: 'actual' });
    expect(fig(figures, '约4.7万平方米')).toMatchObject({ value: 47000, unit: '平方米', qualifier: '约', kind: 'actual' });
    expect(fig(figures, '2700余户')).toMatchObject({ value: 2700, unit: '户', qualifier: '余' });
    expect(fig(figures, '94.96%')).toMatchObject({ value: 94.96, unit: '%', kind: 'actual' });
    expect(fig(figures, '约32.8万人次')).toMatchObject({ value: 328000, unit: '人次', qualifier: '约' });
    expect(fig(figures, '90%')).toMatchObject({ value: 90, kind: 'actual', metric: '空气质量指数优良率' });
    expect(fig(figures, '超5亿元')).toMatchObject({ value: 5e8, qualifier: '超' });
  });

  it('reads the list item whose noun sits below a blank line', () => {
    const eight = fig(figures, '8家');
    expect(eight).toMatchObject({ value: 8, unit: '家', kind: 'actual' });
    expect(eight.metric).toContain('老年人日间照护中心');
    expect(fig(figures, '600张').metric).toContain('养老床位');
  });

  it('reads the from→to pair and the per-capita rate', () => {
    expect(fig(figures, '288人次')).toMatchObject({ kind: 'baseline', value: 288 });
    expect(fig(figures, '1000人次')).toMatchObject({ kind: 'actual', value: 1000 });
    const beds = fig(figures, '近20张');
    expect(beds).toMatchObject({ value: 20, unit: '张', qualifier: '近' });
    expect(beds.metric).toContain('每10万人');
  });

  it('reads the plan figures as targets of the plan year', () => {
    expect(fig(figures, '60%')).toMatchObject({ kind: 'target', qualifier: '力争', year: 2023 });
    expect(fig(figures, '70幢')).toMatchObject({ kind: 'target', value: 70 });
    expect(fig(figures, '2000套')).toMatchObject({ kind: 'target', metric: '新增公租房供应' });
    expect(fig(figures, '200户')).toMatchObject({ kind: 'target' });
    expect(fig(figures, '不低于85%')).toMatchObject({ kind: 'target', qualifier: '不低于', metric: '空气质量指数优良率' });
    expect(fig(figures, '不高于32微克/立方米')).toMatchObject({ kind: 'target', value: 32, unit: '微克/立方米' });
    expect(fig(figures, '5万平方米以上')).toMatchObject({ kind: 'target', qualifier: '以上', value: 50000 });
    expect(fig(figures, '1400套')).toMatchObject({ kind: 'target' });
    expect(fig(figures, '96条')).toMatchObject({ kind: 'target' });
    expect(fig(figures, '近47公里')).toMatchObject({ kind: 'target', value: 47, qualifier: '近' });
    expect(fig(figures, '38条')).toMatchObject({ kind: 'target' });
    expect(fig(figures, '18.2公里')).toMatchObject({ kind: 'target', value: 18.2, unit: '公里' });
  });

  it('reads no figure out of names, codes, dates, ranks and schedules', () => {
    const bad = /^(?:23|5|1|12345|3461|2\.5|50|100|3|2023|2022|7|24|17)$/;
    const inside = (needle: string) => {
      const at = original.indexOf(needle);
      return figures.filter((f) => f.start < at + needle.length && f.end > at).map((f) => f.text);
    };
    for (const needle of ['23号线', '5+1+X', '12345', '3461', 'PM2.5', '50强', '100强', '3A级', '2023年1月4日', '2022年6月1日', '7×24', '1+N', '第十七届']) {
      expect(inside(needle), needle).toEqual([]);
    }
    expect(figures.filter((f) => bad.test(f.text) && f.unit === '')).toEqual([]);
  });
});

const nationalDir = join(corpus, 'national');

describeIfCorpus(existsSync(nationalDir))('extraction on national reports', () => {
  const load = (year: number) => analyseReport(read(join(nationalDir, `national_${year}.txt`))).figures;

  it('reads the main targets of 2024 and 2025', () => {
    for (const [year, cpi, grain] of [
      [2024, '3%左右', '1.3万亿斤以上'],
      [2025, '2%左右', '1.4万亿斤左右'],
    ] as const) {
      const f = load(year);
      const gdp = f.find((x) => x.text === '5%左右' && x.metric === '国内生产总值增长');
      expect(gdp, `${year} GDP`).toMatchObject({ kind: 'target', growth: true, qualifier: '左右', year });
      expect(fig(f, '1200万人以上')).toMatchObject({ value: 1.2e7, unit: '人', qualifier: '以上', kind: 'target', metric: '城镇新增就业' });
      expect(fig(f, '5.5%左右')).toMatchObject({ kind: 'target', metric: '城镇调查失业率' });
      expect(fig(f, cpi)).toMatchObject({ kind: 'target', metric: '居民消费价格涨幅' });
      expect(fig(f, grain)).toMatchObject({ kind: 'target', unit: '斤', metric: '粮食产量' });
    }
    expect(fig(load(2024), '2.5%左右')).toMatchObject({ kind: 'target', growth: true, metric: '单位国内生产总值能耗降低' });
  });

  it('reads the 2019 growth range and the 2024 review actuals', () => {
    const f2019 = load(2019);
    expect(f2019.find((x) => x.valueMax === 6.5)).toMatchObject({ value: 6, unit: '%', kind: 'target', metric: '国内生产总值增长' });

    const f = load(2024);
    expect(fig(f, '超过126万亿元')).toMatchObject({ value: 1.26e14, unit: '元', qualifier: '超过', kind: 'actual', year: 2023, metric: '国内生产总值' });
    expect(fig(f, '5.2%')).toMatchObject({ kind: 'actual', growth: true, metric: '国内生产总值增长' });
    expect(fig(f, '1244万人')).toMatchObject({ value: 1.244e7, kind: 'actual', metric: '城镇新增就业' });
    expect(fig(f, '5.2%', 1)).toMatchObject({ kind: 'actual', metric: '城镇调查失业率' });
    expect(fig(f, '0.2%')).toMatchObject({ kind: 'actual', growth: true, metric: '居民消费价格上涨' });
    expect(fig(f, '1.39万亿斤')).toMatchObject({ value: 1.39e12, unit: '斤', kind: 'actual', metric: '粮食产量' });
    expect(fig(f, '3%')).toMatchObject({ kind: 'target', metric: '赤字率' });
    expect(fig(f, '3.9万亿元')).toMatchObject({ kind: 'target', value: 3.9e12 });
    expect(fig(f, '6600多万')).toMatchObject({ value: 6.6e7, qualifier: '多' });
  });

  it('reads the 2025 deficit target', () => {
    expect(fig(load(2025), '4%左右')).toMatchObject({ kind: 'target', metric: '赤字率' });
  });
});

const provinceDir = join(corpus, 'provinces-2025');

const haveCorpus = existsSync(nationalDir) && existsSync(provinceDir);
describeIfCorpus(haveCorpus)('extraction across the corpus', () => {
  // Listed only when present: a skipped describe still runs its body to collect the tests.
  const files = haveCorpus
    ? [...readdirSync(nationalDir).map((f) => join(nationalDir, f)), ...readdirSync(provinceDir).map((f) => join(provinceDir, f))].sort()
    : [];

  it('extracts a sensible number of figures from every report, none across a date or a line name', () => {
    const counts: string[] = [];
    for (const file of files) {
      const original = read(file);
      const { figures } = analyseReport(original);
      counts.push(`${file.split('/').pop()}: ${figures.length}`);
      // Every report states dozens of figures; a handful would mean the scanner broke.
      expect(figures.length, file).toBeGreaterThan(25);
      for (const f of figures) {
        expect(original.slice(f.start, f.end), file).toBe(f.text);
        expect(f.text, file).not.toMatch(/\d{4}年\d{1,2}月|号线|^\d{4}年$/);
        expect(Number.isFinite(f.value), file).toBe(true);
      }
      // Targets and actuals both appear in every full report.
      expect(
        figures.some((f) => f.kind === 'target'),
        file,
      ).toBe(true);
      expect(
        figures.some((f) => f.kind === 'actual' || f.kind === 'estimate'),
        file,
      ).toBe(true);
    }
    console.log(counts.join('\n'));
  });
});
