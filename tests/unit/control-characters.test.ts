/**
 * One policy for C0 control characters (lib/messages/fields.ts): every way in replaces each with a
 * space, so a page holding Word's soft line break (U+000B) is indexed, noted, backed up and
 * restored, and an older backup that holds one still restores.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup, restoreBackup } from '../../lib/backup';
import { closeAll, freshDb } from './notes-fixtures';
import { indexPage, noteOnFigure, noteOnText, OWN_REPORTS } from './real-library';

afterEach(closeAll);

const page = {
  ...OWN_REPORTS[1],
  title: '2024年示例省\u000b政府工作报告',
  text: OWN_REPORTS[1].text.replace('过去一年，', '过去一年，\u000b').replace('今年', '\u000c今年'),
};

describe('control characters in page text', () => {
  it('a page with U+000B and U+000C is indexed and noted, and its backup restores', async () => {
    const db = freshDb();
    const { reportId } = await indexPage(db, page);
    const stored = await db.reportText(reportId);
    expect(stored).toHaveLength(page.text.length);
    expect(stored).not.toMatch(/[\u000b\u000c]/);
    expect(stored).toContain('过去一年， 全省');
    await noteOnFigure(db, page, reportId, 0, '第一个数字');
    const note = await noteOnText(db, page, '过去一年，\u000b全省', '选中含软换行');
    expect(note.quote).toBe('过去一年， 全省');
    expect(note.pageTitle).toBe('2024年示例省 政府工作报告');

    const file = await createBackup(db, 0);
    const empty = freshDb();
    expect(await restoreBackup(empty, JSON.stringify(file))).toMatchObject({ ok: true, errors: [] });
    expect(await createBackup(empty, 0)).toEqual(file);
  });

  it('a backup written with control characters (by an older version) restores with spaces', async () => {
    const db = freshDb();
    const { reportId } = await indexPage(db, OWN_REPORTS[0]);
    const file = await createBackup(db, 0);
    const text = await db.reportText(reportId);
    const at = text.indexOf('全省');
    file.tables.reports[0].text = `${text.slice(0, at - 1)}\u000b${text.slice(at)}`;
    const empty = freshDb();
    expect(await restoreBackup(empty, JSON.stringify(file))).toMatchObject({ ok: true, errors: [] });
    expect(await empty.reportText(reportId)).toBe(`${text.slice(0, at - 1)} ${text.slice(at)}`);
  });
});
