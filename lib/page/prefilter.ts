/**
 * The cheap check every page pays: may this page carry a government work report?
 *
 * It runs on every http(s) page and frame, so it must cost next to nothing on ordinary pages:
 * no layout, no Readability, no full `textContent` (which would build a string of the whole
 * page). It reads `document.title` and at most `PREFIX_CHARS` characters of body text, walking
 * text nodes until the budget is spent. It is tuned for recall: a yes only means "run the engine"
 * (whose detector also says no to NPC resolutions and policy notices that name a report).
 */

/** Body characters read. A report names itself in its title or its first lines; portals put
 * a few thousand characters of menus before the article, so 20k leaves room for that. */
export const PREFIX_CHARS = 20_000;

/** The report's own name, in simplified or traditional script, also with stray spaces. */
const REPORT_NAME = /政\s*府\s*工\s*作\s*[报報]\s*告/;
/** A review section and a plan section: reports titled only "在…大会上的讲话" still have both
 * (in either script: 工作回顧, 過去一年, 主要任務, 預期目標). */
const REVIEW = /工作回[顾顧]|[过過]去一年|[过過]去五年/;
const PLAN = /[预預]期目[标標]|主要任[务務]|工作安排|重[点點]工作|工作任[务務]|[总總][体體]要求/;
/**
 * What a page from inside a paginated report still says: its targets ("主要预期目标") or the
 * year's place in a plan period ("今年是“十四五”规划收官之年", "今年是“十五五”规划开局之年").
 */
const INNER_PAGE = /主要[预預]期目[标標]|今年是[^。\n]{0,24}(?:开局|開局|收官|起步)之年/;

export interface PrefilterResult {
  /** True when the page may carry a report and the engine should run. */
  mayBeReport: boolean;
  /** Which clue decided, for logs and tests. */
  reason: 'title' | 'text' | 'sections' | 'page' | 'none';
  /** Characters of body text read. */
  read: number;
}

/**
 * Elements whose text is skipped: code and styles, and also links and menus. Government portals
 * put "政府工作报告" in the navigation or a sidebar link list of every page; a report names itself
 * in its title or its own heading, never only in a link, so counting link text would send every
 * page of such a site through Readability and the engine for nothing.
 */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'a', 'nav', 'select', 'button']);

/** Reads up to `limit` characters of visible-ish text under `root` (code, styles, links and menus skipped). */
export function textPrefix(root: Node | null, limit = PREFIX_CHARS): string {
  if (!root) return '';
  const parts: string[] = [];
  let total = 0;
  const stack: Node[] = [root];
  // Manual depth-first walk: TreeWalker would need the window's NodeFilter, and stopping early
  // is the point.
  while (stack.length > 0 && total < limit) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      parts.push(data.length + total > limit ? data.slice(0, limit - total) : data);
      total += data.length;
      continue;
    }
    if (node.nodeType === 1) {
      if (SKIPPED.has((node as Element).localName)) continue;
    }
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return parts.join('');
}

/** Whether a page with this title and body text prefix may carry a work report. */
export function mayCarryReport(title: string, prefix: string): PrefilterResult {
  const read = prefix.length;
  if (REPORT_NAME.test(title)) return { mayBeReport: true, reason: 'title', read };
  if (REPORT_NAME.test(prefix)) return { mayBeReport: true, reason: 'text', read };
  if (REVIEW.test(prefix) && PLAN.test(prefix)) return { mayBeReport: true, reason: 'sections', read };
  if (INNER_PAGE.test(prefix)) return { mayBeReport: true, reason: 'page', read };
  return { mayBeReport: false, reason: 'none', read };
}

/** The check on a live document. */
export function pageMayCarryReport(doc: Document, limit = PREFIX_CHARS): PrefilterResult {
  const title = doc.title ?? '';
  // A title that names the report decides before any body text is read.
  if (REPORT_NAME.test(title)) return { mayBeReport: true, reason: 'title', read: 0 };
  return mayCarryReport(title, textPrefix(doc.body, limit));
}
