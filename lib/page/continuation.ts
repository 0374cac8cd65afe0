/**
 * Paginated reports: page 2 of a report that the reader reached from page 1 takes page 1's
 * identity (region, years), which page 2 cannot tell by itself ("二、2025年主要任务" names a year
 * but no region; a page deep in the task list names neither).
 *
 * After a page is detected as a report, the content script remembers, per tab (in the background's
 * session storage), the report's identity and the address of its next page (rel=next, or a link
 * reading 下一页). When the next page loads in that tab and its address is the remembered one, the
 * engine gets the identity as `continues`: its region fills a page without one, its years come
 * before the page's own rules unless the page has a date line of its own (lib/report/plan-year.ts).
 * Plain DOM and data: the extension wiring is the entrypoints'.
 */
import type { Analysis, Level } from '../model';
import type { PreviousPage } from '../report';
import { pageUrl } from '../address';

/** What a report page leaves for the page after it. */
export interface ReportIdentity {
  url: string;
  region: string | null;
  level: Level | null;
  planYear: number | null;
  /** The part (review or plan) the page ends in, which its next page opens in. */
  section: 'review' | 'plan' | null;
  /** The page the reader may go to next (same origin, without fragment), or null. */
  nextUrl: string | null;
}

/** Remembers and recalls the identity for the tab the content script runs in. */
export interface ContinuationStore {
  recall(): Promise<unknown>;
  remember(identity: ReportIdentity): Promise<void>;
}

/** Link texts that lead to the next page of a paginated article. */
const NEXT_TEXT = /^(?:下一页|下一頁|下页|下頁|后一页|後一頁|下一页\s*[>»›]+|[<«‹]?\s*下一页|next(?:\s*page)?\s*[>»›]*)$/i;

/** The address of the page after this one: `<link rel=next>`, `<a rel=next>`, or a link reading
 * 下一页. Only an http(s) page of the same origin, other than this one, counts. */
export function nextPageUrl(doc: Document, base: string): string | null {
  const candidates: Element[] = [...doc.querySelectorAll('link[rel~="next"][href], a[rel~="next"][href]')];
  for (const a of doc.querySelectorAll('a[href]')) {
    if (NEXT_TEXT.test((a.textContent ?? '').trim())) candidates.push(a);
  }
  for (const el of candidates) {
    const url = sameOriginPage(el.getAttribute('href') ?? '', base);
    if (url) return url;
  }
  return null;
}

const PREVIOUS_TEXT = /^(?:上一页|上一頁|上页|上頁|前一页|前一頁|[<«‹]+\s*上一页|prev(?:ious)?(?:\s*page)?)$/i;

/** Whether the page links back to a previous page (`rel=prev`, or a link reading 上一页). */
export function hasPreviousPageLink(doc: Document): boolean {
  if (doc.querySelector('link[rel~="prev"], a[rel~="prev"], link[rel~="previous"], a[rel~="previous"]')) return true;
  for (const a of doc.querySelectorAll('a[href]')) if (PREVIOUS_TEXT.test((a.textContent ?? '').trim())) return true;
  return false;
}

function sameOriginPage(href: string, base: string): string | null {
  let u: URL;
  let b: URL;
  try {
    b = new URL(base);
    u = new URL(href, b);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(u.protocol) || u.origin !== b.origin) return null;
  const url = pageUrl(u.href);
  return url === pageUrl(b.href) ? null : url;
}

/** The identity a detected report leaves behind; null when it is not a report or says nothing. */
export function identityOf(analysis: Analysis, url: string, nextUrl: string | null): ReportIdentity | null {
  const r = analysis.report;
  if (!r.isReport || (r.region === null && r.planYear === null)) return null;
  const last = analysis.sections
    .filter((x) => x.kind !== 'other')
    .sort((a, b) => a.start - b.start)
    .pop();
  const section = last && (last.kind === 'review' || last.kind === 'plan') ? last.kind : null;
  return { url: pageUrl(url), region: r.region, level: r.level, planYear: r.planYear, section, nextUrl };
}

const LEVELS: ReadonlySet<string> = new Set(['national', 'province', 'city', 'district', 'county']);

/** Checks a stored identity (it passed through messages and storage): a clean copy, or null. */
export function readIdentity(x: unknown): ReportIdentity | null {
  if (typeof x !== 'object' || x === null) return null;
  const o = x as Record<string, unknown>;
  const shortOrNull = (v: unknown, max: number) => v === null || (typeof v === 'string' && v.length <= max);
  if (typeof o.url !== 'string' || o.url.length > 4096) return null;
  if (!shortOrNull(o.nextUrl, 4096) || !shortOrNull(o.region, 40)) return null;
  if (!(o.level === null || (typeof o.level === 'string' && LEVELS.has(o.level)))) return null;
  if (!(o.planYear === null || (Number.isInteger(o.planYear) && (o.planYear as number) >= 1949 && (o.planYear as number) <= 2100))) return null;
  const section = o.section === 'review' || o.section === 'plan' ? o.section : null;
  return {
    url: o.url,
    region: o.region as string | null,
    level: o.level as Level | null,
    planYear: o.planYear as number | null,
    section,
    nextUrl: o.nextUrl as string | null,
  };
}

/** Page 1's identity when this page is the next page it named; null otherwise. */
export function previousPageFor(remembered: unknown, url: string): PreviousPage | null {
  const id = readIdentity(remembered);
  if (!id || id.nextUrl === null || id.nextUrl !== pageUrl(url)) return null;
  return { url: id.url, region: id.region, planYear: id.planYear, section: id.section };
}

// ---------------------------------------------------------------- the background's side

/** The port a content script opens to remember or recall its tab's report identity. */
export const CONTINUATION_PORT = 'zhibiao/continuation';

export type ContinuationMessage = { type: 'recall' } | { type: 'remember'; identity: ReportIdentity };

/** Session storage as the background has it (`browser.storage.session`). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * Answers one port message for tab `tabId`: `recall` gives the stored identity (or null),
 * `remember` stores a checked copy and gives true; anything else gives null.
 */
export async function answerContinuation(message: unknown, tabId: number, area: SessionArea): Promise<ReportIdentity | boolean | null> {
  const key = `continuation:${tabId}`;
  const m = message as Partial<{ type: string; identity: unknown }> | null;
  if (m?.type === 'recall') return readIdentity((await area.get(key))[key]);
  if (m?.type === 'remember') {
    const identity = readIdentity(m.identity);
    if (!identity) return null;
    await area.set({ [key]: identity });
    return true;
  }
  return null;
}
