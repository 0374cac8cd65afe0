// @vitest-environment jsdom
import { describe as group, expect, it } from 'vitest';
import { anchor, anchorText, describe, describeOffsets, searchApproximate, TextQuoteAnchor } from '../../lib/anchoring';
import { TextIndex } from '../../lib/anchoring/text-index';

const PAGE = `
  <h1>某区政府工作报告</h1>
  <p>过去一年，全区地区生产总值增长<b>5.2%</b>，一般公共预算收入完成<span>120亿元</span>。</p>
  <p>新增公租房供应2000套，空气质量指数优良率不低于85%。同比增长3%的指标还有很多。</p>
  <p>今年的主要预期目标是：地区生产总值增长5%左右，同比增长3%左右。</p>
`;

function indexOf(html: string): TextIndex {
  document.body.innerHTML = html;
  return TextIndex.fromElement(document.body);
}

function select(index: TextIndex, phrase: string, occurrence = 0): Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = index.text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`phrase not on page: ${phrase}`);
  return index.rangeFor(at, at + phrase.length)!;
}

group('describe and anchor on the same page', () => {
  it('gives a quote with context and a position, and finds the passage again', () => {
    const index = indexOf(PAGE);
    const range = select(index, '一般公共预算收入完成120亿元');
    const selectors = describe(range, index)!;
    expect(selectors[0]).toMatchObject({ type: 'TextQuoteSelector', exact: '一般公共预算收入完成120亿元' });
    const quote = selectors[0] as { prefix: string; suffix: string };
    expect(quote.prefix.endsWith('5.2%，')).toBe(true);
    expect(quote.prefix.length).toBeLessThanOrEqual(32);
    expect(quote.suffix.startsWith('。')).toBe(true);
    const again = indexOf(PAGE);
    const found = anchor(selectors, again)!;
    expect(found.method).toBe('position');
    expect(found.exact).toBe(true);
    expect(found.range.toString()).toBe('一般公共预算收入完成120亿元');
  });

  it('tells a repeated phrase apart by its context', () => {
    const index = indexOf(PAGE);
    const second = select(index, '同比增长3%', 1);
    const selectors = describe(second, index)!;
    // Text added at the top moves every position: the quote and its context must decide.
    const moved = indexOf(`<p>同比增长3%。</p>${PAGE}`);
    const found = anchor(selectors, moved)!;
    expect(found.method).toBe('quote');
    const at = moved.text.indexOf('同比增长3%左右');
    expect(found.start).toBe(at);
  });
});

group('re-anchoring after the page changed', () => {
  it('still attaches when characters were inserted before and changed inside the passage', () => {
    const index = indexOf(PAGE);
    const selectors = describe(select(index, '新增公租房供应2000套，空气质量指数优良率不低于85%'), index)!;
    const edited = PAGE.replace('<h1>', '<h1>（修订稿）').replace('2000套', '2100套').replace('优良率', '的优良率');
    const found = anchor(selectors, indexOf(edited))!;
    expect(found).not.toBeNull();
    expect(found.method).toBe('fuzzy');
    expect(found.exact).toBe(false);
    expect(found.range.toString()).toBe('新增公租房供应2100套，空气质量指数的优良率不低于85%');
  });

  it('returns null when the passage was removed', () => {
    const index = indexOf(PAGE);
    const selectors = describe(select(index, '新增公租房供应2000套，空气质量指数优良率不低于85%'), index)!;
    const without = PAGE.replace(/<p>新增公租房[^<]*<\/p>/, '<p>另起一段完全不同的内容。</p>');
    expect(anchor(selectors, indexOf(without))).toBeNull();
  });

  it('does not match a short quote approximately anywhere', () => {
    const selectors = describeOffsets('甲乙丙丁', 1, 3);
    expect(anchorText(selectors, '完全无关的文字')).toBeNull();
  });

  it('matches a long quote by its ends when the middle changed', () => {
    const body = Array.from({ length: 40 }, (_, i) => `第${i}项工作稳步推进，指标完成${i * 3}个。`).join('');
    const text = `前言部分。${body}结语部分。`;
    const start = text.indexOf('第5项');
    const end = text.indexOf('第30项');
    const selectors = describeOffsets(text, start, end);
    const changed = text.replace('第12项工作稳步推进', '第12项工作有序推进').replace('指标完成60个', '指标完成61个');
    const found = anchorText(selectors, '新增一句。' + changed)!;
    expect(found).not.toBeNull();
    expect(found.method).toBe('fuzzy');
    expect(('新增一句。' + changed).slice(found.start, found.end).startsWith('第5项')).toBe(true);
  });
});

group('approximate search', () => {
  it('reports start, end and edit count', () => {
    const hits = searchApproximate('abcXdefgh', 'abcdef', 1);
    expect(hits).toEqual([{ start: 0, end: 7, errors: 1 }]);
    expect(searchApproximate('zzzz', 'abcdef', 1)).toEqual([]);
  });

  it('finds an edited passage where it was, though a closer copy of the same boilerplate stands far away', () => {
    const boiler = '以新时代发展思想为指导，全面贯彻上级会议精神，深入落实中央经济工作会议决策部署';
    const filler = (n: number) => '各项工作有序推进。'.repeat(n);
    // The far copy differs from the quote in one character; the marked one was edited in five.
    const far = boiler.replace('全面', '全力');
    const marked = '前文：政府工作总体要求是：坚持';
    const text = `${filler(20)}${marked}${boiler}和本省确定的目标任务。${filler(400)}回顾：${far}。${filler(20)}`;
    const start = text.indexOf(boiler);
    const selectors = describeOffsets(text, start, start + boiler.length);
    const edited = [...boiler].map((ch, i) => (i % 8 === 3 ? '某' : ch)).join('');
    const changed = text.replace(boiler, edited);
    const found = anchorText(selectors, changed);
    expect(found).not.toBeNull();
    expect(found!.start).toBe(start);
    expect(found!.method).toBe('fuzzy');
  });

  it('round-trips a quote selector', () => {
    const q = TextQuoteAnchor.fromOffsets('前文内容，目标文字，后文内容', 5, 9);
    expect(TextQuoteAnchor.fromSelector(q.toSelector())).toEqual(q);
  });
});
