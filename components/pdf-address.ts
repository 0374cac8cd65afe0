/**
 * Whether a tab shows a PDF, from its address alone: the popup asks this on every opening, so it
 * lives apart from the reading itself (pdf-tab.ts), which loads only on "Analyse this PDF".
 */

/** A tab address that shows a PDF: http(s) or file, whose path ends in .pdf. */
export function pdfTabUrl(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (!['http:', 'https:', 'file:'].includes(u.protocol)) return null;
    return /\.pdf$/i.test(decodeURIComponent(u.pathname)) ? u.href.split('#')[0] : null;
  } catch {
    return null;
  }
}
