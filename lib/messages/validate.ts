/**
 * Hand-written validators for messages reaching the background. A content script runs inside a
 * visited page, so anything it sends may have been shaped by that page: every field is checked
 * for type, size and range, unknown fields are dropped (validators return a clean copy), and a
 * message of an unknown type is refused. The caps are generous for real reports (a national
 * report is ~40k characters with a few hundred figures) and small enough that one message cannot
 * fill the index.
 */
import type { Analysis, Figure, FigureRules, Level, Link, ReportInfo, Section, SectionKind, YearSpan } from '../model';
import { withoutControls } from './fields';
import { FIGURE_KINDS } from '../kinds';
import type { HistoryRequest, IndexReportRequest, IndexRequest, ReportForUrlRequest } from './types';

export class InvalidMessageError extends Error {
  constructor(message: string) {
    super(`Invalid message: ${message}`);
    this.name = 'InvalidMessageError';
  }
}

export const LIMITS = {
  typeLength: 64,
  urlLength: 4096,
  titleLength: 1000,
  /** Characters of report text: ~30× the longest report read so far (34k characters). */
  textLength: 1_000_000,
  /** Figures per report: ~15× the most a real report has (327). */
  figures: 5_000,
  sections: 2_000,
  links: 10_000,
  reasons: 200,
  shortString: 64,
  mediumString: 1_000,
  sentenceLength: 20_000,
  /** Generic bounds for messages whose payload its owner validates (notes/*, view/*). */
  depth: 8,
  nodes: 50_000,
  stringLength: 200_000,
} as const;

const SECTION_KINDS: readonly SectionKind[] = ['review', 'plan', 'other'];
const LEVELS: readonly Level[] = ['national', 'province', 'city', 'district', 'county'];

type Obj = Record<string, unknown>;

function fail(path: string, what: string): never {
  throw new InvalidMessageError(`${path} ${what}`);
}

function obj(x: unknown, path: string): Obj {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) fail(path, 'must be an object');
  return x as Obj;
}

function str(x: unknown, path: string, max: number): string {
  if (typeof x !== 'string') fail(path, 'must be a string');
  if (x.length > max) fail(path, `is longer than ${max} characters`);
  return x;
}

function strOrNull(x: unknown, path: string, max: number): string | null {
  return x === null || x === undefined ? null : str(x, path, max);
}

function num(x: unknown, path: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) fail(path, 'must be a finite number');
  return x;
}

function int(x: unknown, path: string, min: number, max: number): number {
  if (typeof x !== 'number' || !Number.isInteger(x)) fail(path, 'must be an integer');
  if (x < min || x > max) fail(path, `must be between ${min} and ${max}`);
  return x;
}

function year(x: unknown, path: string): number | null {
  return x === null || x === undefined ? null : int(x, path, 1000, 3000);
}

function bool(x: unknown, path: string): boolean {
  if (typeof x !== 'boolean') fail(path, 'must be true or false');
  return x;
}

function oneOf<T extends string>(x: unknown, path: string, allowed: readonly T[]): T {
  if (typeof x !== 'string' || !(allowed as readonly string[]).includes(x)) fail(path, `must be one of ${allowed.join(', ')}`);
  return x as T;
}

function arr(x: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(x)) fail(path, 'must be an array');
  if (x.length > max) fail(path, `has more than ${max} entries`);
  return x;
}

function span(x: unknown, path: string): YearSpan | null {
  if (x === null || x === undefined) return null;
  const o = obj(x, path);
  const from = int(o.from, `${path}.from`, 1000, 3000);
  const to = int(o.to, `${path}.to`, 1000, 3000);
  if (from > to) fail(path, 'ends before it starts');
  return { from, to };
}

/** A page address: http(s) or file, parsed, fragment dropped (notes and the index key pages without it). */
export function validateUrl(x: unknown, path = 'url'): string {
  const raw = str(x, path, LIMITS.urlLength);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    fail(path, 'is not an address');
  }
  if (!['http:', 'https:', 'file:'].includes(url.protocol)) fail(path, 'must be an http, https or file address');
  url.hash = '';
  return url.href;
}

function validateReportInfo(x: unknown, path: string): ReportInfo {
  const o = obj(x, path);
  const score = num(o.score, `${path}.score`);
  if (score < 0 || score > 1) fail(`${path}.score`, 'must be between 0 and 1');
  const delivered = strOrNull(o.delivered, `${path}.delivered`, 10);
  if (delivered !== null && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(delivered)) fail(`${path}.delivered`, 'must be YYYY, YYYY-MM or YYYY-MM-DD');
  return {
    isReport: bool(o.isReport, `${path}.isReport`),
    score,
    reasons: arr(o.reasons, `${path}.reasons`, LIMITS.reasons).map((r, i) => str(r, `${path}.reasons[${i}]`, LIMITS.mediumString)),
    title: strOrNull(o.title, `${path}.title`, LIMITS.titleLength),
    region: strOrNull(o.region, `${path}.region`, LIMITS.shortString),
    level: o.level === null || o.level === undefined ? null : oneOf(o.level, `${path}.level`, LEVELS),
    delivered,
    planYear: year(o.planYear, `${path}.planYear`),
    reviewYear: year(o.reviewYear, `${path}.reviewYear`),
    warnings: arr(o.warnings, `${path}.warnings`, LIMITS.reasons).map((w, i) => str(w, `${path}.warnings[${i}]`, LIMITS.mediumString)),
  };
}

function validateSection(x: unknown, path: string, textLength: number): Section {
  const o = obj(x, path);
  const start = int(o.start, `${path}.start`, 0, textLength);
  const end = int(o.end, `${path}.end`, start, textLength);
  return {
    kind: oneOf(o.kind, `${path}.kind`, SECTION_KINDS),
    title: str(o.title, `${path}.title`, LIMITS.mediumString),
    start,
    end,
    year: year(o.year, `${path}.year`),
    period: span(o.period, `${path}.period`),
  };
}

function validateFigure(x: unknown, path: string, text: string): Figure {
  const o = obj(x, path);
  const start = int(o.start, `${path}.start`, 0, text.length);
  const end = int(o.end, `${path}.end`, start, text.length);
  const figureText = str(o.text, `${path}.text`, LIMITS.mediumString);
  // The offsets must point at the figure as printed, or highlights and history would show other text.
  if (text.slice(start, end) !== figureText) fail(`${path}.text`, 'does not match the text at its offsets');
  const sentence = str(o.sentence, `${path}.sentence`, LIMITS.sentenceLength);
  const sentenceStart = int(o.sentenceStart, `${path}.sentenceStart`, 0, text.length);
  if (sentenceStart + sentence.length > text.length) fail(`${path}.sentence`, 'runs past the end of the text');
  const figure: Figure = {
    start,
    end,
    text: figureText,
    value: num(o.value, `${path}.value`),
    unit: str(o.unit, `${path}.unit`, LIMITS.shortString),
    qualifier: strOrNull(o.qualifier, `${path}.qualifier`, LIMITS.shortString),
    kind: oneOf(o.kind, `${path}.kind`, FIGURE_KINDS),
    section: oneOf(o.section, `${path}.section`, SECTION_KINDS),
    year: year(o.year, `${path}.year`),
    metric: str(o.metric, `${path}.metric`, LIMITS.mediumString),
    sentence,
    sentenceStart,
  };
  if (o.valueMax !== undefined) figure.valueMax = num(o.valueMax, `${path}.valueMax`);
  if (o.period !== undefined) figure.period = span(o.period, `${path}.period`);
  if (o.growth !== undefined) figure.growth = bool(o.growth, `${path}.growth`);
  // The meaning layer's readings: a headline target, its catalogue indicator, the target it restates.
  if (o.headline !== undefined) figure.headline = bool(o.headline, `${path}.headline`);
  if (o.indicator !== undefined) figure.indicator = str(o.indicator, `${path}.indicator`, LIMITS.mediumString);
  if (o.restates !== undefined) figure.restates = int(o.restates, `${path}.restates`, 0, LIMITS.figures - 1);
  if (o.rules !== undefined) {
    const r = obj(o.rules, `${path}.rules`);
    const name = (k: keyof FigureRules): string => str(r[k], `${path}.rules.${k}`, LIMITS.shortString);
    figure.rules = { metric: name('metric'), kind: name('kind'), unit: name('unit'), qualifier: name('qualifier') };
  }
  return figure;
}

function validateLink(x: unknown, path: string, figureCount: number): Link {
  const o = obj(x, path);
  const score = num(o.score, `${path}.score`);
  if (score < 0 || score > 1) fail(`${path}.score`, 'must be between 0 and 1');
  return {
    from: int(o.from, `${path}.from`, 0, figureCount - 1),
    to: int(o.to, `${path}.to`, 0, figureCount - 1),
    score,
  };
}

/** An Analysis whose offsets point into `text`. */
export function validateAnalysis(x: unknown, text: string, path = 'analysis'): Analysis {
  const o = obj(x, path);
  const figures = arr(o.figures, `${path}.figures`, LIMITS.figures).map((f, i) => validateFigure(f, `${path}.figures[${i}]`, text));
  return {
    report: validateReportInfo(o.report, `${path}.report`),
    sections: arr(o.sections, `${path}.sections`, LIMITS.sections).map((s, i) => validateSection(s, `${path}.sections[${i}]`, text.length)),
    figures,
    links: arr(o.links, `${path}.links`, LIMITS.links).map((l, i) => validateLink(l, `${path}.links[${i}]`, figures.length)),
  };
}

export function validateIndexReport(o: Obj): IndexReportRequest {
  const text = str(o.text, 'text', LIMITS.textLength);
  return {
    type: 'index/report',
    url: validateUrl(o.url),
    title: str(o.title ?? '', 'title', LIMITS.titleLength),
    text,
    analysis: validateAnalysis(o.analysis, text),
  };
}

const REPORT_ID = /^[0-9a-f]{16,64}$/;

function reportId(x: unknown, path: string): string {
  const id = str(x, path, 64);
  if (!REPORT_ID.test(id)) fail(path, 'is not a report id');
  return id;
}

/** Validates an `index/*` request; refuses unknown `index/*` types. */
export function validateIndexRequest(x: unknown): IndexRequest {
  const o = obj(x, 'message');
  switch (o.type) {
    case 'index/report':
      return validateIndexReport(o);
    case 'index/reportForUrl':
      return { type: 'index/reportForUrl', url: validateUrl(o.url) } satisfies ReportForUrlRequest;
    case 'index/history':
      return {
        type: 'index/history',
        reportId: reportId(o.reportId, 'reportId'),
        index: int(o.index, 'index', 0, LIMITS.figures - 1),
      } satisfies HistoryRequest;
    default:
      fail('type', `"${String(o.type).slice(0, LIMITS.typeLength)}" is not a known index request`);
  }
}

/**
 * Generic bounds for a payload whose owner checks its meaning (notes/*, view/*): plain data only
 * (no functions, no class instances other than arrays), bounded depth, node count and string size,
 * so a hostile page cannot make the background walk or store something huge.
 */
export function checkPlainData(x: unknown, path = 'message'): void {
  let nodes = 0;
  const walk = (v: unknown, p: string, depth: number): void => {
    if (++nodes > LIMITS.nodes) fail(path, `has more than ${LIMITS.nodes} values`);
    if (v === null || typeof v === 'boolean') return;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) fail(p, 'must be a finite number');
      return;
    }
    if (typeof v === 'string') {
      if (v.length > LIMITS.stringLength) fail(p, `is longer than ${LIMITS.stringLength} characters`);
      return;
    }
    if (typeof v !== 'object') fail(p, 'must be plain data');
    if (depth >= LIMITS.depth) fail(p, `is nested deeper than ${LIMITS.depth} levels`);
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, `${p}[${i}]`, depth + 1));
      return;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) fail(p, 'must be plain data');
    for (const [k, item] of Object.entries(v as Obj)) walk(item, `${p}.${k}`, depth + 1);
  };
  walk(x, path, 0);
}

/** Who sent a message: a content script in a web page, or one of the extension's own pages. */
export type SenderKind = 'content' | 'extension';

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * `extensionOrigin` is e.g. `chrome-extension://<id>/` (runtime.getURL('/')). A sender is an
 * extension page only when its address is under that origin: extension pages opened in a tab
 * carry `sender.tab` too, so the address, not the tab, decides. Null: not from this extension.
 */
export function classifySender(sender: SenderLike, extensionId: string, extensionOrigin: string): SenderKind | null {
  if (sender.id !== undefined && sender.id !== extensionId) return null;
  if (typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin)) return 'extension';
  return 'content';
}

/** Which prefixes each sender may use. page/* goes to tabs, never to the background. */
const ALLOWED_PREFIXES: Record<SenderKind, readonly string[]> = {
  content: ['index/', 'notes/'],
  extension: ['index/', 'notes/', 'view/', 'import/'],
};

const TYPE_SHAPE = /^[a-z]+\/[A-Za-z][A-Za-z0-9]*$/;

/**
 * Checks a message before routing: shape of `type`, the sender's right to use it, and the payload
 * (fully for index/*, generic bounds for notes/* and view/*, whose handlers check meaning).
 * Returns the message to route (a clean copy for index/*).
 */
export function checkMessage(x: unknown, sender: SenderKind): { type: string } & Obj {
  // One policy for control characters on every way in (lib/messages/fields.ts): a space for each.
  const o = withoutControls(obj(x, 'message'));
  const type = str(o.type, 'type', LIMITS.typeLength);
  if (!TYPE_SHAPE.test(type)) fail('type', `"${type}" is not a message type`);
  const prefix = type.slice(0, type.indexOf('/') + 1);
  if (!ALLOWED_PREFIXES[sender].includes(prefix)) {
    throw new InvalidMessageError(`"${type}" may not be sent from ${sender === 'content' ? 'a web page' : 'an extension page'}`);
  }
  if (prefix === 'index/') return validateIndexRequest(o) as unknown as { type: string } & Obj;
  if (prefix === 'import/') return validateImportRequest(o) as unknown as { type: string } & Obj;
  checkPlainData(o);
  return o as { type: string } & Obj;
}

// ---------------------------------------------------------------- import/* (extension pages only; lib/import handles it)

/** A document's text from the library's import or the popup's PDF reader. */
export interface ImportTextRequest {
  type: 'import/text';
  /** The file's name, or the http(s) address of a PDF read from a tab. */
  source: string;
  text: string;
  title?: string;
  url?: string;
}

function optionalString(x: unknown, path: string, max: number): string | undefined {
  if (x === undefined || x === null) return undefined;
  if (typeof x !== 'string') throw new InvalidMessageError(`${path} must be a string`);
  if (x.length > max) throw new InvalidMessageError(`${path} is longer than ${max} characters`);
  return x;
}

/** A clean copy of an `import/*` request, or InvalidMessageError. */
export function validateImportRequest(o: Record<string, unknown>): ImportTextRequest {
  if (o.type !== 'import/text') throw new InvalidMessageError(`type "${String(o.type).slice(0, LIMITS.typeLength)}" is not a known import request`);
  const source = optionalString(o.source, 'source', LIMITS.urlLength);
  if (!source || !source.trim()) throw new InvalidMessageError('source must name the file or address');
  const text = optionalString(o.text, 'text', LIMITS.textLength);
  if (text === undefined) throw new InvalidMessageError('text must be a string');
  if (text.trim() === '') throw new InvalidMessageError('text is empty');
  const url = optionalString(o.url, 'url', LIMITS.urlLength);
  return {
    type: 'import/text',
    source,
    text,
    title: optionalString(o.title, 'title', LIMITS.titleLength),
    url: url && /^https?:\/\//i.test(url) ? url : undefined,
  };
}

