/**
 * analyseReport: the engine's one entry point, text in, Analysis out.
 *
 * page → text → (normalise) → detection, metadata, sections → figures → links.
 * Every stage works on the normalised text; offsets are mapped back to the caller's text here,
 * once, so no stage has to think about zero-width spaces or full-width digits.
 */
import type { Analysis, Figure, Section } from './model';
import { normalizeText, toOriginalRange } from './text';
import { isTraditional, toSimplified } from './text';
import { detectReport } from './detection';
import { readReportMeta, findSections, type PreviousPage } from './report';
import { extractFigures, type Excluded } from './extraction';
import { linkFigures } from './linking';
import { applyMeaning } from './meaning';

export interface AnalyseOptions {
  /** The page or file title, when the text came with one (it helps detection and metadata). */
  title?: string;
  url?: string;
  /** The page's publication date, YYYY-MM-DD (see MetaHints). */
  published?: string;
  /** When given, the numbers extraction read but did not take are added here, with the reason
   * and offsets into `original` (`zhibiao extract --explain`). */
  excluded?: Excluded[];
  /** The report whose next page this is, when the reader came from it (region and years carry over). */
  continues?: PreviousPage;
}

export function analyseReport(original: string, options: AnalyseOptions = {}): Analysis {
  const norm = normalizeText(original);
  // A text in traditional script is read through its simplified copy (same length, same offsets).
  const traditional = isTraditional(norm.text);
  const text = traditional ? toSimplified(norm.text) : norm.text;
  const hints = traditional && options.title ? { ...options, title: toSimplified(options.title) } : options;
  const detection = detectReport(text, hints);
  const meta = readReportMeta(text, hints);
  if (traditional) meta.warnings.push('read in simplified characters (the text is in traditional script)');
  const sections = findSections(text, meta, hints.continues?.section ?? null);
  const excluded: Excluded[] | undefined = options.excluded ? [] : undefined;
  const figures = applyMeaning(extractFigures(text, { sections, meta, excluded }), { text });
  for (const x of excluded ?? []) {
    const [start, end] = toOriginalRange(norm, x.start, x.end);
    options.excluded!.push({ ...x, start, end, text: original.slice(start, end) });
  }
  const links = linkFigures(figures);

  const mapSection = (s: Section): Section => {
    const [start, end] = toOriginalRange(norm, s.start, s.end);
    return { ...s, start, end };
  };
  const mapFigure = (f: Figure): Figure => {
    const [start, end] = toOriginalRange(norm, f.start, f.end);
    const [sentenceStart, sentenceEnd] = toOriginalRange(norm, f.sentenceStart, f.sentenceStart + f.sentence.length);
    return {
      ...f,
      start,
      end,
      text: original.slice(start, end),
      sentenceStart,
      sentence: original.slice(sentenceStart, sentenceEnd),
    };
  };

  return {
    report: { ...detection, ...meta },
    sections: sections.map(mapSection),
    figures: figures.map(mapFigure),
    links,
  };
}
