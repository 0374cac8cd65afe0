/**
 * Traditional characters, as template and Hong Kong or Taiwan sites repost reports
 * ("各位代表：現在，我代表區人民政府，向大會報告工作"): the engine's patterns are written in
 * simplified characters, so a text in traditional script is read through a simplified copy of the
 * same length, and every offset still points into the caller's text.
 */
import { ConverterFactory } from 'opencc-js/core';
// Only the traditional → simplified tables (≈37 kB), not the regional variants: the content script
// carries them on every page.
import toSimplifiedTable from 'opencc-js/to/cn';

/** Characters common in reports that exist only in traditional script (們 這 會 區 …). */
const TRADITIONAL_ONLY = /[們這會區國發經過與為時對東長開關實現進設產業會議報種務將體當應陸機農統價區縣鎮鄉條廣環營務總]/g;

/** True when a text reads as traditional script: enough traditional-only characters in its opening. */
export function isTraditional(text: string): boolean {
  const sample = text.length > 6000 ? text.slice(0, 6000) : text;
  const n = (sample.match(TRADITIONAL_ONLY) ?? []).length;
  return n >= 8 && n >= sample.length / 200;
}

let convert: ((s: string) => string) | null = null;

/**
 * The simplified copy of a text, character for character: the converter's phrase rules can change
 * a text's length, so a result of another length is redone one character at a time, keeping any
 * character whose conversion is not a single character.
 */
export function toSimplified(text: string): string {
  convert ??= ConverterFactory(toSimplifiedTable);
  const whole = convert(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) {
    const c = convert(ch);
    out += c.length === ch.length ? c : ch;
  }
  return out;
}
