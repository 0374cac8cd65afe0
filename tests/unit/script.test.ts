/**
 * Traditional script: recognised from its own characters, read through a simplified copy of the
 * same length, and figures still point into (and quote) the traditional text.
 */
import { describe, expect, it } from 'vitest';
import { isTraditional, toSimplified } from '../../lib/text/script';
import { analyseReport } from '../../lib/analysis';
import { TRADITIONAL_REPOST, COUNTY_REPORT } from '../fixtures/shapes/positives';

describe('traditional script', () => {
  it('tells traditional from simplified text', () => {
    expect(isTraditional(TRADITIONAL_REPOST.text)).toBe(true);
    expect(isTraditional(COUNTY_REPORT.text)).toBe(false);
    // A few traditional names inside simplified text do not make it traditional.
    expect(isTraditional(`${COUNTY_REPORT.text}\n臺灣 香港 澳門`)).toBe(false);
  });

  it('converts character for character, keeping the length', () => {
    const s = '各位代表：現在，我代表區人民政府，向大會報告工作。乾淨的頭髮，𠀋字不動。';
    const t = toSimplified(s);
    expect(t).toBe('各位代表：现在，我代表区人民政府，向大会报告工作。干净的头发，𠀋字不动。');
    expect(t.length).toBe(s.length);
  });

  it('gives figures that quote the traditional page', () => {
    const a = analyseReport(TRADITIONAL_REPOST.text, { title: TRADITIONAL_REPOST.title });
    expect(a.report.warnings).toContain('read in simplified characters (the text is in traditional script)');
    for (const f of a.figures) expect(TRADITIONAL_REPOST.text.slice(f.start, f.end)).toBe(f.text);
    expect(a.figures.map((f) => f.text)).toContain('1.2萬人以上');
  });
});
