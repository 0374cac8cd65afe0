// @vitest-environment jsdom
/**
 * The layer's views arrive as a module of their own (ViewsLoader): what is drawn while it loads
 * must come out as if it had been there from the start, in the reader's language.
 */
import { describe, expect, it } from 'vitest';
import { ViewsLoader, type LayerViews } from '../../entrypoints/inpage.content/views-loader';
import * as layerViews from '../../entrypoints/inpage.content/views';
import { currentLang, setLang } from '../../components/i18n';

/** A module that arrives when `arrive` is called, recording what it was asked to do. */
function slowViews() {
  const calls: string[] = [];
  let arrive!: () => void;
  let fail!: (e: unknown) => void;
  const views = {
    setLanguage: (lang: string) => calls.push(`lang ${lang}`),
    drawLegend: (_slot: HTMLElement, props: { title: string } | null) => calls.push(`legend ${props ? props.title : 'cleared'}`),
    drawCard: (_slot: HTMLElement, card: { position: number } | null) => calls.push(`card ${card ? card.position : 'cleared'}`),
    drawNotes: () => calls.push('notes'),
  } as unknown as LayerViews;
  const loaded = new Promise<LayerViews>((resolve, reject) => {
    arrive = () => resolve(views);
    fail = reject;
  });
  let loads = 0;
  const load = () => {
    loads++;
    return loaded;
  };
  return { calls, load, arrive: () => arrive(), fail: (e: unknown) => fail(e), loads: () => loads };
}

const slot = () => document.createElement('div');

describe('ViewsLoader', () => {
  it('loads the module once, on the first drawing, and then draws the last asked for per slot', async () => {
    const v = slowViews();
    const loader = new ViewsLoader(v.load);
    expect(v.loads()).toBe(0);
    loader.draw('legend', (views) => views.drawLegend(slot(), { title: 'first' } as never));
    loader.draw('card', (views) => views.drawCard(slot(), { position: 3 } as never));
    loader.draw('legend', (views) => views.drawLegend(slot(), { title: 'second' } as never));
    expect(v.loads()).toBe(1);
    expect(v.calls).toEqual([]);
    v.arrive();
    await loader.drawn();
    expect(v.calls).toEqual([`lang ${currentLang()}`, 'legend second', 'card 3']);
    // Once there, drawings are made at once.
    loader.draw('notes', (views) => views.drawNotes(slot(), { button: null, editor: null, toast: null }));
    expect(v.calls.slice(-2)).toEqual([`lang ${currentLang()}`, 'notes']);
    expect(v.loads()).toBe(1);
  });

  it('drops a waiting drawing that is cleared before the module comes, and clears at once after', async () => {
    const v = slowViews();
    const loader = new ViewsLoader(v.load);
    loader.draw('card', (views) => views.drawCard(slot(), { position: 1 } as never));
    loader.draw('legend', (views) => views.drawLegend(slot(), { title: 'pill' } as never));
    loader.clear('card', (views) => views.drawCard(slot(), null));
    v.arrive();
    await loader.drawn();
    expect(v.calls.filter((c) => !c.startsWith('lang'))).toEqual(['legend pill']);
    loader.clear('legend', (views) => views.drawLegend(slot(), null));
    expect(v.calls.at(-1)).toBe('legend cleared');
  });

  it('sets the module to the reader’s language before each drawing', async () => {
    const before = currentLang();
    try {
      setLang('en');
      const v = slowViews();
      const loader = new ViewsLoader(v.load);
      loader.draw('legend', (views) => views.drawLegend(slot(), { title: 'a' } as never));
      v.arrive();
      await loader.drawn();
      setLang('zh');
      loader.draw('legend', (views) => views.drawLegend(slot(), { title: 'b' } as never));
      expect(v.calls).toEqual(['lang en', 'legend a', 'lang zh', 'legend b']);
    } finally {
      setLang(before);
    }
  });

  it('says once when the module cannot be loaded, and draws nothing', async () => {
    const v = slowViews();
    const errors: unknown[] = [];
    const loader = new ViewsLoader(v.load, (e) => errors.push(e));
    loader.draw('card', (views) => views.drawCard(slot(), { position: 1 } as never));
    v.fail(new Error('blocked'));
    await loader.drawn();
    loader.draw('card', (views) => views.drawCard(slot(), { position: 2 } as never));
    await loader.drawn();
    expect(errors.map((e) => (e as Error).message)).toEqual(['blocked']);
    expect(v.calls).toEqual([]);
  });

  it('draws the real views into a slot: the card with its note button, then nothing', () => {
    const loader = ViewsLoader.loaded(layerViews);
    const el = slot();
    const figure = {
      kind: 'target',
      text: '5%左右',
      value: 5,
      unit: '%',
      qualifier: '左右',
      year: 2025,
      metric: '经济增长',
      indicator: 'gdp_growth',
      start: 0,
      end: 4,
      sentence: '经济增长5%左右。',
      section: 'plan',
      growth: true,
      rules: [],
    };
    let noted = 0;
    loader.draw('card', (views) =>
      views.drawCard(el, {
        figure: { index: 0, figure: figure as never, reportId: 'r', history: [], linked: [] },
        position: 1,
        total: 1,
        pinned: true,
        historyState: 'ready',
        onClose: () => {},
        onStep: () => {},
        onShowFigure: () => {},
        onNote: () => noted++,
      }),
    );
    expect(el.querySelector('.zb-card')?.getAttribute('data-kind')).toBe('target');
    el.querySelector<HTMLButtonElement>('.zb-add-note')!.click();
    expect(noted).toBe(1);
    loader.clear('card', (views) => views.drawCard(el, null));
    expect(el.innerHTML).toBe('');
  });
});
