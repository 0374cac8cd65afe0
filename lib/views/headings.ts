/**
 * The heading each figure sits under, read back from the stored text: the index keeps a figure's
 * section kind but not the heading's words, and readers find their way by the words.
 *
 * Only top-level headings count ("一、2023年工作回顾", "三、2024年政府工作任务"): subsection
 * headings "(一)…" are too many to group by and often run on into the paragraph.
 */
const TOP_HEADING = /^[ \t\u3000]*[一二三四五六七八九十]{1,3}、[^\n]{1,40}$/gm;

export interface Heading {
  start: number;
  title: string;
}

export function findHeadings(text: string): Heading[] {
  const out: Heading[] = [];
  for (const m of text.matchAll(TOP_HEADING)) {
    const title = m[0].trim();
    // A heading is a line without a full stop; list items "一、…。" are sentences.
    if (/[。；;]/.test(title)) continue;
    out.push({ start: m.index!, title });
  }
  return out;
}

/** The title of the last heading starting at or before `offset`, or null before the first. */
export function headingAt(headings: Heading[], offset: number): string | null {
  let lo = 0;
  let hi = headings.length - 1;
  let found: string | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (headings[mid].start <= offset) {
      found = headings[mid].title;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
