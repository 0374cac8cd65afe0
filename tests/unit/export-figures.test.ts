import { describe, expect, it } from 'vitest';
import type { Analysis, Figure, Section, Series } from '../../lib/model';
import {
  compareRecord,
  csvCell,
  extractRecord,
  figuresToCsv,
  figuresToMarkdown,
  mdCell,
  sectionOf,
  seriesToCsv,
  seriesToMarkdown,
  UTF8_BOM,
} from '../../lib/export/figures';
import { parseCsv } from './csv-reader';

const text = '一、2022年工作回顾\n商品销售总额完成7695亿元，增长3%。\n二、2023年主要任务\n新增公租房供应2000套，增长-1%，"重点"项目=10个|以上。\n';

function fig(snippet: string, over: Partial<Figure>): Figure {
  const start = text.indexOf(snippet);
  if (start < 0) throw new Error(`not in text: ${snippet}`);
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const lineEnd = text.indexOf('\n', start);
  return {
    start,
    end: start + snippet.length,
    text: snippet,
    value: 0,
    unit: '',
    qualifier: null,
    kind: 'actual',
    section: 'review',
    year: 2022,
    metric: '',
    sentence: text.slice(lineStart, lineEnd),
    sentenceStart: lineStart,
    ...over,
  };
}

const sections: Section[] = [
  { kind: 'review', title: '一、2022年工作回顾', start: 0, end: text.indexOf('二、'), year: 2022, period: null },
  { kind: 'plan', title: '二、2023年主要任务', start: text.indexOf('二、'), end: text.length, year: 2023, period: null },
];

const analysis: Analysis = {
  report: {
    isReport: true,
    score: 0.9,
    reasons: ['title'],
    title: '某区政府工作报告',
    region: '某区',
    level: 'district',
    delivered: '2023-01-04',
    planYear: 2023,
    reviewYear: 2022,
    warnings: ['a warning'],
  },
  sections,
  figures: [
    fig('7695亿元', { value: 769500000000, unit: '元', metric: '商品销售总额' }),
    fig('3%', { value: 3, unit: '%', metric: '商品销售总额增长', growth: true }),
    fig('2000套', { value: 2000, unit: '套', kind: 'target', section: 'plan', year: 2023, metric: '新增公租房供应' }),
    fig('-1%', { value: -1, unit: '%', kind: 'target', section: 'plan', year: 2023, metric: '增长' }),
    fig('10个|以上', { value: 10, unit: '个', kind: 'target', section: 'plan', year: 2023, qualifier: '以上', metric: '"重点"项目=' }),
  ],
  links: [{ from: 0, to: 2, score: 0.5 }],
};

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks, and doubles inner quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('增长5%')).toBe('增长5%');
  });

  it('guards text that a spreadsheet would run as a formula', () => {
    for (const lead of ['=', '+', '-', '@']) expect(csvCell(`${lead}SUM(A1)`)).toBe(`'${lead}SUM(A1)`);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('\t=1')).toBe("'\t=1");
  });

  it('writes numbers as numbers, negative ones included', () => {
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(769500000000)).toBe('769500000000');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('figuresToCsv', () => {
  const csv = figuresToCsv(analysis);

  it('starts with a UTF-8 BOM, ends lines with CRLF, and keeps Chinese intact', () => {
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv).toContain('商品销售总额');
    expect(csv.split('\r\n').length).toBe(analysis.figures.length + 2);
  });

  it('reads back to one row per figure with its section title', () => {
    const rows = parseCsv(csv.slice(1));
    const header = rows[0];
    expect(rows.length).toBe(analysis.figures.length + 1);
    const col = (name: string) => header.indexOf(name);
    expect(rows[1][col('section_title')]).toBe('一、2022年工作回顾');
    expect(rows[3][col('section_title')]).toBe('二、2023年主要任务');
    expect(rows[1][col('value')]).toBe('769500000000');
    expect(rows[4][col('value')]).toBe('-1');
    expect(rows[4][col('text')]).toBe("'-1%"); // text starting with "-" is guarded; the number is not
    expect(rows[5][col('metric')]).toBe('"重点"项目=');
    expect(rows[5][col('sentence')]).toBe(analysis.figures[4].sentence);
    expect(Number(rows[3][col('start')])).toBe(analysis.figures[2].start);
  });
});

describe('figuresToMarkdown', () => {
  const md = figuresToMarkdown(analysis, { name: 'report.txt' });

  it('writes one table per section, in text order, under the section title', () => {
    const review = md.indexOf('## 一、2022年工作回顾 (review, 2022)');
    const plan = md.indexOf('## 二、2023年主要任务 (plan, 2023)');
    expect(review).toBeGreaterThan(0);
    expect(plan).toBeGreaterThan(review);
    const headerRows = md.split('\n').filter((l) => l.startsWith('| # | Figure'));
    expect(headerRows.length).toBe(2);
    const reviewTable = md.slice(review, plan);
    expect(reviewTable).toContain('| 0 | 7695亿元 | 769,500,000,000 | 元 | actual |');
    expect(reviewTable).not.toContain('2000套');
  });

  it('escapes pipes so every row has the same number of cells', () => {
    expect(md).toContain('10个\\|以上');
    for (const line of md.split('\n').filter((l) => l.startsWith('| '))) {
      const cells = line.replace(/\\\|/g, '').split('|').length;
      expect(cells === 10 || cells === 6).toBe(true); // 8-column figure tables, 4-column link table
    }
  });

  it('lists the links and the report facts', () => {
    expect(md).toContain('## Links (review → plan)');
    expect(md).toContain('#0 7695亿元');
    expect(md).toContain('#2 2000套');
    expect(md).toContain('Region: 某区 (district)');
    expect(md).toContain('> Warning: a warning');
  });

  it('puts figures outside every section in their own table', () => {
    const outside = figuresToMarkdown({ ...analysis, sections: [] });
    expect(outside).toContain('## Outside any section');
    expect(outside.split('\n').filter((l) => l.startsWith('| # | Figure')).length).toBe(1);
  });
});

describe('mdCell', () => {
  it('keeps a cell on one line and never passes markup through', () => {
    expect(mdCell('a|b\nc')).toBe('a\\|b c');
    expect(mdCell('<script>x</script>')).toBe('&lt;script&gt;x&lt;/script&gt;');
    expect(mdCell('a\\|b')).toBe('a\\\\\\|b');
  });
});

describe('records', () => {
  it('extractRecord has the documented shape and offsets that slice back to the figure', () => {
    const rec = extractRecord(analysis, { text });
    expect(Object.keys(rec)).toEqual(['report', 'sections', 'figures', 'links', 'text']);
    expect(Object.keys(rec.report)).toEqual(['isReport', 'score', 'title', 'region', 'level', 'delivered', 'planYear', 'reviewYear', 'warnings']);
    for (const f of rec.figures) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(rec.figures[1].growth).toBe(true);
    expect('growth' in rec.figures[0]).toBe(false);
    expect('sentenceStart' in rec.figures[0]).toBe(false);
    expect(extractRecord(analysis).text).toBeUndefined();
  });

  it('sectionOf picks the innermost containing section', () => {
    const nested: Section[] = [...sections, { kind: 'review', title: '(一)', start: 12, end: 30, year: 2022, period: null }];
    expect(sectionOf({ start: 20 }, nested)).toBe(2);
    expect(sectionOf({ start: 5 }, nested)).toBe(0);
    expect(sectionOf({ start: text.length + 5 }, nested)).toBe(-1);
  });

  it('compareRecord names each point by its file; CSV and Markdown carry every point', () => {
    const series: Series[] = [
      {
        metric: '商品销售总额',
        key: 'sales',
        region: '某区',
        unit: '元',
        growth: false,
        points: [
          { year: 2022, kind: 'actual', value: 7.695e11, qualifier: '预计', source: 'a.txt', start: 1, end: 5, text: '7695亿元' },
          { year: 2023, kind: 'target', value: 8e11, valueMax: 8.2e11, qualifier: null, source: 'b,c.txt', start: 7, end: 9, text: '=8000亿元' },
        ],
      },
    ];
    const rec = compareRecord(
      [
        { file: 'a.txt', analysis },
        { file: 'b,c.txt', analysis },
      ],
      series,
    );
    expect(rec.reports.map((r) => r.file)).toEqual(['a.txt', 'b,c.txt']);
    expect(rec.reports[0].figures).toBe(analysis.figures.length);
    expect(rec.series[0].points.map((p) => p.file)).toEqual(['a.txt', 'b,c.txt']);
    expect(rec.series[0].points[1].valueMax).toBe(8.2e11);
    expect('valueMax' in rec.series[0].points[0]).toBe(false);

    const rows = parseCsv(seriesToCsv(rec).slice(1));
    // The assessment of the 2023 target first (no outcome reported for 2023), then the points.
    expect(rows.length).toBe(4);
    expect(rows[1].slice(0, 2)).toEqual(['assessment', 'sales']);
    expect(rows[1][rows[0].indexOf('verdict')]).toBe('no-outcome');
    expect(rows[3][rows[0].indexOf('file')]).toBe('b,c.txt');
    expect(rows[3][rows[0].indexOf('text')]).toBe("'=8000亿元");
    expect(rows[3][rows[0].indexOf('period')]).toBe('2023');

    // Every row has every column, those a point or a period leaves empty included, so that a
    // spreadsheet or a CSV reader that checks the width takes the file as one table.
    const withPeriod = {
      ...rec,
      periods: [
        {
          indicator: 'gdp',
          name: '地区生产总值',
          region: '某区',
          period: { from: 2021, to: 2025 },
          kind: 'target' as const,
          value: 6.5,
          unit: '%',
          qualifier: '年均',
          file: 'b,c.txt',
          start: 3,
          end: 6,
          text: '6.5%',
        },
      ],
    };
    const wide = parseCsv(seriesToCsv(withPeriod).slice(1));
    expect(wide.map((r) => r[0])).toEqual(['row', 'assessment', 'point', 'point', 'period']);
    for (const r of wide) expect(r.length).toBe(wide[0].length);
    expect(wide[4][wide[0].indexOf('period')]).toBe('2021-2025');
    expect(wide[4][wide[0].indexOf('text')]).toBe('6.5%');
    expect(wide[4][wide[0].indexOf('outcome_text')]).toBe('');

    // A series of one point is left out unless asked for.
    const single = { ...rec, series: [...rec.series, { ...rec.series[0], metric: '单点', key: 'single', points: rec.series[0].points.slice(0, 1) }] };
    expect(seriesToCsv(single)).not.toContain('单点');
    expect(seriesToCsv(single, { all: true })).toContain('单点');
    expect(seriesToMarkdown(single)).not.toContain('单点');

    const md = seriesToMarkdown(rec);
    expect(md).toContain('## Targets and outcomes');
    expect(md.indexOf('## Targets and outcomes')).toBeLessThan(md.indexOf('## 商品销售总额'));
    expect(md).toContain('## 商品销售总额 — 某区 (元)');
    expect(md).toContain('| 2023 | target | 800,000,000,000–820,000,000,000 |');
  });
});
