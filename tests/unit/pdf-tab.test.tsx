// @vitest-environment jsdom
/**
 * "Analyse this PDF" in the popup: which tab addresses count as PDFs, the one fetch on the click,
 * and what the reader sees for each outcome. pdf.js itself is exercised end to end (tests/e2e/
 * import.test.ts reads a PDF printed by Chromium); here a fake reader stands in for it.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { PdfAnalyse } from '../../components/PdfAnalyse';
import { analysePdfTab } from '../../components/pdf-tab';
import { pdfTabUrl } from '../../components/pdf-address';
import { createBackgroundClient } from '../../lib/messages';
import { answerMessage } from '../../entrypoints/background/route';
import type { DocumentReaders } from '../../lib/import/document';
import { closeAll, freshDb } from './notes-fixtures';
import { host } from './preact-host';

afterEach(closeAll);

const REPORT = `政府工作报告
——2025年1月20日在北原市第十届人民代表大会第四次会议上
北原市市长 刘 强
各位代表：
一、2024年工作回顾
过去一年，全市地区生产总值增长5.4%，城镇新增就业4.2万人。
二、2025年工作安排
今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业4万人以上。
`;

/** Stands in for pdf.js: the "PDF" carries its text after the header. */
const readers: DocumentReaders = {
  htmlToText: () => ({ text: '', title: '', url: null }),
  mammoth: () => Promise.reject(new Error('unused')),
  pdfjs: async () => ({
    getDocument: ({ data }) => ({
      promise: Promise.resolve({
        numPages: 1,
        getPage: async () => ({
          getTextContent: async () => ({ items: [{ str: new TextDecoder().decode(data).replace(/^%PDF-1\.7\n/, ''), hasEOL: true }] }),
          cleanup: () => {},
        }),
        destroy: async () => {},
      }),
    }),
  }),
};

const pdfBytes = (text: string) => new TextEncoder().encode(`%PDF-1.7\n${text}`);

describe('Analyse this PDF', () => {
  it('recognises PDF tabs by their address', () => {
    expect(pdfTabUrl('https://www.example.gov.cn/files/2025/gzbg.PDF#page=2')).toBe('https://www.example.gov.cn/files/2025/gzbg.PDF');
    expect(pdfTabUrl('file:///home/me/%E6%8A%A5%E5%91%8A.pdf')).toBe('file:///home/me/%E6%8A%A5%E5%91%8A.pdf');
    expect(pdfTabUrl('https://www.example.gov.cn/report.html')).toBeNull();
    expect(pdfTabUrl('chrome://settings/a.pdf')).toBeNull();
    expect(pdfTabUrl(undefined)).toBeNull();
  });

  it('fetches the tab once on the click, indexes it under its address and links to the report page', async () => {
    const db = freshDb();
    const client = createBackgroundClient((m) => answerMessage(db, m, 'extension'));
    const url = 'https://www.example.gov.cn/files/2025/gzbg.pdf';
    const fetchPdf = vi.fn(async () => new Response(pdfBytes(REPORT), { headers: { 'content-type': 'application/pdf' } }));
    await act(async () =>
      render(<PdfAnalyse analyse={() => analysePdfTab(url, { fetch: fetchPdf, readers, client })} reportUrl={(id) => `report.html?id=${id}`} />, host),
    );
    expect(fetchPdf).not.toHaveBeenCalled(); // nothing is fetched before the click
    await act(async () => host.querySelector('button')!.click());
    await vi.waitFor(() => expect(host.querySelector('[role=status], [role=alert]')?.textContent ?? '').not.toMatch(/^$|正在/), { timeout: 20_000 });
    expect(host.querySelector('[role=alert]')?.textContent ?? null).toBeNull();
    expect(fetchPdf).toHaveBeenCalledTimes(1);
    expect(fetchPdf.mock.calls[0]).toEqual([url, expect.anything()]);
    const [row] = await db.reports.toArray();
    expect(row).toMatchObject({ url, region: '北原市', planYear: 2025 });
    expect(host.querySelector('a')!.getAttribute('href')).toBe(`report.html?id=${row.id}`);
    expect(host.textContent).toMatch(/已收录（\d+ 个数字）/);
  });

  it('says why when the server refuses, or the file is no PDF, and adds nothing', async () => {
    const db = freshDb();
    const client = createBackgroundClient((m) => answerMessage(db, m, 'extension'));
    const refused = async () => new Response('no', { status: 403, statusText: 'Forbidden' });
    await expect(analysePdfTab('https://x.example/a.pdf', { fetch: refused, readers, client })).rejects.toThrow(/403 Forbidden/);
    const html = async () => new Response('<html>login first</html>');
    await expect(analysePdfTab('https://x.example/a.pdf', { fetch: html, readers, client })).rejects.toThrow(/not a PDF file/);
    const offline = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(analysePdfTab('https://x.example/a.pdf', { fetch: offline, readers, client })).rejects.toThrow(/could not fetch the PDF \(Failed to fetch\)/);
    expect(await db.reports.count()).toBe(0);
  });
});
