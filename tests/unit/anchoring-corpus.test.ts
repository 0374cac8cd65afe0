/**
 * Re-anchoring on real report text (../shared/corpus beside the project; skipped when absent):
 * passages of the sample report and a national report are found again after the edits pages
 * really get — text moved, a figure corrected, a word added — and not found once removed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { anchorText, describeOffsets } from '../../lib/anchoring';
import { CORPUS_DIR, describeIfCorpus } from '../corpus-suite';

const corpus = CORPUS_DIR;
const files = ['xuhui-2023-summary.txt', 'national/national_2024.txt'].map((f) => resolve(corpus, f));
const available = files.every((f) => existsSync(f));

/**
 * About 20 passages per report, spread over the text: sentences, or lines where a report (the
 * sample summary) is written as one item per line, 12 to 120 characters long.
 */
function sentences(text: string): Array<[number, number]> {
  const all: Array<[number, number]> = [];
  const re = /[^。！？\n]{12,120}(?:[。！？]|(?=\n))/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // Report text only (not the transcription's licence footer), and said once: a passage that
    // also stands elsewhere verbatim is rightly found there once its own copy changes.
    if (/[\u4e00-\u9fff]{6}/.test(m[0]) && text.indexOf(m[0]) === text.lastIndexOf(m[0])) all.push([m.index, m.index + m[0].length]);
  }
  const step = Math.max(1, Math.floor(all.length / 20));
  return all.filter((_, i) => i % step === 0);
}

describeIfCorpus(available)('re-anchoring on corpus reports', () => {
  for (const file of files) {
    const name = file.slice(corpus.length + 1);
    it(`${name}: moved, corrected, extended and removed passages`, () => {
      const text = readFileSync(file, 'utf8');
      const spans = sentences(text);
      expect(spans.length).toBeGreaterThan(3);
      for (const [start, end] of spans) {
        const selectors = describeOffsets(text, start, end);
        const passage = text.slice(start, end);
        const where = `${name} @${start}: ${passage}`;

        // Text added at the top: found exactly, at its new place.
        const moved = `（二〇二四年修订版）\n${text}`;
        expect(anchorText(selectors, moved), where).toMatchObject({ start: start + 11, end: end + 11, exact: true });

        // A digit (or, without one, a character) corrected inside: found approximately, in place.
        const digit = passage.search(/\d/);
        const at = start + (digit >= 0 ? digit : Math.floor(passage.length / 2));
        const replacement = digit >= 0 ? String((Number(text[at]) + 1) % 10) : '变';
        const corrected = text.slice(0, at) + replacement + text.slice(at + 1);
        const found = anchorText(selectors, corrected);
        expect(found, where).not.toBeNull();
        expect(found!.method, where).toBe('fuzzy');
        expect(Math.abs(found!.start - start) + Math.abs(found!.end - end), where).toBeLessThanOrEqual(2);

        // Two characters added inside.
        const mid = start + Math.floor(passage.length / 2);
        const extended = text.slice(0, mid) + '全面' + text.slice(mid);
        const ext = anchorText(selectors, extended);
        expect(ext, where).not.toBeNull();
        expect(extended.slice(ext!.start, ext!.end), where).toContain('全面');

        // The passage removed: not found anywhere else.
        const removed = text.slice(0, start) + text.slice(end);
        expect(anchorText(selectors, removed), where).toBeNull();
      }
    });
  }
});
