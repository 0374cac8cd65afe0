import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../lib/model';
import {
  checkMessage,
  classifySender,
  validateIndexRequest,
  validateUrl,
  InvalidMessageError,
  LIMITS,
} from '../../lib/messages/validate';
import { createBackgroundClient, createPageClient, MessageError, toEnvelope } from '../../lib/messages';

const TEXT = '过去一年,地区生产总值增长5.2%。今年目标增长5%左右。';

function goodAnalysis(): Analysis {
  const start = TEXT.indexOf('5.2%');
  return {
    report: {
      isReport: true, score: 0.8, reasons: ['标题'], title: '政府工作报告', region: '示例市', level: 'city',
      delivered: '2024-01-12', planYear: 2024, reviewYear: 2023, warnings: [],
    },
    sections: [{ kind: 'review', title: '一、回顾', start: 0, end: 18, year: 2023, period: null }],
    figures: [
      {
        start, end: start + 4, text: '5.2%', value: 5.2, unit: '%', qualifier: null, kind: 'actual',
        section: 'review', year: 2023, metric: '地区生产总值增长', growth: true, sentence: TEXT.slice(0, 18), sentenceStart: 0,
      },
    ],
    links: [],
  };
}

function req(over: Record<string, unknown> = {}, analysisOver: (a: Analysis) => void = () => {}) {
  const analysis = goodAnalysis();
  analysisOver(analysis);
  return { type: 'index/report', url: 'https://www.gov.cn/r.htm#top', title: 't', text: TEXT, analysis, ...over };
}

function rejects(x: unknown, pattern: RegExp) {
  expect(() => validateIndexRequest(x)).toThrow(InvalidMessageError);
  expect(() => validateIndexRequest(x)).toThrow(pattern);
}

describe('validateIndexRequest', () => {
  it('accepts a well-formed report and returns a clean copy without extra fields or the fragment', () => {
    const dirty = req({ extra: 'x' }, (a) => Object.assign(a.figures[0], { evil: () => 1 }));
    const clean = validateIndexRequest(dirty);
    expect(clean).not.toHaveProperty('extra');
    expect(clean.type === 'index/report' && clean.url).toBe('https://www.gov.cn/r.htm');
    expect(clean.type === 'index/report' && clean.analysis.figures[0]).not.toHaveProperty('evil');
    expect(clean.type === 'index/report' && clean.analysis.figures[0].value).toBe(5.2);
  });

  it('refuses hostile shapes with a message naming the field', () => {
    rejects(null, /message must be an object/);
    rejects('index/report', /message must be an object/);
    rejects([], /message must be an object/);
    rejects({ type: 'index/drop' }, /not a known index request/);
    rejects(req({ url: 'javascript:alert(1)' }), /url must be an http/);
    rejects(req({ url: 'not a url' }), /url is not an address/);
    rejects(req({ url: 'https://x.cn/' + 'a'.repeat(LIMITS.urlLength) }), /url is longer/);
    rejects(req({ text: 42 }), /text must be a string/);
    rejects(req({ text: 'x'.repeat(LIMITS.textLength + 1) }), /text is longer/);
    rejects(req({ analysis: undefined }), /analysis must be an object/);
  });

  it('refuses figures whose numbers or offsets are out of bounds', () => {
    rejects(req({}, (a) => (a.figures[0].value = NaN)), /figures\[0\]\.value must be a finite number/);
    rejects(req({}, (a) => (a.figures[0].value = Infinity)), /finite/);
    rejects(req({}, (a) => ((a.figures[0] as { value: unknown }).value = '5.2')), /finite/);
    rejects(req({}, (a) => (a.figures[0].end = TEXT.length + 10)), /end must be between/);
    rejects(req({}, (a) => (a.figures[0].start = -1)), /start must be between/);
    rejects(req({}, (a) => (a.figures[0].start = 1.5)), /start must be an integer/);
    rejects(req({}, (a) => (a.figures[0].text = '9.9%')), /does not match the text at its offsets/);
    rejects(req({}, (a) => (a.figures[0].sentenceStart = TEXT.length - 2)), /runs past the end/);
    rejects(req({}, (a) => ((a.figures[0] as { kind: string }).kind = 'wish')), /kind must be one of/);
    rejects(req({}, (a) => (a.figures[0].year = 99999)), /year must be between/);
    rejects(req({}, (a) => (a.figures[0].unit = 'x'.repeat(200))), /unit is longer/);
    rejects(req({}, (a) => (a.figures[0].period = { from: 2025, to: 2021 })), /ends before it starts/);
  });

  it('caps array sizes and checks links, sections and report metadata', () => {
    rejects(req({}, (a) => (a.figures = new Array(LIMITS.figures + 1).fill(a.figures[0]))), /figures has more than/);
    rejects(req({}, (a) => (a.links = [{ from: 0, to: 5, score: 0.9 }])), /links\[0\]\.to must be between 0 and 0/);
    rejects(req({}, (a) => (a.links = [{ from: 0, to: 0, score: 2 }])), /score must be between 0 and 1/);
    rejects(req({}, (a) => (a.sections[0].end = TEXT.length + 1)), /sections\[0\]\.end/);
    rejects(req({}, (a) => (a.report.score = -1)), /report\.score/);
    rejects(req({}, (a) => (a.report.delivered = '<b>x</b>')), /delivered must be/);
    rejects(req({}, (a) => ((a.report as { reasons: unknown }).reasons = 'x')), /reasons must be an array/);
  });

  it('checks the small requests too', () => {
    expect(validateIndexRequest({ type: 'index/history', reportId: 'a'.repeat(64), index: 3 })).toEqual({ type: 'index/history', reportId: 'a'.repeat(64), index: 3 });
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
