/**
 * Reading a backup file without trusting it: the whole file is checked before anything is
 * written, and every problem is reported with its exact place (`notes[3].selectors[0].start:
 * expected a number`), so the reader can fix the file — or knows it is not a Zhibiao backup.
 * Field rules (types, lengths, control characters) are those of lib/messages/fields.ts.
 */
import {
  arrayOf,
  boolean,
  checkValue,
  finiteNumber,
  LIMITS,
  noteRowCheck,
  nonNegativeInteger,
  nullable,
  oneOf,
  record,
  text,
  address,
  rebuild,
  withoutControls,
  type Check,
} from '../messages';
import { FIGURE_KINDS } from '../kinds';
import { MAX_REPORT_ADDRESSES } from '../storage';
import { BACKUP_FORMAT, BACKUP_VERSION, TABLES, type BackupFile, type TableName } from './format';

const level = nullable(oneOf('national', 'province', 'city', 'district', 'county'));
const span = nullable(record({ from: finiteNumber, to: finiteNumber }));
const id = text(LIMITS.id);

/** The largest report text accepted: far above any real report (the longest are ~100k chars). */
export const MAX_REPORT_TEXT = 20_000_000;

const ROW_CHECKS: Record<TableName, Check> = {
  reports: record(
    {
      id,
      url: address(LIMITS.url),
      urls: arrayOf(address(LIMITS.url), MAX_REPORT_ADDRESSES),
      title: nullable(text(LIMITS.title)),
      region: nullable(text(LIMITS.title)),
      level,
      delivered: nullable(text(40)),
      planYear: nullable(finiteNumber),
      reviewYear: nullable(finiteNumber),
      score: finiteNumber,
      warnings: arrayOf(text(LIMITS.title), 1000),
      figureCount: nonNegativeInteger,
      text: text(MAX_REPORT_TEXT),
      indexedAt: finiteNumber,
    },
    { firstSeen: finiteNumber },
  ),
  figures: record(
    {
      id,
      reportId: id,
      index: nonNegativeInteger,
      start: nonNegativeInteger,
      end: nonNegativeInteger,
      text: text(LIMITS.title),
      value: finiteNumber,
      unit: text(100),
      qualifier: nullable(text(100)),
      kind: oneOf(...FIGURE_KINDS),
      section: oneOf('review', 'plan', 'other'),
      year: nullable(finiteNumber),
      metric: text(LIMITS.title),
      sentence: text(LIMITS.quote),
      sentenceStart: nonNegativeInteger,
      indicatorId: nullable(text(LIMITS.url)),
    },
    // `seriesYear` is written by the index's relinking (db.ts FigureRow); a backup carries it as stored.
    {
      valueMax: finiteNumber,
      period: span,
      growth: boolean,
      seriesYear: nullable(finiteNumber),
      // The engine's headline mark and indicator id (lib/model.ts Figure): stored with every figure
      // indexed since, so a backup of such a library must restore.
      headline: boolean,
      indicator: text(LIMITS.title),
      // The earlier target a restatement repeats (an index into the same report's figures).
      restates: nonNegativeInteger,
      rules: record({ metric: text(200), kind: text(100), unit: text(100), qualifier: text(100) }),
    },
  ),
  indicators: record({
    id: text(LIMITS.url),
    region: text(LIMITS.title),
    key: text(LIMITS.title),
    metric: text(LIMITS.title),
    unit: text(100),
    growth: boolean,
  }),
  links: record({ reportId: id, fromFigureId: id, toFigureId: id, score: finiteNumber }, { id: nonNegativeInteger }),
  notes: noteRowCheck,
};

/**
 * What ties rows together: a figure belongs to a report of the file, its id is
 * `${reportId}:${index}` and its offsets hold its text in that report; a link joins figures of its
 * own report; a note's figure is one of its report's. Without these a file could overwrite another
 * report's figure, or point a highlight past the end of a text.
 */
function crossCheck(t: BackupFile['tables']): string[] {
  const errors: string[] = [];
  const texts = new Map(t.reports.map((r) => [r.id, r.text]));
  t.figures.forEach((f, i) => {
    const at = `figures[${i}]`;
    const text = texts.get(f.reportId);
    if (text === undefined) errors.push(`${at}.reportId: no report ${f.reportId.slice(0, 16)}… in the file`);
    if (f.id !== `${f.reportId}:${f.index}`)
      errors.push(`${at}.id: expected "${f.reportId}:${f.index}" (its report and index), got ${JSON.stringify(f.id.slice(0, 80))}`);
    if (f.start > f.end) errors.push(`${at}: starts (${f.start}) after it ends (${f.end})`);
    else if (text !== undefined && f.end > text.length) errors.push(`${at}.end: ${f.end} is past the end of its report's text (${text.length} characters)`);
    else if (text !== undefined && text.slice(f.start, f.end) !== f.text) errors.push(`${at}.text: does not match its report's text at ${f.start}–${f.end}`);
  });
  const ofReport = (reportId: string, figureId: string) => figureId.startsWith(`${reportId}:`);
  t.links.forEach((l, i) => {
    if (!texts.has(l.reportId)) errors.push(`links[${i}].reportId: no report ${l.reportId.slice(0, 16)}… in the file`);
    if (!ofReport(l.reportId, l.fromFigureId) || !ofReport(l.reportId, l.toFigureId)) errors.push(`links[${i}]: joins figures of another report`);
  });
  t.notes.forEach((n, i) => {
    if (n.figureId !== null && (n.reportId === null || !ofReport(n.reportId, n.figureId)))
      errors.push(`notes[${i}].figureId: not a figure of the note's report`);
    for (const [k, s] of n.selectors.entries()) {
      if (s.type === 'TextPositionSelector' && s.start > s.end) errors.push(`notes[${i}].selectors[${k}]: starts after it ends`);
    }
  });
  return errors;
}

export type ParsedBackup = { ok: true; backup: BackupFile } | { ok: false; errors: string[] };

function parseJson(content: string): { ok: true; value: unknown } | { ok: false; error: string } {
  const trimmed = content.replace(/^\ufeff/, '').trim();
  if (!trimmed) return { ok: false, error: 'The file is empty.' };
  try {
    // Control characters become spaces, as on every way in (fields.ts): older files may hold them.
    return { ok: true, value: withoutControls(JSON.parse(trimmed)) };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    const hint = /end of (JSON )?input|Unterminated/i.test(detail) ? ' — the file looks truncated' : '';
    return { ok: false, error: `Not valid JSON${hint}: ${detail}` };
  }
}

/** Parses and checks a backup file; either the whole file is good, or the list of what is wrong. */
export function readBackup(content: string): ParsedBackup {
  const parsed = parseJson(content);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const file = parsed.value as Record<string, unknown>;
  if (typeof file !== 'object' || file === null || Array.isArray(file)) {
    return { ok: false, errors: ['The file is JSON but not a Zhibiao backup (expected an object at the top).'] };
  }
  if (file.format !== BACKUP_FORMAT) {
    return { ok: false, errors: [`format: expected "${BACKUP_FORMAT}", got ${JSON.stringify(file.format) ?? 'nothing'} — not a Zhibiao backup`] };
  }
  if (typeof file.version !== 'number' || !Number.isInteger(file.version)) {
    return { ok: false, errors: ['version: expected a whole number'] };
  }
  if (file.version > BACKUP_VERSION) {
    return {
      ok: false,
      errors: [
        `version: this backup was made by a newer Zhibiao (format version ${file.version}); this one reads version ${BACKUP_VERSION}. Update Zhibiao first.`,
      ],
    };
  }
  if (file.version < 1) return { ok: false, errors: [`version: ${file.version} is not a backup format version`] };

  const errors: string[] = [];
  const tables = file.tables as Record<string, unknown> | undefined;
  if (typeof tables !== 'object' || tables === null || Array.isArray(tables)) {
    return { ok: false, errors: ['tables: expected an object with reports, figures, indicators, links and notes'] };
  }
  for (const key of Object.keys(tables)) {
    if (!(TABLES as readonly string[]).includes(key)) errors.push(`tables.${key}: unexpected table`);
  }
  for (const name of TABLES) {
    const rows = tables[name];
    if (!Array.isArray(rows)) {
      errors.push(`${name}: expected an array, got ${rows === undefined ? 'nothing' : typeof rows}`);
      continue;
    }
    errors.push(...checkValue(arrayOf(ROW_CHECKS[name], 10_000_000), rows, name));
    // Duplicate keys inside one file would silently overwrite each other on restore.
    const seen = new Map<unknown, number>();
    rows.forEach((row, i) => {
      const key = (row as { id?: unknown } | null)?.id;
      if (key === undefined) return;
      const first = seen.get(key);
      if (first !== undefined) errors.push(`${name}[${i}].id: duplicate of ${name}[${first}].id (${JSON.stringify(key)})`);
      else seen.set(key, i);
    });
    if (errors.length > 200) break;
  }
  const counts = file.counts as Record<string, unknown> | undefined;
  if (counts && typeof counts === 'object') {
    for (const name of TABLES) {
      const rows = tables[name];
      if (Array.isArray(rows) && typeof counts[name] === 'number' && counts[name] !== rows.length) {
        errors.push(`counts.${name}: the file says ${counts[name]} rows but holds ${rows.length} — it may be incomplete`);
      }
    }
  }
  if (!errors.length) {
    // Rows are rebuilt from their declared fields: what is written is exactly what was checked.
    const clean: Record<string, unknown[]> = {};
    for (const name of TABLES) clean[name] = (tables[name] as unknown[]).map((row) => rebuild(ROW_CHECKS[name], row));
    errors.push(...crossCheck(clean as unknown as BackupFile['tables']));
    if (!errors.length) {
      const backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: String(file.exportedAt ?? ''), counts: file.counts, tables: clean };
      return { ok: true, backup: backup as unknown as BackupFile };
    }
  }
  return { ok: false, errors: errors.length > 50 ? [...errors.slice(0, 50), `… and ${errors.length - 50} more`] : errors };
}
