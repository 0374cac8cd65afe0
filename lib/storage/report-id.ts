/**
 * A report's id: SHA-256 (hex) of its text, normalised and with all whitespace removed.
 *
 * Why a content hash: the same report is published at several addresses (gov.cn, a provincial
 * portal, a news site) and reloaded many times; hashing the text makes all of these one row.
 * Why whitespace is dropped: line breaks and indentation depend on the page layout and on how the
 * text was taken from it, never on what the report says. SHA-256 rather than a fast 64-bit hash:
 * crypto.subtle is in every context we run in (service worker, pages, Node 20), it is fast enough
 * (a 40k-character report hashes in well under a millisecond) and collisions are not a concern.
 */
import { normalizeText } from '../text';

export function reportIdInput(text: string): string {
  return normalizeText(text).text.replace(/\s+/g, '');
}

export async function reportIdFor(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(reportIdInput(text));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
