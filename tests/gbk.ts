/**
 * Test inputs in GBK: Node decodes GB18030 but cannot encode it, so the table is built from the
 * platform's own decoder (no iconv dependency). Unit and end-to-end tests share it.
 */
/** GBK bytes for a string, from a table built with the platform's own GB18030 decoder. */
export function encodeGbk(s: string): Uint8Array {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gb18030', { fatal: true });
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      try {
        const ch = dec.decode(new Uint8Array([a, b]));
        if (!table.has(ch)) table.set(ch, [a, b]);
      } catch {
        /* not a character */
      }
    }
  }
  const out: number[] = [];
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
