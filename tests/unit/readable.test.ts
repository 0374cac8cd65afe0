// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { blockText, readableText } from '../../lib/page';

const paragraphs = [
  '各位代表：现在，我代表区人民政府，向大会报告工作，请予审议。',
  '过去一年，全区上下坚持稳中求进工作总基调，预计商品销售总额完成7695亿元，引入首店160家，新增就业岗位超过五万个。',
  '今年主要预期目标是：区级一般公共预算收入增长5%左右，新增公租房供应2000套，空气质量优良率不低于85%。',
  '我们将坚持以人民为中心的发展思想，持续办好民生实事，推进城市更新，提升治理能力，建设人民城市。',
];

/** A reposted report inside portal chrome: menu, share bar, related links, footer. */
function portalPage(): string {
  return `<!doctype html><html lang="zh-CN"><head><title>2023年某区政府工作报告_门户网</title>
<link rel="canonical" href="https://www.example.gov.cn/report/2023.html">
<style>.x{color:red}</style><script>window.evil = 1</script></head><body>
<nav><ul><li><a href="/">首页</a></li><li><a href="/news">新闻中心</a></li><li><a href="/gk">政务公开</a></li></ul></nav>
<div class="share">分享到：微信 微博</div>
<div id="main"><article>
<h1>政府工作报告</h1>
<h2>一、2022年工作回顾</h2>
<p>${paragraphs[0]}</p>
<p>${paragraphs[1]}</p>
<h2>二、2023年主要任务</h2>
<p>${paragraphs[2]}</p>
<p>${paragraphs[3]}</p>
</article></div>
<aside><h3>相关新闻</h3><ul><li><a href="/a">某地召开会议</a></li><li><a href="/b">某项目开工</a></li></ul></aside>
<footer>版权所有 © 门户网 备案号12345678</footer>
</body></html>`;
}

describe('readableText', () => {
  it('keeps the article, drops the chrome, and ends a line at every block', () => {
    const dom = new JSDOM(portalPage());
    const r = readableText(dom.window.document);
    expect(r.usedReadability).toBe(true);
    const lines = r.text.split('\n');
    for (const p of paragraphs) expect(lines).toContain(p);
    expect(lines).toContain('一、2022年工作回顾');
    expect(lines).toContain('二、2023年主要任务');
    expect(lines.indexOf('一、2022年工作回顾')).toBeLessThan(lines.indexOf(paragraphs[0]));
    expect(r.text).not.toContain('新闻中心');
    expect(r.text).not.toContain('备案号');
    expect(r.text).not.toContain('evil');
    expect(r.title).toContain('政府工作报告');
    expect(r.url).toBe('https://www.example.gov.cn/report/2023.html');
  });

  it('reads a clone: the live document is left as it was', () => {
    const dom = new JSDOM(portalPage());
    const doc = dom.window.document;
    const before = doc.documentElement.outerHTML;
    readableText(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(doc.querySelector('nav')).not.toBeNull();
  });

  it("works on the test environment's own document (the browser case)", () => {
    document.title = '政府工作报告';
    document.body.replaceChildren();
    for (const p of paragraphs) {
      const el = document.createElement('p');
      el.textContent = p;
      document.body.append(el);
    }
    const r = readableText(document, 'https://example.org/r');
    expect(r.text.split('\n')).toEqual(paragraphs);
    expect(r.url).toBe('https://example.org/r');
    expect(document.body.children.length).toBe(paragraphs.length);
  });

  it('keeps section headings that share a year with the page title', () => {
    // Readability alone drops "二、2023年主要任务" here as a duplicate of the title (it compares
    // only the ASCII tokens, "2023").
    const dom = new JSDOM(
      '<html><head><title>2023年政府工作报告</title></head><body><article><h1>政府工作报告</h1>' +
        `<h2>一、2022年工作回顾</h2><p>${paragraphs[1]}</p><h2>二、2023年主要任务</h2><p>${paragraphs[2]}</p><p>${paragraphs[3]}</p></article></body></html>`,
    );
    const lines = readableText(dom.window.document).text.split('\n');
    expect(lines).toEqual(['政府工作报告', '一、2022年工作回顾', paragraphs[1], '二、2023年主要任务', paragraphs[2], paragraphs[3]]);
  });

  it('leaves menus out of a short page', () => {
    const dom = new JSDOM('<html><body><nav>菜单</nav><div>增长5%</div><div>新增2000套</div></body></html>');
    expect(readableText(dom.window.document).text).toBe('增长5%\n新增2000套');
  });
});

describe('blockText', () => {
  const text = (html: string) => blockText(new JSDOM(`<body>${html}</body>`).window.document.body);

  it('drops source line breaks inside Chinese text but keeps them as spaces elsewhere', () => {
    expect(text('<p>政府工作报\n告</p>')).toBe('政府工作报告');
    expect(text('<p>GDP\n  growth</p>')).toBe('GDP growth');
    expect(text('<p>增长\n5%</p>')).toBe('增长 5%');
  });

  it('turns <br>, list items, headings and table rows into lines', () => {
    expect(text('<h3>（一）产业</h3>引入首店160家<br>新增外资12.4亿美元<ul><li>甲</li><li>乙</li></ul>')).toBe(
      '（一）产业\n引入首店160家\n新增外资12.4亿美元\n甲\n乙',
    );
    expect(text('<table><tr><td>项目</td><td>目标</td></tr><tr><td>公租房</td><td>2000套</td></tr></table>')).toBe('项目\t目标\n公租房\t2000套');
  });

  it('keeps <pre> line breaks and skips hidden and script content', () => {
    expect(text('<pre>第一行\n第二行</pre>')).toBe('第一行\n第二行');
    expect(text('<p>可见</p><p hidden>隐藏</p><p style="display: none">也隐藏</p><script>var a = 1</script>')).toBe('可见');
  });

  it('renders entities and markup characters as text', () => {
    expect(text('<p>&lt;b&gt;增长&amp;下降&lt;/b&gt;</p>')).toBe('<b>增长&下降</b>');
  });
});
