/**
 * Notes out of Zhibiao: Markdown (pastes cleanly into Obsidian and similar editors), CSV (one row
 * per note, for spreadsheets) and JSON in the W3C Web Annotation model (for other annotation
 * tools). CSV quoting, the formula guard and the BOM are the figure export's (figures.ts).
 */
import type { NoteView } from '../notes';
import { linkToQuote } from '../notes';
import { csvDocument } from './figures';
import { KIND_META, perKind } from '../kinds';

/** Both languages: '实际 actual'. */
const KIND_NAMES: Record<string, string> = perKind((k) => `${KIND_META[k].label.zh} ${KIND_META[k].label.en.toLowerCase()}`);

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** A tag Obsidian accepts: no spaces or punctuation other than _ - /, not only digits. */
export function obsidianTag(tag: string): string {
  let t = tag
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}_\-/]/gu, '_');
  if (/^[\d_/-]*$/.test(t)) t = `_${t}`;
  return `#${t}`;
}

/**
 * Page text inside Markdown stays text: no HTML; no link, image or reference syntax (a page's
 * "![](https://…)" would load a remote image in the reader's editor, "[x](…)" would make a link
 * the reader never wrote); no code spans or fences (which would swallow what follows); nothing
 * that turns into a heading, list or rule.
 */
function mdText(s: string): string {
  return s
    .replace(/[\\`*_[\]!~|]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^(\s*)([#>+*=-]|\d+\.)/gm, (_m, space: string, mark: string) => `${space}\\${mark}`);
}

/** A URL usable inside Markdown's `( )` without breaking the link. */
function mdUrl(url: string): string {
  return url
    .replace(/ /g, '%20')
    .replace(/\(/g, '%28')
    .replace(/\)/g, '%29')
    .replace(/</g, '%3C')
    .replace(/>/g, '%3E')
    .replace(/\[/g, '%5B')
    .replace(/\]/g, '%5D')
    .replace(/`/g, '%60');
}

function groupTitle(note: NoteView): string {
  return note.report?.title || note.pageTitle || note.url;
}

function formatValue(note: NoteView): string {
  const f = note.figure;
  if (!f) return '';
  const value = f.valueMax !== undefined && f.valueMax !== f.value ? `${f.value}–${f.valueMax}` : String(f.value);
  return `${f.text} (${value}${f.unit ? ' ' + f.unit : ''}; ${KIND_NAMES[f.kind] ?? f.kind}${f.metric ? `; ${f.metric}` : ''})`;
}

/**
 * Notes grouped by report (or page), each group in order of creation. Groups: reports first,
 * the latest year first, then pages that carry no report; the order of the input (search rank,
 * storage order) does not change the file, so two exports of the same notes compare equal.
 */
function groups(notes: NoteView[]): Array<{ title: string; notes: NoteView[] }> {
  const map = new Map<string, { title: string; year: number; hasReport: boolean; notes: NoteView[] }>();
  for (const n of notes) {
    const key = n.reportId ?? `url:${n.url}`;
    const g = map.get(key) ?? { title: groupTitle(n), year: n.report?.year ?? -1, hasReport: !!n.reportId, notes: [] };
    g.notes.push(n);
    map.set(key, g);
  }
  for (const g of map.values()) g.notes.sort((a, b) => a.created - b.created || a.id.localeCompare(b.id));
  return [...map.values()].sort((a, b) => Number(b.hasReport) - Number(a.hasReport) || b.year - a.year || a.title.localeCompare(b.title, 'zh'));
}

export function notesToMarkdown(notes: NoteView[], options: { title?: string; now?: number } = {}): string {
  const out: string[] = [`# ${mdText(options.title ?? 'Zhibiao notes 笔记')}`, '', `Exported ${isoDate(options.now ?? Date.now())} · ${notes.length} notes`];
  for (const g of groups(notes)) {
    out.push('', `## ${mdText(g.title.replace(/\s+/g, ' '))}`);
    const first = g.notes[0];
    const meta = [first.report?.region, first.report?.year ? String(first.report.year) : null].filter(Boolean).join(' · ');
    out.push('', `${meta ? mdText(meta) + ' · ' : ''}[${mdUrl(first.url)}](${mdUrl(first.url)})`);
    for (const n of g.notes) {
      out.push('');
      if (n.quote)
        out.push(
          ...mdText(n.quote)
            .split('\n')
            .map((line) => `> ${line}`),
          '',
        );
      const figure = formatValue(n);
      if (figure) out.push(`**Figure 指标:** ${mdText(figure)}`, '');
      if (n.body.trim()) out.push(mdText(n.body.trim()), '');
      if (n.tags.length) out.push(n.tags.map(obsidianTag).join(' '), '');
      const status = n.detached ? ' · ⚠ detached 未能定位' : '';
      out.push(`[Source 原文](${mdUrl(linkToQuote(n.url, n.quote))}) · ${isoDate(n.updated)}${status}`);
      out.push('', '---');
    }
  }
  return out.join('\n') + '\n';
}

export const NOTE_CSV_COLUMNS = [
  'id',
  'report',
  'region',
  'year',
  'page_title',
  'url',
  'link',
  'quote',
  'figure',
  'value',
  'value_max',
  'unit',
  'kind',
  'metric',
  'note',
  'tags',
  'created',
  'updated',
  'detached',
] as const;

export function notesToCsv(notes: NoteView[]): string {
  const rows = notes.map((n) => [
    n.id,
    n.report?.title ?? '',
    n.report?.region ?? '',
    n.report?.year ?? null,
    n.pageTitle,
    n.url,
    linkToQuote(n.url, n.quote),
    n.quote,
    n.figure?.text ?? '',
    n.figure?.value ?? null,
    n.figure?.valueMax ?? null,
    n.figure?.unit ?? '',
    n.figure?.kind ?? '',
    n.figure?.metric ?? '',
    n.body,
    n.tags.join('; '),
    isoTime(n.created),
    isoTime(n.updated),
    n.detached,
  ]);
  return csvDocument([[...NOTE_CSV_COLUMNS], ...rows]);
}

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface WebAnnotation {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting';
  created: string;
  modified: string;
  body: Array<{ type: 'TextualBody'; value: string; format?: 'text/plain'; purpose: 'commenting' | 'tagging' | 'describing' }>;
  target: { source: string; selector: NoteView['selectors'] };
}

export function noteToAnnotation(n: NoteView): WebAnnotation {
  const body: WebAnnotation['body'] = [];
  if (n.body) body.push({ type: 'TextualBody', value: n.body, format: 'text/plain', purpose: 'commenting' });
  for (const tag of n.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const figure = formatValue(n);
  if (figure) body.push({ type: 'TextualBody', value: figure, format: 'text/plain', purpose: 'describing' });
  // Quote first, then position: consumers that take the first selector get the robust one.
  const selector = [...n.selectors].sort((a, b) => (a.type === b.type ? 0 : a.type === 'TextQuoteSelector' ? -1 : 1));
  return {
    '@context': ANNO_CONTEXT,
    id: `urn:uuid:${n.id}`,
    type: 'Annotation',
    motivation: n.body ? 'commenting' : 'highlighting',
    created: isoTime(n.created),
    modified: isoTime(n.updated),
    body,
    target: { source: n.url, selector },
  };
}

/** An AnnotationCollection with every note in one page, as the Web Annotation model lays out. */
export function notesToWebAnnotations(notes: NoteView[], options: { label?: string } = {}): string {
  const collection = {
    '@context': ANNO_CONTEXT,
    type: 'AnnotationCollection',
    label: options.label ?? 'Zhibiao notes',
    total: notes.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: notes.map(noteToAnnotation) },
  };
  return JSON.stringify(collection, null, 2) + '\n';
}

export function exportNotes(
  notes: NoteView[],
  format: 'markdown' | 'csv' | 'json',
  options: { now?: number; title?: string } = {},
): { filename: string; mimeType: string; content: string; count: number } {
  const day = isoDate(options.now ?? Date.now());
  if (format === 'markdown') {
    return { filename: `zhibiao-notes-${day}.md`, mimeType: 'text/markdown;charset=utf-8', content: notesToMarkdown(notes, options), count: notes.length };
  }
  if (format === 'csv') {
    return { filename: `zhibiao-notes-${day}.csv`, mimeType: 'text/csv;charset=utf-8', content: notesToCsv(notes), count: notes.length };
  }
  return {
    filename: `zhibiao-notes-${day}.jsonld`,
    mimeType: 'application/ld+json;charset=utf-8',
    content: notesToWebAnnotations(notes, { label: options.title }),
    count: notes.length,
  };
}
