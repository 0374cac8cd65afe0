/**
 * The done check of the meaning layer on national 2021–2025: every target of the headline
 * indicators for 2021–2024 judged against the next report's outcome. Expected values read by hand
 * from the reports. Skipped without the corpus.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseReport } from '../../lib/analysis';
import { buildAssessments, buildSeries, compareWarnings } from '../../lib/linking';
import { CORPUS_DIR } from '../corpus';

const dir = join(CORPUS_DIR, 'national');
const years = [2021, 2022, 2023, 2024, 2025];
const present = years.every((y) => existsSync(join(dir, `national_${y}.txt`)));
if (!present) console.warn(`national assessments: skipped, no corpus at ${CORPUS_DIR}`);

// [indicator, year, target, outcome, verdict, gap, position]
type Row = [string, number, string, string | null, string, number | null, string | null];
const EXPECTED: Row[] = [
  ['gdp-growth', 2021, '6%以上', '8.1%', 'met', 2.1, 'above'],
  ['gdp-growth', 2022, '5.5%左右', '3%', 'missed', -2.5, 'below'],
  ['gdp-growth', 2023, '5%左右', '5.2%', 'met', 0.2, 'within'],
  ['gdp-growth', 2024, '5%左右', '5%', 'met', 0, 'within'],
  ['urban-jobs', 2021, '1100万人以上', '1269万人', 'met', 169e4, 'above'],
  ['urban-jobs', 2022, '1100万人以上', '1206万人', 'met', 106e4, 'above'],
  ['urban-jobs', 2023, '1200万人左右', '1244万人', 'met', 44e4, 'within'],
  ['urban-jobs', 2024, '1200万人以上', '1256万人', 'met', 56e4, 'above'],
  ['surveyed-unemployment', 2021, '5.5%左右', '5.1%', 'met', -0.4, 'within'],
  ['surveyed-unemployment', 2022, '5.5%以内', '5.5%', 'met', 0, 'within'],
  ['surveyed-unemployment', 2023, '5.5%左右', '5.2%', 'met', -0.3, 'within'],
  ['surveyed-unemployment', 2024, '5.5%左右', '5.1%', 'met', -0.4, 'within'],
  ['cpi', 2021, '3%左右', '0.9%', 'met', -2.1, 'below'],
  ['cpi', 2022, '3%左右', '2%', 'met', -1, 'below'],
  ['cpi', 2023, '3%左右', '0.2%', 'met', -2.8, 'below'],
  ['cpi', 2024, '3%左右', '0.2%', 'met', -2.8, 'below'],
  ['grain-output', 2021, '1.3万亿斤以上', '1.37万亿斤', 'met', 0.07e12, 'above'],
  ['grain-output', 2022, '1.3万亿斤以上', '1.37万亿斤', 'met', 0.07e12, 'above'],
  ['grain-output', 2023, '1.3万亿斤以上', '1.39万亿斤', 'met', 0.09e12, 'above'],
  ['grain-output', 2024, '1.3万亿斤以上', '1.4万亿斤', 'met', 0.1e12, 'above'],
  // The 2022 report gives no 2021 energy figure; 2022 and 2023 set no number (十四五 assessment).
  ['energy-intensity', 2021, '3%左右', null, 'no-outcome', null, null],
  ['energy-intensity', 2024, '2.5%左右', '超过3%', 'met', 0.5, 'within'],
];

describe.skipIf(!present)('assessments on national 2021–2025', () => {
  const reports = present
    ? years.map((y) => ({ source: `national_${y}.txt`, analysis: analyseReport(readFileSync(join(dir, `national_${y}.txt`), 'utf8')) }))
    : [];
  const assessments = present ? buildAssessments(buildSeries(reports)) : [];
  const picked = new Set(EXPECTED.map((r) => r[0]));

  it('judges every headline target of 2021–2024 against the next report', () => {
    const got = assessments
      .filter((a) => picked.has(a.indicator) && a.year <= 2024)
      .map((a): Row => [a.indicator, a.year, a.target.text, a.outcome?.text ?? null, a.verdict, a.gap, a.position]);
    expect(got.sort()).toEqual([...EXPECTED].sort());
    for (const a of assessments.filter((x) => picked.has(x.indicator) && x.outcome)) {
      expect(a.target.file).toBe(`national_${a.year}.txt`);
      expect(a.outcome!.file).toBe(`national_${a.year + 1}.txt`);
    }
  });

  it('assesses each target once: restatements make no second target', () => {
    const keys = assessments.map((a) => `${a.indicator} ${a.unit} ${a.year}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('takes the issuance of ultra-long special bonds, not the part for trade-ins', () => {
    const bonds = assessments.filter((a) => a.indicator === 'ultra-long-special-bonds').map((a) => [a.year, a.target.text, a.verdict]);
    expect(bonds).toEqual([
      [2024, '1万亿元', 'not-assessable'],
      [2025, '1.3万亿元', 'not-assessable'],
    ]);
  });

  it('reads none of the facts and forecasts as a target', () => {
    const targets = reports.flatMap((r) => r.analysis.figures.filter((f) => f.kind === 'target').map((f) => `${r.source} ${f.text}`));
    for (const fact of [
      'national_2021.txt 14亿人',
      'national_2022.txt 14亿多',
      'national_2022.txt 2.9亿',
      'national_2024.txt 超过1170万人',
      'national_2024.txt 30年',
    ]) {
      expect(targets).not.toContain(fact);
    }
  });

  it('warns of nothing for one region, one report a year; warns of mixing', () => {
    expect(compareWarnings(reports)).toEqual([]);
    const twice = compareWarnings([...reports, { source: 'copy.txt', analysis: reports[4].analysis }]);
    expect(twice).toEqual(['national_2025.txt and copy.txt are both reports of 全国 for 2025']);
  });
});
