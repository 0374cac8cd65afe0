/**
 * A library built the way the extension builds one: each report analysed by the engine and
 * indexed through the background's message entry, notes made through `notes/create` on a figure
 * (as the card does) and on a passage (as a selection does). Backup tests start from this, not
 * from hand-made rows, so every field the index really writes travels through the backup.
 */
import { analyseReport } from '../../lib/analysis';
import { answerMessage } from '../../entrypoints/background/route';
import { describeOffsets } from '../../lib/anchoring';
import { figureNoteRequest } from '../../lib/notes/figure-note';
import type { AnalysedPage, Envelope, IndexedReport } from '../../lib/messages/types';
import type { NoteRow, ZhibiaoDB } from '../../lib/storage/db';

export interface PageSource {
  url: string;
  title: string;
  text: string;
}

/** Two reports of one made-up province, written for these tests (a review year and its plan). */
export const OWN_REPORTS: PageSource[] = [
  {
    url: 'https://www.example.gov.cn/zwgk/2023/report.html',
    title: '2023年示例省政府工作报告',
    text: [
      '2023年示例省政府工作报告',
      '——2023年1月15日在示例省第十四届人民代表大会第一次会议上',
      '一、2022年工作回顾',
      '过去一年，全省地区生产总值增长4.5%，一般公共预算收入完成3200亿元，城镇新增就业65万人。',
      '二、2023年主要目标任务',
      '今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业60万人以上，居民消费价格涨幅3%左右。',
    ].join('\n'),
  },
  {
    url: 'https://www.example.gov.cn/zwgk/2024/report.html',
    title: '2024年示例省政府工作报告',
    text: [
      '2024年示例省政府工作报告',
      '——2024年1月20日在示例省第十四届人民代表大会第二次会议上',
      '一、2023年工作回顾',
      '过去一年，全省地区生产总值增长5.2%，一般公共预算收入完成3400亿元，城镇新增就业68万人。',
      '二、2024年主要目标任务',
      '今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业60万人以上，居民消费价格涨幅3%左右。',
    ].join('\n'),
  },
];

function valueOf<T>(answer: Envelope<unknown>): T {
  if (!answer.ok) throw new Error(answer.error);
  return answer.value as T;
}

/** Indexes a page as the content script would, with the tab's address as the sender's. */
export async function indexPage(db: ZhibiaoDB, page: PageSource): Promise<IndexedReport> {
  const message = { type: 'index/analyse', title: page.title, text: page.text };
  const answer = valueOf<AnalysedPage>(await answerMessage(db, structuredClone(message), { kind: 'content', url: page.url }));
  if (answer.reportId === null) throw new Error(answer.indexError ?? `${page.url} was not taken for a report`);
  return { reportId: answer.reportId, figures: answer.figures };
}

/** A note on figure `figureIndex` of an indexed page, made as the card makes it. */
export async function noteOnFigure(db: ZhibiaoDB, page: PageSource, reportId: string, figureIndex: number, body: string): Promise<NoteRow> {
  const figure = analyseReport(page.text).figures[figureIndex];
  const req = figureNoteRequest({
    url: page.url,
    pageTitle: page.title,
    reportId,
    figureIndex,
    offsets: { start: figure.start, end: figure.end },
    index: { text: page.text },
    body,
    tags: ['图表'],
  });
  if (!req) throw new Error('figure text not found');
  return valueOf<NoteRow>(await answerMessage(db, req, { kind: 'content', url: page.url }));
}

/** A note on the first occurrence of `passage`, made as a selection makes it. */
export async function noteOnText(db: ZhibiaoDB, page: PageSource, passage: string, body: string): Promise<NoteRow> {
  const start = page.text.indexOf(passage);
  if (start < 0) throw new Error(`"${passage}" not in the page`);
  const selectors = describeOffsets(page.text, start, start + passage.length);
  const note = { url: page.url, pageTitle: page.title, selectors, quote: passage, body, tags: ['摘录'] };
  return valueOf<NoteRow>(await answerMessage(db, { type: 'notes/create', note }, { kind: 'content', url: page.url }));
}

/** Indexes every page and adds one note on its first figure and one on its opening line. */
export async function buildLibrary(db: ZhibiaoDB, pages: PageSource[]): Promise<void> {
  for (const page of pages) {
    const { reportId } = await indexPage(db, page);
    await noteOnFigure(db, page, reportId, 0, `关于${page.title}第一个数字`);
    await noteOnText(db, page, page.text.split('\n')[0], '标题摘录');
  }
}
