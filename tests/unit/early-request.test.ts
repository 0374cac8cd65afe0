import { describe, expect, it } from 'vitest';
import { firstRequestOf, sendEarly, takeEarly } from '../../components/early-request';

const at = (href: string) => new URL(href);

describe('the first request of a page, sent before its modules load', () => {
  it('names the comparison of the report the popup names, nothing elsewhere', () => {
    expect(firstRequestOf(at('chrome-extension://x/library.html'))).toBeNull();
    expect(firstRequestOf(at('chrome-extension://x/popup.html?report=ab%2Fc'))).toEqual({ type: 'view/comparison', reportId: 'ab/c' });
    // From the toolbar the popup asks the tab which report it shows: nothing to send ahead.
    expect(firstRequestOf(at('chrome-extension://x/popup.html?tab=3'))).toBeNull();
    expect(firstRequestOf(at('chrome-extension://x/report.html?id=r1'))).toBeNull();
  });

  it('hands its answer once, to the same request only', async () => {
    const holder = {};
    const sent: unknown[] = [];
    sendEarly(async (m) => (sent.push(m), { ok: true, value: 'early' }), { type: 'view/comparison', reportId: 'r1' }, holder);
    expect(sent).toEqual([{ type: 'view/comparison', reportId: 'r1' }]);
    expect(takeEarly({ type: 'view/comparison', reportId: 'r2' }, holder)).toBeNull();
    expect(takeEarly({ type: 'view/library' }, holder)).toBeNull();
    const answer = takeEarly({ reportId: 'r1', type: 'view/comparison' }, holder);
    await expect(answer).resolves.toEqual({ ok: true, value: 'early' });
    expect(takeEarly({ type: 'view/comparison', reportId: 'r1' }, holder)).toBeNull();
  });

  it('keeps a failure for the page to show, without an unhandled rejection meanwhile', async () => {
    const holder = {};
    sendEarly(
      () => {
        throw new Error('no background');
      },
      { type: 'view/library' },
      holder,
    );
    await new Promise((r) => setTimeout(r, 0));
    await expect(takeEarly({ type: 'view/library' }, holder)).rejects.toThrow('no background');
  });
});
