/**
 * The backup file: one JSON document holding every table of the library.
 *
 *   { "format": "zhibiao-backup", "version": 1, "exportedAt": "…",
 *     "counts": { "reports": n, … }, "tables": { "reports": [...], "figures": [...],
 *     "indicators": [...], "links": [...], "notes": [...] } }
 *
 * `version` is the file format's, independent of the database schema: rows are written as the
 * row types of lib/storage/db.ts describe them. A file from a newer format is refused, never
 * half-read.
 */
import type { FigureRow, IndicatorRow, LinkRow, NoteRow, ReportWithText } from '../storage';

export const BACKUP_FORMAT = 'zhibiao-backup';
export const BACKUP_VERSION = 1;
export const TABLES = ['reports', 'figures', 'indicators', 'links', 'notes'] as const;
export type TableName = (typeof TABLES)[number];

export interface BackupTables {
  /** Each report with its text (the database keeps texts in a table of their own). */
  reports: ReportWithText[];
  figures: FigureRow[];
  indicators: IndicatorRow[];
  links: LinkRow[];
  notes: NoteRow[];
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  counts: Record<TableName, number>;
  tables: BackupTables;
}
