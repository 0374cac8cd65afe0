/**
 * findSections: the review and plan parts of a report, from its top-level headings.
 *
 * Each part runs from its heading to the next top-level heading. Words in the heading decide its
 * kind ("工作回顾" → review, "工作安排/主要任务/总体要求/建议" → plan); narrative headings (Fujian)
 * are read from the opening of their body ("一年来…" vs "今年…"). Once the plan has begun, later
 * parts (政府自身建设) belong to it. Five-year and 十三五 reviews become period sections, and a
 * licence footer or page chrome after the report becomes `other`, so no figure there counts as a plan.
 */
import type { Section, YearSpan } from '../model';
import { findHeadings, findOutline, type Heading } from './headings';
import type { ReportMeta } from './meta';
import { fiveYearPlanNumber, fiveYearPlanSpan } from './years';

// Lines that start what follows a report on a page: a wiki licence, article tools, portal
// footers, forum replies. Matched only at a line start on a short line, so body sentences never trip them.
const TRAILER_LINE =
  /^(?:本作品(?:是|来自)|Public domain|责任编辑|【?打印(?:本页|此页)?】?$|关闭窗口|【关闭】|分享到|扫一扫|相关(?:新闻|阅读|链接|文章|报道)|版权所有|Copyright|©|.{0,20}ICP备|上一篇|下一篇|返回顶部|网站地图|发表评论|我要评论|推荐阅读|热门(?:文章|推荐)|回复\s*(?:\d|$|引用)|举报$|(?:\d+楼|沙发|板凳)\s*$)/;

/**
 * `carried`: the part the previous page of a paginated report ended in; the text before this
 * page's first part continues it.
 */
export function findSections(text: string, meta: ReportMeta, carried: 'review' | 'plan' | null = null): Section[] {
  const headings = findHeadings(text);
  const anchors = headings.filter((h) => h.kind !== null || h.number !== null);
  const firstPart = anchors.find((h) => h.kind === 'review' || h.kind === 'plan' || h.kind === 'mixed');
  // A numbered part before it that says nothing by its words ("一、2025年发展亮点") opens the body.
  const partNo = firstPart?.number ?? null;
  const earlier = firstPart && partNo !== null ? anchors.find((h) => h.number !== null && h.number < partNo && h.start < firstPart.start) : undefined;
  const firstAnchor = earlier ?? firstPart;
  const bodyEnd = findBodyEnd(text, firstAnchor ? firstAnchor.end : Math.floor(text.length * 0.5));

  const used = firstAnchor ? anchors.filter((h) => h.start >= firstAnchor.start && h.start < bodyEnd) : [];
  const sections: Section[] = used.length > 0 ? sectionsFromHeadings(text, used, bodyEnd, meta) : sectionsFromParagraphs(text, bodyEnd, meta);

  if (carried) {
    const opening = sections.reduce((min, x) => Math.min(min, x.start), bodyEnd);
    const start = text.length - text.trimStart().length;
    if (opening > start && text.slice(start, opening).trim()) {
      const year = carried === 'plan' ? meta.planYear : meta.reviewYear;
      sections.push({ kind: carried, title: firstClause(text, start), start, end: trimEnd(text, start, opening), year, period: null });
    }
  }
  // The outline at the start ("目录 一、… 四、政府自身建设") is neither review nor plan.
  const outline = findOutline(text);
  if (outline) sections.push({ kind: 'other', title: outline.title, start: outline.start, end: outline.end, year: null, period: null });
  if (bodyEnd < text.length && text.slice(bodyEnd).trim()) {
    const lineEnd = text.indexOf('\n', bodyEnd);
    sections.push({
      kind: 'other',
      title: text.slice(bodyEnd, lineEnd < 0 ? text.length : lineEnd).trim(),
      start: bodyEnd,
      end: trimEnd(text, bodyEnd, text.length),
      year: null,
      period: null,
    });
  }
  return sections.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
}

/** Where the report's text stops: the first trailer line after `from`, else the end of the text. */
export function findBodyEnd(text: string, from: number): number {
  let pos = text.indexOf('\n', from);
  while (pos >= 0 && pos < text.length) {
    const next = text.indexOf('\n', pos + 1);
    const lineEnd = next < 0 ? text.length : next;
    const raw = text.slice(pos + 1, lineEnd);
    const line = raw.trim();
    if (line && line.length <= 40 && TRAILER_LINE.test(line)) return pos + 1 + (raw.length - raw.trimStart().length);
    if (next < 0) break;
    pos = next;
  }
  return text.length;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}

const REVIEW_BODY = /过去一年|一年来|刚刚过去|主要工作是|主要做了以下工作|回顾过去/g;
const PLAN_BODY = /今年|主要预期目标|我们将|重点做好|着力抓好/g;

function count(re: RegExp, s: string): number {
  return (s.match(re) ?? []).length;
}

function sectionsFromHeadings(text: string, headings: Heading[], bodyEnd: number, meta: ReportMeta): Section[] {
  const out: Section[] = [];
  let planStarted = false;
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    const end = trimEnd(text, h.start, i + 1 < headings.length ? headings[i + 1].start : bodyEnd);
    let kind = h.kind;
    if (kind === null) {
      const opening = text.slice(h.end, Math.min(end, h.end + 800));
      const r = count(REVIEW_BODY, opening);
      const p = count(PLAN_BODY, opening);
      if (planStarted) kind = 'plan';
      // "一、2025年工作亮点" in a report reviewing 2025: the year the heading names tells.
      else if (h.year !== null && h.year === meta.reviewYear) kind = 'review';
      else if (h.year !== null && h.year === meta.planYear) kind = 'plan';
      else if (r > p) kind = 'review';
      else if (p > r) kind = 'plan';
      else kind = out.some((s) => s.kind === 'review') ? 'plan' : 'review';
    }
    // After the plan has begun, a part that reads like a review is still the government's plan
    // for itself ("全面加强政府自身建设" opens with what was done and goes on to what will be).
    if (planStarted && kind === 'review') kind = 'plan';
    if (kind === 'annex') {
      // An annex listing this year's 民生实事 holds targets ("十件民生实事", "10件惠民实事"): plan.
      // A glossary (名词解释) holds none: other.
      const opening = text.slice(h.start, Math.min(end, h.end + 60));
      if (/实事|项目清单|重点项目/.test(opening) && !/名词/.test(opening)) {
        out.push({ kind: 'plan', title: h.title, start: h.start, end, year: meta.planYear, period: null });
      } else {
        out.push({ kind: 'other', title: h.title, start: h.start, end, year: null, period: null });
      }
      continue;
    }
    if (kind === 'mixed') {
      out.push(...splitMixed(text, h, end, meta));
      planStarted = true;
      continue;
    }
    if (kind === 'plan') {
      planStarted = true;
      out.push({ kind: 'plan', title: h.title, start: h.start, end, year: meta.planYear, period: null });
      continue;
    }
    out.push(...reviewParts(text, h, end, meta));
  }
  return out;
}

/** A review section, split when it holds a five-year part as well as last year. */
function reviewParts(text: string, h: Heading, end: number, meta: ReportMeta): Section[] {
  const ry = meta.reviewYear;
  const fiveYears: YearSpan | null = ry === null ? null : { from: ry - 4, to: ry };
  const planNo = /“?十.五”?/.test(h.title) ? fiveYearPlanNumber(h.title) : null;
  if (planNo !== null && !/一年/.test(h.title)) {
    const period = fiveYearPlanSpan(planNo);
    // "一、2025年及“十四五”工作回顾": last year first, then the period from "“十四五”时期…".
    const split = h.year !== null ? findParagraph(text, h.end, end, /^(?:过去五年|五年来|“?十.五”?(?:时期|期间|以来))/) : null;
    if (split !== null) {
      return [
        { kind: 'review', title: h.title, start: h.start, end: trimEnd(text, h.start, split), year: ry, period: null },
        { kind: 'review', title: firstClause(text, split), start: split, end, year: null, period },
      ];
    }
    return [{ kind: 'review', title: h.title, start: h.start, end, year: null, period }];
  }
  const saysFive = /五年/.test(h.title);
  const saysOne = /一年|\d{4}\s*年|[〇零o]\S{2}年/.test(h.title);
  if (saysFive && !saysOne) {
    return [{ kind: 'review', title: h.title, start: h.start, end, year: null, period: fiveYears }];
  }
  // The first report of a new term looks back on the term as well; so does a heading that says both.
  const firstOfTerm = saysFive || /本届政府任期/.test(text.slice(0, 3000));
  if (firstOfTerm) {
    const split = findParagraph(text, h.end, end, /^(?:过去五年|五年来|“十.五”时期|十.五时期)/);
    if (split !== null) {
      return [
        { kind: 'review', title: h.title, start: h.start, end: trimEnd(text, h.start, split), year: ry, period: null },
        { kind: 'review', title: firstClause(text, split), start: split, end, year: null, period: fiveYears },
      ];
    }
  }
  return [{ kind: 'review', title: h.title, start: h.start, end, year: ry, period: null }];
}

/** "二、“十三五”时期发展成就和“十四五”时期主要目标任务": the review of the ending plan period, then
 * the targets of the new one, split where a paragraph opens on the new period. */
function splitMixed(text: string, h: Heading, end: number, meta: ReportMeta): Section[] {
  const numbers = [...h.title.matchAll(/十.五/g)].map((m) => fiveYearPlanNumber(m[0])).filter((n): n is number => n !== null);
  const past = numbers.length ? Math.min(...numbers) : null;
  const next = numbers.length ? Math.max(...numbers) : null;
  const pastSpan = past !== null ? fiveYearPlanSpan(past) : null;
  const nextSpan = next !== null && next !== past ? fiveYearPlanSpan(next) : null;
  const nextName = next !== null ? ['', '', '', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六'][next] : '';
  const split = nextName ? findParagraph(text, h.end, end, new RegExp(`^“?${nextName}五”?`)) : null;
  if (split === null) {
    return [{ kind: 'review', title: h.title, start: h.start, end, year: null, period: pastSpan }];
  }
  void meta;
  return [
    { kind: 'review', title: h.title, start: h.start, end: trimEnd(text, h.start, split), year: null, period: pastSpan },
    { kind: 'plan', title: firstClause(text, split), start: split, end, year: null, period: nextSpan },
  ];
}

/** The offset of the first paragraph in [from, to) whose text matches `re` at its start. */
function findParagraph(text: string, from: number, to: number, re: RegExp): number | null {
  if (from < 0) {
    let s = 0;
    while (s < to && /[ \t]/.test(text[s])) s++;
    if (re.test(text.slice(s, Math.min(to, s + 20)))) return s;
  }
  let pos = text.indexOf('\n', Math.max(0, from));
  while (pos >= 0 && pos < to) {
    let s = pos + 1;
    while (s < to && /[ \t]/.test(text[s])) s++;
    if (re.test(text.slice(s, Math.min(to, s + 20)))) return s;
    pos = text.indexOf('\n', pos + 1);
  }
  return null;
}

function firstClause(text: string, at: number): string {
  const m = /^[^，。；：\n]{1,30}/.exec(text.slice(at, at + 40));
  return m ? m[0] : text.slice(at, at + 20);
}

/**
 * A text without usable headings (one page of a paginated report, an excerpt): the plan starts at
 * the first paragraph that opens on this year ("今年是…", "今年发展主要预期目标…", "做好今年…");
 * what comes before it is review when it reads like one.
 */
function sectionsFromParagraphs(text: string, bodyEnd: number, meta: ReportMeta): Section[] {
  const out: Section[] = [];
  const planAt = findParagraph(
    text,
    -1,
    bodyEnd,
    /^(?:今年是|今年发展主要预期目标|今年经济社会发展|做好今年|今年(?:政府)?工作的总体要求|\d{4}年(?:工作安排|主要任务))/,
  );
  const reviewAt = findParagraph(text, -1, planAt ?? bodyEnd, /^(?:过去一年|一年来|刚刚过去的|\d{4}年(?:工作回顾|是))/);
  if (reviewAt !== null) {
    const end = trimEnd(text, reviewAt, planAt ?? bodyEnd);
    out.push({ kind: 'review', title: firstClause(text, reviewAt), start: reviewAt, end, year: meta.reviewYear, period: null });
  }
  if (planAt !== null) {
    out.push({ kind: 'plan', title: firstClause(text, planAt), start: planAt, end: trimEnd(text, planAt, bodyEnd), year: meta.planYear, period: null });
  }
  return out;
}
