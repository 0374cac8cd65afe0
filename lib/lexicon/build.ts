/** Building patterns from word lists: alternations longest first, so that a longer word wins over
 * its own prefix or suffix (降幅 over 降, 净减少 over 减少). */
export function alternation(words: readonly string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).join('|');
}

/** A pattern matching one of the words at the end of a string. */
export function endsWithAny(words: readonly string[]): RegExp {
  return new RegExp(`(?:${alternation(words)})$`);
}
