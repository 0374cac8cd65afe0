/**
 * Bytes → text for report files, without asking the user which encoding they hold.
 *
 * Government report files come as UTF-8 (with or without a BOM), as UTF-16 with a BOM (saved from
 * Word or Notepad), and very often as GBK/GB2312/GB18030 (older portals, files saved on Chinese
 * Windows). The order of attempts matters:
 *   1. A BOM is authoritative: it is stripped, and offsets count from the character after it.
 *   2. Strict UTF-8. Chinese text in GBK is practically never valid UTF-8 (GBK lead bytes 0x81–0xFE
 *      followed by trail bytes 0x40–0xFE break UTF-8's continuation rules within a few characters),
 *      so a strict UTF-8 success is trustworthy. The reverse is not true: UTF-8 Chinese is very
 *      often valid GB18030 (as mojibake), so UTF-8 goes first even when an HTML page declares
 *      gb2312 (declarations lie: pages are re-saved as UTF-8 and keep their old <meta>).
 *   3. Strict GB18030, a superset of GBK and GB2312, so one attempt covers all three.
 *   4. A declared charset of another kind (Big5 …), only when both fail.
 * Binary files are refused before and after decoding: a NUL byte, or control characters that no
 * text file carries, mean "not text" (GB18030 accepts most byte soup, so the post-check matters).
 */

/** 'utf-8', 'utf-16le', 'utf-16be', 'gb18030', or (rarely) another charset an HTML page declared. */
export type TextEncodingName = string;

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as. */
  encoding: TextEncodingName;
  /** Whether a byte-order mark was present (and stripped: offsets are relative to the text after it). */
  bom: boolean;
}

export type DecodingFailure = 'empty' | 'blank' | 'binary' | 'unknown-encoding';

export class DecodingError extends Error {
  readonly reason: DecodingFailure;
  constructor(reason: DecodingFailure, message: string) {
    super(message);
    this.name = 'DecodingError';
    this.reason = reason;
  }
}

export interface DecodeOptions {
  /** A charset the container declares (HTML meta, HTTP header); a hint, used only as a last resort. */
  declared?: string | null;
}

/** Labels that all mean "the GB family": GB18030 decodes every one of them. */
const GB_LABELS = new Set(['gbk', 'gb2312', 'gb18030', 'gb_2312-80', 'x-gbk', 'cp936', 'csgb2312', 'chinese', 'iso-ir-58', 'windows-936', 'euc-cn']);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

function strictDecode(encoding: TextEncodingName, bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: the BOM has already been handled (or is absent); never let the decoder eat a second one.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Offset of the first byte where strict UTF-8 fails, for the error message; -1 when valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Control characters that plain text never holds. Tab, LF, VT, FF, CR are text; so is ESC-free
 * everything else. One in a thousand characters is generous for a stray form feed from a PDF
 * conversion and still far below what binary data produces (binary runs ~10% control bytes).
 */
function looksBinary(text: string): boolean {
  let controls = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d) || c === 0x7f) controls++;
  }
  return controls > Math.max(2, n / 1000);
}

function hex(b: number): string {
  return '0x' + b.toString(16).padStart(2, '0').toUpperCase();
}

function finish(text: string, encoding: TextEncodingName, bom: boolean): DecodedText {
  if (looksBinary(text)) {
    throw new DecodingError('binary', 'looks like binary data, not text (control characters after decoding as ' + encoding + ')');
  }
  if (text.trim() === '') {
    throw new DecodingError('blank', 'file has no text (only white space)');
  }
  return { text, encoding, bom };
}

export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  if (bytes.length === 0) throw new DecodingError('empty', 'file is empty');

  // 1. Byte-order marks.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const rest = bytes.subarray(3);
    const text = strictDecode('utf-8', rest);
    if (text === null) {
      const at = firstInvalidUtf8(rest) + 3;
      throw new DecodingError('unknown-encoding', `starts with a UTF-8 byte-order mark but is not valid UTF-8 (byte ${hex(bytes[at])} at offset ${at})`);
    }
    return finish(text, 'utf-8', true);
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding: TextEncodingName = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const rest = bytes.subarray(2);
    const text = rest.length % 2 === 0 ? strictDecode(encoding, rest) : null;
    if (text === null)
      throw new DecodingError('unknown-encoding', `starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}`);
    return finish(text, encoding, true);
  }

  // 2. NUL bytes: binary (or UTF-16 without a BOM, which we do not guess at: it is rare and the
  // guess is unreliable for CJK text, where neither byte of a code unit is zero).
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new DecodingError('binary', `looks like binary data, not text (NUL byte at offset ${nul})`);

  // 3. UTF-8, then GB18030, whatever the page declares (see the module comment).
  const declared = options.declared?.trim().toLowerCase() ?? '';
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    const text = strictDecode(encoding, bytes);
    if (text !== null) return finish(text, encoding, false);
  }
  // A declaration of another legacy charset (Big5, Shift_JIS …) is honoured only when neither
  // UTF-8 nor GB18030 can read the bytes: single-byte charsets decode anything, so trying them
  // first would turn a mislabelled GBK page into mojibake instead of Chinese.
  if (declared && !GB_LABELS.has(declared) && !UTF8_LABELS.has(declared)) {
    let decoder: TextDecoder | null = null;
    try {
      decoder = new TextDecoder(declared, { fatal: true, ignoreBOM: true });
    } catch {
      decoder = null; // not a label this runtime knows
    }
    if (decoder) {
      try {
        return finish(decoder.decode(bytes), decoder.encoding, false);
      } catch (err) {
        if (err instanceof DecodingError) throw err;
      }
    }
  }
  const at = firstInvalidUtf8(bytes);
  const where = at >= 0 ? ` (byte ${hex(bytes[at])} at offset ${at})` : '';
  const note =
    declared && !GB_LABELS.has(declared) && !UTF8_LABELS.has(declared) ? `; it declares charset "${declared}", which does not fit the bytes either` : '';
  throw new DecodingError('unknown-encoding', `cannot read the text: neither UTF-8${where} nor GBK/GB18030${note}`);
}
