// @vitest-environment jsdom
/**
 * The page side of notes in jsdom: re-attaching a page's notes (exact, fuzzy, detached), the
 * selection's selectors, the figure-card request, the note painter's two modes, and the in-page
 * editor keeping what was typed when saving fails.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TextIndex } from '../../lib/anchoring/text-index';
import { anchorNotes, describeSelection } from '../../lib/notes/page-notes';
import { figureNoteRequest } from '../../lib/notes/figure-note';
import { validateNoteRequest } from '../../lib/notes/requests';
import { createNotePainter, NOTE_HIGHLIGHT, ACTIVE_NOTE_HIGHLIGHT } from '../../lib/notes/painter';
import { NotesLayer, parseTags } from '../../entrypoints/notes-in-page.content/ui';
import { note } from './notes-fixtures';
import { fakePainterWindow } from './fake-painter-window';

const PAGE = `<header><nav>首页 | 政务公开</nav></header>
<article><h2>情况说明</h2>
<p>&nbsp;&nbsp;过去一年，全年新增城镇就业<span>1256</span>万人，城镇调查失业率平均为5.2%。</p>
<p>民生保障持续加强，新增供应公租房4031套（间），老旧小区改造惠及居民3.2万户。</p></article>`;

function indexOf(html: string): TextIndex {
  document.body.innerHTML = html;
  return TextIndex.fromElement(document.body);
}

function rangeOf(index: TextIndex, phrase: string): Range {
  const at = index.text.indexOf(phrase);
  if (at < 0) throw new Error(`not on page: ${phrase}`);
  return index.rangeFor(at, at + phrase.length)!;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('re-attaching a page’s notes', () => {
  it('describes a selection across elements and finds every note again: exact, fuzzy, or detached', () => {
    const index = indexOf(PAGE);
    const a = describeSelection(rangeOf(index, '新增城镇就业1256万人'), index)!;
    const b = describeSelection(rangeOf(index, '新增供应公租房4031套（间）'), index)!;
    expect(a.quote).toBe('新增城镇就业1256万人');
    const notes = [note('a', { selectors: a.selectors, quote: a.quote }), note('b', { selectors: b.selectors, quote: b.quote })];

    const same = anchorNotes(notes, indexOf(PAGE));
    expect(same.attached.map((x) => [x.note.id, x.method, x.range.toString()])).toEqual([
      ['a', 'position', '新增城镇就业1256万人'],
      ['b', 'position', '新增供应公租房4031套（间）'],
    ]);

    const edited = PAGE.replace('过去一年，', '过去一年，面对复杂形势，').replace('<span>1256</span>', '<span>1257</span>');
    const fuzzy = anchorNotes(notes, indexOf(edited));
    expect(fuzzy.detached).toEqual([]);
    expect(fuzzy.attached.find((x) => x.note.id === 'a')).toMatchObject({ method: 'fuzzy', exact: false });
    expect(fuzzy.attached.find((x) => x.note.id === 'a')!.range.toString()).toBe('新增城镇就业1257万人');
    expect(fuzzy.attached.find((x) => x.note.id === 'b')!.method).toBe('quote');

    const removed = anchorNotes(notes, indexOf(PAGE.replace(/<p>民生保障[^<]*<\/p>/, '')));
    expect(removed.attached.map((x) => x.note.id)).toEqual(['a']);
    expect(removed.detached.map((n) => n.id)).toEqual(['b']);
  });

  it('refuses a selection that holds no page text', () => {
    const index = indexOf(PAGE);
    const at = index.text.indexOf('过去');
    expect(describeSelection(index.rangeFor(at, at)!, index)).toBeNull();
  });
});

describe('notes on a figure, for the figure card', () => {
  it('builds a valid notes/create request tied to the figure', () => {
    const index = indexOf(PAGE);
    const req = figureNoteRequest({
      url: 'https://www.example.gov.cn/r.html', pageTitle: '报告', reportId: 'r1', figureIndex: 4,
      range: rangeOf(index, '5.2%'), index, body: '口径变了', tags: ['口径'],
    })!;
    expect(validateNoteRequest(req)).toEqual(req);
    expect(req.note).toMatchObject({ figureId: 'r1:4', reportId: 'r1', quote: '5.2%' });
    const quote = req.note.selectors.find((s) => s.type === 'TextQuoteSelector')!;
    expect(quote).toMatchObject({ prefix: expect.stringContaining('失业率平均为'), suffix: expect.stringMatching(/^。\n民生保障/) });
    // From analysis offsets instead of a range.
    const text = '今年目标增长5%左右。';
    const byOffsets = figureNoteRequest({ url: 'https://x.cn/', pageTitle: '', reportId: 'r2', figureIndex: 0, offsets: { start: 6, end: 10 }, index: { text }, body: '', tags: [] })!;
    expect(byOffsets.note.quote).toBe('5%左右');
    expect(figureNoteRequest({ url: 'https://x.cn/', pageTitle: '', reportId: 'r2', figureIndex: 0, offsets: { start: 3, end: 3 }, index: { text }, body: '', tags: [] })).toBeNull();
  });
});

describe('the note painter', () => {
  const fakeWindow = fakePainterWindow;

  it('uses one named highlight for notes and one for the active note, apart from figure names', () => {
    const index = indexOf(PAGE);
    const { win, registry } = fakeWindow(true);
    const painter = createNotePainter(win, () => null);
    expect(painter.mode).toBe('highlight-api');
    painter.paint([rangeOf(index, '5.2%'), rangeOf(index, '4031套')]);
    expect(registry.get(NOTE_HIGHLIGHT)!.size).toBe(2);
    painter.setActive(rangeOf(index, '5.2%'));
    expect(registry.get(ACTIVE_NOTE_HIGHLIGHT)!.size).toBe(1);
    expect([...registry.keys()].some((k) => k.startsWith('zhibiao-actual'))).toBe(false);
    painter.clear();
    expect(registry.size).toBe(0);
    // The page's DOM is untouched.
    expect(document.body.innerHTML).toBe(PAGE);
  });

  it('falls back to boxes in our own layer without the API', () => {
    const index = indexOf(PAGE);
    const { win, frames } = fakeWindow(false);
    const layer = document.createElement('div');
    const painter = createNotePainter(win, () => layer);
    expect(painter.mode).toBe('overlay');
    const range = rangeOf(index, '5.2%');
    // jsdom has no layout: give the range one client rect.
    range.getClientRects = () => [{ left: 10, top: 20, width: 30, height: 16, right: 40, bottom: 36 }] as unknown as DOMRectList;
    painter.paint([range]);
    frames.splice(0).forEach((f) => f());
    expect(layer.querySelectorAll('.note-box')).toHaveLength(1);
    expect((layer.firstElementChild as HTMLElement).style.left).toBe('10px');
    painter.clear();
    expect(layer.childElementCount).toBe(0);
  });
});

describe('the in-page editor', () => {
  it('keeps what was typed and shows the reason when saving fails, then saves on retry', async () => {
    document.body.innerHTML = PAGE;
    const layer = new NotesLayer(document);
    const root = layer.root;
    let attempts = 0;
    const saved: Array<{ body: string; tags: string[] }> = [];
    let closed = 0;
    layer.openEditor({
      quote: '新增城镇就业1256万人',
      editing: false,
      body: '',
      tags: [],
      anchorRect: null,
      onSave: async (values) => {
        if (attempts++ === 0) throw new Error('Storage is full: the browser refused to save more.');
        saved.push(values);
      },
      onClose: () => closed++,
    });
    const textarea = root.querySelector('textarea')!;
    const tags = root.querySelector('input')!;
    textarea.value = '口径 <b>变了</b>';
    tags.value = '口径，就业 GDP';
    (root.querySelector('button.primary') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    const error = root.querySelector('.error') as HTMLElement;
    expect(error.hidden).toBe(false);
    expect(error.textContent).toMatch(/Storage is full/);
    expect(root.querySelector('textarea')!.value).toBe('口径 <b>变了</b>');
    expect(closed).toBe(0);

    (root.querySelector('button.primary') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    expect(saved).toEqual([{ body: '口径 <b>变了</b>', tags: ['口径', '就业', 'GDP'] }]);
    expect(closed).toBe(1);
    expect(root.querySelector('.editor')).toBeNull();
    // Quote rendered as text, our host marked so no TextIndex reads it.
    expect(layer.host.getAttribute('data-zhibiao-layer')).toBe('notes');
    expect(TextIndex.fromElement(document.body).text).not.toContain('保存');
    layer.destroy();
  });

  it('splits tags on either width of comma, 、, semicolons and spaces', () => {
    expect(parseTags(' 口径，就业、GDP; 住房  a,b ')).toEqual(['口径', '就业', 'GDP', '住房', 'a', 'b']);
  });
});
