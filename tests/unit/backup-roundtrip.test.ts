import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackup, restoreBackup } from '../../lib/backup';
import { closeAll, freshDb } from './notes-fixtures';
import { buildLibrary, OWN_REPORTS, type PageSource } from './real-library';
import { CORPUS_DIR } from '../corpus';

afterEach(closeAll);

/** Back up, restore into an empty library, back up again: every table comes back unchanged. */
async function roundTrip(pages: PageSource[]) {
  const db = freshDb();
  await buildLibrary(db, pages);
  const first = await createBackup(db, 0);
  expect(first.counts.reports).toBe(pages.length);
  expect(first.counts.notes).toBe(pages.length * 2);
  expect(first.tables.figures.some((f) => typeof f.seriesYear === 'number')).toBe(true);
  const empty = freshDb();
  const outcome = await restoreBackup(empty, JSON.stringify(first));
  expect(outcome.errors).toEqual([]);
  expect(outcome.ok).toBe(true);
  const second = await createBackup(empty, 0);
  expect(second).toEqual(first);
}

describe('a library built by the real indexing path survives backup and restore', () => {
  it('two reports of our own, with notes on figures and on text', async () => {
    await roundTrip(OWN_REPORTS);
  });

  const national = join(CORPUS_DIR, 'national');
  it.skipIf(!existsSync(national))(
    'two national reports from the corpus (skipped without the corpus)',
    async () => {
      const pages = [2024, 2025].map((y) => ({
        url: `https://www.gov.cn/gongbao/${y}/content.html`,
        title: `${y}年政府工作报告`,
        text: readFileSync(join(national, `national_${y}.txt`), 'utf8'),
      }));
      await roundTrip(pages);
    },
    120_000,
  );
});
