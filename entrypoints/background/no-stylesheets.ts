/**
 * Stands in for linkedom's CSS parser (cssomnom, ~200 kB of the background's script): linkedom calls
 * it only when a `<style>` element's `sheet` is read, which Readability never does on the copies the
 * background parses (wxt.config.ts aliases `cssomnom/parse` here).
 */
export function parse(): never {
  throw new Error('Stylesheets are not parsed in the background');
}
