/** Building patterns from word lists: alternations longest first, so that a longer word wins over
 * its own prefix or suffix (降幅 over 降, 净减少 over 减少). */
export function alternation(words: readonly string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).join('|');
}

/** The items bucketed by a key, each bucket in list order. For words, the character they end or
 * start with: phrases are trimmed thousands of times per report, and most end in a character that
 * ends no word. */
export function bucketBy<T>(items: readonly T[], pick: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = pick(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** A pattern matching one of the words at the end of a string. */
export function endsWithAny(words: readonly string[]): RegExp {
  return new RegExp(`(?:${alternation(words)})$`);
}
