import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNote, deleteNote, notesForUrl, recordAnchoring, restoreNote, updateNote, cleanTags } from '../../lib/notes/repository';
import { searchNotes } from '../../lib/notes/search';
import { listNotes, loadViews } from '../../lib/notes/views';
import { handleNoteRequest } from '../../lib/notes-handler';
import { validateNoteRequest } from '../../lib/notes/requests';
import { answerMessage } from '../../entrypoints/background/route';
import { linkToNote, linkToQuote, noteIdInAddress, textFragment } from '../../lib/notes/fragment';
import { restoreBackup, createBackup } from '../../lib/backup';
import { closeAll, freshDb, note, REPORT_A, REPORT_B, report, seed } from './notes-fixtures';

afterEach(async () => {
  vi.restoreAllMocks();
  await closeAll();
});

const INPUT = {
  url: 'https://www.example.gov.cn/aaaa.html#:~:text=foo',
  pageTitle: '报告',
  selectors: [{ type: 'TextQuoteSelector' as const, exact: '增长5%左右', prefix: '地区生产总值', suffix: '。' }],
  quote: '增长5%左右',
  body: '比去年低',
  tags: [' #GDP ', 'gdp', '', '目标'],
};

describe('the notes store', () => {
  it('files a new note under its page without the fragment, finds its report, cleans tags', async () => {
    const db = freshDb();
    await db.putReportWithText(report(REPORT_A));
    const row = await createNote(db, INPUT, 1000);
    expect(row.url).toBe('https://www.example.gov.cn/aaaa.html');
    expect(row.reportId).toBe(REPORT_A);
    expect(row.tags).toEqual(['GDP', '目标']);
    expect(row.detached).toBe(false);
    expect(await notesForUrl(db, 'https://www.example.gov.cn/aaaa.html#top')).toEqual([row]);
  });

  it('a note from a figure belongs to the figure’s report', async () => {
    const db = freshDb();
    const row = await createNote(db, { ...INPUT, url: 'https://elsewhere.cn/x', figureId: `${REPORT_B}:3` });
    expect(row.reportId).toBe(REPORT_B);
  });

  it('edits, deletes and restores a note exactly', async () => {
    const db = freshDb();
    const row = await createNote(db, INPUT, 1000);
    const edited = await updateNote(db, row.id, { body: '改过', tags: ['新'] }, 1000);
    expect(edited.updated).toBeGreaterThan(row.updated);
    expect(edited.body).toBe('改过');
    const deleted = await deleteNote(db, row.id);
    expect(await db.notes.count()).toBe(0);
    await restoreNote(db, deleted.undoToken);
    expect(await db.notes.get(row.id)).toEqual(edited);
    // A token undoes once; a forged or replayed one changes nothing.
    await expect(restoreNote(db, deleted.undoToken)).rejects.toThrow(/Nothing to undo/);
    await expect(restoreNote(db, 'made-up')).rejects.toThrow(/Nothing to undo/);
    await expect(updateNote(db, 'missing', { body: 'x' })).rejects.toThrow(/No note/);
  });

  it('records detached and re-attached notes without touching their edit time', async () => {
    const db = freshDb();
    const notes = await seed(db);
    expect(await recordAnchoring(db, ['n-free'], ['n-figure'])).toBe(2);
    const rows = await db.notes.bulkGet(['n-free', 'n-figure']);
    expect(rows.map((r) => r!.detached)).toEqual([false, true]);
    expect(rows.map((r) => r!.updated)).toEqual([notes[3].updated, notes[0].updated]);
    expect(await recordAnchoring(db, ['n-free'], ['n-figure'])).toBe(0);
  });

  it('tags are cleaned the same everywhere', () => {
    expect(cleanTags(['##口径', '口径', 'A', 'a', '  '])).toEqual(['口径', 'A']);
  });
});

describe('search', () => {
  it('finds Chinese text by any substring, without segmentation', async () => {
    const db = freshDb();
    await seed(db);
    const views = await loadViews(db);
    const ids = (q: string) => searchNotes(views, q).map((n) => n.id);
    expect(ids('供应公租')).toEqual(['n-plain']); // middle of the quote
    expect(ids('统计公报')).toEqual(['n-figure']); // note body
    expect(ids('失业率')).toEqual(['n-other']);
    expect(ids('力度')).toEqual(['n-plain']);
    expect(ids('不存在的词')).toEqual([]);
  });

  it('folds full-width and case, and needs every term', async () => {
    const db = freshDb();
    await seed(db);
    const views = await loadViews(db);
    const ids = (q: string) => searchNotes(views, q).map((n) => n.id);
    // "ＧＤＰ" (full-width) in a body, "GDP" as a tag: both match "gdp".
    expect(ids('gdp').sort()).toEqual(['n-figure', 'n-other']);
    // An exact tag outranks the same letters in a body.
    expect(ids('gdp')[0]).toBe('n-figure');
    expect(ids('gdp 失业')).toEqual(['n-other']);
  });

  it('falls back to a loose match when no note holds the exact phrase', async () => {
    const db = freshDb();
    await seed(db);
    const views = await loadViews(db);
    expect(searchNotes(views, '公租房供应').map((n) => n.id)).toEqual(['n-plain']);
  });

  it('an empty query lists everything, most recently edited first', async () => {
    const db = freshDb();
    await seed(db);
    expect(searchNotes(await loadViews(db), '  ').map((n) => n.id)).toEqual(['n-free', 'n-other', 'n-plain', 'n-figure']);
  });
});

describe('filters and facets', () => {
  it('filters by report, region, year, tag, figure kind and status', async () => {
    const db = freshDb();
    await seed(db);
    const ids = async (filter: object) => (await listNotes(db, filter)).notes.map((n) => n.id).sort();
    expect(await ids({ reportId: REPORT_A })).toEqual(['n-figure', 'n-plain']);
    expect(await ids({ region: '另一市' })).toEqual(['n-other']);
    expect(await ids({ year: 2023 })).toEqual(['n-other']);
    expect(await ids({ year: 2024 })).toEqual(['n-figure', 'n-plain']);
    expect(await ids({ tag: 'gdp' })).toEqual(['n-figure']);
    expect(await ids({ kind: 'target' })).toEqual(['n-figure']);
    expect(await ids({ detached: true })).toEqual(['n-free']);
    expect(await ids({ url: 'https://news.example.com/a.html#x' })).toEqual(['n-free']);
    const list = await listNotes(db, { reportId: REPORT_A }, '统计');
    expect(list.notes.map((n) => n.id)).toEqual(['n-figure']);
    expect(list.total).toBe(4);
    expect(list.facets.regions).toEqual([
      { value: '示例省', count: 2 },
      { value: '另一市', count: 1 },
    ]);
    expect(list.facets.kinds).toEqual([{ value: 'target', count: 1 }]);
    expect(list.facets.tags.map((t) => t.value)).toContain('口径');
  });

  it('a note made before its page was indexed joins the report by address', async () => {
    const db = freshDb();
    await seed(db);
    await db.notes.put(note('n-early', { url: report(REPORT_A).url, reportId: null, quote: '早先的笔记', created: 5, updated: 5 }));
    const [view] = (await listNotes(db, { reportId: REPORT_A }, '早先')).notes;
    expect(view.id).toBe('n-early');
    expect(view.report).toMatchObject({ id: REPORT_A, region: '示例省', year: 2024 });
    // Stored as it was: the join is made when reading.
    expect((await db.notes.get('n-early'))!.reportId).toBeNull();
  });

  it('joins a figure note with the figure’s value, unit and kind', async () => {
    const db = freshDb();
    await seed(db);
    const [view] = (await listNotes(db, { kind: 'target' })).notes;
    expect(view.figure).toMatchObject({ text: '5%左右', value: 5, unit: '%', kind: 'target', metric: '地区生产总值增长' });
    expect(view.report).toMatchObject({ region: '示例省', year: 2024 });
  });

  it('links a note on selected text to the figure its passage covers, so the kind filter finds it', async () => {
    const db = freshDb();
    await seed(db);
    await db.figures.update(`${REPORT_A}:1`, { sentence: '今年地区生产总值增长5%左右。' });
    await db.notes.bulkPut([
      note('n-selected', { reportId: REPORT_A, quote: '地区生产总值增长5%左右', created: 6, updated: 6 }),
      // The same number in other words is another place: no figure.
      note('n-elsewhere', { reportId: REPORT_A, quote: '城乡居民收入增长5%左右', created: 7, updated: 7 }),
    ]);
    const ids = (await listNotes(db, { kind: 'target' })).notes.map((n) => n.id).sort();
    expect(ids).toEqual(['n-figure', 'n-selected']);
    const all = await listNotes(db, {});
    expect(all.notes.find((n) => n.id === 'n-selected')!.figure).toMatchObject({ text: '5%左右', kind: 'target', year: 2024 });
    expect(all.notes.find((n) => n.id === 'n-elsewhere')!.figure).toBeNull();
    // The note itself is not rewritten: the link is made when reading.
    expect((await db.notes.get('n-selected'))!.figureId).toBeNull();
  });
});

describe('requests', () => {
  it('refuses malformed and hostile requests with the exact field', () => {
    expect(() => validateNoteRequest({ type: 'notes/create', note: { ...INPUT, selectors: [{ type: 'TextPositionSelector', start: -1, end: 2 }] } })).toThrow(
      /request\.note\.selectors\[0\]\.start/,
    );
    expect(() => validateNoteRequest({ type: 'notes/create', note: { ...INPUT, body: 'hi <script>alert(1)</script>' } })).toThrow(
      /note\.body: contains script markup/,
    );
    expect(() => validateNoteRequest({ type: 'notes/create', note: { ...INPUT, url: 'javascript:alert(1)' } })).toThrow(
      /note\.url: expected an http\(s\) or file address/,
    );
    expect(() => validateNoteRequest({ type: 'notes/update', id: 'x', patch: { tags: ['<img src=x onerror=alert(1)>'] } })).toThrow(/patch\.tags\[0\]/);
    expect(() => validateNoteRequest({ type: 'notes/update', id: 'x', patch: { owner: 'me' } })).toThrow(/patch\.owner: unexpected field/);
    expect(() => validateNoteRequest({ type: 'notes/drop' })).toThrow(/Unknown notes request/);
    // Markup that runs nothing stays: notes about HTML are legitimate.
    expect(validateNoteRequest({ type: 'notes/create', note: { ...INPUT, body: '表格里的 <td> 与 a<b 比较' } }).type).toBe('notes/create');
  });

  it('lets content scripts reach their page’s notes only, not the whole library', async () => {
    const db = freshDb();
    await seed(db);
    await expect(handleNoteRequest(db, { type: 'notes/list' }, 'content')).rejects.toThrow(/only be sent from Zhibiao's own pages/);
    await expect(handleNoteRequest(db, { type: 'notes/backup' }, 'content')).rejects.toThrow(/own pages/);
    await expect(handleNoteRequest(db, { type: 'notes/restore', content: '{}' } as { type: string }, 'content')).rejects.toThrow(/own pages/);
    const news = 'https://news.example.com/a.html';
    const forUrl = (await handleNoteRequest(db, { type: 'notes/forUrl', url: news } as { type: string }, 'content', `${news}#top`)) as unknown[];
    expect(forUrl).toHaveLength(1);
    // Only its own page's notes: another address is refused, whatever the message names.
    const foreign = /may only concern the notes of the page that sends it/;
    await expect(
      handleNoteRequest(db, { type: 'notes/forUrl', url: 'https://www.example.gov.cn/aaaa.html' } as { type: string }, 'content', news),
    ).rejects.toThrow(foreign);
    await expect(handleNoteRequest(db, { type: 'notes/update', id: 'n-plain', patch: { body: 'x' } } as { type: string }, 'content', news)).rejects.toThrow(
      foreign,
    );
    await expect(handleNoteRequest(db, { type: 'notes/delete', id: 'n-plain' } as { type: string }, 'content', news)).rejects.toThrow(foreign);
    await expect(handleNoteRequest(db, { type: 'notes/create', note: INPUT } as { type: string }, 'content', news)).rejects.toThrow(foreign);
    expect(await handleNoteRequest(db, { type: 'notes/anchored', attached: [], detached: ['n-plain'] } as { type: string }, 'content', news)).toBe(0);
    expect((await db.notes.get('n-plain'))!.detached).toBe(false);
    await expect(handleNoteRequest(db, { type: 'notes/forUrl', url: news } as { type: string }, 'content')).rejects.toThrow(/without the page’s address/);
    const envelope = await answerMessage(db, { type: 'notes/export', format: 'csv' }, 'content');
    expect(envelope.ok).toBe(false);
    expect((await answerMessage(db, { type: 'notes/list' }, 'extension')).ok).toBe(true);
  });
});

describe('storage full or a failing write', () => {
  /** Makes IndexedDB refuse writes as a full disk does. */
  function failWrites(after = 0) {
    let calls = 0;
    for (const method of ['add', 'put'] as const) {
      const original = IDBObjectStore.prototype[method];
      vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (calls++ >= after) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      });
    }
  }

  it('saving a note tells the reader storage is full and loses nothing already saved', async () => {
    const db = freshDb();
    const notes = await seed(db);
    failWrites();
    const page = { kind: 'content', url: INPUT.url } as const;
    const answer = await answerMessage(db, { type: 'notes/create', note: INPUT }, page);
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error).toMatch(/Storage is full/);
    const edit = await answerMessage(db, { type: 'notes/update', id: 'n-plain', patch: { body: '新内容' } }, page);
    expect(!edit.ok && edit.error).toMatch(/Storage is full/);
    vi.restoreAllMocks();
    expect((await db.notes.toArray()).sort((a, b) => a.created - b.created)).toEqual(notes);
  });

  it('a restore that fails half-way leaves the library exactly as it was', async () => {
    const source = freshDb();
    await seed(source);
    for (let i = 0; i < 50; i++) await source.notes.put(note(`extra-${i}`, { created: 100 + i, updated: 100 + i }));
    const file = JSON.stringify(await createBackup(source));

    const db = freshDb();
    await db.notes.put(note('mine', { body: '我的笔记' }));
    const before = await createBackup(db, 0);
    failWrites(20); // some rows go in, then the disk is full
    const result = await restoreBackup(db, file);
    vi.restoreAllMocks();
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toMatch(/Nothing was restored: storage is full/);
    expect((await createBackup(db, 0)).tables).toEqual(before.tables);
  });
});

describe('links back to the place', () => {
  it('uses a text fragment, encoding its syntax characters', () => {
    expect(linkToQuote('https://x.cn/a.html#old', '增长5%左右')).toBe('https://x.cn/a.html#:~:text=%E5%A2%9E%E9%95%BF5%25%E5%B7%A6%E5%8F%B3');
    expect(textFragment('a-b, c&d')).toBe(':~:text=a%2Db%2C%20c%26d');
    const long = '第一行的文字内容比较长一些，需要截断处理\n第二行的文字内容也比较长，这里是结尾部分';
    expect(textFragment(long)).toMatch(/^:~:text=[^,]+,[^,]+$/);
  });

  it('names the note in the address for the content script, before the text fragment', () => {
    const link = linkToNote('https://x.cn/a.html#top', '增长5%左右', 'id with/slash');
    expect(link).toBe('https://x.cn/a.html#zhibiao-note=id%20with%2Fslash:~:text=%E5%A2%9E%E9%95%BF5%25%E5%B7%A6%E5%8F%B3');
    // Browsers hide the part from ":~:" on from the page: what the content script sees.
    expect(noteIdInAddress(new URL(link).hash.split(':~:')[0])).toBe('id with/slash');
    expect(noteIdInAddress('#section-2')).toBeNull();
    expect(noteIdInAddress('#zhibiao-note=%E0%A4%A')).toBeNull();
  });
});
