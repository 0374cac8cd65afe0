/**
 * Every shape a report takes on the web (tests/fixtures/shapes): detection, region, level, years,
 * the rule that decided the years, and the section (hence kind) of every figure; and the
 * documents that share a report's sessions or formula, rejected for what they are.
 */
import { describe, expect, it } from 'vitest';
import { analyseReport } from '../../lib/analysis';
import { mayCarryReport } from '../../lib/page/prefilter';
import type { Analysis } from '../../lib/model';
import { POSITIVES } from '../fixtures/shapes/positives';
import { NEGATIVES } from '../fixtures/shapes/negatives';
import type { ShapeCase } from '../fixtures/shapes/types';

function analyse(c: ShapeCase): Analysis {
  return analyseReport(c.text, { title: c.title, url: c.url });
}

function why(a: Analysis): string {
  return [...a.report.reasons, ...a.report.warnings].join('\n');
}

describe('report shapes', () => {
  for (const c of POSITIVES) {
    describe(c.name, () => {
      const a = analyse(c);
      it('is detected, with weighted reasons', () => {
        expect(a.report.isReport, why(a)).toBe(true);
        expect(a.report.reasons.some((r) => /^\+\d/.test(r))).toBe(true);
      });
      it('has its region, level and years', () => {
        const expected: Record<string, unknown> = {};
        for (const k of ['region', 'level', 'planYear', 'reviewYear', 'delivered'] as const) if (k in c) expected[k] = c[k];
        expect(a.report, why(a)).toMatchObject(expected);
        if (c.yearRule)
          expect(
            a.report.warnings.find((w) => /^years from/.test(w)),
            why(a),
          ).toMatch(c.yearRule);
      });
      it('puts every figure in its section, with a kind that fits it', () => {
        expect(a.figures.length).toBeGreaterThan(5);
        const marks = (c.parts ?? []).map(([m, s]) => {
          const at = c.text.indexOf(m);
          expect(at, `marker ${m}`).toBeGreaterThanOrEqual(0);
          return { at, section: s };
        });
        for (const f of a.figures) {
          const part = marks.filter((m) => m.at <= f.start).pop();
          const label = `${f.text} in "${f.sentence}"`;
          expect(f.section, label).toBe(part?.section ?? 'other');
          if (f.section === 'review') expect(f.kind, label).not.toBe('target');
          if (f.section === 'plan') expect(['target', 'baseline'], label).toContain(f.kind);
        }
      });
      it('passes the cheap in-page check', () => {
        expect(mayCarryReport(c.title ?? '', c.text).mayBeReport).toBe(true);
      });
    });
  }
});

describe('documents that are not reports', () => {
  for (const c of NEGATIVES) {
    it(`rejects a ${c.name}`, () => {
      const a = analyse(c);
      expect(a.report.isReport, why(a)).toBe(false);
      const against = a.report.reasons.filter((r) => r.startsWith('-'));
      expect(against.join('\n'), why(a)).toMatch(c.rejectedFor!);
    });
  }
});

describe('an outline with its sub-items', () => {
  it('is still one outline, and the review after it stays a review', async () => {
    const { OUTLINE_FIRST } = await import('../fixtures/shapes/positives');
    const text = OUTLINE_FIRST.text.replace(
      '二、“十五五”时期奋斗目标和2026年主要预期目标\n三、',
      '（一）全力稳增长促发展\n（二）持续增进民生福祉\n二、“十五五”时期奋斗目标和2026年主要预期目标\n（一）奋斗目标\n三、',
    );
    const a = analyseReport(text);
    expect(a.sections.map((s) => s.kind)).toEqual(['other', 'review', 'review', 'plan', 'plan', 'plan']);
    expect(a.sections[0].title).toBe('目录');
    expect(a.figures.filter((f) => f.start < text.indexOf('二、“十五五”时期奋斗目标和2026年主要预期目标\n“')).every((f) => f.section === 'review')).toBe(true);
  });
});
