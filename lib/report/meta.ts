/**
 * readReportMeta: title, region, level, delivery date, plan year and review year of a report.
 *
 * The years are decided by precedence (plan-year.ts): headings naming a year, phrases fixing it
 * (今年是“十四五”规划收官之年), the title, the date line. `warnings` says which rule decided and
 * which others disagreed. The delivery date is read only from the report's own date line.
 */
import type { ReportInfo, Detection } from '../model';
import { findHeadings } from './headings';
import { findRegion, levelOf, regionFromTitle, squeeze } from './region';
import { DATE_PATTERN, isoDate, readDateMatch, type FoundDate } from './years';
import { decideYears } from './plan-year';

export type ReportMeta = Omit<ReportInfo, keyof Detection>;

export interface MetaHints {
  title?: string;
  url?: string;
  /** The page's publication date (YYYY-MM-DD, from its meta tags or a 发布时间 line), used as the
   * delivery date when the text has no date line and the date agrees with the plan year. */
  published?: string;
  /** The report this page continues (the reader came from its previous page, lib/page/continuation). */
  continues?: PreviousPage;
}

/** What a page of a paginated report takes from the page before it. */
export interface PreviousPage {
  url: string;
  region: string | null;
  planYear: number | null;
  /** The part the previous page ended in: this page's text before its first heading continues it. */
  section?: 'review' | 'plan' | null;
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
  const previous = hints.continues;
  if (!region && previous?.region) {
    region = previous.region;
    warnings.push(`region from the previous page ${previous.url}`);
  }
  const level = region ? levelOf(region) : null;

  // Delivery date: the date of the report's own date line, never a date in the body.
  const date = findDeliveryDate(head);
  const delivered = date ? isoDate(date) : null;

  const fromPrevious = previous?.planYear ? { planYear: previous.planYear, rule: `the previous page ${previous.url}` } : null;
  const years = decideYears(text, headings, [titleLine?.title, hintTitle ?? undefined], date, fromPrevious);
  const planYear = years?.planYear ?? null;
  const reviewYear = planYear === null ? null : planYear - 1;
  if (years) {
    warnings.push(`years from ${years.rule}: plans ${planYear}, reviews ${reviewYear}`);
    warnings.push(...years.disagreements);
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

/**
 * The report's own date line: a date followed on its line by the meeting ("2026年1月9日在青山县第十八届
 * 人民代表大会第六次会议上"), or a line holding only a date ("（2026年1月9日）"), before 各位代表.
 * A date inside a sentence ("2025年4月29日，省委主要领导来我区调研") is an event, not the delivery.
 */
function findDeliveryDate(head: string): FoundDate | null {
  const re = new RegExp(DATE_PATTERN.source, 'g');
  const address = head.indexOf('各位代表');
  let m: RegExpExecArray | null;
  while ((m = re.exec(head))) {
    const d = readDateMatch(m);
    if (!d) continue;
    const lineStart = head.lastIndexOf('\n', d.start - 1) + 1;
    let lineEnd = head.indexOf('\n', d.end);
    if (lineEnd < 0) lineEnd = head.length;
    const after = head.slice(d.end, lineEnd);
    if (/^[^。；\n]{0,40}?(?:人\s*民\s*代\s*表\s*大\s*会|人代会)[^。；\n]{0,20}?会\s*议|^[^。；\n]{0,8}在[^。；\n]{0,40}会议/.test(after)) return d;
    const before = head.slice(lineStart, d.start);
    const alone = /^[\s(（—―-]*$/.test(before) && /^[\s)）]*$/.test(after);
    if (alone && (address < 0 || d.start < address)) return d;
  }
  return null;
}
