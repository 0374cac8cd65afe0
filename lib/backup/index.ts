/**
 * Backup and restore of the whole library (reports, figures, indicators, links, notes).
 *
 * Restore merges into the existing library: rows are matched by id, and the newer one wins —
 * notes by `updated`, reports by `indexedAt` (a report's figures and links follow its report, so a
 * report is never mixed from two versions). Indicators are derived data and only added when
 * missing. Links have numeric auto-increment ids that differ between libraries, so they are
 * matched by (report, from, to) instead.
 *
 * Safety: the file is fully validated first (validate.ts); then everything is written in ONE
 * transaction, so a failure half-way (storage full) leaves the library exactly as it was.
 */
import type { FigureRow, LinkRow, ZhibiaoDB } from '../storage';
import { BACKUP_FORMAT, BACKUP_VERSION, TABLES, type BackupFile, type TableName } from './format';
import { readBackup } from './validate';

export { readBackup } from './validate';
export { BACKUP_VERSION } from './format';
export type { BackupFile, TableName } from './format';

export async function createBackup(db: ZhibiaoDB, now = Date.now()): Promise<BackupFile> {
  return db.transaction('r', [db.reports, db.texts, db.figures, db.indicators, db.links, db.notes], async () => {
    const [rows, texts, figures, indicators, links, notes] = await Promise.all([
      db.reports.toArray(),
      db.texts.toArray(),
      db.figures.toArray(),
      db.indicators.toArray(),
      db.links.toArray(),
      db.notes.toArray(),
    ]);
    const textOf = new Map(texts.map((t) => [t.reportId, t.text]));
    const reports = rows.map((r) => ({ ...r, text: textOf.get(r.id) ?? '' }));
    const tables = { reports, figures, indicators, links, notes };
    const counts = Object.fromEntries(TABLES.map((t) => [t, tables[t].length])) as Record<TableName, number>;
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString(), counts, tables };
  });
}

export function backupFilename(now = Date.now()): string {
  return `zhibiao-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}

export interface RestoreOutcome {
  ok: boolean;
  errors: string[];
  written: Record<TableName, number>;
  skipped: Record<TableName, number>;
}

function zero(): Record<TableName, number> {
  return { reports: 0, figures: 0, indicators: 0, links: 0, notes: 0 };
}

const linkKey = (l: Pick<LinkRow, 'reportId' | 'fromFigureId' | 'toFigureId'>) => `${l.reportId}\u0001${l.fromFigureId}\u0001${l.toFigureId}`;

/** Writes a validated backup into the library (merge, newer wins). */
export async function mergeBackup(db: ZhibiaoDB, backup: BackupFile): Promise<Omit<RestoreOutcome, 'ok' | 'errors'>> {
  const written = zero();
  const skipped = zero();
  const t = backup.tables;
  await db.transaction('rw', [db.reports, db.texts, db.figures, db.indicators, db.links, db.notes], async () => {
    // Reports decide for their figures and links.
    const existingReports = await db.reports.bulkGet(t.reports.map((r) => r.id));
    const takeReport = new Set<string>();
    const keepReport = new Set<string>();
    t.reports.forEach((r, i) => {
      const ours = existingReports[i];
      if (!ours || r.indexedAt > ours.indexedAt) takeReport.add(r.id);
      else keepReport.add(r.id);
    });
    const reportsIn = t.reports.filter((r) => takeReport.has(r.id));
    if (takeReport.size) {
      // Replace the report's figures and links as a whole: the newer analysis may have fewer.
      await db.figures
        .where('reportId')
        .anyOf([...takeReport])
        .delete();
      await db.links
        .where('reportId')
        .anyOf([...takeReport])
        .delete();
    }
    await db.reports.bulkPut(reportsIn.map(({ text: _text, ...row }) => row));
    await db.texts.bulkPut(reportsIn.map((r) => ({ reportId: r.id, text: r.text })));
    written.reports = reportsIn.length;
    skipped.reports = keepReport.size;

    const existingFigures = await db.figures.bulkGet(t.figures.map((f) => f.id));
    const figuresIn: FigureRow[] = [];
    t.figures.forEach((f, i) => {
      if (takeReport.has(f.reportId) || (!keepReport.has(f.reportId) && !existingFigures[i])) figuresIn.push(f);
      else skipped.figures++;
    });
    await db.figures.bulkPut(figuresIn);
    written.figures = figuresIn.length;

    const existingIndicators = await db.indicators.bulkGet(t.indicators.map((x) => x.id));
    const indicatorsIn = t.indicators.filter((_, i) => !existingIndicators[i]);
    await db.indicators.bulkPut(indicatorsIn);
    written.indicators = indicatorsIn.length;
    skipped.indicators = t.indicators.length - indicatorsIn.length;

    const ourLinks = await db.links.toArray();
    const ourKeys = new Set(ourLinks.map(linkKey));
    const usedIds = new Set(ourLinks.map((l) => l.id));
    const linksIn: LinkRow[] = [];
    for (const l of t.links) {
      if (keepReport.has(l.reportId) || ourKeys.has(linkKey(l))) {
        skipped.links++;
        continue;
      }
      // Keep the file's id when it is free (so a restore into an empty library is exact).
      if (l.id !== undefined && usedIds.has(l.id)) {
        const { id: _drop, ...rest } = l;
        linksIn.push(rest);
      } else {
        linksIn.push(l);
        if (l.id !== undefined) usedIds.add(l.id);
      }
      ourKeys.add(linkKey(l));
    }
    await db.links.bulkAdd(linksIn);
    written.links = linksIn.length;

    const existingNotes = await db.notes.bulkGet(t.notes.map((n) => n.id));
    const notesIn = t.notes.filter((n, i) => !existingNotes[i] || n.updated > existingNotes[i]!.updated);
    await db.notes.bulkPut(notesIn);
    written.notes = notesIn.length;
    skipped.notes = t.notes.length - notesIn.length;
  });
  return { written, skipped };
}

/** Validates `content` completely, then merges it; on any problem the library is unchanged. */
export async function restoreBackup(db: ZhibiaoDB, content: string): Promise<RestoreOutcome> {
  const parsed = readBackup(content);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, written: zero(), skipped: zero() };
  try {
    const counts = await mergeBackup(db, parsed.backup);
    return { ok: true, errors: [], ...counts };
  } catch (err) {
    return { ok: false, errors: [`Nothing was restored: ${storageMessage(err)}`], written: zero(), skipped: zero() };
  }
}

/** A failure while writing, in words (storage full gets its own). */
export function storageMessage(err: unknown): string {
  const name = (err as { name?: string } | null)?.name;
  const inner = (err as { inner?: { name?: string } } | null)?.inner?.name;
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return 'storage is full — the browser refused to save more. Your library is unchanged; free some space and try again.';
  }
  return err instanceof Error ? err.message || err.name : String(err);
}
