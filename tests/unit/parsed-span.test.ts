// @vitest-environment jsdom
/**
 * The report's span found on a copy of the page's HTML parsed by linkedom (what the background does,
 * off the page's thread), and its mapping back into the text the page sent: equal texts take the span as
 * is, a text shifted by content the HTML lacks finds the span's text in it, by its whole or by its
 * first and last lines, and a span that cannot be found gives the whole text.
 */
import { describe, expect, it } from 'vitest';
import { TextIndex } from '../../lib/anchoring';
import { mainTextSpan } from '../../lib/page/main-text';
import { parseHTML } from 'linkedom';
import { mainSpanOfHtml, spanInSentText } from '../../lib/page/parsed-span';
import { CITY_DIGEST, POSITIVES } from '../fixtures/shapes/positives';

/** The background's parser: linkedom, a DOM in JavaScript (a service worker has no DOMParser). */
const parse = (html: string) => parseHTML(html).document as unknown as Document;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A portal page: navigation, the report in an article, links and a footer. */
function portalHtml(extraTop = ''): string {
  const paragraphs = CITY_DIGEST.text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => `<p>${escape(line)}</p>`)
    .join('');
  return (
    `<!doctype html><html><head><title>${escape(CITY_DIGEST.title ?? '')}</title><script>window.ran = true</script></head><body>` +
    `<div class="nav"><a href="/">首页</a> <a href="/news">政务要闻</a> <a href="/open">政府信息公开</a></div>${extraTop}` +
    `<div class="content"><h1>${escape(CITY_DIGEST.title ?? '')}</h1>${paragraphs}</div>` +
    `<div class="footer"><p>主办单位：东岭市人民政府办公室　网站标识码：0000000000</p></div></body></html>`
  );
}

function liveText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return TextIndex.fromElement(doc.body).text;
}

describe('spanInSentText', () => {
  const parsed = 'Menu\n一、过去一年工作回顾\n地区生产总值增长5%。\n二、今年主要目标任务\nFooter';
  const span = { start: 5, end: parsed.indexOf('\nFooter') };

  it('takes the span as is when the parsed text is the text sent', () => {
    expect(spanInSentText(parsed, span, parsed)).toEqual(span);
  });

  it('finds the span in a text shifted by content the HTML lacks', () => {
    const sent = `A banner the page's scripts wrote\n${parsed}`;
    const mapped = spanInSentText(parsed, span, sent);
    expect(sent.slice(mapped.start, mapped.end)).toBe(parsed.slice(span.start, span.end));
  });

  it('finds the span by its first and last lines when its middle differs', () => {
    const sent = parsed.replace('5%', '5.0%');
    const mapped = spanInSentText(parsed, span, sent);
    expect(sent.slice(mapped.start, mapped.end)).toBe('一、过去一年工作回顾\n地区生产总值增长5.0%。\n二、今年主要目标任务');
  });

  it('gives the whole text sent when the span is not in it, or is empty or out of bounds', () => {
    const sent = 'Another page altogether, with other text.';
    expect(spanInSentText(parsed, span, sent)).toEqual({ start: 0, end: sent.length });
    expect(spanInSentText(parsed, { start: 3, end: 3 }, parsed)).toEqual({ start: 0, end: parsed.length });
    expect(spanInSentText(parsed, { start: 0, end: parsed.length + 1 }, parsed)).toEqual({ start: 0, end: parsed.length });
  });
});

describe('mainSpanOfHtml', () => {
  it('finds the same span on the parsed HTML as Readability on the live page', () => {
    const html = portalHtml();
    const live = new DOMParser().parseFromString(html, 'text/html');
    const index = TextIndex.fromElement(live.body);
    const onPage = mainTextSpan(live, index);
    expect(onPage.usedReadability).toBe(true);
    const span = mainSpanOfHtml(html, index.text, parse);
    expect(span).toEqual({ start: onPage.start, end: onPage.end });
    const text = index.text.slice(span.start, span.end);
    expect(text).toContain(
      CITY_DIGEST.text
        .split('\n')
        .find((l) => l.trim())!
        .trim(),
    );
    expect(text).not.toContain('网站标识码');
  });

  it('maps the span into a live text that differs from the HTML (a script added a banner)', () => {
    const html = portalHtml();
    const sent = liveText(portalHtml('<div>今日天气：晴</div>'));
    const span = mainSpanOfHtml(html, sent, parse);
    expect(span.start).toBeGreaterThan(0);
    expect(sent.slice(span.start, span.end)).toContain('东岭市');
    expect(sent.slice(span.start, span.end)).not.toContain('今日天气');
  });

  it('gives the whole text when Readability finds no article', () => {
    const html = '<html><body><p>短页面。</p></body></html>';
    const sent = liveText(html);
    expect(mainSpanOfHtml(html, sent, parse)).toEqual({ start: 0, end: sent.length });
  });

  it('does not run the scripts of the HTML it parses', () => {
    (window as { ran?: boolean }).ran = false;
    mainSpanOfHtml(portalHtml(), liveText(portalHtml()), parse);
    expect((window as { ran?: boolean }).ran).toBe(false);
  });
  /**
   * Portal markup as government sites write it: tables for layout without tbody, paragraphs left
   * open, inline styles, a share bar and a related-links list after the article. The parsers repair
   * such markup by their own rules; the span found on linkedom's copy must still be the live page's.
   */
  function messyPortal(title: string, text: string): string {
    const lines = text.split('\n').filter((l) => l.trim());
    const body = lines.map((l, i) => (i % 3 === 0 ? `<p style="text-indent:2em">${escape(l)}` : `<p><span>${escape(l)}</span></p>`)).join('\n');
    return (
      `<html><head><meta charset=utf-8><title>${escape(title)}</title></head><body>` +
      `<table width=100%><tr><td><a href=/>首页</a> | <a href=/zwgk>政务公开</a> | <a href=/hd>互动交流</a></td></tr></table>` +
      `<div class=crumb>当前位置：<a href=/>首页</a> &gt; <a href=/zwgk>政务公开</a></div>` +
      `<table class=main><tr><td><h2>${escape(title)}</h2><div class=info>来源：市政府办公室 &nbsp; 发布时间：2026-01-20</div>` +
      `<div id=zoom>${body}</div></td></tr></table>` +
      `<div class=share>分享到：<a href=#>微信</a><a href=#>微博</a></div>` +
      `<ul class=related><li><a href=/a>关于印发重点工作任务分工的通知</a><li><a href=/b>市政府常务会议召开</a></ul>` +
      `<div class=foot>主办单位：市人民政府办公室 网站标识码：0000000000 备案号：京ICP备00000000号</div></body></html>`
    );
  }

  it.each(POSITIVES.map((c) => [c.name, c] as const))("finds on linkedom's copy the span Readability finds on the live page: %s", (_name, shape) => {
    const html = messyPortal(shape.title ?? '政府工作报告', shape.text);
    const live = new DOMParser().parseFromString(html, 'text/html');
    const index = TextIndex.fromElement(live.body);
    const onPage = mainTextSpan(live, index);
    const span = mainSpanOfHtml(html, index.text, parse);
    expect(index.text.slice(span.start, span.end)).toBe(index.text.slice(onPage.start, onPage.end));
    expect(index.text.slice(span.start, span.end)).not.toContain('网站标识码');
  });
});
