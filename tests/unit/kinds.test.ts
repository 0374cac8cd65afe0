/**
 * The kind table's colours read in light and dark: each kind's text colour on every background of
 * our surfaces at WCAG AA (4.5:1), the page's own text under each kind's translucent mark on a
 * light and a dark page, white on the active figure, and the note fill unlike every kind's.
 */
import { describe, expect, it } from 'vitest';
import {
  ACTIVE_META,
  FIGURE_KINDS,
  KIND_META,
  NOTE_META,
  SURFACES,
  figureHighlightCss,
  highlightNames,
  isFigureKind,
  kindColourCss,
  type Scheme,
} from '../../lib/kinds';

type RGBA = [number, number, number, number];

function parse(colour: string): RGBA {
  const hex = /^#([0-9a-f]{6})$/i.exec(colour);
  if (hex) {
    const n = parseInt(hex[1], 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
  }
  const rgba = /^rgba\((\d+),\s*(\d+),\s*(\d+),\s*([\d.]+)\)$/.exec(colour);
  if (rgba) return [Number(rgba[1]), Number(rgba[2]), Number(rgba[3]), Number(rgba[4])];
  throw new Error(`not a colour: ${colour}`);
}

/** A translucent colour painted over an opaque one. */
function over(top: RGBA, under: RGBA): RGBA {
  const a = top[3];
  return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
}

function luminance([r, g, b]: RGBA): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: RGBA, b: RGBA): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

function hue([r, g, b]: RGBA): number {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max === min) return NaN;
  const d = max - min;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

const SCHEMES: Scheme[] = ['light', 'dark'];

describe('the kind table', () => {
  it('lists four kinds, each with both labels, a highlight of its own and a distinct priority, line and marker', () => {
    expect(FIGURE_KINDS).toEqual(['actual', 'estimate', 'target', 'baseline']);
    for (const k of FIGURE_KINDS) {
      expect(KIND_META[k].label.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(KIND_META[k].label.en).toMatch(/^[A-Z][a-z]+$/);
    }
    const distinct = (f: (k: (typeof FIGURE_KINDS)[number]) => unknown) => new Set(FIGURE_KINDS.map(f)).size;
    expect(distinct((k) => KIND_META[k].highlight)).toBe(4);
    expect(distinct((k) => KIND_META[k].priority)).toBe(4);
    expect(distinct((k) => KIND_META[k].line)).toBe(4);
    expect(distinct((k) => KIND_META[k].marker)).toBe(4);
    expect(isFigureKind('target')).toBe(true);
    expect(isFigureKind('goal')).toBe(false);
    expect(ACTIVE_META.priority).toBeGreaterThan(Math.max(NOTE_META.activePriority, ...FIGURE_KINDS.map((k) => KIND_META[k].priority)));
    expect(NOTE_META.priority).toBeLessThan(Math.min(...FIGURE_KINDS.map((k) => KIND_META[k].priority)));
  });

  for (const scheme of SCHEMES) {
    it(`kind text reaches 4.5:1 on every ${scheme} surface`, () => {
      for (const k of FIGURE_KINDS) {
        for (const bg of SURFACES[scheme].background) {
          const ratio = contrast(parse(KIND_META[k].text[scheme]), parse(bg));
          expect(ratio, `${k} ${KIND_META[k].text[scheme]} on ${bg}: ${ratio.toFixed(2)}`).toBeGreaterThanOrEqual(4.5);
        }
      }
      for (const bg of SURFACES[scheme].background) {
        expect(contrast(parse(NOTE_META.text[scheme]), parse(bg))).toBeGreaterThanOrEqual(4.5);
      }
    });

    it(`a ${scheme} page's text stays at 4.5:1 under every mark, and the active figure's white text on its blue`, () => {
      const page = parse(SURFACES[scheme].background[0]);
      const text = parse(SURFACES[scheme].text);
      for (const mark of [...FIGURE_KINDS.map((k) => KIND_META[k].mark), NOTE_META.mark, NOTE_META.activeMark]) {
        const ratio = contrast(text, over(parse(mark), page));
        expect(ratio, `${mark}: ${ratio.toFixed(2)}`).toBeGreaterThanOrEqual(4.5);
      }
      expect(contrast(parse(ACTIVE_META.text), parse(ACTIVE_META.background[scheme]))).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('keeps the note fill and the active blue away from every kind in hue, and the target off link blue', () => {
    const gap = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));
    const note = hue(parse(NOTE_META.mark));
    const active = hue(parse(ACTIVE_META.background.light));
    for (const k of FIGURE_KINDS) {
      const h = hue(parse(KIND_META[k].mark));
      if (Number.isNaN(h) || k === 'baseline') continue; // grey has no hue to clash with
      expect(gap(note, h), `note vs ${k}`).toBeGreaterThan(40);
      expect(gap(active, h), `active vs ${k}`).toBeGreaterThan(40);
    }
    // Link blue sits near 212°; the target is violet and not underlined.
    expect(gap(hue(parse(KIND_META.target.text.light)), 212)).toBeGreaterThan(40);
    expect(KIND_META.target.line).toBe('over');
  });

  it('writes stylesheets from the table', () => {
    const css = figureHighlightCss();
    for (const k of FIGURE_KINDS) expect(css).toContain(`::highlight(${highlightNames()[k]}) { background-color: ${KIND_META[k].mark}`);
    expect(figureHighlightCss(highlightNames(), ACTIVE_META.highlight, new Set(['estimate']))).not.toContain('zhibiao-estimate');
    const vars = kindColourCss(':root');
    expect(vars).toContain(`--kind-target: ${KIND_META.target.text.light}`);
    expect(vars).toMatch(/prefers-color-scheme: dark[^]*--kind-target: #bc8cff/);
  });
});
