// @vitest-environment jsdom
/**
 * Importing files into the library: the panel on the library page, the page-side reading
 * (components/import-file.ts with the browser readers), the `import/text` message through the
 * background's router, and the index (fake-indexeddb). Report texts are written for the test.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ImportPanel } from '../../components/ImportPanel';
import { fileImporter, type ImportResult } from '../../components/import-file';
import { BROWSER_READERS } from '../../components/document-readers';
import { setLang } from '../../components/i18n';
import { renderPage } from '../../components/page-setup';
import { createBackgroundClient } from '../../lib/messages';
import { answerMessage } from '../../entrypoints/background/route';
import { importText } from '../../lib/import/index-text';
import { closeAll, freshDb } from './notes-fixtures';
import { encodeGbk } from '../gbk';
import { host } from './preact-host';

vi.setConfig({ testTimeout: 60_000 });

function report(year: number, growth: string): string {
  return `东川区政府工作报告
——${year}年1月8日在东川区第七届人民代表大会第五次会议上
东川区区长 陈 明
各位代表：
一、${year - 1}年工作回顾
过去一年，全区地区生产总值增长${growth}，新增就业岗位8600个，完成老旧小区改造32个。
二、${year}年主要任务
今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，新增就业岗位9000个以上。
我们要完成老旧小区改造40个，新建社区食堂15个。
`;
}

const html = (text: string) =>
  `<!doctype html><html><head><meta charset="gbk"><title>东川区2025年政府工作报告</title></head><body><article>${text
    .split('\n')
    .map((l) => `<p>${l}</p>`)
    .join('')}</article></body></html>`;

const file = (name: string, content: string | Uint8Array) => new File([typeof content === 'string' ? content : new Uint8Array(content)], name);

afterEach(closeAll);

function setUp() {
  const db = freshDb();
  const client = createBackgroundClient((m) => answerMessage(db, m, 'extension'));
  return { db, importFile: fileImporter(client, BROWSER_READERS) };
}

async function pick(files: File[]) {
  const input = host.querySelector<HTMLInputElement>('input[type=file]')!;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  // Each file is read and indexed in turn; wait for the last result.
  await vi.waitFor(() => expect(host.querySelectorAll('.import-results li')).toHaveLength(files.length), { timeout: 30_000 });
}

describe('importing files on the library page', () => {
  it('has a multiple file input named "导入报告" / "Import reports"', async () => {
    const { importFile } = setUp();
    let stop = () => {};
    await act(async () => void (stop = renderPage(() => <ImportPanel importFile={importFile} reportUrl={(id) => `report.html?id=${id}`} />, host)));
    const input = host.querySelector<HTMLInputElement>('input[type=file]')!;
    expect(input.multiple).toBe(true);
    expect(input.getAttribute('aria-label')).toBe('导入报告');
    await act(async () => setLang('en'));
    expect(input.getAttribute('aria-label')).toBe('Import reports');
    stop();
  });

  it('indexes each report (text, GBK HTML), says which were already there, not reports or unreadable, and reloads the library', async () => {
    const { db, importFile } = setUp();
    const onImported = vi.fn();
    await act(async () => render(<ImportPanel importFile={importFile} reportUrl={(id) => `report.html?id=${id}`} onImported={onImported} />, host));
    await pick([
      file('东川区2024.txt', report(2024, '5.5%')),
      file('dongchuan-2025.html', encodeGbk(html(report(2025, '6.2%')))),
      file('东川区2024-副本.txt', report(2024, '5.5%')),
      file('通知.txt', '关于开展安全检查的通知\n请各单位于本月底前完成自查。\n'),
      file('scan.pdf', 'not really a PDF'),
      file('empty.txt', ''),
    ]);
    const items = [...host.querySelectorAll<HTMLLIElement>('.import-results li')];
    expect(items.map((li) => li.dataset.status)).toEqual(['added', 'added', 'exists', 'not-report', 'unreadable', 'unreadable']);
    expect(items[0].textContent).toMatch(/已收录（\d+ 个数字）/);
    expect(items[2].textContent).toContain('已在报告库中');
    expect(items[4].textContent).toContain('not a PDF file');
    expect(items[0].querySelector('a')!.getAttribute('href')).toMatch(/^report\.html\?id=[0-9a-f]{64}$/);
    expect(host.querySelector('progress')!.value).toBe(6);
    expect(host.querySelector('[role=status]')!.textContent).toContain('收录 2 份');
    expect(onImported).toHaveBeenCalledTimes(1);

    const rows = await db.reports.toArray();
    expect(rows.map((r) => r.url).sort()).toEqual(['file:///dongchuan-2025.html', `file:///${encodeURIComponent('东川区2024.txt')}`].sort());
    const fromHtml = rows.find((r) => r.url.endsWith('.html'))!;
    expect(fromHtml).toMatchObject({ region: '东川区', planYear: 2025 });
    // Linked across the two years, as two visited pages would be.
    const gdp = (await db.figures.toArray()).filter((f) => f.metric.includes('地区生产总值') && f.indicatorId);
    expect(new Set(gdp.map((f) => f.reportId)).size).toBe(2);
  });

  it('adds nothing of a file whose indexing fails half-way, and says why', async () => {
    const { db, importFile } = setUp();
    vi.spyOn(db.links, 'bulkAdd').mockRejectedValueOnce(Object.assign(new Error('the disk is full'), { name: 'QuotaExceededError' }));
    const result: ImportResult = await importFile(file('东川区2024.txt', report(2024, '5.5%')));
    expect(result.status).toBe('failed');
    expect(result.reason).toMatch(/Storage is full/);
    expect(await db.reports.count()).toBe(0);
    expect(await db.figures.count()).toBe(0);
    expect(await db.texts.count()).toBe(0);
    // Tried again with room to spare, it is added whole.
    expect((await importFile(file('东川区2024.txt', report(2024, '5.5%')))).status).toBe('added');
  });

  it('refuses import/text from a web page, and an empty text', async () => {
    const db = freshDb();
    const fromPage = await answerMessage(db, { type: 'import/text', source: 'a.txt', text: report(2024, '5%') }, 'content');
    expect(fromPage).toMatchObject({ ok: false, error: expect.stringMatching(/may not be sent from a web page/) });
    const empty = await answerMessage(db, { type: 'import/text', source: 'a.txt', text: '   ' }, 'extension');
    expect(empty).toMatchObject({ ok: false, error: expect.stringMatching(/text is empty/) });
    expect(await db.reports.count()).toBe(0);
  });

  it('keeps a PDF read from a tab under its own address', async () => {
    const db = freshDb();
    const outcome = await importText(db, { source: 'https://www.example.gov.cn/files/2024-report.pdf', text: report(2024, '5.5%') });
    expect(outcome.status).toBe('added');
    expect((await db.reports.toArray())[0].url).toBe('https://www.example.gov.cn/files/2024-report.pdf');
  });
});
