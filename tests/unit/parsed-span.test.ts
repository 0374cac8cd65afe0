// @vitest-environment jsdom
/**
 * The report's span found on a parsed copy of the page's HTML (what the background does, off the
 * page's thread), and its mapping back into the text the page sent: equal texts take the span as
 * is, a text shifted by content the HTML lacks finds the span's text in it, by its whole or by its
 * first and last lines, and a span that cannot be found gives the whole text.
 */
import { describe, expect, it } from 'vitest';
import { TextIndex } from '../../lib/anchoring';
import { mainTextSpan } from '../../lib/page/main-text';
import { isOffscreenSpanRequest, mainSpanOfHtml, OFFSCREEN_SPAN, spanInSentText } from '../../lib/page/parsed-span';
import { CITY_DIGEST } from '../fixtures/shapes/positives';

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
    const span = mainSpanOfHtml(html, index.text);
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
    const span = mainSpanOfHtml(html, sent);
    expect(span.start).toBeGreaterThan(0);
    expect(sent.slice(span.start, span.end)).toContain('东岭市');
    expect(sent.slice(span.start, span.end)).not.toContain('今日天气');
  });

  it('gives the whole text when Readability finds no article', () => {
    const html = '<html><body><p>短页面。</p></body></html>';
    const sent = liveText(html);
    expect(mainSpanOfHtml(html, sent)).toEqual({ start: 0, end: sent.length });
  });

  it('does not run the scripts of the HTML it parses', () => {
    (window as { ran?: boolean }).ran = false;
    mainSpanOfHtml(portalHtml(), liveText(portalHtml()));
    expect((window as { ran?: boolean }).ran).toBe(false);
  });
});

describe('isOffscreenSpanRequest', () => {
  it('takes only the background question with string html and text', () => {
    expect(isOffscreenSpanRequest({ type: OFFSCREEN_SPAN, html: '<p>x</p>', text: 'x' })).toBe(true);
    expect(isOffscreenSpanRequest({ type: 'index/analyse', html: '', text: '' })).toBe(false);
    expect(isOffscreenSpanRequest({ type: OFFSCREEN_SPAN, html: 1, text: '' })).toBe(false);
    expect(isOffscreenSpanRequest(null)).toBe(false);
  });
});
