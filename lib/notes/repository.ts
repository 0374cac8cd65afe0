/**
 * The notes store over the `notes` table. Deleting hands back the deleted row so the caller can
 * offer "undo" (`restoreNote` puts the very same row back, id and timestamps included); nothing
 * else in the library refers to a note, so nothing dangles in between.
 */
import type { NoteRow, ZhibiaoDB } from '../storage';
import type { DeletedNote, NoteInput, NotePatch } from './requests';
import { shelve, unshelve } from '../storage';
import { pageUrl } from '../address';

/** The page address notes are filed under: without the fragment (text fragments, anchors). */

/** Tags as stored: trimmed, without a leading '#', no empties, no duplicates (first spelling kept). */
export function cleanTags(tags: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/^#+/, '').trim();
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

function newId(): string {
  return globalThis.crypto.randomUUID();
}

/** The report a figure id belongs to (`${reportId}:${index}`). */
export function reportOfFigure(figureId: string): string {
  const colon = figureId.lastIndexOf(':');
  return colon === -1 ? figureId : figureId.slice(0, colon);
}

export async function createNote(db: ZhibiaoDB, input: NoteInput, now = Date.now()): Promise<NoteRow> {
  const url = pageUrl(input.url);
  let reportId = input.reportId ?? null;
  const figureId = input.figureId ?? null;
  if (!reportId && figureId) reportId = reportOfFigure(figureId);
  if (!reportId) {
    // A note made on an indexed report's page belongs to that report, wherever it was seen.
    const report = await db.reports.where('urls').equals(url).first();
    reportId = report?.id ?? null;
  }
  const row: NoteRow = {
    id: newId(),
    url,
    pageTitle: input.pageTitle,
    reportId,
    figureId,
    selectors: input.selectors,
    quote: input.quote,
    body: input.body,
    tags: cleanTags(input.tags),
    color: input.color ?? null,
    created: now,
    updated: now,
    detached: false,
  };
  await db.notes.add(row);
  return row;
}

export async function updateNote(db: ZhibiaoDB, id: string, patch: NotePatch, now = Date.now()): Promise<NoteRow> {
  return db.transaction('rw', db.notes, async () => {
    const row = await db.notes.get(id);
    if (!row) throw new Error(`No note with id ${id} (it may have been deleted)`);
    const next: NoteRow = {
      ...row,
      ...(patch.body !== undefined ? { body: patch.body } : {}),
      ...(patch.tags !== undefined ? { tags: cleanTags(patch.tags) } : {}),
      ...(patch.color !== undefined ? { color: patch.color } : {}),
      ...(patch.selectors !== undefined ? { selectors: patch.selectors, detached: false } : {}),
      ...(patch.quote !== undefined ? { quote: patch.quote } : {}),
      updated: Math.max(now, row.updated + 1),
    };
    await db.notes.put(next);
    return next;
  });
}

/** Deletes a note; answers it with the token that undoes the delete (the row stays on the undo shelf). */
export async function deleteNote(db: ZhibiaoDB, id: string): Promise<DeletedNote> {
  const row = await db.transaction('rw', db.notes, async () => {
    const found = await db.notes.get(id);
    if (!found) throw new Error(`No note with id ${id} (it may have been deleted already)`);
    await db.notes.delete(id);
    return found;
  });
  return { ...row, undoToken: shelve(db, 'note', row) };
}

/** Undo of a delete, by the token the delete answered: the row comes back exactly as it was. */
export async function restoreNote(db: ZhibiaoDB, token: string): Promise<NoteRow> {
  const row = unshelve<NoteRow>(db, 'note', token);
  await db.notes.put(row);
  return row;
}

export async function notesForUrl(db: ZhibiaoDB, url: string): Promise<NoteRow[]> {
  const rows = await db.notes.where('url').equals(pageUrl(url)).toArray();
  return rows.sort((a, b) => a.created - b.created);
}

/**
 * Records which notes a visit could and could not re-attach. Not an edit: `updated` stays, so a
 * note restored from a backup is not considered newer just because a page was visited.
 */
export async function recordAnchoring(db: ZhibiaoDB, attached: string[], detached: string[]): Promise<number> {
  return db.transaction('rw', db.notes, async () => {
    let changed = 0;
    const set = async (ids: string[], value: boolean) => {
      const rows = await db.notes.bulkGet(ids);
      const toWrite = rows.filter((r): r is NoteRow => !!r && r.detached !== value).map((r) => ({ ...r, detached: value }));
      if (toWrite.length) await db.notes.bulkPut(toWrite);
      changed += toWrite.length;
    };
    await set(attached, false);
    await set(detached, true);
    return changed;
  });
}
