/**
 * View answers kept until the index changes: the popup's comparison of a report and the library's
 * list are asked on every opening, and between two openings the index rarely changes. An answer is
 * kept with the database's write count when it was asked (`ZhibiaoDB.writes`); any write since,
 * here or in another context, makes the next request compute it again. The promise itself is kept,
 * so requests arriving together share one query; a failed query is not kept.
 *
 * Answers leave the background as copies (extension messages are serialised), so handing the same
 * object to several requests is safe as long as nothing here changes it.
 */
import type { ZhibiaoDB } from '../storage';

/** Comparisons of the reports last opened; the library's list is one more entry. */
const KEPT = 16;

type Entry = { writes: number; answer: Promise<unknown> };

const memos = new WeakMap<ZhibiaoDB, Map<string, Entry>>();

/** The answer to the request named `key`, from memory when nothing was written since it was computed. */
export function memoised<T>(db: ZhibiaoDB, key: string, compute: () => Promise<T>): Promise<T> {
  let kept = memos.get(db);
  if (!kept) memos.set(db, (kept = new Map()));
  const writes = db.writes;
  const hit = kept.get(key);
  if (hit && hit.writes === writes) {
    // Most recently used last, so the oldest is the first to go.
    kept.delete(key);
    kept.set(key, hit);
    return hit.answer as Promise<T>;
  }
  const answer = compute();
  const entry: Entry = { writes, answer };
  kept.delete(key);
  kept.set(key, entry);
  while (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  answer.catch(() => {
    if (kept.get(key) === entry) kept.delete(key);
  });
  return answer;
}
