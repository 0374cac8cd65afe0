import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { exportNotes, notesToCsv, notesToMarkdown, notesToWebAnnotations, obsidianTag, NOTE_CSV_COLUMNS } from '../../lib/export/notes';
import { loadViews } from '../../lib/notes/views';
import type { NoteView } from '../../lib/notes/requests';
import { answerNoteRequest } from '../../lib/notes-handler';
import { closeAll, freshDb, note, REPORT_A, seed } from './notes-fixtures';
import { parseCsv } from './csv-reader';

afterEach(closeAll);

async function views(): Promise<NoteView[]> {
  const db = freshDb();
  await seed(db);
  return loadViews(db);
}

describe('Markdown', () => {
  it('groups by report with quote, figure value and unit, note, tags and source link', async () => {
    const md = notesToMarkdown(await views(), { now: Date.UTC(2024, 2, 1) });
    expect(md).toMatch(/^# Zhibiao notes 笔记\n\nExported 2024-03-01 · 4 notes\n/);
    // One heading per report (latest year first), then pages without a report.
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    // Reports are named with their region and year (the stored titles are bare).
    expect(headings).toEqual(['## 示例省2024年政府工作报告', '## 另一市2023年政府工作报告', '## 新闻']);
    const sectionA = md.slice(md.indexOf('## 示例省2024年'), md.indexOf('## 另一市2023年'));
    expect(sectionA).toContain('示例省 · 2024 · [https://www.example.gov.cn/aaaa.html](https://www.example.gov.cn/aaaa.html)');
    expect(sectionA).toContain('> 5%左右');
    expect(sectionA).toContain('**Figure 指标:** 5%左右 (5 %; 目标 target; 地区生产总值增长)');
    expect(sectionA).toContain('口径变了，见统计公报');
    expect(sectionA).toContain('#口径 #GDP');
    expect(sectionA).toContain('[Source 原文](https://www.example.gov.cn/aaaa.html#:~:text=5%25%E5%B7%A6%E5%8F%B3)');
    // Creation order within a report.
    expect(sectionA.indexOf('5%左右')).toBeLessThan(sectionA.indexOf('公租房'));
    expect(md).toContain('⚠ detached 未能定位');
  });

  it('keeps page text inert: no HTML, no accidental headings or lists', () => {
    const md = notesToMarkdown([{ ...note('x', { quote: '# 标题\n- 列表\n<b>粗</b>', body: '1. 第一' }), report: null, figure: null }], { now: 0 });
    expect(md).toContain('> \\# 标题\n> \\- 列表\n> &lt;b&gt;粗&lt;/b&gt;');
    expect(md).toContain('\\1. 第一');
    expect(md).not.toContain('<b>');
  });

  it('keeps page-controlled images, links, references and code fences inert', () => {
    const hostile = '看图![](https://evil.example/track.png?u=1)和[点我](https://evil.example/)\n[ref]: https://evil.example/\n```\n代码`x`\n~~~';
    const md = notesToMarkdown(
      [{ ...note('x', { quote: hostile, body: '![b](https://evil.example/b.png)', pageTitle: '标题[x](https://evil.example)' }), report: null, figure: null }],
      { now: 0 },
    );
    // Every page-controlled bracket, bang, backtick and tilde is escaped, so no Markdown reader
    // makes an image, link, reference or code block of it.
    expect(md).not.toMatch(/(^|[^\\])!\[/m);
    expect(md).not.toMatch(/(^|[^\\])\[[^\]\n]*[^\\]\]\(https:\/\/evil/m);
    expect(md).not.toMatch(/^(> )?(```|~~~)/m);
    expect(md).toContain('看图\\!\\[\\](https://evil.example/track.png?u=1)');
    expect(md).toContain('> \\[ref\\]: https://evil.example/');
    expect(md).toContain('\\`\\`\\`');
    // Our own links still work.
    expect(md).toMatch(/\[Source 原文\]\(https:\/\/www\.example\.gov\.cn\/aaaa\.html#:~:text=/);
  });

  it('makes tags Obsidian accepts', () => {
    expect(obsidianTag('口径 变化')).toBe('#口径-变化');
    expect(obsidianTag('2024')).toBe('#_2024');
    expect(obsidianTag('a.b')).toBe('#a_b');
  });
});

describe('CSV', () => {
  it('starts with a UTF-8 BOM, one row per note, every column, CRLF lines', async () => {
    const list = await views();
    const csv = notesToCsv(list);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...NOTE_CSV_COLUMNS]);
    expect(rows).toHaveLength(list.length + 1);
    const figureRow = rows.find((r) => r[0] === 'n-figure')!;
    const col = (name: (typeof NOTE_CSV_COLUMNS)[number]) => figureRow[NOTE_CSV_COLUMNS.indexOf(name)];
    expect(col('report')).toBe('示例省2024年政府工作报告');
    expect(col('value')).toBe('5');
    expect(col('unit')).toBe('%');
    expect(col('kind')).toBe('target');
    expect(col('tags')).toBe('口径; GDP');
    expect(col('note')).toBe('口径变了，见统计公报');
  });

  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    const tricky = { ...note('t', { quote: '甲,乙"丙"\n丁', body: '=HYPERLINK("http://x")' }), report: null, figure: null };
    const rows = parseCsv(notesToCsv([tricky]).slice(1));
    const quoteCol = NOTE_CSV_COLUMNS.indexOf('quote');
    const noteCol = NOTE_CSV_COLUMNS.indexOf('note');
    expect(rows[1][quoteCol]).toBe('甲,乙"丙"\n丁');
    expect(rows[1][noteCol].startsWith('=')).toBe(false);
    expect(rows[1][noteCol]).toContain('HYPERLINK');
  });
});

describe('JSON (W3C Web Annotation)', () => {
  it('is an AnnotationCollection whose items carry body, tags and both selectors', async () => {
    const list = await views();
    const doc = JSON.parse(notesToWebAnnotations(list));
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(4);
    const items = doc.first.items as Array<Record<string, any>>;
    expect(items).toHaveLength(4);
    const fig = items.find((a) => a.id === 'urn:uuid:n-figure')!;
    expect(fig.type).toBe('Annotation');
    expect(fig.motivation).toBe('commenting');
    expect(fig.body).toContainEqual({ type: 'TextualBody', value: '口径变了，见统计公报', format: 'text/plain', purpose: 'commenting' });
    expect(fig.body).toContainEqual({ type: 'TextualBody', value: 'GDP', purpose: 'tagging' });
    expect(fig.body.find((b: any) => b.purpose === 'describing').value).toContain('5%左右');
    expect(fig.target.source).toBe('https://www.example.gov.cn/aaaa.html');
    expect(fig.target.selector.map((s: any) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect(fig.target.selector[0]).toMatchObject({ exact: '5%左右' });
    expect(fig.created).toMatch(/^\d{4}-\d\d-\d\dT/);
    // A note with no text is a highlight.
    expect(items.find((a) => a.id === 'urn:uuid:n-free')!.motivation).toBe('highlighting');
  });
});

describe('export requests', () => {
  it('exports everything, one report, or a filtered search, in each format', async () => {
    const db = freshDb();
    await seed(db);
    const all = (await answerNoteRequest(db, { type: 'notes/export', format: 'json' })) as {
      content: string;
      count: number;
      filename: string;
      mimeType: string;
    };
    expect(all.count).toBe(4);
    expect(all.filename).toMatch(/^zhibiao-notes-\d{4}-\d\d-\d\d\.jsonld$/);
    const one = (await answerNoteRequest(db, { type: 'notes/export', format: 'markdown', filter: { reportId: REPORT_A } })) as {
      content: string;
      count: number;
    };
    expect(one.count).toBe(2);
    expect(one.content).not.toContain('2023年政府工作报告');
    const found = (await answerNoteRequest(db, { type: 'notes/export', format: 'csv', query: '公租房' })) as {
      content: string;
      count: number;
      mimeType: string;
    };
    expect(found.count).toBe(1);
    expect(found.mimeType).toBe('text/csv;charset=utf-8');
    expect(parseCsv(found.content.slice(1))).toHaveLength(2);
    expect(exportNotes([], 'markdown', { now: 0 }).content).toContain('0 notes');
  });
});
