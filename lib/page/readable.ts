/**
 * A page's readable text: the article without the portal chrome around it, with paragraph
 * structure kept as line breaks.
 *
 * Reports are reposted on portals and forums wrapped in menus, share bars and comment boxes;
 * @mozilla/readability finds the article. It mutates the document it reads, so it always gets a
 * clone, never the live page (the content script highlights figures in the live page afterwards).
 * Readability's own `textContent` glues paragraphs together, and the engine needs line starts
 * (section headings such as "一、2024年工作回顾" are recognised at the start of a line), so the
 * article element is walked here and every block element ends a line.
 *
 * Works on any DOM Document: jsdom's in Node (the CLI) and the browser's in the extension. It
 * uses only nodeType numbers and tag names, no globals such as `Node` or `getComputedStyle`, so
 * it runs where those are missing (jsdom's `window` is not Node's global) and on detached clones.
 */
import { Readability } from '@mozilla/readability';
import { MAX_READABLE_DEPTH, nestedDeeperThan } from './depth';

export interface ReadableText {
  /** The article title (Readability's guess, else the document title); '' when there is none. */
  title: string;
  /** The article text, one block element per line, no blank lines, lines trimmed. */
  text: string;
  /** False when Readability found no article and the whole body was used instead. */
  usedReadability: boolean;
  /** The page address: the one passed in, else a canonical link, else the document's own http(s) URL. */
  url: string | null;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** Elements that start and end a line of text. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CAPTION',
  'CENTER',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TFOOT',
  'THEAD',
  'TR',
  'UL',
  'BODY',
  'HTML',
]);
/** Elements whose content is never page text. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'SELECT', 'BUTTON']);
/** Chrome that the whole-body fallback drops. Menus (nav) and side boxes (aside) are dropped
 * everywhere, since Readability sometimes keeps them; header and footer only in the fallback,
 * because inside an article they can hold its title or its date. */
const CHROME_TAGS = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM']);

/**
 * A line break in the HTML source between two Chinese characters is not a space: Chinese has
 * no spaces between words, and editors wrap long lines anywhere ("政府工作报\n告"). CSS Text 3
 * says the same (segment breaks between wide characters are removed). Elsewhere it is a space.
 */
const WIDE = /[\u2e80-\u303f\u3400-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;
const SOFT_BREAK = '\u0001';

class LineBuilder {
  private lines: string[] = [];
  private current = '';

  inline(s: string): void {
    this.current += s;
  }

  /** Ends the current line (if it holds anything). */
  breakLine(): void {
    let line = this.current;
    this.current = '';
    if (line.includes(SOFT_BREAK)) {
      line = line.replace(/\u0001+/g, (_m, at: number, whole: string) => {
        let before = at - 1;
        while (before >= 0 && (whole[before] === ' ' || whole[before] === SOFT_BREAK)) before--;
        let after = at;
        while (after < whole.length && (whole[after] === ' ' || whole[after] === SOFT_BREAK)) after++;
        return before >= 0 && after < whole.length && WIDE.test(whole[before]) && WIDE.test(whole[after]) ? '' : ' ';
      });
    }
    line = line.replace(/ {2,}/g, ' ').replace(/^[ \t]+|[ \t]+$/g, '');
    // A line of spaces around Chinese text collapses to nothing; keep only lines with content.
    if (line.replace(/\s/g, '') !== '') this.lines.push(line);
  }

  text(): string {
    this.breakLine();
    return this.lines.join('\n');
  }
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

function walk(node: Node, out: LineBuilder, inPre: boolean, dropChrome: boolean): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) {
      const data = (child as CharacterData).data;
      if (inPre) {
        const pieces = data.split(/\r\n|\r|\n/);
        pieces.forEach((piece, i) => {
          if (i > 0) out.breakLine();
          out.inline(piece);
        });
      } else {
        out.inline(data.replace(/[ \t\n\r\f]+/g, (ws) => (/[\n\r]/.test(ws) ? SOFT_BREAK : ' ')));
      }
      continue;
    }
    if (child.nodeType !== ELEMENT_NODE) continue;
    const el = child as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag) || isHidden(el)) continue;
    if (tag === 'NAV' || tag === 'ASIDE' || (dropChrome && CHROME_TAGS.has(tag))) continue;
    if (tag === 'BR') {
      out.breakLine();
      continue;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) out.breakLine();
    walk(el, out, inPre || tag === 'PRE' || tag === 'TEXTAREA', dropChrome);
    if (block) out.breakLine();
    else if (tag === 'TD' || tag === 'TH') out.inline('\t');
    // Images carry no text, but their alt text sometimes holds a figure caption; leave it out:
    // it is not part of the report as printed.
  }
}

/** The text of an element or document with one line per block element (see the module comment). */
export function blockText(root: Node): string {
  const out = new LineBuilder();
  walk(root, out, false, false);
  return out.text();
}

function pageUrl(doc: Document, url: string | undefined): string | null {
  if (url) return url;
  const canonical = doc.querySelector('link[rel~="canonical"][href]')?.getAttribute('href') ?? '';
  if (/^https?:\/\//i.test(canonical)) return canonical;
  const own = doc.URL ?? '';
  return /^https?:\/\//i.test(own) ? own : null;
}

/**
 * Readability drops the first <h1>/<h2> that "duplicates the title", comparing word tokens split
 * on \W: Chinese characters are all \W, so only the ASCII digits count, and a section heading
 * "二、2023年主要任务" on a page titled "2023年政府工作报告" looks like a duplicate and vanishes,
 * taking a section boundary with it. Readability applies that rule (and its class-name heading
 * cleanup) to h1 and h2 only, so on our clone they become h3, which it keeps. The text is
 * unchanged: every heading is one line either way.
 */
function demoteTopHeadings(doc: Document): void {
  for (const heading of Array.from(doc.querySelectorAll('h1, h2'))) {
    const replacement = doc.createElement('h3');
    for (const attr of Array.from(heading.attributes)) replacement.setAttribute(attr.name, attr.value);
    while (heading.firstChild) replacement.appendChild(heading.firstChild);
    heading.replaceWith(replacement);
  }
}

export function readableText(doc: Document, url?: string): ReadableText {
  const clone = doc.cloneNode(true) as Document;
  demoteTopHeadings(clone);
  let article: ReturnType<Readability<Node>['parse']> = null;
  try {
    if (clone.documentElement && nestedDeeperThan(clone.documentElement, MAX_READABLE_DEPTH)) throw new Error('nested too deep for Readability');
    article = new Readability<Node>(clone, {
      // Keep the article as an element of the clone instead of an HTML string: the text is read
      // from it directly, and no page markup is ever re-parsed.
      serializer: (el) => el,
      // Chinese packs about three times the meaning per character; Readability's default of 500
      // characters would reject a short report summary.
      charThreshold: 200,
    }).parse();
  } catch {
    article = null; // Readability throws on some malformed documents; fall back to the body.
  }

  let text = article?.content ? blockText(article.content) : '';
  const usedReadability = text !== '';
  if (!usedReadability) {
    // Read a fresh clone: Readability has already pruned the first one.
    const body = (doc.cloneNode(true) as Document).body;
    if (body) {
      const out = new LineBuilder();
      walk(body, out, false, true);
      text = out.text();
    }
  }
  const title = (article?.title ?? '').trim() || (doc.title ?? '').trim();
  return {
    title,
    text,
    usedReadability,
    url: pageUrl(doc, url),
    byline: article?.byline?.trim() || null,
    siteName: article?.siteName?.trim() || null,
    lang: article?.lang?.trim() || doc.documentElement?.getAttribute('lang') || null,
  };
}
