/**
 * One lexicon for extraction and linking: a change word extraction reads is a direction word in
 * linking, hedges read as targets one way, counters of one family are one family.
 */
import { describe, expect, it } from 'vitest';
import {
  CHANGE_ENDINGS,
  DIRECTION_OF,
  RESPECTIVE_CHANGE_VERBS,
  BOUNDS_AFTER,
  BOUNDS_BEFORE,
  DIRECTIONLESS_CHANGE,
  targetReading,
  unitFamily,
} from '../../lib/lexicon';
import { canonicalPhrase, sameIndicator, indicatorKey } from '../../lib/linking';
import { extractFigures } from '../../lib/extraction';
import { endsWithChange } from '../../lib/extraction/metric';

const meta = { title: null, region: null, level: null, delivered: null, planYear: 2025, reviewYear: 2024, warnings: [] };

describe('lexicon', () => {
  it('gives every change word extraction knows a direction in linking', () => {
    const missing: string[] = [];
    for (const w of [...CHANGE_ENDINGS, ...RESPECTIVE_CHANGE_VERBS]) {
      if (DIRECTIONLESS_CHANGE.includes(w)) continue;
      // Extraction reads the word as a change …
      expect(endsWithChange(`粮食产量${w}`), w).toBe(true);
      // … and linking folds it into the direction, leaving the indicator.
      const p = canonicalPhrase(`粮食产量${w}`);
      if (p.direction !== DIRECTION_OF.get(w) || p.phrase !== '粮食产量') missing.push(`${w}: ${p.phrase} ${p.direction}`);
    }
    expect(missing).toEqual([]);
  });

  it('folds 粮食产量增产 with 粮食产量增长 and 减产 with 下降', () => {
    expect(canonicalPhrase('粮食产量增产')).toMatchObject({ phrase: '粮食产量', direction: 'up' });
    expect(sameIndicator({ metric: '粮食产量增产', unit: '%', growth: true }, { metric: '粮食产量增长', unit: '%', growth: true })).toBe(1);
    expect(indicatorKey({ metric: '粮食产量减产', unit: '%', growth: true })).toBe(indicatorKey({ metric: '粮食产量下降', unit: '%', growth: true }));
    // Extraction reads a % after 增产 as a rate of change.
    const text = '二、2024年工作回顾\n全年粮食产量增产2.1%。';
    const [f] = extractFigures(text, { sections: [], meta });
    expect(f).toMatchObject({ metric: '粮食产量增产', growth: true });
  });

  it('reads each bound as a target one way', () => {
    expect(targetReading('以上')).toBe('floor');
    expect(targetReading('不低于')).toBe('floor');
    expect(targetReading('左右')).toBe('about');
    expect(targetReading('以内')).toBe('ceiling');
    expect(targetReading('不超过')).toBe('ceiling');
    expect(targetReading(null)).toBeNull();
    for (const [w] of [...BOUNDS_BEFORE, ...BOUNDS_AFTER]) expect(targetReading(w), w).not.toBeNull();
  });

  it('puts the counters reports swap for one another in one family', () => {
    expect(unitFamily('所')).toBe(unitFamily('个'));
    expect(unitFamily('家')).toBe(unitFamily('座'));
    expect(unitFamily('名')).toBe(unitFamily('人'));
    expect(unitFamily('户')).not.toBe(unitFamily('人'));
    expect(unitFamily('公里')).toBe('公里');
  });
});
