/**
 * The one table of figure kinds: what each is called in both languages, its colours in light and
 * dark, the name of its highlight in the page, which highlight wins where two overlap, and how a
 * chart marks it. Every other place that lists the kinds or colours them reads from here: the
 * painter, the card, the views, the charts, the validators, the notes and the exports.
 *
 * Colours, chosen so that each mark also differs without colour:
 * - actual: green, solid underline; estimate: amber, dotted underline; target: violet, a line
 *   above the figure (a bar to reach; never blue and underlined, which reads as a link);
 *   baseline: grey, dashed underline.
 * - the reader's notes: rose, with no line at all, so a note is unlike every kind;
 * - the figure whose card is open: solid blue with white text, far from estimate amber.
 * `text` is the kind's colour for words and badges on the surface's background (checked for
 * WCAG AA, 4.5:1, by tests/unit/kinds.test.ts); `mark` is the translucent fill under a figure in a
 * page, light or dark, under which the page's own text must stay readable.
 *
 * Pure: no extension or DOM APIs.
 */
import type { FigureKind } from './model';

export const FIGURE_KINDS: readonly FigureKind[] = ['actual', 'estimate', 'target', 'baseline'];

export type Scheme = 'light' | 'dark';
export type ChartMarker = 'square' | 'faded-square' | 'hollow-circle' | 'diamond';
export type LineStyle = 'solid' | 'dotted' | 'dashed' | 'over';

export interface MarkColours {
  /** Words, badges and chart lines in this colour, on the surface's background. */
  text: Record<Scheme, string>;
  /** Translucent fill under the marked words in a page. */
  mark: string;
}

export interface KindMeta extends MarkColours {
  label: { zh: string; en: string };
  /** The Highlight registered for this kind (before any per-install suffix). */
  highlight: string;
  /** Higher paints over lower where ranges overlap. */
  priority: number;
  /** Within one year of an indicator's history: the commitment first, then what came of it. */
  yearOrder: number;
  /** The line under (or over) the figure, so kinds differ without colour. */
  line: LineStyle;
  marker: ChartMarker;
  /** What came of a year (achieved, or estimated at the time), against which that year's target is judged. */
  outcome: boolean;
}

export const KIND_META: Readonly<Record<FigureKind, KindMeta>> = {
  actual: {
    label: { zh: '实际', en: 'Actual' },
    text: { light: '#1a7f37', dark: '#3fb950' },
    mark: 'rgba(46, 160, 67, 0.24)',
    highlight: 'zhibiao-actual',
    priority: 1,
    yearOrder: 2,
    line: 'solid',
    marker: 'square',
    outcome: true,
  },
  estimate: {
    label: { zh: '预计', en: 'Estimate' },
    text: { light: '#8a5d00', dark: '#d29922' },
    mark: 'rgba(212, 167, 44, 0.3)',
    highlight: 'zhibiao-estimate',
    priority: 2,
    yearOrder: 1,
    line: 'dotted',
    marker: 'faded-square',
    outcome: true,
  },
  target: {
    label: { zh: '目标', en: 'Target' },
    text: { light: '#8250df', dark: '#bc8cff' },
    mark: 'rgba(130, 80, 223, 0.2)',
    highlight: 'zhibiao-target',
    priority: 3,
    yearOrder: 0,
    line: 'over',
    marker: 'hollow-circle',
    outcome: false,
  },
  baseline: {
    label: { zh: '基数', en: 'Baseline' },
    text: { light: '#57606a', dark: '#9da7b3' },
    mark: 'rgba(140, 149, 159, 0.25)',
    highlight: 'zhibiao-baseline',
    priority: 0,
    yearOrder: 3,
    line: 'dashed',
    marker: 'diamond',
    outcome: false,
  },
};

/** The reader's notes: rose fill, no line. Below every kind, so a figure in a noted sentence keeps its kind's colour. */
export const NOTE_META = {
  text: { light: '#bf3989', dark: '#ff80c8' },
  mark: 'rgba(255, 105, 180, 0.28)',
  highlight: 'zhibiao-note',
  priority: -1,
  /** The note being edited or shown: stronger rose, above the kinds and below the active figure. */
  activeMark: 'rgba(255, 105, 180, 0.5)',
  activeHighlight: 'zhibiao-note-active',
  activePriority: 6,
} as const;

/** The figure whose card is open: solid blue with white text, above everything. */
export const ACTIVE_META = {
  background: { light: '#0969da', dark: '#1f6feb' },
  text: '#ffffff',
  highlight: 'zhibiao-active',
  priority: 10,
} as const;

/** Backgrounds and body text of our own surfaces (views, card) that kind colours must read on. */
export const SURFACES: Record<Scheme, { background: string[]; text: string }> = {
  light: { background: ['#ffffff', '#f6f8fa'], text: '#1b1f24' },
  dark: { background: ['#0d1117', '#161b22'], text: '#e6edf3' },
};

export function isFigureKind(value: unknown): value is FigureKind {
  return typeof value === 'string' && (FIGURE_KINDS as readonly string[]).includes(value);
}

/** An outcome of its year (actual or estimate: KIND_META's `outcome`), as against a target or a baseline. */
export function isOutcome(kind: FigureKind): boolean {
  return KIND_META[kind].outcome;
}

/** A record with one entry per kind. */
export function perKind<T>(value: (kind: FigureKind) => T): Record<FigureKind, T> {
  return Object.fromEntries(FIGURE_KINDS.map((k) => [k, value(k)])) as Record<FigureKind, T>;
}

function decoration(line: LineStyle, colour: string): string {
  return line === 'over' ? `overline solid ${colour}` : `underline ${line} ${colour}`;
}

/** `--kind-actual`, `--kind-actual-mark`… for one scheme, as declarations (for `:root` or the card's layer). */
function kindCssVariables(scheme: Scheme): string {
  const decls = FIGURE_KINDS.map((k) => `--kind-${k}: ${KIND_META[k].text[scheme]}; --kind-${k}-mark: ${KIND_META[k].mark};`);
  decls.push(`--note: ${NOTE_META.text[scheme]}; --note-mark: ${NOTE_META.mark};`);
  decls.push(`--active: ${ACTIVE_META.background[scheme]}; --active-text: ${ACTIVE_META.text};`);
  return decls.join(' ');
}

/** The kind colours for a stylesheet scoped to `selector`, light first, dark under the media query. */
export function kindColourCss(selector: string): string {
  return `${selector} { ${kindCssVariables('light')} }\n@media (prefers-color-scheme: dark) { ${selector} { ${kindCssVariables('dark')} } }\n`;
}

/**
 * One class per kind (`${prefix}actual`…) that sets `--kind` and `--kind-mark` to that kind's
 * colours, so stylesheets colour anything of a kind with `var(--kind)` and never list the kinds.
 */
export function kindClassCss(prefix: string): string {
  return FIGURE_KINDS.map((k) => `.${prefix}${k} { --kind: var(--kind-${k}); --kind-mark: var(--kind-${k}-mark); }`).join('\n') + '\n';
}

/**
 * The page's highlight rules (`::highlight(name) {…}`): a highlight may only set colours and text
 * decorations, so none of these can move the page's layout. `names` maps each kind to its
 * registered name (the table's, unless the caller suffixes them); hidden kinds get no rule, so
 * their highlights stay registered but unpainted.
 */
export function figureHighlightCss(
  names: Readonly<Record<FigureKind, string>> = highlightNames(),
  active: string = ACTIVE_META.highlight,
  hidden: ReadonlySet<FigureKind> = new Set(),
): string {
  const rules = FIGURE_KINDS.filter((k) => !hidden.has(k)).map((k) => {
    const m = KIND_META[k];
    return `::highlight(${names[k]}) { background-color: ${m.mark}; text-decoration: ${decoration(m.line, m.text.light)}; }`;
  });
  rules.push(`::highlight(${active}) { background-color: ${ACTIVE_META.background.light}; color: ${ACTIVE_META.text}; }`);
  return rules.join('\n') + '\n';
}

/** The note highlight rules, for the page; `name` gives each highlight its registered name. */
export function noteHighlightCss(name: (highlight: string) => string = (n) => n): string {
  return (
    `::highlight(${name(NOTE_META.highlight)}) { background-color: ${NOTE_META.mark}; }\n` +
    `::highlight(${name(NOTE_META.activeHighlight)}) { background-color: ${NOTE_META.activeMark}; }\n`
  );
}

/** Fallback boxes (no Highlight API) in the same colours, for the card's shadow root. */
export function figureBoxCss(): string {
  const rules = FIGURE_KINDS.map((k) => {
    const m = KIND_META[k];
    const edge = m.line === 'over' ? 'inset 0 2px 0' : 'inset 0 -2px 0';
    return `.zhibiao-box-${k} { background: ${m.mark}; box-shadow: ${edge} ${m.text.light}; }`;
  });
  rules.push(`.zhibiao-box-active { background: ${ACTIVE_META.background.light}; opacity: 0.55; }`);
  return rules.join('\n') + '\n';
}

export function highlightNames(): Record<FigureKind, string> {
  return perKind((k) => KIND_META[k].highlight);
}
