/**
 * Text with the search terms marked (<mark>), matched the way the search matches them: on a folded
 * copy (NFKC, lower case), so "ＧＤＰ" in a note is marked for the query "gdp". Text stays text.
 */
import { fold } from '../../lib/notes';

/** [start, end) ranges of `text` that match a term of `query`, sorted and merged. */
export function hitRanges(text: string, query: string): [number, number][] {
  const terms = query.split(/\s+/).map(fold).filter(Boolean);
  if (terms.length === 0 || !text) return [];
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length;) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    for (const unit of fold(ch).split('')) {
      folded += unit;
      from.push(i);
      to.push(i + ch.length);
    }
    i += ch.length;
  }
  const ranges: [number, number][] = [];
  for (const term of terms) {
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + term.length)) {
      ranges.push([from[at], to[at + term.length - 1]]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

export function Highlighted({ text, query }: { text: string; query: string }) {
  const ranges = hitRanges(text, query);
  if (ranges.length === 0) return <>{text}</>;
  const parts = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s > at) parts.push(text.slice(at, s));
    parts.push(
      <mark key={s} class="hit">
        {text.slice(s, e)}
      </mark>,
    );
    at = e;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
