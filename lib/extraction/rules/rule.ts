/**
 * A named rule: one decision of the engine (which words name a figure, what kind it is, which
 * unit and qualifier it takes), tried in a fixed order. The first rule whose `applies` holds
 * decides, and its name is recorded on the figure (`Figure.rules`), so that `zhibiao extract
 * --explain` and the golden record show which rule produced each reading.
 *
 * `applies` only reads; `resolve` writes the decision into the case. A rule that needs an
 * expensive reading for both (the words after the unit, a metric built from the figure before)
 * reads it through a memoised getter of the case, so it is computed once.
 */
export interface Rule<C> {
  name: string;
  applies(c: C): boolean;
  resolve(c: C): void;
}

/** Runs the first rule that applies; returns its name, or null when none did. */
export function runFirst<C>(rules: readonly Rule<C>[], c: C): string | null {
  for (const r of rules) {
    if (r.applies(c)) {
      r.resolve(c);
      return r.name;
    }
  }
  return null;
}
