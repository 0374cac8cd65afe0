/**
 * Notes page entry. The page opens the library itself (an extension page shares the background's
 * origin, hence its IndexedDB): exports and backups of a large library are then neither copied
 * through messages nor bound by their size limits. Every request still goes through the same
 * validation as one arriving from a content script.
 */
import { ZhibiaoDB } from '../../lib/storage';
import { requestPersistentStorage } from '../../lib/storage';
import { answerNoteRequest } from '../../lib/notes-handler';
import { validateNoteRequest, type NoteFilter, type NoteRequest } from '../../lib/notes';
import { describeError } from '../../lib/messages';
import { NotesPage, type NotesApi } from '../../components/notes/NotesPage';
import { renderPage, setUpPage } from '../../components/page-setup';
import { isFigureKind } from '../../lib/kinds';
import { saveFile } from '../../components/save-file';
import '../../components/views.css';
import '../../components/notes/notes.css';

const db = new ZhibiaoDB();
void requestPersistentStorage();

async function ask<T>(req: NoteRequest): Promise<T> {
  try {
    return (await answerNoteRequest(db, validateNoteRequest(req))) as T;
  } catch (err) {
    throw new Error(describeError(err));
  }
}

const api: NotesApi = {
  list: (filter, query) => ask({ type: 'notes/list', filter, query }),
  update: (id, patch) => ask({ type: 'notes/update', id, patch }),
  remove: (id) => ask({ type: 'notes/delete', id }),
  undoDelete: (token) => ask({ type: 'notes/undoDelete', token }),
  exportNotes: (format, filter, query) => ask({ type: 'notes/export', format, filter, query }),
  backup: () => ask({ type: 'notes/backup' }),
  restore: (content) => ask({ type: 'notes/restore', content }),
};

/** Filters from the address (`notes.html?reportId=…&tag=…&q=…`), so a view can be bookmarked. */
function filterFromAddress(): { filter: NoteFilter; query: string } {
  const p = new URLSearchParams(location.search);
  const filter: NoteFilter = {};
  for (const key of ['reportId', 'region', 'tag', 'url'] as const) {
    const v = p.get(key);
    if (v) filter[key] = v;
  }
  const year = Number(p.get('year'));
  if (Number.isInteger(year) && year > 0) filter.year = year;
  const kind = p.get('kind');
  if (isFigureKind(kind)) filter.kind = kind;
  return { filter, query: p.get('q') ?? '' };
}

const initial = filterFromAddress();
void setUpPage().then(() =>
  renderPage(() => <NotesPage api={api} save={saveFile} initialFilter={initial.filter} initialQuery={initial.query} />, document.getElementById('app')!),
);
