// @vitest-environment jsdom
/**
 * FigureCard rendered with Preact: a target with its outcome and verdict, a result beside last
 * year's and next year's figures, both languages, the buttons, and page text kept as text.
 */
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { FigureCard } from '../../components/FigureCard';
import { formatChange, formatRange } from '../../components/format';
import { setLang } from '../../components/i18n';
import { buildCardModel } from '../../lib/page/card-model';
import type { HistoryPoint } from '../../lib/messages/types';
import type { Figure } from '../../lib/model';
import { host } from './preact-host';

const gdpTarget: Figure = {
  start: 0,
  end: 5,
  text: '5%左右',
  value: 5,
  unit: '%',
  qualifier: '左右',
  kind: 'target',
  section: 'plan',
  year: 2023,
  metric: '国内生产总值增长',
  growth: true,
  sentence: '国内生产总值增长5%左右',
  sentenceStart: 0,
};
const h = (
  reportId: string,
  figureIndex: number,
  year: number,
  kind: HistoryPoint['kind'],
  text: string,
  value: number,
  qualifier: string | null = null,
): HistoryPoint => ({
  reportId,
  figureId: `${reportId}:${figureIndex}`,
  figureIndex,
  year,
  kind,
  value,
  qualifier,
  unit: '%',
  text,
  url: `https://www.gov.cn/${reportId}`,
  reportTitle: `${year + 1}年政府工作报告`,
  region: '全国',
});
const history = [
  h('aaaaaaaaaaaaaaaa', 1, 2022, 'actual', '3%', 3),
  h('aaaaaaaaaaaaaaaa', 7, 2023, 'target', '5%左右', 5, '左右'),
  h('bbbbbbbbbbbbbbbb', 0, 2023, 'actual', '5.2%', 5.2),
];

async function show(props: Partial<Parameters<typeof FigureCard>[0]> & { model: Parameters<typeof FigureCard>[0]['model'] }) {
  const handlers = { onClose: vi.fn(), onStep: vi.fn(), onShowFigure: vi.fn() };
  await act(async () => {
    render(<FigureCard position={3} total={40} pinned historyState="ready" {...handlers} {...props} />, host);
  });
  return handlers;
}

describe('FigureCard', () => {
  it("shows a target's facts, last year's actual, the change and the outcome with its verdict", async () => {
    const model = buildCardModel({ index: 7, figure: gdpTarget, reportId: 'aaaaaaaaaaaaaaaa', history, linked: [] });
    const handlers = await show({ model });
    const text = host.textContent!;
    expect(text).toContain('国内生产总值增长');
    expect(text).toContain('左右');
    expect(text).toContain('2023');
    expect(host.querySelector('.zb-last')!.textContent).toContain('3%');
    expect(host.querySelector('.zb-change')!.textContent).toContain('+2个百分点');
    expect(host.querySelector('.zb-outcome')!.textContent).toContain('5.2%');
    expect(host.querySelector('.zb-outcome .zb-status-met')).not.toBeNull();
    expect(host.querySelectorAll('.zb-years tbody tr')).toHaveLength(2);
    expect(host.querySelector('.zb-pos')!.textContent).toBe('3/40');

    await act(async () => (host.querySelector('.zb-close') as HTMLElement).click());
    expect(handlers.onClose).toHaveBeenCalledOnce();
    const steps = host.querySelectorAll<HTMLElement>('.zb-step');
    await act(async () => steps[1].click());
    expect(handlers.onStep).toHaveBeenCalledWith(1);
  });

  it('shows when another copy of a year’s report prints another value', async () => {
    const disputed = [
      h('cccccccccccccccc', 0, 2022, 'actual', '3%', 3),
      h('dddddddddddddddd', 7, 2023, 'target', '5%左右', 5, '左右'),
      { ...h('bbbbbbbbbbbbbbbb', 0, 2023, 'actual', '5.2%', 5.2), disputed: [{ text: '9%', url: 'https://copy.example.com/' }] },
    ];
    await show({ model: buildCardModel({ index: 7, figure: gdpTarget, reportId: 'dddddddddddddddd', history: disputed, linked: [] }) });
    expect(host.querySelector('.zb-outcome')!.textContent).toContain('5.2%');
    expect(host.querySelector('.zb-outcome .zb-disputed')!.textContent).toMatch(/9%/);
  });

  it('says when the outcome is not indexed yet, in English too', async () => {
    setLang('en');
    const model = buildCardModel({ index: 7, figure: gdpTarget, reportId: null, history: [], linked: [] });
    await show({ model, historyState: 'pending' });
    expect(host.querySelector('.zb-outcome')!.textContent).toMatch(/Not yet/);
    expect(host.textContent).toContain('Reading the history');
    expect(host.textContent).toContain("This year's target");
  });

  it('names the keys the browser has for stepping, and puts value, unit and qualifier on one line', async () => {
    setLang('en');
    const model = buildCardModel({ index: 7, figure: gdpTarget, reportId: null, history: [], linked: [] });
    await show({ model, keys: { next: 'Ctrl+Shift+9', previous: 'Alt+K', toggle: 'Alt+O' } });
    expect(host.querySelector('.zb-hint')!.textContent).toBe('Ctrl+Shift+9 / Alt+K to step, Esc to close');
    const line = host.querySelector('.zb-facts-value')!;
    expect(line.querySelector('.zb-value')!.textContent).toBe('5%');
    expect(line.querySelector('.zb-unit')!.textContent).toBe('%');
    expect(line.querySelector('.zb-qualifier')!.textContent).toBe('左右');
    await show({ model });
    expect(host.querySelector('.zb-hint')!.textContent).toContain('Alt+J / Alt+K');
  });

  it('opens a linked figure of the report', async () => {
    const review: Figure = { ...gdpTarget, text: '3%', value: 3, qualifier: null, kind: 'actual', section: 'review', year: 2022 };
    const model = buildCardModel({ index: 7, figure: gdpTarget, reportId: null, history: [], linked: [{ index: 2, figure: review, role: 'review' }] });
    const handlers = await show({ model });
    await act(async () => (host.querySelector('.zb-link') as HTMLElement).click());
    expect(handlers.onShowFigure).toHaveBeenCalledWith(2);
  });

  it('offers this indicator in other regions only when it can open that page', async () => {
    const model = buildCardModel({ index: 7, figure: gdpTarget, reportId: 'aaaaaaaaaaaaaaaa', history, linked: [] });
    await show({ model });
    expect(host.querySelector('.zb-regions')).toBeNull();
    const onAcrossRegions = vi.fn();
    await show({ model, onAcrossRegions });
    await act(async () => (host.querySelector('.zb-regions') as HTMLElement).click());
    expect(onAcrossRegions).toHaveBeenCalledTimes(1);
  });

  it('renders page text as text', async () => {
    const hostile: Figure = { ...gdpTarget, text: '<img src=x onerror=alert(1)>5%', metric: '<b>指标</b>' };
    await show({ model: buildCardModel({ index: 0, figure: hostile, reportId: null, history: [], linked: [] }) });
    expect(host.querySelector('img')).toBeNull();
    expect(host.querySelector('b')).toBeNull();
    expect(host.textContent).toContain('<img src=x onerror=alert(1)>5%');
  });

  it('writes values with the reports’ magnitudes and changes in points or per cent', () => {
    expect(formatRange(1.3e12, '斤')).toBe('1.3万亿斤');
    expect(formatRange(12.4e8, '美元')).toBe('12.4亿美元');
    expect(formatRange(6, '%', 6.5)).toBe('6–6.5%');
    setLang('en');
    expect(formatChange({ absolute: 2.2, relative: 0.73 }, '%')).toBe('+2.2 pp');
    expect(formatChange({ absolute: -9e9, relative: -0.0065 }, '斤')).toBe('-90亿斤 (-0.7%)');
    expect(formatChange({ absolute: 0, relative: 0 }, '套')).toBe('Unchanged');
  });
});
