// @vitest-environment jsdom
/**
 * The page side of notes in jsdom: re-attaching a page's notes (exact, fuzzy, detached), the
 * selection's selectors, the figure-card request, and the in-page editor (Preact) keeping what
 * was typed when saving fails. NotesInPage itself: notes-in-page-class.test.ts; the painter:
 * highlight-painter.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { TextIndex } from '../../lib/anchoring/text-index';
import { anchorNotes, describeSelection } from '../../lib/notes/page-notes';
import { figureNoteRequest } from '../../lib/notes/figure-note';
import { validateNoteRequest } from '../../lib/notes/requests';
import { NoteEditor, NoteToast, parseTags } from '../../components/NoteEditor';
import { PageLayer } from '../../entrypoints/inpage.content/layer';
import { NotesLayerUi } from '../../entrypoints/inpage.content/notes-ui';
import { ViewsLoader } from '../../entrypoints/inpage.content/views-loader';
import * as layerViews from '../../entrypoints/inpage.content/views';
import { setLang } from '../../components/i18n';
import { note } from './notes-fixtures';

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
      url: 'https://www.example.gov.cn/r.html',
      pageTitle: '报告',
      reportId: 'r1',
      figureIndex: 4,
      range: rangeOf(index, '5.2%'),
      index,
      body: '口径变了',
      tags: ['口径'],
    })!;
    expect(validateNoteRequest(req)).toEqual(req);
    expect(req.note).toMatchObject({ figureId: 'r1:4', reportId: 'r1', quote: '5.2%' });
    const quote = req.note.selectors.find((s) => s.type === 'TextQuoteSelector')!;
    expect(quote).toMatchObject({ prefix: expect.stringContaining('失业率平均为'), suffix: expect.stringMatching(/^。\n民生保障/) });
    // From analysis offsets instead of a range.
    const text = '今年目标增长5%左右。';
    const byOffsets = figureNoteRequest({
      url: 'https://x.cn/',
      pageTitle: '',
      reportId: 'r2',
      figureIndex: 0,
      offsets: { start: 6, end: 10 },
      index: { text },
      body: '',
      tags: [],
    })!;
    expect(byOffsets.note.quote).toBe('5%左右');
    expect(
      figureNoteRequest({
        url: 'https://x.cn/',
        pageTitle: '',
        reportId: 'r2',
        figureIndex: 0,
        offsets: { start: 3, end: 3 },
        index: { text },
        body: '',
        tags: [],
      }),
    ).toBeNull();
  });
});

describe('the in-page editor', () => {
  it('keeps what was typed and shows the reason when saving fails, then saves on retry', async () => {
    document.body.innerHTML = PAGE;
    setLang('en');
    const layer = new PageLayer(document);
    const slot = layer.ensure().notesSlot;
    let attempts = 0;
    const saved: Array<{ body: string; tags: string[] }> = [];
    let finished = 0;
    const ui = new NotesLayerUi(layer, window, ViewsLoader.loaded(layerViews));
    ui.openEditor({
      quote: '新增城镇就业1256万人',
      editing: false,
      body: '',
      tags: [],
      anchorRect: null,
      onSave: async (values) => {
        if (attempts++ === 0) throw new Error('Storage is full: the browser refused to save more.');
        saved.push(values);
      },
      onClose: () => finished++,
    });
    const textarea = slot.querySelector('textarea')!;
    const tags = slot.querySelector('input')!;
    expect(slot.querySelector('.quote')!.textContent).toBe('新增城镇就业1256万人');
    textarea.value = '口径 <b>变了</b>';
    tags.value = '口径，就业 GDP';
    (slot.querySelector('button.primary') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    const error = slot.querySelector('.error') as HTMLElement;
    expect(error.hidden).toBe(false);
    expect(error.textContent).toBe('Not saved: Storage is full: the browser refused to save more.');
    expect(slot.querySelector('textarea')!.value).toBe('口径 <b>变了</b>');
    expect(finished).toBe(0);

    // Chinese, while open: the one language setting, drawn again by the layer (what was typed stays).
    setLang('zh');
    ui.relabel();
    await new Promise((r) => setTimeout(r, 0));
    expect(slot.querySelector('textarea')!.value).toBe('口径 <b>变了</b>');
    expect(slot.querySelector('button.primary')!.textContent).toBe('保存');
    expect(slot.querySelector('h2')!.textContent).toBe('新笔记');

    (slot.querySelector('button.primary') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    expect(saved).toEqual([{ body: '口径 <b>变了</b>', tags: ['口径', '就业', 'GDP'] }]);
    expect(finished).toBe(1);
    // Note text rendered as text, our host marked so no TextIndex reads it.
    expect(slot.querySelector('b')).toBeNull();
    expect(layer.ensure().host.hasAttribute('data-zhibiao-layer')).toBe(true);
    expect(TextIndex.fromElement(document.body).text).not.toContain('保存');
    render(null, slot);
    layer.remove();
  });

  it('closes on Esc and saves on Ctrl+Enter, and keeps the page’s own keys from hearing what is typed', async () => {
    const slot = document.createElement('div');
    document.body.appendChild(slot);
    const heard: string[] = [];
    const hear = (e: KeyboardEvent) => heard.push(e.key);
    document.addEventListener('keydown', hear);
    const saved: string[] = [];
    let finished = 0;
    const request = {
      quote: 'q',
      editing: true,
      body: '旧的',
      tags: ['a'],
      anchorRect: null,
      onSave: async (v: { body: string }) => void saved.push(v.body),
      onClose: () => {},
    };
    render(<NoteEditor at={{ left: 0, top: 0 }} request={request} onFinish={() => finished++} />, slot);
    expect(slot.querySelector('textarea')!.value).toBe('旧的');
    expect(slot.querySelector('input')!.value).toBe('a');
    slot.querySelector('textarea')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    expect(saved).toEqual(['旧的']);
    slot.querySelector('textarea')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(finished).toBe(2);
    expect(heard).toEqual([]);
    document.removeEventListener('keydown', hear);
    render(null, slot);
  });

  it('shows a toast with Undo that runs once and goes away', async () => {
    setLang('en');
    const slot = document.createElement('div');
    let undone = 0;
    let gone = 0;
    render(<NoteToast message={{ type: 'deleted' }} undo={async () => void undone++} onFinish={() => gone++} />, slot);
    expect(slot.querySelector('span')!.textContent).toBe('Note deleted');
    slot.querySelector('button')!.click();
    await new Promise((r) => setTimeout(r, 0));
    expect([undone, gone]).toEqual([1, 1]);
    render(null, slot);
  });

  it('splits tags on either width of comma, 、, semicolons and spaces', () => {
    expect(parseTags(' 口径，就业、GDP; 住房  a,b ')).toEqual(['口径', '就业', 'GDP', '住房', 'a', 'b']);
  });
});

describe('the one layer', () => {
  it('adds nothing until something is shown, then one host with a closed root that keeps the notes’ status inside', async () => {
    document.body.innerHTML = PAGE;
    const layer = new PageLayer(document);
    const ui = new NotesLayerUi(layer, window, ViewsLoader.loaded(layerViews));
    ui.hideButton();
    ui.setNoteKey('Alt+N');
    expect(ui.created).toBe(false);
    expect(document.documentElement.querySelectorAll('zhibiao-layer')).toHaveLength(0);

    setLang('en');
    ui.toast({ type: 'saved' }, undefined, 50);
    const hosts = document.documentElement.querySelectorAll('zhibiao-layer');
    expect(hosts).toHaveLength(1);
    const host = hosts[0] as HTMLElement;
    expect(host.shadowRoot).toBeNull();
    expect(host.parentElement).toBe(document.documentElement);
    const slot = layer.ensure().notesSlot;
    expect(slot.querySelector('.toast')!.textContent).toBe('Note saved');
    ui.status({ notes: 1, attached: 1, detached: 0, mode: 'highlight-api', settled: true, shown: null });
    expect(slot.dataset.attached).toBe('1');
    expect(Object.keys(host.dataset)).toEqual(['zhibiaoLayer']);
    // Taken out by the page, it comes back as it was on next use.
    host.remove();
    ui.toast({ type: 'deleted' });
    expect(document.documentElement.querySelector('zhibiao-layer')).toBe(host);
    expect(slot.querySelector('.toast')!.textContent).toBe('Note deleted');
    expect(TextIndex.fromElement(document.documentElement).text).not.toContain('Note deleted');
    render(null, slot);
    layer.remove();
  });
});
