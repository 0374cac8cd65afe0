/** Building patterns from word lists: alternations longest first, so that a longer word wins over
 * its own prefix or suffix (降幅 over 降, 净减少 over 减少). */
export function alternation(words: readonly string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).join('|');
}

/** The words bucketed by a key (the character they end or start with), each bucket in list order:
 * phrases are trimmed thousands of times per report, and most end in a character that ends no word. */
export function bucketBy(words: readonly string[], pick: (w: string) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const w of words) {
    const k = pick(w);
    const list = out.get(k);
    if (list) list.push(w);
    else out.set(k, [w]);
  }
  return out;
}

/** A pattern matching one of the words at the end of a string. */
export function endsWithAny(words: readonly string[]): RegExp {
  return new RegExp(`(?:${alternation(words)})$`);
}
