/**
 * Full-text search over notes that works for Chinese without word segmentation.
 *
 * Matching is by substring on a folded copy of each field (NFKC, so full-width letters and digits
 * equal their ASCII forms, then lower case): a query term of any length matches wherever its
 * characters appear in order, which is what a reader expects when typing "公租房" or "GDP".
 * Query terms are separated by spaces and all must match (AND).
 *
 * Ranking, per term, by the best field it was found in: an exact tag 8, quote 4, note body 3,
 * tag substring 3, page or report title 2 — what the reader marked and wrote outweighs where it was
 * written — plus 1 when the field starts with the term. Ties go to the most recently edited.
 *
 * When no note contains every term, a loose pass follows: a term matches a note when at least
 * 60% of its character bigrams occur in the note (catches 公租房供应 vs 公租房的供应). Loose hits
 * score by that fraction and always rank below strict ones.
 */
import type { NoteView } from './requests';

export function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

interface Fields {
  tags: string[];
  quote: string;
  body: string;
  titles: string;
  all: string;
}

function fieldsOf(note: NoteView): Fields {
  const tags = note.tags.map(fold);
  const quote = fold(note.quote);
  const body = fold(note.body);
  const titles = fold(`${note.pageTitle}\n${note.report?.title ?? ''}\n${note.figure?.metric ?? ''}`);
  return { tags, quote, body, titles, all: `${quote}\n${body}\n${tags.join('\n')}\n${titles}` };
}

function termScore(f: Fields, term: string): number {
  let best = 0;
  const consider = (score: number, field: string) => {
    const at = field.indexOf(term);
    if (at === -1) return;
    best = Math.max(best, score + (at === 0 ? 1 : 0));
  };
  if (f.tags.includes(term)) best = 9;
  consider(4, f.quote);
  consider(3, f.body);
  for (const tag of f.tags) consider(3, tag);
  consider(2, f.titles);
  return best;
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

export const LOOSE_MATCH = 0.6;

export function queryTerms(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

/** Notes matching `query`, best first; all notes (newest first) for an empty query. */
export function searchNotes(notes: NoteView[], query: string): NoteView[] {
  const terms = queryTerms(query);
  const byRecent = (a: NoteView, b: NoteView) => b.updated - a.updated;
  if (terms.length === 0) return [...notes].sort(byRecent);

  const fields = notes.map(fieldsOf);
  const strict: Array<{ note: NoteView; score: number }> = [];
  notes.forEach((note, i) => {
    let score = 0;
    for (const term of terms) {
      const s = termScore(fields[i], term);
      if (s === 0) return;
      score += s;
    }
    strict.push({ note, score });
  });
  const rank = (list: Array<{ note: NoteView; score: number }>) => list.sort((a, b) => b.score - a.score || byRecent(a.note, b.note)).map((x) => x.note);
  if (strict.length) return rank(strict);

  const loose: Array<{ note: NoteView; score: number }> = [];
  const termGrams = terms.map((t) => (t.length >= 2 ? bigrams(t) : [t]));
  notes.forEach((note, i) => {
    let score = 0;
    for (const grams of termGrams) {
      const hit = grams.filter((g) => fields[i].all.includes(g)).length / grams.length;
      if (hit < LOOSE_MATCH) return;
      score += hit;
    }
    loose.push({ note, score });
  });
  return rank(loose);
}
