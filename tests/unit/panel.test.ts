/**
 * `zhibiao panel`: reports written for the test (two years of one city, one in GBK, one as HTML),
 * a non-report and an unreadable file, through real worker threads into all four formats, read
 * back with hyparquet, DuckDB, a CSV reader and JSON.parse. The corpus run checks the Parquet and
 * DuckDB outputs of a real collection against the engine's own counts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { DuckDBInstance } from '@duckdb/node-api';
import { runCli } from '../../cli/main';
import { analyseReport } from '../../lib/analysis';
import { parseCsv } from './csv-reader';
import { encodeGbk } from '../gbk';
import { CORPUS_DIR } from '../corpus';

function cityReport(year: number, gdpActual: string, gdpTarget: string): string {
  return `政府工作报告
——${year}年1月12日在临川市第九届人民代表大会第三次会议上
临川市市长 李 华
各位代表：
现在，我代表市人民政府，向大会报告工作，请予审议。
一、${year - 1}年工作回顾
过去一年，全市地区生产总值增长${gdpActual}，城镇新增就业2.1万人，改造老旧小区85个。
二、${year}年工作安排
今年经济社会发展的主要预期目标是：地区生产总值增长${gdpTarget}，城镇新增就业2万人以上，居民消费价格涨幅3%左右。
我们要改造老旧小区90个，新建公办幼儿园12所。
各位代表！让我们团结一心，为完成全年目标任务而努力奋斗！
`;
}

const R2024 = cityReport(2024, '5.2%', '5.5%左右');
const R2025 = cityReport(2025, '4.8%', '5%左右');
const NOT_REPORT = '关于做好春季农业生产工作的通知\n各区县农业农村局：\n请做好春耕备耕工作，确保粮食播种面积稳定。\n';

// Worker threads start tsx and the engine afresh, and the machine is shared: minutes, not seconds.
vi.setConfig({ testTimeout: 300_000 });

let dir = '';
const out: string[] = [];
const err: string[] = [];
const io = () => ({
  stdout: (s: string) => void out.push(s),
  stderr: (s: string) => void err.push(s),
  readStdin: async () => new Uint8Array(),
  cwd: dir,
});

async function panel(...argv: string[]): Promise<number> {
  out.length = 0;
  err.length = 0;
  return runCli(['panel', ...argv], io());
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhibiao-panel-'));
  mkdirSync(join(dir, 'reports/linchuan'), { recursive: true });
  writeFileSync(join(dir, 'reports/linchuan/2024.txt'), encodeGbk(R2024));
  writeFileSync(
    join(dir, 'reports/linchuan/2025.html'),
    `<html><head><title>临川市2025年政府工作报告</title></head><body><article>${R2025.split('\n')
      .map((l) => `<p>${l}</p>`)
      .join('')}</article></body></html>`,
  );
  writeFileSync(join(dir, 'reports/notice.txt'), NOT_REPORT);
  writeFileSync(join(dir, 'reports/broken.pdf'), 'this is not a PDF at all');
  writeFileSync(join(dir, 'reports/picture.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  mkdirSync(join(dir, 'out'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const figureCount = analyseReport(R2024).figures.length + analyseReport(R2025).figures.length;

describe('panel over a folder', () => {
  it('writes Parquet with one row per figure and the assessments beside it; lists non-reports and failures (exit 3)', async () => {
    const code = await panel('reports', '--out', 'out/panel.parquet', '--workers', '2');
    const stderr = err.join('');
    expect(code).toBe(3);
    expect(stderr).toMatch(/reports\/notice\.txt: not a report/);
    expect(stderr).toMatch(/1 file failed:\n\s+reports\/broken\.pdf: not a PDF file/);
    expect(stderr).not.toMatch(/picture\.png/); // not a document: not walked
    expect(out.join('')).toBe(`${join(dir, 'out/panel.parquet')}\n${join(dir, 'out/panel.assessments.parquet')}\n`);

    const figures = await parquetReadObjects({ file: await asyncBufferFromFile(join(dir, 'out/panel.parquet')) });
    expect(figures).toHaveLength(figureCount);
    const gdp2025 = figures.find((r) => r.source === 'reports/linchuan/2025.html' && r.kind === 'target' && r.metric.includes('地区生产总值'));
    expect(gdp2025).toMatchObject({
      region: '临川市',
      level: 'city',
      report_year: 2025,
      plan_year: 2025,
      review_year: 2024,
      value: 5,
      unit: '%',
      qualifier: '左右',
      section: 'plan',
    });
    expect(gdp2025!.indicator_id).toBeTruthy();
    expect(gdp2025!.sentence).toContain('主要预期目标');
    // The GBK file was read as such: its sentences are Chinese, not mojibake.
    expect(figures.some((r) => r.source === 'reports/linchuan/2024.txt' && r.sentence.includes('城镇新增就业'))).toBe(true);

    const assessments = await parquetReadObjects({ file: await asyncBufferFromFile(join(dir, 'out/panel.assessments.parquet')) });
    const gdp = assessments.find((a) => a.year === 2024 && String(a.indicator_name).includes('地区生产总值'));
    // The 2024 target 5.5%左右 against the 4.8% the 2025 report gives for 2024: missed by more than half a point.
    expect(gdp).toMatchObject({
      target_value: 5.5,
      outcome_value: 4.8,
      target_source: 'reports/linchuan/2024.txt',
      outcome_source: 'reports/linchuan/2025.html',
      verdict: 'missed',
    });
    const jobs = assessments.find((a) => a.year === 2024 && String(a.indicator_name).includes('就业'));
    expect(jobs).toMatchObject({ verdict: 'met' });
  });

  it('writes CSV with a BOM and JSON Lines with the same rows, and a DuckDB file with three tables', async () => {
    expect(await panel('reports', '--out', 'out/p.csv', '-j', '1')).toBe(3);
    const csvText = readFileSync(join(dir, 'out/p.csv'), 'utf8');
    expect(csvText.startsWith('\ufeffsource,region,level,')).toBe(true);
    const csv = parseCsv(csvText.slice(1));
    expect(csv).toHaveLength(figureCount + 1);
    expect(existsSync(join(dir, 'out/p.assessments.csv'))).toBe(true);

    expect(await panel('reports', '--out=out/p.jsonl')).toBe(3);
    const lines = readFileSync(join(dir, 'out/p.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(figureCount);
    // Same rows in the same order as the CSV (column by column, the CSV's text form of each cell).
    const header = csv[0];
    expect(csv[1][header.indexOf('sentence')]).toBe(lines[0].sentence);
    expect(Number(csv[1][header.indexOf('value')])).toBe(lines[0].value);

    expect(await panel('reports', '--out', 'out/p.duckdb')).toBe(3);
    const db = await DuckDBInstance.create(join(dir, 'out/p.duckdb'));
    const conn = await db.connect();
    try {
      const counts = (
        await conn.runAndReadAll(`SELECT (SELECT count(*) FROM reports) AS r, (SELECT count(*) FROM figures) AS f, (SELECT count(*) FROM assessments) AS a`)
      ).getRowObjectsJS()[0];
      const assessed = readFileSync(join(dir, 'out/p.assessments.jsonl'), 'utf8').trim().split('\n');
      expect(assessed.length).toBeGreaterThanOrEqual(2);
      expect(counts).toEqual({ r: 2n, f: BigInt(figureCount), a: BigInt(assessed.length) });
      const verdicts = (
        await conn.runAndReadAll(`SELECT verdict FROM assessments WHERE year = 2024 AND indicator_name LIKE '%地区生产总值%'`)
      ).getRowObjectsJS();
      expect(verdicts).toEqual([{ verdict: 'missed' }]);
    } finally {
      conn.closeSync();
      db.closeSync();
    }
    // Nothing is left under a temporary name.
    expect(readdirSync(join(dir, 'out')).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('refuses an output whose extension names no format, and a missing --out (usage, exit 2)', async () => {
    expect(await panel('reports', '--out', 'out/p.xlsx')).toBe(2);
    expect(err.join('')).toMatch(/\.csv, \.jsonl, \.parquet, \.duckdb/);
    expect(await panel('reports')).toBe(2);
    expect(await panel('reports', '--out', 'x.csv', '--workers', '0')).toBe(2);
  });

  it('writes nothing and exits 1 when no file is a report', async () => {
    expect(await panel('reports/notice.txt', '--out', 'out/none.csv')).toBe(1);
    expect(existsSync(join(dir, 'out/none.csv'))).toBe(false);
  });
});

describe.skipIf(!existsSync(join(CORPUS_DIR, 'national')))('panel over the corpus', () => {
  it('writes Parquet and DuckDB files whose rows match the engine', async () => {
    const national = join(CORPUS_DIR, 'national');
    const files = readdirSync(national).filter((f) => f.endsWith('.txt'));
    const expected = files.reduce((n, f) => n + analyseReport(readFileSync(join(national, f), 'utf8')).figures.length, 0);

    expect(await panel(national, join(CORPUS_DIR, 'negatives'), '--out', 'out/corpus.parquet')).toBe(0);
    const rows = await parquetReadObjects({ file: await asyncBufferFromFile(join(dir, 'out/corpus.parquet')) });
    expect(rows).toHaveLength(expected);
    const gdp2024 = rows.find((r) => r.source.endsWith('national_2024.txt') && r.kind === 'target' && r.metric.includes('国内生产总值'));
    expect(gdp2024).toMatchObject({ region: '全国', level: 'national', plan_year: 2024, value: 5, unit: '%', qualifier: '左右' });
    const assessed = await parquetReadObjects({ file: await asyncBufferFromFile(join(dir, 'out/corpus.assessments.parquet')) });
    expect(assessed.find((a) => a.year === 2023 && a.indicator_name.includes('国内生产总值'))).toMatchObject({
      target_value: 5,
      outcome_value: 5.2,
      verdict: 'met',
    });

    expect(await panel(national, '--out', 'out/corpus.duckdb')).toBe(0);
    const db = await DuckDBInstance.create(join(dir, 'out/corpus.duckdb'));
    const conn = await db.connect();
    try {
      const [counts] = (
        await conn.runAndReadAll('SELECT (SELECT count(*) FROM reports) AS r, (SELECT count(*) FROM figures) AS f, (SELECT count(*) FROM assessments) AS a')
      ).getRowObjectsJS();
      expect(counts).toEqual({ r: BigInt(files.length), f: BigInt(expected), a: BigInt(assessed.length) });
      const [gdp] = (
        await conn.runAndReadAll(
          `SELECT value, qualifier FROM figures WHERE source LIKE '%national_2025.txt' AND kind = 'target' AND metric LIKE '%国内生产总值%' LIMIT 1`,
        )
      ).getRowObjectsJS();
      expect(gdp).toEqual({ value: 5, qualifier: '左右' });
    } finally {
      conn.closeSync();
      db.closeSync();
    }
  });
});
