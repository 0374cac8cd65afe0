// Temporary diagnosis (not committed): where Readability's time goes on the Guangdong page.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { build } from 'vite';
import { startSiteServer } from '../../tests/e2e/site-server';
const root = '/work/wt/offmain';
const entry = `
import { Readability } from '@mozilla/readability';
import { TextIndex } from '${root}/lib/anchoring/text-index.ts';
import { mainTextSpan } from '${root}/lib/page/main-text.ts';
const INLINE = 'span,font,b,strong,i,em,u,small,big,sub,sup';
export function parts(unwrap) {
  const t0 = performance.now();
  const clone = document.cloneNode(true);
  const t1 = performance.now();
  if (unwrap) for (const el of clone.body.querySelectorAll(INLINE)) if (!el.attributes.length || true) el.replaceWith(...el.childNodes);
  const t2 = performance.now();
  const art = new Readability(clone, { serializer: (n) => n, charThreshold: 300 }).parse();
  const t3 = performance.now();
  const index = TextIndex.fromElement(document.body);
  const t4 = performance.now();
  const span = mainTextSpan(document, index);
  const t5 = performance.now();
  return { clone: t1 - t0, unwrap: t2 - t1, parse: t3 - t2, textIndex: t4 - t3, mainTextSpan: t5 - t4, len: art?.textContent?.length, spanLen: span.end - span.start, elements: document.body.getElementsByTagName('*').length };
}`;
const out: any = await build({ configFile: false, logLevel: 'silent', root, plugins: [{ name: 'e', enforce: 'pre', resolveId: (id: string) => (id.endsWith('virtual:probe') ? '\0probe' : null), load: (id: string) => (id === '\0probe' ? entry : null) }], build: { write: false, minify: false, lib: { entry: 'virtual:probe', formats: ['iife'], name: 'P' }, rollupOptions: { output: { inlineDynamicImports: true } } } });
const code = (Array.isArray(out) ? out[0] : out).output[0].code;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const text = readFileSync('/work/shared/corpus/provinces-2025/guangdong_2025.txt', 'utf8');
const body = text.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => `<p>&nbsp;&nbsp;${esc(l).replace(/\d+(?:\.\d+)?/g, (n) => `<span>${n}</span>`)}</p>`).join('\n');
const site = await startSiteServer();
site.pages.set('/g.html', { body: `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>2025年广东省政府工作报告</title></head><body><div class="top">中国政府网</div><ul class="nav"><li><a href="#">首页</a></li></ul><div class="main"><h1>政府工作报告</h1><div id="zoom">${body}</div></div><div class="foot">版权所有</div></body></html>` });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
for (const unwrap of [false, true, false, true, false, true]) {
  const p = await browser.newPage();
  await p.goto(`${site.origin}/g.html`);
  await p.evaluate(code);
  console.log(unwrap, JSON.stringify(await p.evaluate(`P.parts(${unwrap})`), (k, v) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v)));
  await p.close();
}
await browser.close();
await site.close();
