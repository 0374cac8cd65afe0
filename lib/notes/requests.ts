/**
 * The `notes/*` requests: their types, their responses (added to the background's message map),
 * and a validator for each, because content scripts relay requests that a page could forge.
 */
import type { FigureKind } from '../model';
import { FIGURE_KINDS } from '../kinds';
import type { NoteRow, Selector } from '../storage';
import {
  arrayOf,
  boolean,
  byType,
  checkValue,
  LIMITS,
  nullable,
  oneOf,
  record,
  selectorCheck,
  text,
  integer,
  plainText,
  address,
  rebuild,
  withoutControls,
  type Check,
} from '../messages';

/** What a new note carries; the store adds id, timestamps and `detached`. */
export interface NoteInput {
  url: string;
  pageTitle: string;
  reportId?: string | null;
  figureId?: string | null;
  selectors: Selector[];
  quote: string;
  body: string;
  tags: string[];
  color?: string | null;
}

export interface NotePatch {
  body?: string;
  tags?: string[];
  color?: string | null;
  selectors?: Selector[];
  quote?: string;
}

export interface NoteFilter {
  reportId?: string;
  region?: string;
  year?: number;
  tag?: string;
  /** Notes made on a figure of this kind. */
  kind?: FigureKind;
  url?: string;
  detached?: boolean;
}

export type ExportFormat = 'markdown' | 'csv' | 'json';

/** A note with what the index knows about its report and figure (for filters and exports). */
export interface NoteView extends NoteRow {
  report: { id: string; title: string | null; region: string | null; year: number | null; url: string } | null;
  figure: {
    id: string;
    text: string;
    value: number;
    valueMax?: number;
    unit: string;
    kind: FigureKind;
    metric: string;
    year: number | null;
  } | null;
}

export interface Facets {
  reports: Array<{ id: string; title: string | null; count: number }>;
  regions: Array<{ value: string; count: number }>;
  years: Array<{ value: number; count: number }>;
  tags: Array<{ value: string; count: number }>;
  kinds: Array<{ value: FigureKind; count: number }>;
}

export interface NoteList {
  notes: NoteView[];
  /** Every value each filter can take, over the whole library. */
  facets: Facets;
  total: number;
}

export interface ExportedFile {
  filename: string;
  mimeType: string;
  content: string;
  count: number;
}

/** A deleted note, and the token that undoes the delete. */
export type DeletedNote = NoteRow & { undoToken: string };

export interface RestoreResult {
  ok: boolean;
  /** Exact problems when `ok` is false; nothing was changed then. */
  errors: string[];
  /** Rows written per table (new or replacing older ones) and rows kept because ours were newer. */
  written: Record<string, number>;
  skipped: Record<string, number>;
}

export type NoteRequest =
  | { type: 'notes/create'; note: NoteInput }
  | { type: 'notes/update'; id: string; patch: NotePatch }
  | { type: 'notes/delete'; id: string }
  | { type: 'notes/undoDelete'; token: string }
  | { type: 'notes/forUrl'; url: string }
  | { type: 'notes/anchored'; attached: string[]; detached: string[] }
  | { type: 'notes/list'; filter?: NoteFilter; query?: string }
  | { type: 'notes/export'; format: ExportFormat; filter?: NoteFilter; query?: string }
  | { type: 'notes/backup' }
  | { type: 'notes/restore'; content: string };

type Req<T extends NoteRequest['type']> = Extract<NoteRequest, { type: T }>;

declare module '../messages/types' {
  interface BackgroundMessages {
    'notes/create': { request: Req<'notes/create'>; response: NoteRow };
    'notes/update': { request: Req<'notes/update'>; response: NoteRow };
    'notes/delete': { request: Req<'notes/delete'>; response: DeletedNote };
    'notes/undoDelete': { request: Req<'notes/undoDelete'>; response: NoteRow };
    'notes/forUrl': { request: Req<'notes/forUrl'>; response: NoteRow[] };
    'notes/anchored': { request: Req<'notes/anchored'>; response: number };
    'notes/list': { request: Req<'notes/list'>; response: NoteList };
    'notes/export': { request: Req<'notes/export'>; response: ExportedFile };
    'notes/backup': { request: Req<'notes/backup'>; response: ExportedFile };
    'notes/restore': { request: Req<'notes/restore'>; response: RestoreResult };
  }
}

const ids = arrayOf(text(LIMITS.id), 10_000);
const tags = arrayOf(plainText(LIMITS.tag), LIMITS.tags);
const body = plainText(LIMITS.body);
const selectors = arrayOf(selectorCheck, LIMITS.selectors);
const kind = oneOf(...FIGURE_KINDS);

const filter = record(
  {},
  {
    reportId: text(LIMITS.id),
    region: text(LIMITS.title),
    year: integer,
    tag: text(LIMITS.tag),
    kind,
    url: text(LIMITS.url),
    detached: boolean,
  },
);

const type = text(40);

const REQUESTS: Record<NoteRequest['type'], Check> = {
  'notes/create': record({
    type,
    note: record(
      { url: address(LIMITS.url), pageTitle: text(LIMITS.title), selectors, quote: text(LIMITS.quote), body, tags },
      { reportId: nullable(text(LIMITS.id)), figureId: nullable(text(LIMITS.id)), color: nullable(text(40)) },
    ),
  }),
  'notes/update': record({
    type,
    id: text(LIMITS.id),
    patch: record({}, { body, tags, color: nullable(text(40)), selectors, quote: text(LIMITS.quote) }),
  }),
  'notes/delete': record({ type, id: text(LIMITS.id) }),
  'notes/undoDelete': record({ type, token: text(LIMITS.id) }),
  'notes/forUrl': record({ type, url: text(LIMITS.url) }),
  'notes/anchored': record({ type, attached: ids, detached: ids }),
  'notes/list': record({ type }, { filter, query: text(1000) }),
  'notes/export': record({ type, format: oneOf('markdown', 'csv', 'json') }, { filter, query: text(1000) }),
  'notes/backup': record({ type }),
  // A backup may hold whole reports; 200 MB of text is far beyond any real library.
  'notes/restore': record({ type, content: text(200_000_000) }),
};

/** The request, typed, or an Error listing what is wrong with it. */
export function validateNoteRequest(raw: unknown): NoteRequest {
  const request = withoutControls(raw);
  const t = (request as { type?: unknown } | null)?.type;
  if (typeof t !== 'string' || !Object.hasOwn(REQUESTS, t)) throw new Error(`Unknown notes request: ${String(t)}`);
  const check = REQUESTS[t as NoteRequest['type']];
  const errors = checkValue(byType({ [t]: check }), request, 'request');
  if (errors.length) throw new Error(`Invalid ${t} request: ${errors.join('; ')}`);
  return rebuild<NoteRequest>(check, request);
}
