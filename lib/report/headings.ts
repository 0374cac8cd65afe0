/**
 * The top-level headings of a report: the numbered parts ("一、2024年工作回顾", "二、2025年工作安排",
 * Fujian's narrative "一、牢记殷殷嘱托，在接续奋斗中…"), bare year headings ("二〇二三年工作回顾",
 * "2025年工作安排建议") and annex headings ("名词解释"). Each is read as review, plan or other.
 */
import { YEAR_SOURCE, firstYearIn, parseSmallNumber } from './years';

export type HeadingKind = 'review' | 'plan' | 'mixed' | 'annex' | null;

export interface Heading {
  /** Offset of the heading's first visible character. */
  start: number;
  /** Offset of the end of the heading line. */
  end: number;
  title: string;
  /** 1 for 一、, 2 for 二、 …; null for an unnumbered heading. */
  number: number | null;
  /** What the heading's words say; null when they say nothing (narrative headings). */
  kind: HeadingKind;
  /** The year the heading names ("2024年工作回顾" → 2024), if any. */
  year: number | null;
}

interface Line {
  start: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) out.push({ start: pos + lead, text: t });
    pos += raw.length + 1;
  }
  return out;
}

// Headings are short; a numbered line longer than this is a list item with its text run on.
const MAX_HEADING = 40;
const NUMBERED = /^(?:([一二三四五六七八九十]{1,3})\s*[、.]|第([一二三四五六七八九十]{1,3})部分)\s*(\S.*)$/;
const BARE_START = new RegExp(`^(?:(?:关于)?${YEAR_SOURCE}\\s*年|过去一年|过去五年|今年)`);
// "附件", "附件1", "附件2 名词解释", "名词解释", "附录": what follows the report proper.
const ANNEX = /^(?:(?:附件|附录)\s*\d*\s*[:：]?\s*(?:名词解释|名词注释)?|附[:：]|名词解释|名词注释|注释)\s*$/;

// "2025年发展成绩单", "2025年工作成效": a digest's name for the review.
const REVIEW_WORDS = /回顾|过去一年|过去五年|一年来|五年来|取得.{0,8}(?:成效|成就|成绩|进展)|发展成就|工作总结|成绩单|(?:工作|发展|主要)成效$/;
const PLAN_WORDS =
  /今年|安排|任务|总体要求|预期目标|主要目标|建议|重点工作|部署|政策取向|工作思路|关于.{0,6}年工作|政府自身建设|政府治理|人民满意政府|服务型政府/;

export function classifyHeading(title: string): HeadingKind {
  if (ANNEX.test(title)) return 'annex';
  const review = REVIEW_WORDS.test(title);
  const plan = PLAN_WORDS.test(title);
  // "“十三五”时期发展成就和“十四五”时期主要目标任务" looks back and forward at once.
  if (review && plan && /十.五.{0,12}十.五/.test(title)) return 'mixed';
  if (review) return 'review';
  if (plan) return 'plan';
  return null;
}

export function findHeadings(text: string): Heading[] {
  const { numbered, others } = scanHeadings(text);
  const sequence = topLevelSequence(text, numbered).body;
  return [...sequence, ...others].sort((a, b) => a.start - b.start);
}

/** Every numbered heading line, and the unnumbered year or annex headings. */
function scanHeadings(text: string): { numbered: Heading[]; others: Heading[] } {
  const lines = linesOf(text);
  const numbered: Heading[] = [];
  const others: Heading[] = [];
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    let t = line.text;
    if (t.length > MAX_HEADING || /[。；;]$/.test(t)) continue;
    let m = NUMBERED.exec(t);
    if (m) {
      const number = parseSmallNumber(m[1] ?? m[2]);
      if (number === null) continue;
      let end = line.start + t.length;
      // A heading broken over two lines by a page layout ("三、持续提升政府" / "治理效能和服务水平"):
      // the second line is short, unpunctuated and directly follows.
      const next = lines[li + 1];
      if (
        next &&
        next.text.length <= 16 &&
        !/[，。；：、,;:]/.test(next.text) &&
        !NUMBERED.test(next.text) &&
        t.length + next.text.length <= MAX_HEADING &&
        !/[\s，,]/.test(text.slice(end, next.start).replace(/\n/, '')) &&
        text.slice(end, next.start).split('\n').length === 2 &&
        /[\u4e00-\u9fff]$/.test(t) &&
        isHeadingTail(next.text)
      ) {
        t = t + next.text;
        end = next.start + next.text.length;
        m = NUMBERED.exec(t) as RegExpExecArray;
        li++;
      }
      numbered.push({ start: line.start, end, title: t, number, kind: classifyHeading(m[3]), year: firstYearIn(m[3]) });
      continue;
    }
    if (ANNEX.test(t)) {
      others.push({ start: line.start, end: line.start + t.length, title: t, number: null, kind: 'annex', year: null });
      continue;
    }
    if (t.length <= 20 && BARE_START.test(t)) {
      const kind = classifyHeading(t);
      if (kind === 'review' || kind === 'plan') {
        others.push({ start: line.start, end: line.start + t.length, title: t, number: null, kind, year: firstYearIn(t) });
      }
    }
  }
  return { numbered, others };
}

/**
 * The outline or table of contents a report may open with ("目  录" / "一、2025年工作回顾" …
 * "四、政府自身建设", then the body from "一、" again): where it lies, or null.
 */
export function findOutline(text: string): { start: number; end: number; title: string } | null {
  const outline = topLevelSequence(text, scanHeadings(text).numbered).outline;
  if (!outline) return null;
  let start = outline[0].start;
  // A "目录" line just above the outline belongs to it.
  const before = text.slice(Math.max(0, start - 20), start);
  const m = /目\s*录\s*$/.exec(before);
  if (m) start -= before.length - m.index;
  return { start, end: outline[outline.length - 1].end, title: m ? '目录' : outline[0].title };
}

/**
 * Picks the numbered headings that form the report's outline: 一、二、三… in order. The outline
 * starts at the first 一、 that reads as a review or plan heading (or the first 一、 at all) and
 * stops at the next 一、, because a restart is a list inside a part (Yunnan's annex of
 * 十件民生实事 numbers its items 一、…十、 again).
 */
/** The second half of a broken heading reads like a noun phrase ending a heading, not a body line. */
function isHeadingTail(s: string): boolean {
  return /(水平|能力|效能|建设|成效|任务|工作|要求|目标|回顾|安排|政府|发展|质量)$/.test(s);
}

const readsAsPart = (h: Heading) => h.kind === 'review' || h.kind === 'plan' || h.kind === 'mixed';

/** The run 一、二、三… from `first`, stopping at the next 一、. */
function runFrom(numbered: Heading[], first: Heading): Heading[] {
  const out: Heading[] = [first];
  for (const h of numbered) {
    if (h.start <= first.start) continue;
    const prev = out[out.length - 1];
    if (h.number === 1) break;
    if (h.number === (prev.number ?? 0) + 1) out.push(h);
  }
  return out;
}

/** A run whose headings follow one another with no body between them (at most short lines without
 * a full stop: sub-items "（一）…", page numbers) is an outline, not the report. */
function isOutline(text: string, run: Heading[]): boolean {
  if (run.length < 2) return false;
  for (let i = 1; i < run.length; i++) {
    const gap = text.slice(run[i - 1].end, run[i].start);
    if (gap.trim().length > 12 && gap.split('\n').some((l) => l.trim().length > 40 || /[。；]/.test(l))) return false;
  }
  return true;
}

function topLevelSequence(text: string, numbered: Heading[]): { body: Heading[]; outline: Heading[] | null } {
  const firsts = numbered.filter((h) => h.number === 1);
  if (firsts.length === 0) {
    // One page of a paginated report starts inside the outline ("二、2025年主要任务" …).
    const first = numbered.find(readsAsPart);
    return { body: first ? runFrom(numbered, first) : [], outline: null };
  }
  let first = firsts.find(readsAsPart) ?? firsts[0];
  let run = runFrom(numbered, first);
  let outline: Heading[] | null = null;
  // "目录 一、… 四、政府自身建设" then the body from "一、" again: the body is the second run.
  const again = firsts.find((h) => h.start > run[run.length - 1].end);
  if (again && isOutline(text, run)) {
    outline = run;
    first = again;
    run = runFrom(numbered, first);
  }
  return { body: run, outline };
}
