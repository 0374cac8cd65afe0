/**
 * The command line, in-process through runCli (fast, every case) and as a real process (the
 * exit status, stdout and stderr a shell sees). Inputs are report texts written for the test,
 * saved as UTF-8, UTF-8 with a BOM, GBK and HTML.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { runCli, EXIT_INPUT, EXIT_OK, EXIT_USAGE } from '../../cli/main';
import { encodeGbk } from '../gbk';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function report(year: number, gdpActual: string, gdpTarget: string, jobsActual: string, jobsTarget: string): string {
  return `政府工作报告
——${year}年1月10日在江州市第十六届人民代表大会第四次会议上
江州市市长 张 明
各位代表：
现在，我代表市人民政府，向大会报告工作，请予审议。
一、${year - 1}年工作回顾
过去一年，全市地区生产总值增长${gdpActual}，城镇新增就业${jobsActual}，新增公租房供应2000套。我们着力扩大有效投资，实施重点项目126个。
二、${year}年工作安排
今年经济社会发展的主要预期目标是：地区生产总值增长${gdpTarget}，城镇新增就业${jobsTarget}。我们要新增公租房供应1800套，力争实施重点项目130个以上。
各位代表！我们要坚定信心，真抓实干，为完成全年目标任务而努力奋斗。
`;
}

const R2024 = report(2024, '5.1%', '5%左右', '3.2万人', '3万人以上');
const R2025 = report(2025, '5.3%', '5.5%左右', '3.4万人', '3.1万人以上');

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhibiao-cli-'));
  writeFileSync(join(dir, 'r2024.txt'), R2024);
  writeFileSync(join(dir, 'r2025.txt'), R2025);
  writeFileSync(join(dir, 'bom.txt'), '\ufeff' + R2024);
  writeFileSync(join(dir, 'gbk.txt'), encodeGbk(R2024));
  writeFileSync(
    join(dir, 'page.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>2024年江州市政府工作报告_江州市人民政府</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/gk">政务公开</a></div>
<div class="article"><h1>2024年江州市政府工作报告</h1>${R2024.split('\n')
      .map((l) => `<p>${l}</p>`)
      .join('\n')}</div>
<div class="footer">版权所有 江州市人民政府</div></body></html>`,
  );
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'blank.txt'), ' \n\t\n');
  writeFileSync(join(dir, 'binary.dat'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  writeFileSync(join(dir, 'garbled.txt'), new Uint8Array([0x80, 0x61, 0x62, 0xff, 0xff, 0x80]));
  mkdirSync(join(dir, 'folder'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[], stdin: Uint8Array = new Uint8Array()): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => void (out += s), stderr: (s) => void (err += s), readStdin: async () => stdin, cwd: dir });
  return { code, out, err };
}

describe('extract', () => {
  it('prints the JSON shape: report, sections, figures with offsets, links from review to plan', async () => {
    const { code, out, err } = await run(['extract', 'r2024.txt']);
    expect(code).toBe(EXIT_OK);
    expect(err).toBe('');
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['report', 'sections', 'figures', 'links']);
    expect(Object.keys(json.report)).toEqual(['isReport', 'score', 'title', 'region', 'level', 'delivered', 'planYear', 'reviewYear', 'warnings']);
    expect(json.report).toMatchObject({ isReport: true, region: '江州市', level: 'city', delivered: '2024-01-10', planYear: 2024, reviewYear: 2023 });
    for (const f of json.figures) {
      for (const k of ['start', 'end', 'text', 'value', 'unit', 'qualifier', 'kind', 'section', 'year', 'metric', 'sentence']) expect(f).toHaveProperty(k);
      expect(R2024.slice(f.start, f.end)).toBe(f.text);
    }
    const jobs = json.figures.find((f: { text: string }) => f.text === '3万人以上');
    expect(jobs).toMatchObject({ value: 30000, unit: '人', qualifier: '以上', kind: 'target', section: 'plan', year: 2024, metric: '城镇新增就业' });
    expect(json.links.length).toBeGreaterThan(0);
    for (const l of json.links) {
      expect(Object.keys(l)).toEqual(['from', 'to', 'score']);
      expect(json.figures[l.from].section).toBe('review');
      expect(json.figures[l.to].section).toBe('plan');
    }
    const toJobs = json.links.find((l: { to: number }) => json.figures[l.to].text === '3万人以上');
    expect(json.figures[toJobs.from].text).toBe('3.2万人');
  });

  it('reads GBK, UTF-8 with a BOM and standard input to the same figures', async () => {
    const plain = JSON.parse((await run(['extract', 'r2024.txt'])).out);
    const gbk = JSON.parse((await run(['extract', 'gbk.txt'])).out);
    const bom = JSON.parse((await run(['extract', 'bom.txt'])).out);
    const stdin = JSON.parse((await run(['extract', '-'], encodeGbk(R2024))).out);
    for (const other of [gbk, bom, stdin]) expect(other.figures).toEqual(plain.figures);
  });

  it('reads HTML through its article text, and --with-text gives the text the offsets index', async () => {
    const { code, out } = await run(['extract', 'page.html', '--with-text']);
    expect(code).toBe(EXIT_OK);
    const json = JSON.parse(out);
    expect(typeof json.text).toBe('string');
    expect(json.text).not.toContain('政务公开');
    expect(json.report.isReport).toBe(true);
    expect(json.figures.length).toBeGreaterThan(5);
    for (const f of json.figures) expect(json.text.slice(f.start, f.end)).toBe(f.text);
  });

  it('writes CSV for Excel (BOM, CRLF) and Markdown with a table per section', async () => {
    const csv = (await run(['extract', 'r2024.txt', '--format', 'csv'])).out;
    expect(csv.startsWith('\ufeffindex,')).toBe(true);
    expect(csv).toContain('\r\n');
    expect(csv).toContain('3万人以上');
    const md = (await run(['extract', 'r2024.txt', '--format=md'])).out;
    expect(md).toMatch(/## 一、2023年工作回顾 \(review, 2023\)/);
    expect(md).toMatch(/## 二、2024年工作安排 \(plan, 2024\)/);
    expect(md).toMatch(/\| 3万人以上 \| 30,000 \| 人 \| target \| 以上 \| 2024 \|/);
  });
});

describe('extract --explain', () => {
  it('json: every figure carries the rules that decided it, and the numbers not taken are listed with the reason', async () => {
    const { code, out } = await run(['extract', 'r2024.txt', '--explain']);
    expect(code).toBe(EXIT_OK);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['report', 'sections', 'figures', 'links', 'excluded']);
    for (const f of json.figures) expect(Object.keys(f.rules)).toEqual(['metric', 'kind', 'unit', 'qualifier']);
    const target = json.figures.find((f: { text: string }) => f.text === '3万人以上');
    expect(target.rules).toEqual({ metric: 'words-before', kind: 'target-statement', unit: 'printed', qualifier: 'bound-after' });
    // "实施重点项目126个": the count's noun is printed before it; "130个以上" is in the plan.
    const projects = json.figures.find((f: { text: string }) => f.text === '130个以上');
    expect(projects.rules.kind).toBe('plan-section');
    // The delivery date and the section years are read and refused as dates.
    const reasons = json.excluded.map((x: { text: string; reason: string }) => `${x.text}:${x.reason}`);
    expect(reasons).toContain('2024年:date');
    for (const x of json.excluded) expect(R2024.slice(x.start, x.end)).toBe(x.text);
    // Without --explain the record keeps its shape.
    const plain = JSON.parse((await run(['extract', 'r2024.txt'])).out);
    expect(plain.figures[0].rules).toBeUndefined();
    expect(plain.excluded).toBeUndefined();
  });

  it('csv and md get a rules column and the numbers not taken', async () => {
    const csv = (await run(['extract', 'r2024.txt', '--format', 'csv', '--explain'])).out;
    expect(csv.split('\r\n')[0].endsWith(',rules')).toBe(true);
    expect(csv).toContain('metric=words-before kind=target-statement unit=printed qualifier=bound-after');
    expect(csv).toContain('excluded=date');
    const md = (await run(['extract', 'r2024.txt', '--format', 'md', '--explain'])).out;
    expect(md).toContain('| Metric | Rules |');
    expect(md).toMatch(/\| 3万人以上 \|.*\| metric=words-before kind=target-statement unit=printed qualifier=bound-after \|/);
    expect(md).toMatch(/## Numbers not taken[\s\S]*\| 2024年 \| \d+ \| \d+ \| date \|/);
  });

  it('belongs to extract only', async () => {
    const { code, err } = await run(['detect', 'r2024.txt', '--explain']);
    expect(code).toBe(EXIT_USAGE);
    expect(err).toContain('--explain belongs to extract');
  });
});

describe('detect', () => {
  it('prints [{file, isReport, score, reasons}] as JSON by default', async () => {
    const { code, out } = await run(['detect', 'r2024.txt', 'page.html']);
    expect(code).toBe(EXIT_OK);
    const json = JSON.parse(out);
    expect(json.map((r: object) => Object.keys(r))).toEqual([
      ['file', 'isReport', 'score', 'reasons'],
      ['file', 'isReport', 'score', 'reasons'],
    ]);
    expect(json[0]).toMatchObject({ file: 'r2024.txt', isReport: true });
    expect(json[0].reasons.length).toBeGreaterThan(2);
  });

  it('prints one line per file with --format text', async () => {
    const { out } = await run(['detect', '--format', 'text', 'r2024.txt', 'r2025.txt']);
    expect(out.trim().split('\n')).toHaveLength(2);
    expect(out).toMatch(/^r2024\.txt: report \(score/);
  });
});

describe('compare', () => {
  it("prints reports and series, a target beside the next report's outcome", async () => {
    const { code, out } = await run(['compare', 'r2024.txt', 'r2025.txt']);
    expect(code).toBe(EXIT_OK);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['reports', 'series', 'assessments', 'warnings', 'periods']);
    expect(json.warnings).toEqual([]);
    const jobsTarget = json.assessments.find((a: { indicator: string; year: number }) => a.indicator === 'urban-jobs' && a.year === 2024);
    expect(jobsTarget).toMatchObject({
      verdict: 'met',
      position: 'above',
      gap: 4000,
      target: { value: 30000, reading: 'floor', file: 'r2024.txt' },
      outcome: { value: 34000, kind: 'actual', file: 'r2025.txt' },
    });
    expect(json.reports.map((r: { file: string; planYear: number }) => [r.file, r.planYear])).toEqual([
      ['r2024.txt', 2024],
      ['r2025.txt', 2025],
    ]);
    const jobs = json.series.find((s: { metric: string; unit: string }) => s.metric.includes('城镇新增就业') && s.unit === '人');
    for (const k of ['metric', 'region', 'unit', 'points']) expect(jobs).toHaveProperty(k);
    expect(jobs.region).toBe('江州市');
    expect(jobs.points.map((p: { year: number; kind: string; value: number; file: string }) => [p.year, p.kind, p.value, p.file])).toEqual([
      [2023, 'actual', 32000, 'r2024.txt'],
      [2024, 'target', 30000, 'r2024.txt'],
      [2024, 'actual', 34000, 'r2025.txt'],
      [2025, 'target', 31000, 'r2025.txt'],
    ]);
    for (const p of jobs.points) for (const k of ['year', 'kind', 'value', 'qualifier', 'file', 'start', 'end']) expect(p).toHaveProperty(k);
    const gdp = json.series.find((s: { metric: string; unit: string }) => s.metric.includes('地区生产总值') && s.unit === '%');
    expect(gdp.points.filter((p: { year: number }) => p.year === 2024).map((p: { kind: string; value: number }) => [p.kind, p.value])).toEqual([
      ['target', 5],
      ['actual', 5.3],
    ]);
  });

  it('warns on stderr and in the record when files are not reports or repeat a region and year', async () => {
    const { code, out, err } = await run(['compare', 'r2024.txt', 'r2024.txt', 'page.html']);
    expect(code).toBe(EXIT_OK);
    const warnings: string[] = JSON.parse(out).warnings;
    expect(warnings.some((w) => /r2024\.txt and r2024\.txt are both reports of 江州市 for 2024/.test(w))).toBe(true);
    for (const w of warnings) expect(err).toContain(`zhibiao: warning: ${w}`);
  });

  it('takes --all for compare only', async () => {
    expect((await run(['compare', 'r2024.txt', 'r2025.txt', '-f', 'csv', '--all'])).code).toBe(EXIT_OK);
    expect((await run(['extract', 'r2024.txt', '--all'])).code).toBe(EXIT_USAGE);
  });

  it('writes CSV and Markdown', async () => {
    expect((await run(['compare', 'r2024.txt', 'r2025.txt', '-f', 'csv'])).out.startsWith('\ufeffrow,indicator,')).toBe(true);
    expect((await run(['compare', 'r2024.txt', 'r2025.txt', '-f', 'md'])).out).toMatch(/^# Comparison/);
  });
});

describe('errors: one line on stderr, a non-zero exit, nothing on stdout', () => {
  const cases: [string, string[], number, RegExp][] = [
    ['a missing file', ['extract', 'nope.txt'], EXIT_INPUT, /nope\.txt: no such file/],
    ['an empty file', ['extract', 'empty.txt'], EXIT_INPUT, /empty\.txt: file is empty/],
    ['a blank file', ['extract', 'blank.txt'], EXIT_INPUT, /blank\.txt: .*white space/],
    ['binary input', ['extract', 'binary.dat'], EXIT_INPUT, /binary\.dat: .*binary/],
    ['an unreadable encoding', ['extract', 'garbled.txt'], EXIT_INPUT, /garbled\.txt: .*neither UTF-8.*GBK/],
    ['a directory', ['extract', 'folder'], EXIT_INPUT, /folder: is a directory/],
    ['one bad file among good ones', ['compare', 'r2024.txt', 'nope.txt'], EXIT_INPUT, /nope\.txt: no such file/],
    ['empty standard input', ['extract', '-'], EXIT_INPUT, /stdin: input is empty/],
    ['no command', [], EXIT_USAGE, /no command/],
    ['an unknown command', ['summarise', 'r2024.txt'], EXIT_USAGE, /unknown command "summarise"/],
    ['an unknown format', ['extract', 'r2024.txt', '--format', 'xml'], EXIT_USAGE, /cannot write format "xml"/],
    ['two files to extract', ['extract', 'r2024.txt', 'r2025.txt'], EXIT_USAGE, /one FILE/],
    ['--with-text outside JSON', ['extract', 'r2024.txt', '--with-text', '-f', 'csv'], EXIT_USAGE, /--with-text/],
  ];
  for (const [name, argv, code, message] of cases) {
    it(name, async () => {
      const r = await run(argv);
      expect(r.code).toBe(code);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      expect(r.err.startsWith('zhibiao: ')).toBe(true);
    });
  }
});

describe('as a process', () => {
  const cli = (args: string[], input?: Uint8Array) =>
    spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'cli/main.ts'), ...args], { cwd: dir, input, encoding: 'utf8', timeout: 60_000 });

  it('exits 0 with JSON on stdout for GBK standard input', () => {
    const r = cli(['extract', '-'], encodeGbk(R2024));
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).report.region).toBe('江州市');
  }, 60_000);

  it('exits non-zero with one line on stderr and nothing on stdout for a missing file', () => {
    const r = cli(['detect', 'r2024.txt', 'missing.txt']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('zhibiao: missing.txt: no such file\n');
  }, 60_000);
});

describe('the bundled command (what `npx zhibiao` runs)', () => {
  let bundleDir = '';
  beforeAll(() => {
    // Inside the project, so the bundle finds the packages it leaves to Node (jsdom) as cli/dist does.
    mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
    bundleDir = mkdtempSync(join(root, 'node_modules/.cache/zhibiao-cli-bundle-'));
    const built = spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs'), join(bundleDir, 'dist')], { encoding: 'utf8', timeout: 60_000 });
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
  }, 60_000);
  afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

  it('prints what the sources print, byte for byte', async () => {
    for (const argv of [
      ['extract', 'r2024.txt', '--format', 'csv'],
      ['compare', 'r2024.txt', 'r2025.txt'],
      ['detect', 'page.html'],
    ]) {
      const bundled = spawnSync(process.execPath, [join(bundleDir, 'dist/main.mjs'), ...argv], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      const source = await run(argv);
      expect(bundled.status).toBe(source.code);
      expect(bundled.stderr).toBe('');
      expect(bundled.stdout).toBe(source.out);
    }
  }, 60_000);

  it('panel runs its worker threads from the bundle (panel-worker.mjs beside main.mjs)', () => {
    const r = spawnSync(process.execPath, [join(bundleDir, 'dist/main.mjs'), 'panel', 'r2024.txt', 'r2025.txt', '--out', 'bundled.jsonl', '--workers', '2'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.stderr).toMatch(/2 reports .* with 2 workers/);
    expect(r.status).toBe(0);
    const rows = readFileSync(join(dir, 'bundled.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.length).toBeGreaterThan(4);
    expect(rows.every((row) => row.region === '江州市')).toBe(true);
  }, 120_000);

  it('the launcher without a bundle says in one line how to build it', () => {
    const launcher = join(dir, 'launcher');
    mkdirSync(launcher);
    writeFileSync(join(launcher, 'bin.mjs'), readFileSync(join(root, 'cli/bin.mjs')));
    const r = spawnSync(process.execPath, [join(launcher, 'bin.mjs'), 'detect', 'r2024.txt'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('npm run build:cli');
  });

  it('the launcher runs the bundle beside it', () => {
    writeFileSync(join(bundleDir, 'bin.mjs'), readFileSync(join(root, 'cli/bin.mjs')));
    const r = spawnSync(process.execPath, [join(bundleDir, 'bin.mjs'), 'extract', 'r2024.txt'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).report.region).toBe('江州市');
  }, 60_000);
});
