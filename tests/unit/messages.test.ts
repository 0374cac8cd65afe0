import { describe, expect, it } from 'vitest';
import { checkMessage, classifySender, validateIndexRequest, validateUrl, InvalidMessageError, LIMITS } from '../../lib/messages/validate';
import { createBackgroundClient, createPageClient, MessageError, toEnvelope } from '../../lib/messages';

const TEXT = '过去一年,地区生产总值增长5.2%。今年目标增长5%左右。';
const PREVIOUS = { url: 'https://www.gov.cn/r.htm', region: '示例市', planYear: 2024, section: 'review' };

function req(over: Record<string, unknown> = {}) {
  return { type: 'index/analyse', url: 'https://www.gov.cn/r_2.htm#top', title: 't', text: TEXT, published: '2024-01-12', continues: PREVIOUS, ...over };
}

function rejects(x: unknown, pattern: RegExp) {
  expect(() => validateIndexRequest(x)).toThrow(InvalidMessageError);
  expect(() => validateIndexRequest(x)).toThrow(pattern);
}

describe('validateIndexRequest', () => {
  it("accepts a page's text and returns a clean copy: no extra fields, no analysis, no fragment", () => {
    const forged = { report: { isReport: true }, figures: [{ start: 0, end: 4, text: '过去一年', value: 99 }] };
    const clean = validateIndexRequest(req({ extra: 'x', analysis: forged, force: true, continues: { ...PREVIOUS, evil: 1 } }));
    expect(clean).toEqual({
      type: 'index/analyse',
      url: 'https://www.gov.cn/r_2.htm',
      title: 't',
      text: TEXT,
      published: '2024-01-12',
      continues: PREVIOUS,
      force: true,
    });
    expect(validateIndexRequest({ type: 'index/analyse', text: TEXT })).toEqual({ type: 'index/analyse', text: TEXT, title: '' });
  });

  it('refuses hostile shapes with a message naming the field', () => {
    rejects(null, /message must be an object/);
    rejects('index/analyse', /message must be an object/);
    rejects([], /message must be an object/);
    rejects({ type: 'index/drop' }, /not a known index request/);
    // The old way in, a page's own analysis to store, is gone.
    rejects({ type: 'index/report', url: 'https://www.gov.cn/r.htm', title: '', text: TEXT, analysis: {} }, /"index\/report" is not a known index request/);
    rejects(req({ url: 'javascript:alert(1)' }), /url must be an http/);
    rejects(req({ url: 'not a url' }), /url is not an address/);
    rejects(req({ url: 'https://x.cn/' + 'a'.repeat(LIMITS.urlLength) }), /url is longer/);
    rejects(req({ text: 42 }), /text must be a string/);
    rejects(req({ text: undefined }), /text must be a string/);
    rejects(req({ text: 'x'.repeat(LIMITS.textLength + 1) }), /text is longer/);
    rejects(req({ title: 'x'.repeat(LIMITS.titleLength + 1) }), /title is longer/);
    rejects(req({ published: '12/01/2024' }), /published must be YYYY-MM-DD/);
    rejects(req({ force: 'yes' }), /force must be true or false/);
  });

  it('checks the continuation identity a page passes on', () => {
    rejects(req({ continues: 'page 1' }), /continues must be an object/);
    rejects(req({ continues: { ...PREVIOUS, url: 'javascript:go()' } }), /continues\.url must be an http/);
    rejects(req({ continues: { ...PREVIOUS, region: 'x'.repeat(LIMITS.regionLength + 1) } }), /continues\.region is longer/);
    rejects(req({ continues: { ...PREVIOUS, planYear: 20250 } }), /continues\.planYear must be between/);
    rejects(req({ continues: { ...PREVIOUS, planYear: '2025' } }), /continues\.planYear must be an integer/);
    rejects(req({ continues: { ...PREVIOUS, section: 'epilogue' } }), /continues\.section must be/);
    const { continues } = validateIndexRequest(req({ continues: { url: PREVIOUS.url, region: null, planYear: null } })) as { continues?: unknown };
    expect(continues).toEqual({ url: PREVIOUS.url, region: null, planYear: null, section: null });
  });

  it('checks the small requests too', () => {
    expect(validateIndexRequest({ type: 'index/history', reportId: 'a'.repeat(64), index: 3 })).toEqual({
      type: 'index/history',
      reportId: 'a'.repeat(64),
      index: 3,
    });
    rejects({ type: 'index/history', reportId: '../../etc', index: 3 }, /reportId is not a report id/);
    rejects({ type: 'index/history', reportId: 'a'.repeat(64), index: -1 }, /index must be between/);
    rejects({ type: 'index/reportForUrl', url: 'data:text/html,hi' }, /url must be/);
    expect(validateUrl('file:///home/me/r.txt')).toBe('file:///home/me/r.txt');
  });
});

describe('checkMessage and senders', () => {
  const id = 'abcdefghijklmnop';
  const origin = `chrome-extension://${id}/`;

  it('tells extension pages from content scripts by address, not by tab', () => {
    expect(classifySender({ id, url: `${origin}popup.html` }, id, origin)).toBe('extension');
    expect(classifySender({ id, url: `${origin}report.html`, tab: { id: 3 } }, id, origin)).toBe('extension');
    expect(classifySender({ id, url: 'https://www.gov.cn/', tab: { id: 3 } }, id, origin)).toBe('content');
    // A page cannot pass for an extension page by putting the origin in its query.
    expect(classifySender({ id, url: `https://evil.example/?u=${origin}`, tab: {} }, id, origin)).toBe('content');
    expect(classifySender({ id: 'other', url: `${origin}popup.html` }, id, origin)).toBeNull();
  });

  it('lets content scripts use index/* and notes/* only', () => {
    expect(checkMessage({ type: 'notes/list', url: 'https://x.cn/' }, 'content').type).toBe('notes/list');
    expect(() => checkMessage({ type: 'view/library' }, 'content')).toThrow(/may not be sent from a web page/);
    expect(checkMessage({ type: 'view/library' }, 'extension').type).toBe('view/library');
    expect(() => checkMessage({ type: 'page/status' }, 'extension')).toThrow(/may not be sent/);
    expect(() => checkMessage({ type: 'admin/wipe' }, 'extension')).toThrow(/may not be sent/);
    expect(() => checkMessage({ type: '__proto__' }, 'extension')).toThrow(/not a message type/);
    expect(() => checkMessage({ type: 'index/' + 'x'.repeat(100) }, 'extension')).toThrow(/longer than/);
    expect(() => checkMessage({ noType: 1 }, 'content')).toThrow(/type must be a string/);
  });

  it('bounds payloads whose owners check their meaning', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 20; i++) deep = { d: deep };
    expect(() => checkMessage({ type: 'notes/save', deep }, 'content')).toThrow(/nested deeper/);
    expect(() => checkMessage({ type: 'notes/save', body: 'x'.repeat(LIMITS.stringLength + 1) }, 'content')).toThrow(/longer than/);
    expect(() => checkMessage({ type: 'notes/save', many: new Array(LIMITS.nodes + 1).fill(0) }, 'content')).toThrow(/more than/);
    expect(() => checkMessage({ type: 'notes/save', n: NaN }, 'content')).toThrow(/finite/);
    expect(() => checkMessage({ type: 'notes/save', d: new Date() }, 'content')).toThrow(/plain data/);
  });
});

describe('clients', () => {
  it('unwrap ok answers and turn refusals and silence into MessageError', async () => {
    const sent: unknown[] = [];
    const client = createBackgroundClient(async (m) => {
      sent.push(m);
      return (m as { url: string }).url.includes('known') ? { ok: true, value: { reportId: 'r1' } } : { ok: false, error: 'Storage is full' };
    });
    expect(await client.request({ type: 'index/reportForUrl', url: 'https://known.cn/' })).toEqual({ reportId: 'r1' });
    await expect(client.request({ type: 'index/reportForUrl', url: 'https://x.cn/' })).rejects.toThrow('Storage is full');
    expect(sent).toHaveLength(2);

    const silent = createPageClient(async () => undefined);
    await expect(silent.request({ type: 'page/status' })).rejects.toBeInstanceOf(MessageError);
    const gone = createPageClient(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await expect(gone.request({ type: 'page/showFigure', index: 1 })).rejects.toThrow(/The page did not answer.*Receiving end/);
  });

  it('toEnvelope names a full disk plainly', async () => {
    const full = await toEnvelope(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    expect(full).toEqual({ ok: false, error: expect.stringMatching(/^Storage is full/) });
    expect(await toEnvelope(() => 3)).toEqual({ ok: true, value: 3 });
  });
});
