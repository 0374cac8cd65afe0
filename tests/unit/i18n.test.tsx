// @vitest-environment jsdom
/**
 * The interface language without a reactive library: listeners hear each change once, and a page
 * drawn with renderPage is drawn again in the new language while its components keep their state.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'preact/hooks';
import { currentLang, onLangChange, setLang, tr } from '../../components/i18n';
import { renderPage } from '../../components/page-setup';

afterEach(() => setLang('zh'));

describe('interface language', () => {
  it('tells listeners of a change, once, and stops when asked', () => {
    setLang('zh');
    const heard = vi.fn();
    const stop = onLangChange(heard);
    setLang('en');
    setLang('en');
    expect(heard.mock.calls).toEqual([['en']]);
    expect(currentLang()).toBe('en');
    expect(tr('目标', 'Target')).toBe('Target');
    stop();
    setLang('zh');
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('draws a page again in the chosen language, keeping what the reader did on it', () => {
    setLang('zh');
    let bump: () => void = () => {};
    function Counter() {
      const [n, setN] = useState(0);
      bump = () => setN(n + 1);
      return (
        <p>
          {tr('已点', 'Clicked')} {n}
        </p>
      );
    }
    const el = document.createElement('div');
    const stop = renderPage(() => <Counter />, el);
    expect(el.textContent).toBe('已点 0');
    bump();
    return new Promise<void>((done) =>
      setTimeout(() => {
        expect(el.textContent).toBe('已点 1');
        setLang('en');
        expect(el.textContent).toBe('Clicked 1');
        stop();
        setLang('zh');
        expect(el.textContent).toBe('Clicked 1');
        done();
      }, 20),
    );
  });
});
