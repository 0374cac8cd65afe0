/**
 * A fresh element to render components into for each test, in Chinese unless the test switches,
 * emptied through Preact afterwards so effects and timers of one test do not reach the next.
 * `host` is a live binding: it names the current test's element.
 */
import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';
import { setLang } from '../../components/i18n';

export let host: HTMLElement;

beforeEach(() => {
  setLang('zh');
  host = document.createElement('div');
  document.body.appendChild(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});
