/**
 * Inputs built to hurt the engine (issue 9, item 14), each at a size in characters: a pure digit
 * run, a line of figures without punctuation, one sentence of thousands of "增长5%，" in a review
 * and a plan (every pair would link), "1,234." repeated, and HTML nested ever deeper. Shared by
 * tests/unit/pathological.test.ts (output bounded, clean exit) and bench/engine.bench.ts (time).
 */
export interface Pathological {
  name: string;
  /** File name the CLI reads it under (its extension decides text or HTML). */
  file: string;
  make(size: number): string;
  /** The 1× size. */
  size: number;
}

export const PATHOLOGICAL: Pathological[] = [
  { name: 'digit run', file: 'digits.txt', size: 10_000, make: (n) => '1234567890'.repeat(Math.ceil(n / 10)).slice(0, n) },
  {
    name: 'figures without punctuation',
    file: 'line.txt',
    size: 8_000,
    make: (n) => {
      const parts: string[] = [];
      let len = 0;
      for (let i = 0; len < n; i++) {
        const p = `新建学校${i % 97}所改造道路${i % 89}公里投资${i % 83}亿元`;
        parts.push(p);
        len += p.length;
      }
      return parts.join('');
    },
  },
  {
    name: 'one sentence of 增长5% in review and plan',
    file: 'growth.txt',
    size: 8_000,
    make: (n) => {
      const half = '地区生产总值增长5%，'.repeat(Math.ceil(n / 22));
      return `政府工作报告\n一、2024年工作回顾\n过去一年，${half}。\n二、2025年工作安排\n今年主要预期目标是：${half}。\n`;
    },
  },
  { name: '1,234. repeated', file: 'commas.txt', size: 8_000, make: (n) => '1,234.'.repeat(Math.ceil(n / 6)) },
  {
    name: 'HTML nested deep',
    file: 'deep.html',
    size: 250,
    make: (depth) => `<html><body>${'<div>'.repeat(depth)}<p>今年地区生产总值增长5%左右，城镇新增就业1200万人以上。</p>${'</div>'.repeat(depth)}</body></html>`,
  },
];
