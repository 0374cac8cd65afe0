/**
 * readReportMeta: title, region, level, delivery date, plan year and review year of a report.
 *
 * The delivery date decides the years: a report is delivered early in the year it plans, and it
 * reviews the year before, whatever a heading says (the Xuhui sample, delivered 2023-01-04, heads
 * its review "二〇二三年工作回顾"). Without a date, the years come from the title, then from the
 * headings; a heading that disagrees with the chosen years becomes a warning, never the answer.
 */
import type { ReportInfo, Detection } from '../model';
import { findHeadings, type Heading } from './headings';
import { findRegion, levelOf, regionFromTitle, squeeze } from './region';
import { DATE_PATTERN, YEAR_SOURCE, isoDate, parseYear, readDateMatch, type FoundDate } from './years';

export type ReportMeta = Omit<ReportInfo, keyof Detection>;

export interface MetaHints {
  title?: string;
  url?: string;
  /** The page's publication date (YYYY-MM-DD, from its meta tags or a 发布时间 line), used as the
   * delivery date when the text has no date line and the date agrees with the plan year. */
  published?: string;
}

/** How far into the text the opening lines (title, date, speaker) are looked for. Portal chrome
 * can push them down, so this is generous; the patterns themselves are specific. */
const HEAD_CHARS = 4000;

export function readReportMeta(text: string, hints: MetaHints = {}): ReportMeta {
  const warnings: string[] = [];
  const headings = findHeadings(text);
  const titleLine = findTitleLine(text);
  const hintTitle = hints.title ? cleanHintTitle(hints.title) : null;
  const title = titleLine?.title ?? hintTitle;

  const headEnd = Math.min(text.length, Math.max(HEAD_CHARS, (titleLine?.end ?? 0) + HEAD_CHARS));
  const head = text.slice(titleLine ? Math.max(0, titleLine.start - 200) : 0, headEnd);

  // Region.
  const titles = [titleLine?.title, hints.title].filter((t): t is string => !!t);
  let region = findRegion(head, titles)?.region ?? null;
  if (!region && hints.url && /(^|\/\/)(www\.)?gov\.cn\//.test(hints.url) && hints.title && !regionFromTitle(hints.title) && /政府工作报告/.test(hints.title)) {
    // The central government's site publishes the State Council's report under a bare title.
    region = '全国';
  }
  const level = region ? levelOf(region) : null;

  // Delivery date: the date on the meeting line, or failing that the first full date in the opening
  // that sits next to 人民代表大会 / 会议.
  const date = findDeliveryDate(head);
  const delivered = date ? isoDate(date) : null;

  // Years.
  const reviewHeadingYears = headings.filter((h) => h.kind === 'review' && h.year !== null).map((h) => h.year as number);
  const planHeadingYears = headings.filter((h) => h.kind === 'plan' && h.year !== null).map((h) => h.year as number);
  let planYear: number | null = null;
  let basis = '';
  if (date) {
    // Reports delivered in November or December set out the coming year (some districts meet early).
    planYear = date.month >= 11 ? date.year + 1 : date.year;
    basis = `delivered ${delivered}`;
  } else {
    const titleYear = yearOfTitle(titleLine?.title) ?? yearOfTitle(hintTitle ?? undefined);
    if (titleYear !== null) {
      planYear = titleYear;
      basis = 'the title';
    } else if (planHeadingYears.length > 0) {
      planYear = planHeadingYears[0];
      basis = 'the plan heading';
    } else if (reviewHeadingYears.length > 0) {
      planYear = reviewHeadingYears[0] + 1;
      basis = 'the review heading';
    } else {
      const fromBody = yearFromPlanSentences(text);
      if (fromBody !== null) {
        planYear = fromBody;
        basis = 'the plan sentences';
      }
    }
  }
  const reviewYear = planYear === null ? null : planYear - 1;

  if (planYear !== null) {
    for (const y of new Set(reviewHeadingYears)) {
      if (y !== reviewYear) {
        warnings.push(`review heading names ${y} but the report reviews ${reviewYear} (${basis})`);
      }
    }
    for (const y of new Set(planHeadingYears)) {
      if (y !== planYear) warnings.push(`plan heading names ${y} but the report plans ${planYear} (${basis})`);
    }
  }
  if (!region) warnings.push('region not found');
  if (planYear === null) warnings.push('plan year not found');

  // A report page published the year the report plans (a repost years later would not be) dates it.
  const published = !delivered && hints.published ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(hints.published) : null;
  if (published && planYear !== null && Number(published[1]) === planYear) {
    warnings.push(`no date line in the text: the page's publication date ${published[0]} is given as the delivery date`);
    return { title, region, level, delivered: published[0], planYear, reviewYear, warnings };
  }
  return { title, region, level, delivered, planYear, reviewYear, warnings };
}

/** The report's own title line: the first short line naming 政府工作报告, even when split across
 * lines ("政府工作报\n告"). Returns the title with line breaks and inner spaces removed. */
export function findTitleLine(text: string): { title: string; start: number; end: number } | null {
  const scan = text.slice(0, 20000);
  const re = /政\s*府\s*工\s*作\s*报\s*告(?:\s*[(（]\s*摘\s*要\s*[)）])?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(scan))) {
    const lineStart = scan.lastIndexOf('\n', m.index) + 1;
    let lineEnd = scan.indexOf('\n', m.index + m[0].length);
    if (lineEnd < 0) lineEnd = scan.length;
    const before = scan.slice(lineStart, m.index).trim();
    const after = scan.slice(m.index + m[0].length, lineEnd).trim();
    // A title line holds little besides the title: a year, a region, 摘要/全文, a site suffix.
    // "关于政府工作报告的决议" and "政府工作报告解读" name the report without being it.
    if (
      before.length <= 24 &&
      after.length <= 16 &&
      !/[，。,]/.test(before + after) &&
      !/关于|解读|聚焦|热词|图解|读懂|学习/.test(before) &&
      /^(?:[(（]?(?:摘要|全文|节选|实录|文字实录)[)）]?)?\s*(?:[_|｜-].*)?$/.test(after)
    ) {
      const title = squeeze(scan.slice(lineStart, m.index + m[0].length) + after);
      return { title, start: lineStart, end: lineEnd };
    }
  }
  return null;
}

/** Drops a site suffix from a page title: "2024年政府工作报告_中国政府网" → "2024年政府工作报告". */
function cleanHintTitle(title: string): string {
  const t = title.split(/\s*[_|｜–—-]{1,2}\s*(?=[^_|｜–—-]*(?:网|报|频道|客户端|政府|门户|新闻|首页)\s*$)/)[0];
  return t.trim() || title.trim();
}

function yearOfTitle(title: string | undefined): number | null {
  if (!title) return null;
  const m = new RegExp(`(${YEAR_SOURCE})\\s*年`).exec(title);
  return m ? parseYear(m[1]) : null;
}

function findDeliveryDate(head: string): FoundDate | null {
  const re = new RegExp(DATE_PATTERN.source, 'g');
  let first: FoundDate | null = null;
  let m: RegExpExecArray | null;
  while ((m = re.exec(head))) {
    const d = readDateMatch(m);
    if (!d) continue;
    const around = head.slice(d.end, d.end + 60);
    if (/人\s*民\s*代\s*表\s*大\s*会|会议/.test(around)) return d;
    first ??= d;
  }
  // A lone date in the opening lines (before 各位代表) is the delivery date too.
  if (first) {
    const address = head.indexOf('各位代表');
    if (address < 0 || first.start < address) return first;
  }
  return null;
}

/** Without a date or year heading: "今年是…" does not say the year, but "2025年是…收官之年" in a
 * paragraph that also says 今年 does. */
function yearFromPlanSentences(text: string): number | null {
  const m = new RegExp(`(${YEAR_SOURCE})\\s*年是[^。]{0,60}(?:之年|一年)[^。]*。[^。]{0,200}今年`).exec(text);
  return m ? parseYear(m[1]) : null;
}

export type { Heading };
