import { describe, expect, it } from 'vitest';
import { askedAhead, sameRequest } from '../../components/asked-ahead';
import { createBackgroundClient, type BackgroundClient } from '../../lib/messages';

/** A background client over a fake `send` that records what it was sent and answers in order. */
function recording(answers: unknown[]): { client: BackgroundClient; sent: unknown[] } {
  const sent: unknown[] = [];
  const client = createBackgroundClient(async (m) => {
    sent.push(m);
    const next = answers.shift();
    return next instanceof Error ? { ok: false, error: next.message } : { ok: true, value: next };
  });
  return { client, sent };
}

describe('sameRequest', () => {
  it('compares type and fields, whatever their order', () => {
    expect(sameRequest({ type: 'view/comparison', reportId: 'a' } as never, { reportId: 'a', type: 'view/comparison' } as never)).toBe(true);
    expect(sameRequest({ type: 'view/comparison', reportId: 'a' } as never, { type: 'view/comparison', reportId: 'b' } as never)).toBe(false);
    expect(sameRequest({ type: 'view/library' }, { type: 'view/comparison' })).toBe(false);
    expect(sameRequest({ type: 'view/report', reportId: 'a' } as never, { type: 'view/report', reportId: 'a', url: undefined } as never)).toBe(false);
  });
});

describe('askedAhead', () => {
  it('sends the request at once and hands its answer to the first equal request, without sending it again', async () => {
    const { client, sent } = recording([{ reports: ['first'] }, { reports: ['second'] }]);
    const ahead = askedAhead(client, { type: 'view/library' });
    expect(sent).toEqual([{ type: 'view/library' }]);
    await expect(ahead.request({ type: 'view/library' })).resolves.toEqual({ reports: ['first'] });
    expect(sent).toHaveLength(1);
    // Later requests go out as usual (the library reloads after a delete).
    await expect(ahead.request({ type: 'view/library' })).resolves.toEqual({ reports: ['second'] });
    expect(sent).toHaveLength(2);
  });

  it('sends other requests as they come, keeping the early answer for its own', async () => {
    const { client, sent } = recording([{ view: 'comparison' }, { deleted: true }]);
    const ahead = askedAhead(client, { type: 'view/comparison', reportId: 'r1' });
    await expect(ahead.request({ type: 'view/deleteReport', reportId: 'r1' })).resolves.toEqual({ deleted: true });
    await expect(ahead.request({ type: 'view/comparison', reportId: 'r1' })).resolves.toEqual({ view: 'comparison' });
    expect(sent).toHaveLength(2);
  });

  it('gives a failed early answer to the view that asks, as the request itself would have', async () => {
    const { client } = recording([new Error('No indexed report with id r9')]);
    const ahead = askedAhead(client, { type: 'view/comparison', reportId: 'r9' });
    // Nothing asks for a while: the rejection must not surface as unhandled meanwhile.
    await new Promise((done) => setTimeout(done, 10));
    await expect(ahead.request({ type: 'view/comparison', reportId: 'r9' })).rejects.toThrow('No indexed report with id r9');
  });

  it('hands over an answer that has come, once, after which the request is sent anew', async () => {
    const { client, sent } = recording([{ reports: ['first'] }, { reports: ['second'] }]);
    const ahead = askedAhead(client, { type: 'view/library' });
    // Not come yet: the page shows "Loading…" and asks as usual.
    expect(ahead.takeIfAnswered()).toBeUndefined();
    await new Promise((done) => setTimeout(done, 0));
    expect(ahead.takeIfAnswered()).toEqual({ reports: ['first'] });
    expect(ahead.takeIfAnswered()).toBeUndefined();
    // Taken: the next equal request (the library reloading after a delete) goes out.
    await expect(ahead.request({ type: 'view/library' })).resolves.toEqual({ reports: ['second'] });
    expect(sent).toHaveLength(2);
  });

  it('hands over nothing once a request took the answer, or when it failed', async () => {
    const { client } = recording([{ view: 'comparison' }, new Error('gone')]);
    const taken = askedAhead(client, { type: 'view/comparison', reportId: 'r1' });
    await taken.request({ type: 'view/comparison', reportId: 'r1' });
    expect(taken.takeIfAnswered()).toBeUndefined();
    const failed = askedAhead(client, { type: 'view/comparison', reportId: 'r2' });
    await new Promise((done) => setTimeout(done, 0));
    expect(failed.takeIfAnswered()).toBeUndefined();
    await expect(failed.request({ type: 'view/comparison', reportId: 'r2' })).rejects.toThrow('gone');
  });
});
