// @vitest-environment jsdom
/**
 * NotesInPage (lib/page/notes-in-page.ts), the notes of one page, driven whole in jsdom with a
 * fake background, the real painter over a fake highlight registry, a recording layer and a
 * clock the test turns by hand: loading and anchoring, re-anchoring after the page changes
 * (throttled), detached after the page settles, the `#zhibiao-note=` request, a note from a
 * selection and from the figure card, an edit and a delete each undone, and the page's own
 * scripted events refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TextIndex } from '../../lib/anchoring/text-index';
import { createPagePainter, ACTIVE_NOTE_HIGHLIGHT, NOTE_HIGHLIGHT } from '../../lib/highlights';
import { describeSelection } from '../../lib/notes/page-notes';
import { NotesInPage, REANCHOR_DELAY_MS, REANCHOR_INTERVAL_MS, SETTLE_MS } from '../../lib/page/notes-in-page';
import type { EditorRequest, NotesMessage, NotesStatus, NotesUi } from '../../lib/page/notes-ui';
import type { NoteRow } from '../../lib/storage/db';
import type { BackgroundClient } from '../../lib/messages/client';
import { note } from './notes-fixtures';
import { fakePainterWindow, type FakeHighlight } from './fake-painter-window';

/** The frame's address (jsdom's origin: history may not leave it). */
const URL_ = `${location.origin}/news.html`;
const PAGE = `<article><p>过去一年，全年新增城镇就业1256万人，城镇调查失业率平均为5.2%。</p>
<p>民生保障持续加强，新增供应公租房4031套（间），老旧小区改造惠及居民3.2万户。</p></article>`;

/** A clock whose time moves only when the test says. */
class ManualClock {
  time = 1_000_000;
  private timers: { id: number; at: number; cb: () => void }[] = [];
  private next = 1;
  setTimeout = (cb: () => void, ms: number) => {
    const id = this.next++;
    this.timers.push({ id, at: this.time + ms, cb });
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== id);
  };
  now = () => this.time;
  /** Runs every timer due within `ms`, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = Math.max(this.time, due.at);
      due.cb();
    }
    this.time = end;
  }
  pending(): number[] {
    return this.timers.map((t) => t.at - this.time);
  }
}

/** The layer as the class sees it, recording what it was asked to show. */
class RecordingUi implements NotesUi {
  created = false;
  editor: EditorRequest | null = null;
  button: { rect: DOMRect; onClick: () => void } | null = null;
  toasts: { message: NotesMessage; undo?: () => Promise<void> }[] = [];
  last: NotesStatus | null = null;
  noteKey = '';
  get editorOpen() {
    return this.editor !== null;
  }
  contains() {
    return false;
  }
  showButton(rect: DOMRect, onClick: () => void) {
    this.created = true;
    this.button = { rect, onClick };
  }
  hideButton() {
    this.button = null;
  }
  openEditor(request: EditorRequest) {
    this.created = true;
    this.editor = request;
  }
  toast(message: NotesMessage, undo?: () => Promise<void>) {
    this.created = true;
    this.toasts.push({ message, undo });
  }
  setNoteKey(label: string) {
    this.noteKey = label;
  }
  status(s: NotesStatus) {
    this.created = true;
    this.last = s;
  }
  /** What the editor does when the reader presses Save (and it worked), then closes. */
  async save(values: { body: string; tags: string[] }) {
    const editor = this.editor!;
    await editor.onSave(values);
    this.editor = null;
    editor.onClose();
  }
}

/** The background's notes/* answers, kept in a list. */
class FakeBackground {
  rows: NoteRow[] = [];
  sent: { type: string; [k: string]: unknown }[] = [];
  private counter = 0;
  request = (async (message: { type: string }): Promise<never> => {
    const req = message as { type: string; [k: string]: unknown };
    this.sent.push(req);
    const answer = (value: unknown) => value as never;
    switch (req.type) {
      case 'notes/forUrl':
        return answer(this.rows.filter((r) => r.url === String(req.url).split('#')[0]).map((r) => ({ ...r })));
      case 'notes/create': {
        const row = note(`n${++this.counter}`, { ...(req.note as Partial<NoteRow>) });
        this.rows.push(row);
        return answer({ ...row });
      }
      case 'notes/update': {
        const row = this.rows.find((r) => r.id === req.id)!;
        Object.assign(row, req.patch);
        return answer({ ...row });
      }
      case 'notes/delete': {
        const row = this.rows.find((r) => r.id === req.id)!;
        this.rows = this.rows.filter((r) => r !== row);
        return answer({ ...row, undoToken: `undo-${row.id}` });
      }
      case 'notes/undoDelete': {
        const row = note(String(req.token).replace('undo-', ''), {});
        return answer(row);
      }
      default:
        return answer(0);
    }
  }) as BackgroundClient['request'];
  of(type: string) {
    return this.sent.filter((r) => r.type === type);
  }
}

/** A note on `phrase` of the page as it is now, as the editor would have saved it. */
function noteOn(id: string, phrase: string, over: Partial<NoteRow> = {}): NoteRow {
  const index = TextIndex.fromElement(document.body);
  const at = index.text.indexOf(phrase);
  const d = describeSelection(index.rangeFor(at, at + phrase.length)!, index)!;
  return note(id, { url: URL_, selectors: d.selectors, quote: d.quote, ...over });
}

function select(phrase: string): Range {
  const index = TextIndex.fromElement(document.body);
  const at = index.text.indexOf(phrase);
  const range = index.rangeFor(at, at + phrase.length)!;
  const sel = document.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
  return range;
}

const flush = () => new Promise((r) => setTimeout(r, 0));
/** A mouseup as the reader's own (jsdom cannot make a trusted event: its fields, marked trusted). */
const readerUp = (x = 0, y = 0) => ({ isTrusted: true, target: document.body, clientX: x, clientY: y });

function setUp(rows: NoteRow[] = []) {
  const clock = new ManualClock();
  const ui = new RecordingUi();
  const background = new FakeBackground();
  background.rows = rows;
  const { win, registry } = fakePainterWindow(true);
  const painter = createPagePainter({ win, doc: document, overlayLayer: () => null });
  const notes = new NotesInPage({ doc: document, client: background, painter, ui, clock });
  const painted = () => [...((registry.get(NOTE_HIGHLIGHT) as FakeHighlight | undefined)?.ranges ?? [])].map((r) => (r as Range).toString());
  const active = () => [...((registry.get(ACTIVE_NOTE_HIGHLIGHT) as FakeHighlight | undefined)?.ranges ?? [])].map((r) => (r as Range).toString());
  return { clock, ui, background, notes, painted, active };
}

let stop: (() => void) | null = null;
const layout = { rects: Range.prototype.getClientRects, box: Range.prototype.getBoundingClientRect };
const noBox = { left: 0, top: 0, right: 0, bottom: 0, width: 0, height: 0 } as DOMRect;

beforeEach(() => {
  // jsdom has no layout: ranges get empty boxes (tests that click a note give them one).
  Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => noBox;
  window.history.replaceState(null, '', URL_);
  document.head.innerHTML = '';
  document.body.innerHTML = PAGE;
});

afterEach(() => {
  Range.prototype.getClientRects = layout.rects;
  Range.prototype.getBoundingClientRect = layout.box;
  stop?.();
  stop = null;
  document.getSelection()?.removeAllRanges();
});

describe('loading a page’s notes', () => {
  it('asks for the frame’s own address, anchors and paints the notes, and reports the status', async () => {
    const rows = [noteOn('a', '新增城镇就业1256万人'), noteOn('b', '新增供应公租房4031套（间）')];
    const t = setUp(rows);
    stop = () => t.notes.stop();
    await t.notes.load();
    expect(t.background.of('notes/forUrl')).toEqual([{ type: 'notes/forUrl', url: URL_ }]);
    expect(t.painted()).toEqual(['新增城镇就业1256万人', '新增供应公租房4031套（间）']);
    expect(t.ui.last).toMatchObject({ notes: 2, attached: 2, detached: 0, mode: 'highlight-api', settled: false });
    t.clock.advance(SETTLE_MS);
    expect(t.ui.last).toMatchObject({ attached: 2, settled: true });
    // Nothing was found missing: nothing to tell the store.
    expect(t.background.of('notes/anchored')).toEqual([]);
  });

  it('adds nothing to a page without notes: no layer, no stylesheet, no status', async () => {
    const t = setUp();
    stop = () => t.notes.stop();
    await t.notes.load();
    t.clock.advance(SETTLE_MS);
    expect(t.ui.created).toBe(false);
    expect(t.ui.last).toBeNull();
    expect(document.head.childElementCount).toBe(0);
    expect(document.body.innerHTML).toBe(PAGE);
  });
});

describe('a page that changes', () => {
  it('re-anchors after mutations, once per burst and at most once a second', async () => {
    const rows = [noteOn('b', '新增供应公租房4031套（间）')];
    const t = setUp(rows);
    stop = () => t.notes.stop();
    await t.notes.load();
    // A second after the first anchoring, so the throttle does not hold the next one back.
    t.clock.advance(REANCHOR_INTERVAL_MS);
    const reads = () => t.ui.last;
    const before = reads();

    // A burst of changes elsewhere, then the noted paragraph replaced by an edited copy.
    const article = document.querySelector('article')!;
    article.insertAdjacentHTML('afterbegin', '<p>面对复杂形势，</p>');
    article.lastElementChild!.outerHTML = '<p>民生保障持续加强，新增供应公租房4031套（间）和保障房。</p>';
    await flush();
    expect(t.clock.pending()).toContain(REANCHOR_DELAY_MS);
    article.insertAdjacentHTML('beforeend', '<p>又一段。</p>');
    await flush();
    // One re-anchoring scheduled for the whole burst.
    expect(t.clock.pending().filter((ms) => ms <= REANCHOR_INTERVAL_MS)).toHaveLength(1);
    t.clock.advance(REANCHOR_DELAY_MS);
    expect(reads()).not.toBe(before);
    expect(t.painted()).toEqual(['新增供应公租房4031套（间）']);
    // The range is the new paragraph's.
    const after = reads();

    // Another change right away waits until a second has passed since the last re-anchoring.
    article.lastElementChild!.textContent = '新增供应公租房4031套（间）。';
    await flush();
    const waits = t.clock.pending().filter((ms) => ms <= REANCHOR_INTERVAL_MS);
    expect(waits).toEqual([REANCHOR_INTERVAL_MS]);
    t.clock.advance(REANCHOR_DELAY_MS);
    expect(reads()).toBe(after);
    t.clock.advance(REANCHOR_INTERVAL_MS);
    expect(reads()).not.toBe(after);
    expect(t.painted()).toEqual(['新增供应公租房4031套（间）']);
  });

  it('reports a note detached only after the page settled, tells the reader once, and attached again when its text comes back', async () => {
    const rows = [noteOn('a', '新增城镇就业1256万人'), noteOn('b', '新增供应公租房4031套（间）')];
    const t = setUp(rows);
    stop = () => t.notes.stop();
    const first = document.querySelector('p')!;
    const saved = first.outerHTML;
    first.remove();
    await t.notes.load();
    expect(t.ui.last).toMatchObject({ attached: 1, detached: 1, settled: false });
    expect(t.background.of('notes/anchored')).toEqual([]);
    expect(t.ui.toasts).toEqual([]);

    t.clock.advance(SETTLE_MS);
    expect(t.ui.last).toMatchObject({ attached: 1, detached: 1, settled: true });
    expect(t.background.of('notes/anchored')).toEqual([{ type: 'notes/anchored', attached: [], detached: ['a'] }]);
    expect(t.ui.toasts.map((x) => x.message)).toEqual([{ type: 'detached', count: 1 }]);

    document.querySelector('article')!.insertAdjacentHTML('afterbegin', saved);
    await flush();
    t.clock.advance(REANCHOR_INTERVAL_MS);
    expect(t.ui.last).toMatchObject({ attached: 2, detached: 0 });
    expect(t.background.of('notes/anchored').at(-1)).toEqual({ type: 'notes/anchored', attached: ['a'], detached: [] });
    // Told once per visit.
    expect(t.ui.toasts).toHaveLength(1);
  });
});

describe('the note the address asks for', () => {
  it('marks `#zhibiao-note=<id>` once found, then lets it go', async () => {
    const rows = [noteOn('a', '新增城镇就业1256万人'), noteOn('b', '新增供应公租房4031套（间）')];
    window.history.replaceState(null, '', `${URL_}#zhibiao-note=b`);
    const t = setUp(rows);
    stop = () => t.notes.stop();
    await t.notes.load();
    expect(t.active()).toEqual(['新增供应公租房4031套（间）']);
    expect(t.ui.last?.shown).toBe('b');
    t.clock.advance(5000);
    expect(t.active()).toEqual([]);

    // A new address asks for another.
    window.history.replaceState(null, '', `${URL_}#zhibiao-note=a`);
    t.notes.hashChanged();
    expect(t.active()).toEqual(['新增城镇就业1256万人']);
    expect(t.ui.last?.shown).toBe('a');
  });

  it('says so when the asked-for note is not in the page once it settled', async () => {
    const rows = [noteOn('a', '新增城镇就业1256万人')];
    document.querySelector('p')!.remove();
    window.history.replaceState(null, '', `${URL_}#zhibiao-note=a`);
    const t = setUp(rows);
    stop = () => t.notes.stop();
    await t.notes.load();
    expect(t.ui.toasts).toEqual([]);
    t.clock.advance(SETTLE_MS);
    expect(t.ui.toasts.map((x) => x.message.type)).toEqual(['requested-gone']);
  });
});

describe('making a note', () => {
  it('offers the button after the reader selects, and saves a note on the selection with the frame’s address', async () => {
    const t = setUp();
    stop = () => t.notes.stop();
    await t.notes.load();
    select('城镇调查失业率平均为5.2%');
    t.notes.pointerUp(readerUp());
    t.clock.advance(0);
    expect(t.ui.button).not.toBeNull();
    t.ui.button!.onClick();
    expect(t.ui.editor).toMatchObject({ quote: '城镇调查失业率平均为5.2%', editing: false, body: '' });
    expect(t.active()).toEqual(['城镇调查失业率平均为5.2%']);

    await t.ui.save({ body: '口径', tags: ['就业'] });
    const [create] = t.background.of('notes/create') as unknown as { note: Record<string, unknown> }[];
    expect(create.note).toMatchObject({ url: URL_, quote: '城镇调查失业率平均为5.2%', body: '口径', tags: ['就业'] });
    expect(create.note.figureId).toBeUndefined();
    expect(t.painted()).toEqual(['城镇调查失业率平均为5.2%']);
    expect(t.active()).toEqual([]);
    expect(t.ui.toasts.map((x) => x.message.type)).toEqual(['saved']);
    expect(document.getSelection()!.rangeCount).toBe(0);
    // The new note is watched like the others (a second after the anchoring that showed it).
    document.querySelector('article')!.insertAdjacentHTML('afterbegin', '<p>插入一段。</p>');
    await flush();
    expect(t.clock.pending()).toContain(REANCHOR_INTERVAL_MS);
  });

  it('opens from the figure card tied to the figure, and not while an editor is open', async () => {
    const t = setUp();
    stop = () => t.notes.stop();
    await t.notes.load();
    const index = TextIndex.fromElement(document.body);
    const at = index.text.indexOf('5.2%');
    const range = index.rangeFor(at, at + 4)!;
    expect(t.notes.noteOnRange(range, { reportId: 'r1', figureIndex: 3 })).toBe(true);
    expect(t.notes.noteOnRange(range, { reportId: 'r1', figureIndex: 4 })).toBe(false);
    await t.ui.save({ body: '', tags: [] });
    const [create] = t.background.of('notes/create') as unknown as { note: Record<string, unknown> }[];
    expect(create.note).toMatchObject({ quote: '5.2%', reportId: 'r1', figureId: 'r1:3' });
  });

  it('answers the note key and the menu on a selection, and asks for one when there is none', async () => {
    const t = setUp();
    stop = () => t.notes.stop();
    await t.notes.load();
    t.notes.annotate();
    expect(t.ui.editor).toBeNull();
    expect(t.ui.toasts.map((x) => x.message.type)).toEqual(['select-first']);
    select('公租房4031套');
    let prevented = false;
    t.notes.keyDown({
      isTrusted: true,
      key: 'n',
      code: 'KeyN',
      altKey: true,
      shiftKey: false,
      ctrlKey: false,
      metaKey: false,
      target: document.body,
      preventDefault: () => (prevented = true),
    });
    expect(prevented).toBe(true);
    expect(t.ui.editor?.quote).toBe('公租房4031套');
    // The reader gave the command another key: the page leaves Alt+N alone.
    t.ui.editor = null;
    t.notes.setShortcuts({ 'annotate-selection': 'Ctrl+Shift+Y' });
    expect(t.ui.noteKey).toBe('Ctrl+Shift+Y');
    t.notes.keyDown({
      isTrusted: true,
      key: 'n',
      code: 'KeyN',
      altKey: true,
      shiftKey: false,
      ctrlKey: false,
      metaKey: false,
      target: document.body,
      preventDefault: () => {},
    });
    expect(t.ui.editor).toBeNull();
  });
});

describe('editing and deleting from the page', () => {
  async function openNote(t: ReturnType<typeof setUp>, phrase: string) {
    // jsdom has no layout: the click point is found through the note's range.
    const p = document.querySelector('article')!;
    const doc = document as unknown as { caretPositionFromPoint?: unknown; caretRangeFromPoint?: unknown };
    const index = TextIndex.fromElement(document.body);
    const at = index.text.indexOf(phrase);
    const range = index.rangeFor(at + 1, at + 1)!;
    doc.caretRangeFromPoint = () => range;
    Range.prototype.getClientRects = function () {
      return [{ left: 0, top: 0, right: 1000, bottom: 1000, width: 1000, height: 1000 }] as unknown as DOMRectList;
    };
    t.notes.pointerUp(readerUp(5, 5));
    t.clock.advance(0);
    delete doc.caretRangeFromPoint;
    return p;
  }

  it('opens a note clicked on, saves an edit, and undoes it', async () => {
    const t = setUp([noteOn('b', '新增供应公租房4031套（间）', { body: '公租房供应', tags: ['住房'] })]);
    stop = () => t.notes.stop();
    await t.notes.load();
    await openNote(t, '公租房4031');
    expect(t.ui.editor).toMatchObject({ editing: true, body: '公租房供应', tags: ['住房'] });
    expect(t.active()).toEqual(['新增供应公租房4031套（间）']);
    await t.ui.save({ body: '公租房供应（已改）', tags: ['住房'] });
    expect(t.background.rows[0].body).toBe('公租房供应（已改）');
    const toast = t.ui.toasts.at(-1)!;
    expect(toast.message.type).toBe('updated');
    await toast.undo!();
    expect(t.background.of('notes/update').at(-1)).toMatchObject({ id: 'b', patch: { body: '公租房供应', tags: ['住房'] } });
    expect(t.background.rows[0].body).toBe('公租房供应');
  });

  it('deletes a note from its editor, unpaints it, and brings it back on Undo', async () => {
    const t = setUp([noteOn('b', '新增供应公租房4031套（间）')]);
    stop = () => t.notes.stop();
    await t.notes.load();
    await openNote(t, '公租房4031');
    await t.ui.editor!.onDelete!();
    expect(t.painted()).toEqual([]);
    const toast = t.ui.toasts.at(-1)!;
    expect(toast.message.type).toBe('deleted');
    t.background.rows = [];
    await toast.undo!();
    expect(t.background.of('notes/undoDelete')).toEqual([{ type: 'notes/undoDelete', token: 'undo-b' }]);
    expect(t.ui.last).toMatchObject({ notes: 1 });
  });
});

describe('the page’s own scripts', () => {
  it('cannot open the button or a note’s editor with dispatched mouse and key events', async () => {
    const t = setUp([noteOn('b', '新增供应公租房4031套（间）', { body: '私人笔记' })]);
    stop = () => t.notes.stop();
    await t.notes.load();
    // The content script listens on the document and passes every event on (index.ts).
    const up = (e: MouseEvent) => t.notes.pointerUp(e);
    const key = (e: KeyboardEvent) => t.notes.keyDown(e);
    document.addEventListener('mouseup', up, true);
    document.addEventListener('keydown', key, true);
    try {
      select('公租房4031套');
      const p = document.querySelector('p')!;
      p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: 5, clientY: 5 }));
      p.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'n', code: 'KeyN', altKey: true }));
      t.clock.advance(1000);
      expect(t.ui.button).toBeNull();
      expect(t.ui.editor).toBeNull();
      // The reader's own mouseup, by contrast, does.
      t.notes.pointerUp(readerUp());
      t.clock.advance(0);
      expect(t.ui.button).not.toBeNull();
    } finally {
      document.removeEventListener('mouseup', up, true);
      document.removeEventListener('keydown', key, true);
    }
  });
});
