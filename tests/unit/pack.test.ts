/**
 * `zhibiao pack`: the library file restores, through lib/backup into an empty library, to the same
 * tables as importing the same files one by one the way the library page does (lib/import:
 * documentText → importText → indexReport).
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../cli/main';
import { NODE_READERS } from '../../cli/input';
import { readBackup, restoreBackup } from '../../lib/backup';
import { documentText } from '../../lib/import/document';
import { importText } from '../../lib/import/index-text';
import type { ZhibiaoDB } from '../../lib/storage/db';
import { closeAll, freshDb } from './notes-fixtures';
import { encodeGbk } from '../gbk';

vi.setConfig({ testTimeout: 300_000 });

function report(region: string, head: string, year: number, gdpActual: string, gdpTarget: string): string {
  return `${region}政府工作报告
——${year}年1月15日在${region}第十四届人民代表大会第二次会议上
${head}
各位代表：
现在，我代表${region}人民政府，向大会报告工作，请予审议。
一、${year - 1}年工作回顾
过去一年，全${region.endsWith('县') ? '县' : '市'}地区生产总值增长${gdpActual}，城镇新增就业1.2万人，新建保障性住房600套。
二、${year}年工作安排
今年经济社会发展的主要预期目标是：地区生产总值增长${gdpTarget}，城镇新增就业1.3万人以上，新建保障性住房650套。
各位代表！让我们真抓实干，为完成全年目标任务而努力奋斗！
`;
}

const FILES: [string, Uint8Array | string][] = [
  ['lib/south/2024.txt', report('南江市', '南江市市长 周 平', 2024, '5.6%', '6%左右')],
  ['lib/south/2025.txt', encodeGbk(report('南江市', '南江市市长 周 平', 2025, '6.1%', '5.5%左右'))],
  ['lib/hill/2025.txt', report('青山县', '青山县县长 王 芳', 2025, '4.9%', '5%以上')],
  ['lib/hill/copy-of-2025.txt', report('青山县', '青山县县长 王 芳', 2025, '4.9%', '5%以上')],
  ['lib/memo.txt', '会议纪要\n本周例会讨论了办公用品采购事项。\n'],
];

let dir = '';
const out: string[] = [];
const err: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhibiao-pack-'));
  for (const [name, content] of FILES) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
});

afterAll(async () => {
  await closeAll();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every table, in a stable order, without what differs between two runs (when, auto-increment ids). */
async function tables(db: ZhibiaoDB) {
  const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => a.id.localeCompare(b.id));
  return {
    reports: byId(await db.reports.toArray()).map(({ indexedAt: _t, firstSeen: _f, ...r }) => r),
    texts: (await db.texts.toArray()).sort((a, b) => a.reportId.localeCompare(b.reportId)),
    figures: byId(await db.figures.toArray()),
    indicators: byId(await db.indicators.toArray()),
    links: (await db.links.toArray())
      .map(({ id: _id, ...l }) => l)
      .sort((a, b) => (a.fromFigureId + a.toFigureId).localeCompare(b.fromFigureId + b.toFigureId)),
  };
}

describe('pack', () => {
  it('writes a backup file that restores to the library that importing the files one by one gives', async () => {
    const code = await runCli(['pack', 'lib', '-o', 'library.json', '--workers', '2'], {
      stdout: (s) => void out.push(s),
      stderr: (s) => void err.push(s),
      readStdin: async () => new Uint8Array(),
      cwd: dir,
    });
    expect(code).toBe(0);
    expect(err.join('')).toMatch(/lib\/memo\.txt: not a report/);
    expect(err.join('')).toMatch(/packed 3 reports .*1 duplicates? of another file skipped/);
    const content = readFileSync(join(dir, 'library.json'), 'utf8');
    const parsed = readBackup(content);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);

    const restored = freshDb();
    const outcome = await restoreBackup(restored, content);
    expect(outcome.errors).toEqual([]);
    expect(outcome.written.reports).toBe(3);

    // The library page's way: each file read, analysed and indexed on its own, in the same order.
    const imported = freshDb();
    const statuses: string[] = [];
    for (const [name] of FILES.slice().sort(([a], [b]) => a.localeCompare(b))) {
      const doc = await documentText(name, readFileSync(join(dir, name)), NODE_READERS);
      statuses.push((await importText(imported, { source: name, text: doc.text, title: doc.title })).status);
    }
    expect(statuses.sort()).toEqual(['added', 'added', 'added', 'exists', 'not-report']);

    const a = await tables(restored);
    const b = await tables(imported);
    // The copy is the same report: the first file (in walking order) names it.
    expect(a.reports.map((r) => r.url).sort()).toEqual(['file:///lib/hill/2025.txt', 'file:///lib/south/2024.txt', 'file:///lib/south/2025.txt']);
    expect(a).toEqual(b);
    // The two years of 南江市 are linked: the 2024 target and the 2025 review share an indicator.
    const gdp = a.figures.filter((f) => f.metric.includes('地区生产总值') && f.indicatorId?.startsWith('南江市'));
    expect(new Set(gdp.map((f) => f.reportId)).size).toBe(2);
    expect(new Set(gdp.map((f) => f.indicatorId)).size).toBe(1);
  });
});
