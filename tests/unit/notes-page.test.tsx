// @vitest-environment jsdom
/**
 * The notes page component over a real (fake-indexeddb) library: filters, search, delete and
 * undo, exports handed to the reader, and a broken restore reported as text with nothing changed.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { NotesPage, PAGE_SIZE, type NotesApi } from '../../components/notes/NotesPage';
import { note } from './notes-fixtures';
import { answerNoteRequest } from '../../lib/notes-handler';
import { validateNoteRequest, type ExportedFile, type NoteRequest } from '../../lib/notes/requests';
import { setLang } from '../../components/i18n';
import type { ZhibiaoDB } from '../../lib/storage/db';
import { closeAll, freshDb, REPORT_A, seed } from './notes-fixtures';

let host: HTMLElement;
beforeEach(() => {
  setLang('en');
  host = document.createElement('div');
  document.body.appendChild(host);
});
afterEach(async () => {
  render(null, host);
  host.remove();
  await closeAll();
});

function apiOver(db: ZhibiaoDB): NotesApi {
  const ask = <T,>(req: NoteRequest) => answerNoteRequest(db, validateNoteRequest(req)) as Promise<T>;
  return {
    list: (filter, query) => ask({ type: 'notes/list', filter, query }),
    update: (id, patch) => ask({ type: 'notes/update', id, patch }),
    remove: (id) => ask({ type: 'notes/delete', id }),
    undoDelete: (token) => ask({ type: 'notes/undoDelete', token }),
    exportNotes: (format, filter, query) => ask({ type: 'notes/export', format, filter, query }),
    backup: () => ask({ type: 'notes/backup' }),
    restore: (content) => ask({ type: 'notes/restore', content }),
  };
}

/** Lets IndexedDB and Preact finish (fake-indexeddb answers on timers). */
async function settle(rounds = 6) {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 5));
    });
  }
}

const cards = () => [...host.querySelectorAll('article.note')] as HTMLElement[];
const ids = () => cards().map((c) => c.dataset.noteId);

async function change(el: HTMLInputElement | HTMLSelectElement, value: string, event = 'change') {
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event(event, { bubbles: true }));
  });
  await settle();
}

async function click(el: Element | null | undefined) {
  if (!el) throw new Error('nothing to click');
  await act(async () => (el as HTMLElement).click());
  await settle();
}

describe('the notes page', () => {
  it('lists every note, filters, searches Chinese, and links back with a text fragment', async () => {
    const db = freshDb();
    await seed(db);
    render(<NotesPage api={apiOver(db)} save={() => {}} />, host);
    await settle();
    expect(ids()).toEqual(['n-free', 'n-other', 'n-plain', 'n-figure']);
    expect(host.querySelector('[role=status]')!.textContent).toBe('Showing 4 of 4');
    expect(cards()[0].querySelector('.badge.warn')).not.toBeNull(); // detached, still listed

    await change(host.querySelector('select[name=reportId]')!, REPORT_A);
    expect(ids()).toEqual(['n-plain', 'n-figure']);
    await change(host.querySelector('select[name=kind]')!, 'target');
    expect(ids()).toEqual(['n-figure']);
    expect(cards()[0].querySelector('.figure')!.textContent).toContain('5%左右');
    await change(host.querySelector('select[name=kind]')!, '');
    await change(host.querySelector('select[name=reportId]')!, '');

    await change(host.querySelector('input[type=search]')!, '供应公租', 'input');
    expect(ids()).toEqual(['n-plain']);
    // The hit is marked where it stands in the quote.
    expect([...cards()[0].querySelectorAll('.quote mark.hit')].map((m) => m.textContent)).toEqual(['供应公租']);
    expect(cards()[0].querySelector('.quote')!.textContent).toBe('新增供应公租房4031套（间）');
    await change(host.querySelector('input[type=search]')!, 'ｇｄｐ note', 'input');
    expect([...cards()[0].querySelectorAll('.body mark.hit')].map((m) => m.textContent)).toEqual(['ＧＤＰ', 'note']);
    await change(host.querySelector('input[type=search]')!, '供应公租', 'input');
    const link = cards()[0].querySelector('a')!.getAttribute('href')!;
    expect(link.startsWith('https://www.example.gov.cn/aaaa.html#zhibiao-note=n-plain:~:text=')).toBe(true);
    await change(host.querySelector('input[type=search]')!, '', 'input');
    await change(host.querySelector('select[name=detached]')!, 'true');
    expect(ids()).toEqual(['n-free']);
  });

  it('deletes with undo, and edits', async () => {
    const db = freshDb();
    await seed(db);
    render(<NotesPage api={apiOver(db)} save={() => {}} />, host);
    await settle();
    const before = await db.notes.get('n-plain');
    await click(
      cards()
        .find((c) => c.dataset.noteId === 'n-plain')!
        .querySelector('button.danger'),
    );
    expect(ids()).not.toContain('n-plain');
    expect(await db.notes.get('n-plain')).toBeUndefined();
    await click([...host.querySelectorAll('.toast button')].find((b) => b.textContent === 'Undo'));
    expect(ids()).toContain('n-plain');
    expect(await db.notes.get('n-plain')).toEqual(before);

    await click(
      cards()
        .find((c) => c.dataset.noteId === 'n-figure')!
        .querySelector('footer button'),
    );
    const form = host.querySelector('form.note.editing')!;
    await change(form.querySelector('textarea') as unknown as HTMLInputElement, '新的看法', 'input');
    await act(async () => {
      form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await settle();
    expect((await db.notes.get('n-figure'))!.body).toBe('新的看法');
    expect(host.textContent).toContain('新的看法');
  });

  it('exports what is shown, everything, or one report', async () => {
    const db = freshDb();
    await seed(db);
    const files: ExportedFile[] = [];
    render(<NotesPage api={apiOver(db)} save={(f) => files.push(f)} />, host);
    await settle();
    await change(host.querySelector('input[type=search]')!, '公租房', 'input');
    const button = (label: string) => [...host.querySelectorAll('.notes-io button')].find((b) => b.textContent === label);
    await click(button('CSV'));
    expect(files[0].count).toBe(1);
    expect(files[0].content.startsWith('\ufeff')).toBe(true);
    await change(host.querySelector('select[name=scope]')!, 'all');
    await click(button('Markdown'));
    expect(files[1].count).toBe(4);
    await change(host.querySelector('input[type=search]')!, '', 'input');
    await change(host.querySelector('select[name=reportId]')!, REPORT_A);
    await change(host.querySelector('select[name=scope]')!, 'report');
    await click(button('JSON (W3C)'));
    expect(files[2].count).toBe(2);
    expect(JSON.parse(files[2].content).type).toBe('AnnotationCollection');
  });

  it('reports a broken restore as text and changes nothing', async () => {
    const db = freshDb();
    await seed(db);
    render(<NotesPage api={apiOver(db)} save={() => {}} />, host);
    await settle();
    const input = host.querySelector('input[name=restore]') as HTMLInputElement;
    const hostile = JSON.stringify({
      format: 'zhibiao-backup',
      version: 1,
      tables: { reports: [], figures: [], indicators: [], links: [], notes: [{ id: '<img src=x onerror=alert(1)>' }] },
    });
    Object.defineProperty(input, 'files', { value: [new File([hostile], 'b.json')], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    const report = host.querySelector('.restore-report.failed')!;
    expect(report.textContent).toContain('nothing in your library was changed');
    expect(report.textContent).toContain('notes[0].url: missing');
    expect(report.querySelector('img')).toBeNull();
    expect(await db.notes.count()).toBe(4);
  });

  it('draws a large library a page at a time', async () => {
    const db = freshDb();
    const many = PAGE_SIZE + 30;
    await db.notes.bulkPut(Array.from({ length: many }, (_, i) => note(`m-${i}`, { created: i, updated: i })));
    render(<NotesPage api={apiOver(db)} save={() => {}} />, host);
    await settle();
    expect(cards()).toHaveLength(PAGE_SIZE);
    expect(host.querySelector('[role=status]')!.textContent).toBe(`Showing ${many} of ${many}`);
    await click(host.querySelector('.more button'));
    expect(cards()).toHaveLength(many);
    expect(host.querySelector('.more')).toBeNull();
  });
});
