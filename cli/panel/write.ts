/**
 * The panel's tables to files, the format named by the output's extension:
 *
 * - `.csv`: figures in PATH, assessments in NAME.assessments.csv; UTF-8 with a BOM and CRLF, text
 *   guarded against formula injection (lib/export/figures.ts), so Excel opens it with Chinese intact.
 * - `.jsonl`: one JSON object per row, the same two files.
 * - `.parquet`: the same two files, typed columns (hyparquet-writer, Snappy).
 * - `.duckdb`: one database with the tables reports, figures and assessments.
 *
 * Every file is written under a temporary name and renamed when complete, so a failed run never
 * leaves a file that looks whole; an existing output is replaced.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { csvCell, UTF8_BOM } from '../../lib/export';
import type { PanelFormat } from './args';
import type { Cell, ColumnType, Table } from './tables';

/** PATH with `.assessments` before its extension: panel.csv → panel.assessments.csv. */
function besidePath(path: string, table: string, ext: string): string {
  return path.slice(0, path.length - ext.length) + `.${table}` + ext;
}

const tempOf = (path: string) => `${path}.tmp-${process.pid}`;

async function writeLines(path: string, header: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  const done = new Promise<void>((resolve, reject) => {
    out.on('error', reject);
    out.on('finish', resolve);
  });
  let chunk = header;
  for (const line of lines) {
    chunk += line;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await Promise.race([once(out, 'drain'), done]);
      chunk = '';
    }
  }
  out.end(chunk);
  await done;
}

function* csvLines(table: Table): Iterable<string> {
  for (const row of table.rows) yield row.map(csvCell).join(',') + '\r\n';
}

function* jsonLines(table: Table): Iterable<string> {
  for (const row of table.rows) {
    const o: Record<string, Cell> = {};
    table.columns.forEach((c, i) => (o[c.name] = row[i]));
    yield JSON.stringify(o) + '\n';
  }
}

const PARQUET_TYPES: Record<ColumnType, 'STRING' | 'DOUBLE' | 'INT32' | 'BOOLEAN'> = { string: 'STRING', double: 'DOUBLE', int: 'INT32', bool: 'BOOLEAN' };

async function writeParquet(path: string, table: Table): Promise<void> {
  const { parquetWriteFile } = await import('hyparquet-writer');
  parquetWriteFile({
    filename: path,
    columnData: table.columns.map((c, i) => ({ name: c.name, type: PARQUET_TYPES[c.type], data: table.rows.map((r) => r[i]) })),
    kvMetadata: [{ key: 'zhibiao.table', value: table.name }],
    createdBy: 'zhibiao panel',
  });
}

const DUCKDB_TYPES: Record<ColumnType, string> = { string: 'VARCHAR', double: 'DOUBLE', int: 'INTEGER', bool: 'BOOLEAN' };

async function writeDuckDb(path: string, tables: Table[]): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  try {
    for (const table of tables) {
      const columns = table.columns.map((c) => `"${c.name}" ${DUCKDB_TYPES[c.type]}`).join(', ');
      await connection.run(`CREATE TABLE ${table.name} (${columns})`);
      const appender = await connection.createAppender(table.name);
      for (const row of table.rows) {
        table.columns.forEach((c, i) => {
          const v = row[i];
          if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) appender.appendNull();
          else if (c.type === 'string') appender.appendVarchar(String(v));
          else if (c.type === 'double') appender.appendDouble(Number(v));
          else if (c.type === 'int') appender.appendInteger(Number(v));
          else appender.appendBoolean(Boolean(v));
        });
        appender.endRow();
      }
      appender.closeSync();
    }
    await connection.run('CHECKPOINT');
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function writeTable(path: string, format: Exclude<PanelFormat, '.duckdb'>, table: Table): Promise<void> {
  const header = table.columns.map((c) => c.name);
  if (format === '.csv') return writeLines(path, UTF8_BOM + header.map(csvCell).join(',') + '\r\n', csvLines(table));
  if (format === '.jsonl') return writeLines(path, '', jsonLines(table));
  return writeParquet(path, table);
}

/** Writes the tables; returns the paths written. */
export async function writePanel(path: string, format: PanelFormat, tables: Table[]): Promise<string[]> {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const targets: [string, () => Promise<void>][] =
    format === '.duckdb'
      ? [[path, () => writeDuckDb(tempOf(path), tables)]]
      : [
          [path, () => writeTable(tempOf(path), format, byName.get('figures')!)],
          [besidePath(path, 'assessments', format), () => writeTable(tempOf(besidePath(path, 'assessments', format)), format, byName.get('assessments')!)],
        ];
  try {
    for (const [target, write] of targets) {
      await rm(tempOf(target), { force: true });
      await write();
    }
    for (const [target] of targets) {
      if (format === '.duckdb') await rm(`${target}.wal`, { force: true });
      await rename(tempOf(target), target);
    }
  } catch (err) {
    for (const [target] of targets) {
      await rm(tempOf(target), { force: true });
      await rm(`${tempOf(target)}.wal`, { force: true });
    }
    throw err;
  }
  return targets.map(([t]) => t);
}
