/**
 * Page addresses and text-fragment links, for every part that stores, compares or links to pages.
 * Pure string functions with no imports, so storage, notes, views and the page may all use them
 * without depending on each other.
 */

/** Addresses are stored and compared without their fragment: #figure-3 and #top are the same page. */
export function pageUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** Percent-encodes a text-fragment term: encodeURIComponent leaves `-` alone, but in a fragment
 * directive `-` and `,` are syntax, and `&` separates directives. */
export function encodeFragmentTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}
