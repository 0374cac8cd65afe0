// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { TextIndex } from '../../lib/anchoring/text-index';

function body(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

/** Every [s, e) whose ends are real characters must survive rangeFor → offsetsOf. */
function expectRoundTrips(index: TextIndex) {
  const { text } = index;
  for (let s = 0; s < text.length; s++) {
    if (text[s] === '\n') continue;
    for (let e = s + 1; e <= text.length; e++) {
      if (text[e - 1] === '\n') continue;
      const range = index.rangeFor(s, e)!;
      expect(range, `range ${s},${e}`).not.toBeNull();
      expect(index.offsetsOf(range), `round trip ${s},${e}`).toEqual({ start: s, end: e });
      // The DOM range reads the same characters, modulo collapsed whitespace.
      expect(range.toString().replace(/\s+/g, '')).toBe(text.slice(s, e).replace(/\s+/g, ''));
    }
  }
}

describe('TextIndex', () => {
  it('reads a figure split across elements as one span of text and one range', () => {
    const root = body('<p>新增<span>8</span>家社区服务中心</p>');
    const index = TextIndex.fromElement(root);
    expect(index.text).toBe('新增8家社区服务中心');
    const start = index.text.indexOf('8家');
    const range = index.rangeFor(start, start + 2)!;
    expect(range.toString()).toBe('8家');
    expect(range.startContainer).not.toBe(range.endContainer);
    expect(index.offsetsOf(range)).toEqual({ start, end: start + 2 });
  });

  it('turns <br> into line ends and keeps a figure before them in one range', () => {
    const root = body('<p>新增9家中心、8家<br><br>老年人日间照护中心</p>');
    const index = TextIndex.fromElement(root);
    expect(index.text).toBe('新增9家中心、8家\n\n老年人日间照护中心');
    const start = index.text.indexOf('8家');
    const range = index.rangeFor(start, start + 2)!;
    expect(range.toString()).toBe('8家');
    // A span over the line breaks still covers real text on both sides.
    const across = index.rangeFor(start, index.text.indexOf('老') + 1)!;
    expect(across.toString()).toBe('8家老');
    expect(index.offsetsOf(across)).toEqual({ start, end: index.text.indexOf('老') + 1 });
  });

  it('separates block elements by one line end and collapses source whitespace', () => {
    const root = body(`
      <div>
        <h1>政府工作报告</h1>
        <p>   第一段
           继续</p><p>第二段</p>
        <ul><li>甲</li><li>乙</li></ul>
      </div>`);
    const index = TextIndex.fromElement(root);
    expect(index.text).toBe('政府工作报告\n第一段继续\n第二段\n甲\n乙');
    expectRoundTrips(index);
  });

  it('keeps &nbsp; indents, which HTML does not collapse', () => {
    const root = body('<p>&nbsp;&nbsp;&nbsp;&nbsp;全年实到外资<span>12.4</span>亿美元</p>');
    const index = TextIndex.fromElement(root);
    expect(index.text).toBe('\u00a0\u00a0\u00a0\u00a0全年实到外资12.4亿美元');
    const start = index.text.indexOf('12.4');
    expect(index.rangeFor(start, start + 7)!.toString()).toBe('12.4亿美元');
    expectRoundTrips(index);
  });

  it('walks nested inline elements and maps points inside them', () => {
    const root = body('<p>增长<b><i>5<em>.</em></i>2</b>%左右</p>');
    const index = TextIndex.fromElement(root);
    expect(index.text).toBe('增长5.2%左右');
    const range = index.rangeFor(2, 6)!;
    expect(range.toString()).toBe('5.2%');
    expectRoundTrips(index);
    const em = root.querySelector('em')!;
    expect(index.offsetOf(em.firstChild!, 0)).toBe(3);
    expect(index.offsetOf(em, 0)).toBe(3);
    expect(index.offsetOf(em, 1, 'backward')).toBe(4);
  });

  it('skips scripts, styles, hidden elements and its own layer', () => {
    const root = body(
      '<p>甲<script>var x = 1;</script><style>p{}</style><span hidden>隐</span><span aria-hidden="true">藏</span>' +
        '<span style="display: none">无</span><span data-zhibiao-layer></span>乙</p><noscript>无脚本</noscript>',
    );
    const index = TextIndex.fromElement(root);
    expect(index.text).toBe('甲乙');
    // A point inside a skipped element maps to the neighbouring text.
    const script = root.querySelector('script')!;
    expect(index.offsetOf(script.firstChild!, 2)).toBe(1);
    expect(index.offsetOf(script.firstChild!, 2, 'backward')).toBe(1);
  });

  it('drops a source line end between Chinese characters but keeps other spaces', () => {
    const root = body('<p>政府工作报\n    告 全文\nA B</p>');
    const index = TextIndex.fromElement(root);
    expect(index.text).toBe('政府工作报告 全文 A B');
    expectRoundTrips(index);
  });

  it('keeps preformatted text as written', () => {
    const root = body('<pre>一  二\n三</pre><p>四</p>');
    const index = TextIndex.fromElement(root);
    expect(index.text).toBe('一  二\n三\n四');
    expectRoundTrips(index);
  });

  it('reads a whole Document without its head', () => {
    document.head.innerHTML = '<title>标题</title>';
    body('<p>正文<span>3</span>%</p>');
    const index = TextIndex.fromElement(document);
    expect(index.text).toBe('正文3%');
    expect(index.root).toBe(document);
    expect(index.rangeFor(2, 4)!.toString()).toBe('3%');
  });

  it('round-trips every span on a page-like fragment', () => {
    const root = body(
      '<div class="nav"><a href="#">首页</a> | <a href="#">政务公开</a></div>' +
        '<div class="content"><p>&nbsp;&nbsp;预计商品销售总额完成<span>7695</span>亿元，<br>同比增长<span>5.5</span>％。</p>' +
        '<p>  区级人才公寓总量达<strong>5389</strong>套 </p></div>',
    );
    const index = TextIndex.fromElement(root);
    expect(index.text).toContain('首页 | 政务公开\n');
    expect(index.text).toContain('7695亿元，\n同比增长5.5％。\n区级');
    expectRoundTrips(index);
  });

  it('answers null for bad spans and foreign points', () => {
    const root = body('<p>甲乙</p>');
    const index = TextIndex.fromElement(root);
    expect(index.rangeFor(-1, 1)).toBeNull();
    expect(index.rangeFor(1, 0)).toBeNull();
    expect(index.rangeFor(0, 99)).toBeNull();
    const outside = document.createElement('p');
    outside.textContent = '外';
    expect(index.offsetOf(outside.firstChild!, 0)).toBeNull();
    expect(index.rangeFor(1, 1)!.collapsed).toBe(true);
  });

  it('maps a span made only of line ends to an empty range', () => {
    const root = body('<p>甲</p><p>乙</p>');
    const index = TextIndex.fromElement(root);
    expect(index.text).toBe('甲\n乙');
    const r = index.rangeFor(1, 2)!;
    expect(r.collapsed).toBe(true);
  });

  it('lists the text-node pieces of a span', () => {
    const root = body('<p>新增<span>8</span>家</p>');
    const index = TextIndex.fromElement(root);
    const pieces = index.pieces(2, 4);
    expect(pieces.map((p) => p.node.data.slice(p.start, p.end))).toEqual(['8', '家']);
  });

  it('reads the same index in slices, pausing between them, as at once', async () => {
    const paragraphs = Array.from({ length: 400 }, (_, i) => `<p>第${i}段：新增<span>${i}</span>家<b>社区</b>服务中心，\n  增长${i % 9}.5%</p>`);
    const root = body(`<div>${paragraphs.join('')}</div><pre> 保留  空格 </pre>`);
    const whole = TextIndex.fromElement(root);
    let pauses = 0;
    // A slice of 0 ms: the reading stops at every step (every 128 nodes) and waits for the pause.
    const sliced = await TextIndex.fromElementInSlices(root, async () => void pauses++, 0);
    expect(pauses).toBeGreaterThan(10);
    expect(sliced.text).toBe(whole.text);
    const at = whole.text.indexOf('第399段');
    expect(sliced.offsetsOf(whole.rangeFor(at, at + 6)!)).toEqual({ start: at, end: at + 6 });
    expect(sliced.rangeFor(at, at + 6)!.toString()).toBe('第399段：');
  });

  it('reads a page that changes between slices without failing, up to where the change cut it off', async () => {
    const root = body(`<div id="a">${'<p>甲乙丙</p>'.repeat(300)}</div><div id="b"><p>末尾</p></div>`);
    const sliced = await TextIndex.fromElementInSlices(
      root,
      async () => {
        document.getElementById('a')?.remove();
      },
      0,
    );
    // The walk stood inside the removed block: it ends there, and the text watch reads the page again.
    expect(sliced.text.startsWith('甲乙丙')).toBe(true);
    expect(sliced.text.length).toBeLessThan('甲乙丙\n'.repeat(300).length);
  });
});
