/**
 * Headline targets and their restatements.
 *
 * - The block of main targets ("今年发展主要预期目标是：…", "主要预期目标为：…", "经济社会发展的主要
 *   预期目标建议为：…", "主要目标是：…"), from its cue to the full stop: every figure in it is a
 *   headline target (`headline: true`). The colon is required: "经济增长预期目标为5%左右" is no
 *   block but a sentence about one target.
 * - A restatement: a later target that repeats an earlier target of this report, the same indicator
 *   with the same value and bound ("经济增长预期目标为5%左右" after the block; "城镇调查失业率
 *   5.5%左右" again in the task section). It carries `restates` (the index of the first statement)
 *   and is no plan figure of its own: no second target in comparisons, no second link.
 */
import type { Figure } from '../model';

const BLOCK_CUE = /(?:主要)?预期目标(?:建议)?(?:是|为)\s*[：:]|主要目标(?:任务)?是\s*[：:]/g;

/** [start, end) of each block of main targets in the text. */
export function headlineBlocks(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  BLOCK_CUE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BLOCK_CUE.exec(text)) !== null) {
    let end = m.index + m[0].length;
    while (end < text.length && text[end] !== '。' && text[end] !== '\n') end++;
    spans.push([m.index, end]);
    BLOCK_CUE.lastIndex = end;
  }
  return spans;
}

export function markHeadlines(text: string, figures: Figure[]): void {
  const blocks = headlineBlocks(text);
  let b = 0;
  for (const f of figures) {
    while (b < blocks.length && blocks[b][1] <= f.start) b++;
    if (f.kind === 'target' && b < blocks.length && blocks[b][0] <= f.start && f.start < blocks[b][1]) f.headline = true;
    else delete f.headline;
  }
}

function statementKey(f: Figure): string | null {
  if (f.kind !== 'target' || !f.indicator || f.period) return null;
  return [f.indicator, f.unit, f.growth === true, f.value, f.valueMax ?? '', f.year ?? ''].join('\u0000');
}

/** Marks each later repeat of a target with the index of its first statement. */
export function markRestatements(figures: Figure[]): void {
  const first = new Map<string, number>();
  figures.forEach((f, i) => {
    delete f.restates;
    const key = statementKey(f);
    if (key === null) return;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, i);
    else f.restates = earlier;
  });
}
