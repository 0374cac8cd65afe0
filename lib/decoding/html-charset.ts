/**
 * The charset an HTML file declares for itself, read from its bytes before decoding (the
 * HTML standard's "prescan": look at the first 1024 bytes for <meta charset> or
 * <meta http-equiv="Content-Type" content="…; charset=…">). Chinese government pages often
 * declare gb2312 and are really GBK; decodeBytes treats the answer as a hint only.
 */

const PRESCAN_BYTES = 1024;

export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  // Latin-1 keeps every byte as one char, so ASCII markup is readable whatever the real encoding.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta);
    if (direct) return direct[1].toLowerCase();
  }
  return null;
}

/** Whether bytes (or a file name) look like HTML rather than plain text. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1')
    .decode(bytes.subarray(0, 512))
    .replace(/^\ufeff|^\xef\xbb\xbf/, '')
    .trimStart()
    .toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(head|body|meta)\b/.test(head);
}
