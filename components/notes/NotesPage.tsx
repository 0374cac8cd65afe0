/**
 * The notes page: every note and highlight, filtered by report, region, year, tag, figure kind and
 * status, with search that works on Chinese without segmentation (substring, lib/notes/search.ts);
 * edit and delete with Undo; exports (Markdown, CSV, W3C JSON) of everything, one report or what
 * is shown; a full backup and a validated restore. Everything from pages and files is rendered as
 * text (JSX text nodes), never as HTML.
 */
import { Highlighted } from './Highlighted';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { NoteRow } from '../../lib/storage';
import type { DeletedNote, ExportFormat, ExportedFile, NoteFilter, NoteList, NotePatch, NoteView, RestoreResult } from '../../lib/notes';
import { linkToNote } from '../../lib/notes';
import { noteYear } from '../../lib/notes';
import { tr } from '../i18n';
import { KIND_META, perKind } from '../../lib/kinds';
import { DEFAULT_KEYS } from '../../lib/page';
import { LanguageSwitch } from '../LanguageSwitch';

export interface NotesApi {
  list(filter: NoteFilter, query: string): Promise<NoteList>;
  update(id: string, patch: NotePatch): Promise<NoteRow>;
  remove(id: string): Promise<DeletedNote>;
  /** Undoes a delete by the token `remove` answered. */
  undoDelete(token: string): Promise<NoteRow>;
  exportNotes(format: ExportFormat, filter: NoteFilter, query: string): Promise<ExportedFile>;
  backup(): Promise<ExportedFile>;
  restore(content: string): Promise<RestoreResult>;
}

export interface NotesPageProps {
  api: NotesApi;
  /** Hands a finished file to the reader (a download in the browser). */
  save(file: ExportedFile): void;
  initialFilter?: NoteFilter;
  initialQuery?: string;
  undoMs?: number;
}

const KIND_LABEL: Record<string, [string, string]> = perKind((k) => [KIND_META[k].label.zh, KIND_META[k].label.en]);

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

type Scope = 'all' | 'shown' | 'report';

/**
 * Notes drawn at once: a library of thousands would otherwise build thousands of cards before the
 * first paint; the reader asks for more (search and filters narrow the list first anyway).
 */
export const PAGE_SIZE = 200;

export function NotesPage({ api, save, initialFilter = {}, initialQuery = '', undoMs = 15000 }: NotesPageProps) {
  const [filter, setFilter] = useState<NoteFilter>(initialFilter);
  const [query, setQuery] = useState(initialQuery);
  const [data, setData] = useState<NoteList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [toast, setToast] = useState<{ text: string; undo?: () => Promise<void> } | null>(null);
  const [restoreReport, setRestoreReport] = useState<RestoreResult | null>(null);
  const [scope, setScope] = useState<Scope>('shown');
  const [busy, setBusy] = useState(false);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const fileInput = useRef<HTMLInputElement>(null);
  const seq = useRef(0);

  // Callbacks that outlive a render (undo in the toast, a restore finishing) reload with the
  // filters of the moment, not those of the render that created them.
  const latest = useRef<() => Promise<void>>(async () => {});
  const load = () => latest.current();
  latest.current = async () => {
    const mine = ++seq.current;
    try {
      const list = await api.list(filter, query);
      if (mine === seq.current) {
        setData(list);
        setError(null);
      }
    } catch (err) {
      if (mine === seq.current) setError(message(err));
    }
  };
  useEffect(() => {
    setLimit(PAGE_SIZE);
    void load();
  }, [filter, query]);
  useEffect(() => {
    // Notes made or re-attached in other tabs meanwhile show up when the reader comes back.
    const onVisible = () => document.visibilityState === 'visible' && void load();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), undoMs);
    return () => clearTimeout(timer);
  }, [toast]);

  const set = (key: keyof NoteFilter, value: string) => {
    const next: NoteFilter = { ...filter };
    if (value === '') delete next[key];
    else if (key === 'year') next.year = Number(value);
    else if (key === 'detached') next.detached = value === 'true';
    else (next as Record<string, unknown>)[key] = value;
    setFilter(next);
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (err) {
      setToast({ text: message(err) });
    } finally {
      setBusy(false);
    }
  };

  const doExport = (format: ExportFormat) =>
    run(async () => {
      const f: NoteFilter = scope === 'all' ? {} : scope === 'report' && filter.reportId ? { reportId: filter.reportId } : filter;
      const file = await api.exportNotes(format, f, scope === 'shown' ? query : '');
      save(file);
      setToast({ text: tr(`已导出 ${file.count} 条笔记：${file.filename}`, `Exported ${file.count} notes: ${file.filename}`) });
    });

  const doBackup = () =>
    run(async () => {
      const file = await api.backup();
      save(file);
      setToast({ text: tr(`备份已生成：${file.filename}（${file.count} 条笔记）`, `Backup saved: ${file.filename} (${file.count} notes)`) });
    });

  const doRestore = async (file: File) => {
    setRestoreReport(null);
    await run(async () => {
      const content = await file.text();
      const result = await api.restore(content);
      setRestoreReport(result);
      if (result.ok) await load();
    });
    if (fileInput.current) fileInput.current.value = '';
  };

  const remove = (note: NoteView) =>
    run(async () => {
      const deleted = await api.remove(note.id);
      await load();
      setToast({
        text: tr('笔记已删除', 'Note deleted'),
        undo: async () => {
          await api.undoDelete(deleted.undoToken);
          await load();
        },
      });
    });

  const facets = data?.facets;
  const notes = data?.notes ?? [];

  return (
    <main class="notes-page">
      <header class="notes-header">
        <h1>{tr('笔记', 'Notes')}</h1>
        <p class="muted" role="status">
          {data ? tr(`显示 ${notes.length} / 共 ${data.total} 条`, `Showing ${notes.length} of ${data.total}`) : tr('正在读取…', 'Loading…')}
        </p>
        <LanguageSwitch />
      </header>

      <section class="notes-tools" aria-label={tr('查找', 'Find')}>
        <label class="search">
          <span>{tr('搜索', 'Search')}</span>
          <input
            type="search"
            name="q"
            value={query}
            placeholder={tr('笔记、引文、标签…（中文直接输入）', 'Notes, quotes, tags…')}
            onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          />
        </label>
        <div class="filters">
          <FilterSelect
            label={tr('报告', 'Report')}
            name="reportId"
            value={filter.reportId ?? ''}
            onChange={(v) => set('reportId', v)}
            options={(facets?.reports ?? []).map((r) => [r.id, `${r.title ?? r.id} (${r.count})`])}
          />
          <FilterSelect
            label={tr('地区', 'Region')}
            name="region"
            value={filter.region ?? ''}
            onChange={(v) => set('region', v)}
            options={(facets?.regions ?? []).map((r) => [r.value, `${r.value} (${r.count})`])}
          />
          <FilterSelect
            label={tr('年份', 'Year')}
            name="year"
            value={filter.year !== undefined ? String(filter.year) : ''}
            onChange={(v) => set('year', v)}
            options={(facets?.years ?? []).map((y) => [String(y.value), `${y.value} (${y.count})`])}
          />
          <FilterSelect
            label={tr('标签', 'Tag')}
            name="tag"
            value={filter.tag ?? ''}
            onChange={(v) => set('tag', v)}
            options={(facets?.tags ?? []).map((t) => [t.value, `${t.value} (${t.count})`])}
          />
          <FilterSelect
            label={tr('数字类型', 'Figure kind')}
            name="kind"
            value={filter.kind ?? ''}
            onChange={(v) => set('kind', v)}
            options={(facets?.kinds ?? []).map((k) => [k.value, `${tr(...(KIND_LABEL[k.value] ?? [k.value, k.value]))} (${k.count})`])}
          />
          <FilterSelect
            label={tr('状态', 'Status')}
            name="detached"
            value={filter.detached === undefined ? '' : String(filter.detached)}
            onChange={(v) => set('detached', v)}
            options={[
              ['false', tr('已定位', 'Attached')],
              ['true', tr('未能定位', 'Detached')],
            ]}
          />
        </div>
      </section>

      <section class="notes-io" aria-label={tr('导出与备份', 'Export and backup')}>
        <label>
          <span>{tr('导出范围', 'Export')}</span>
          <select name="scope" value={scope} onChange={(e) => setScope((e.target as HTMLSelectElement).value as Scope)}>
            <option value="shown">{tr('当前显示的笔记', 'Notes shown')}</option>
            <option value="all">{tr('全部笔记', 'All notes')}</option>
            {filter.reportId && <option value="report">{tr('此报告的全部笔记', 'All notes of this report')}</option>}
          </select>
        </label>
        <button type="button" disabled={busy} onClick={() => doExport('markdown')}>
          Markdown
        </button>
        <button type="button" disabled={busy} onClick={() => doExport('csv')}>
          CSV
        </button>
        <button type="button" disabled={busy} onClick={() => doExport('json')}>
          JSON (W3C)
        </button>
        <span class="sep" aria-hidden="true" />
        <button type="button" disabled={busy} onClick={doBackup}>
          {tr('完整备份', 'Back up everything')}
        </button>
        <label class="file">
          <span>{tr('从备份恢复', 'Restore from backup')}</span>
          <input
            ref={fileInput}
            type="file"
            name="restore"
            accept=".json,application/json"
            disabled={busy}
            onChange={(e) => {
              const f = (e.target as HTMLInputElement).files?.[0];
              if (f) void doRestore(f);
            }}
          />
        </label>
      </section>

      {restoreReport && <RestoreReport result={restoreReport} onClose={() => setRestoreReport(null)} />}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}

      {data && notes.length === 0 && (
        <p class="empty">
          {data.total === 0
            ? tr(
                `还没有笔记。在任何网页上选中文字，点“✎ 笔记”或按 ${DEFAULT_KEYS.note.label}。`,
                `No notes yet. Select text on any page and press “✎ Note” or ${DEFAULT_KEYS.note.label}.`,
              )
            : tr('没有符合条件的笔记。', 'No notes match.')}
        </p>
      )}
      <ol class="note-list">
        {notes.slice(0, limit).map((n) => (
          <li key={n.id}>
            {editing === n.id ? (
              <NoteEditor
                note={n}
                onCancel={() => setEditing(null)}
                onSave={async (patch) => {
                  const before: NotePatch = { body: n.body, tags: n.tags };
                  await api.update(n.id, patch);
                  setEditing(null);
                  await load();
                  setToast({
                    text: tr('已保存', 'Saved'),
                    undo: async () => {
                      await api.update(n.id, before);
                      await load();
                    },
                  });
                }}
              />
            ) : (
              <NoteCard note={n} query={query} onEdit={() => setEditing(n.id)} onDelete={() => void remove(n)} />
            )}
          </li>
        ))}
      </ol>
      {notes.length > limit && (
        <p class="more">
          <button type="button" onClick={() => setLimit(limit + PAGE_SIZE)}>
            {tr(
              `再显示 ${Math.min(PAGE_SIZE, notes.length - limit)} 条（还有 ${notes.length - limit} 条）`,
              `Show ${Math.min(PAGE_SIZE, notes.length - limit)} more (${notes.length - limit} not shown)`,
            )}
          </button>
        </p>
      )}

      {toast && (
        <div class="toast" role="status">
          <span>{toast.text}</span>
          {toast.undo && (
            <button
              type="button"
              onClick={() => {
                const undo = toast.undo!;
                setToast(null);
                void run(undo);
              }}
            >
              {tr('撤销', 'Undo')}
            </button>
          )}
          <button type="button" aria-label={tr('关闭', 'Close')} onClick={() => setToast(null)}>
            ×
          </button>
        </div>
      )}
    </main>
  );
}

function FilterSelect(props: { label: string; name: string; value: string; options: Array<[string, string]>; onChange(v: string): void }) {
  return (
    <label>
      <span>{props.label}</span>
      <select name={props.name} value={props.value} onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}>
        <option value="">{tr('全部', 'All')}</option>
        {props.options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

function NoteCard({ note, query, onEdit, onDelete }: { note: NoteView; query: string; onEdit(): void; onDelete(): void }) {
  const year = noteYear(note);
  const meta = [note.report?.region, year ? String(year) : null].filter(Boolean).join(' · ');
  const f = note.figure;
  return (
    <article class={`note${note.detached ? ' detached' : ''}`} data-note-id={note.id}>
      <header>
        <h2>{note.report?.title ?? note.pageTitle ?? note.url}</h2>
        {meta && <span class="muted">{meta}</span>}
        {note.detached && (
          <span class="badge warn" title={tr('页面已改变，无法找到原文位置；笔记仍保留', 'The page changed and the passage was not found; the note is kept')}>
            ⚠ {tr('未能定位', 'Detached')}
          </span>
        )}
      </header>
      {note.quote && (
        <blockquote class="quote">
          <Highlighted text={note.quote} query={query} />
        </blockquote>
      )}
      {f && (
        <p class="figure">
          <span class={`kind kind-${f.kind}`}>{tr(...(KIND_LABEL[f.kind] ?? [f.kind, f.kind]))}</span> {f.metric} {f.text} (
          {f.valueMax !== undefined && f.valueMax !== f.value ? `${f.value}–${f.valueMax}` : f.value} {f.unit})
        </p>
      )}
      {note.body && (
        <p class="body">
          <Highlighted text={note.body} query={query} />
        </p>
      )}
      {note.tags.length > 0 && (
        <ul class="tags" aria-label={tr('标签', 'Tags')}>
          {note.tags.map((t) => (
            <li key={t}>#{t}</li>
          ))}
        </ul>
      )}
      <footer>
        <a href={linkToNote(note.url, note.quote, note.id)} target="_blank" rel="noopener noreferrer">
          {tr('打开原文位置', 'Open in page')}
        </a>
        <span class="muted">{new Date(note.updated).toLocaleString(tr('zh-CN', 'en'))}</span>
        <button type="button" onClick={onEdit}>
          {tr('编辑', 'Edit')}
        </button>
        <button type="button" class="danger" onClick={onDelete}>
          {tr('删除', 'Delete')}
        </button>
      </footer>
    </article>
  );
}

function NoteEditor({ note, onSave, onCancel }: { note: NoteView; onSave(p: NotePatch): Promise<void>; onCancel(): void }) {
  const [body, setBody] = useState(note.body);
  const [tags, setTags] = useState(note.tags.join(', '));
  const [error, setError] = useState<string | null>(null);
  const parsed = useMemo(
    () =>
      tags
        .split(/[,，;；、\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    [tags],
  );
  return (
    <form
      class="note editing"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ body, tags: parsed }).catch((err: unknown) => setError(message(err)));
      }}
    >
      {note.quote && <blockquote class="quote">{note.quote}</blockquote>}
      <label>
        <span>{tr('笔记', 'Note')}</span>
        <textarea name="body" value={body} onInput={(e) => setBody((e.target as HTMLTextAreaElement).value)} />
      </label>
      <label>
        <span>{tr('标签', 'Tags')}</span>
        <input name="tags" value={tags} onInput={(e) => setTags((e.target as HTMLInputElement).value)} />
      </label>
      {error && (
        <p class="error" role="alert">
          {tr('未能保存：', 'Not saved: ')}
          {error}
        </p>
      )}
      <div class="row">
        <button type="button" onClick={onCancel}>
          {tr('取消', 'Cancel')}
        </button>
        <button type="submit" class="primary">
          {tr('保存', 'Save')}
        </button>
      </div>
    </form>
  );
}

function RestoreReport({ result, onClose }: { result: RestoreResult; onClose(): void }) {
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  return (
    <section class={`restore-report ${result.ok ? 'ok' : 'failed'}`} role={result.ok ? 'status' : 'alert'} aria-label={tr('恢复结果', 'Restore result')}>
      {result.ok ? (
        <>
          <h2>{tr('恢复完成', 'Restored')}</h2>
          <p>
            {tr(
              `写入 ${sum(result.written)} 行（其中笔记 ${result.written.notes ?? 0} 条），跳过 ${sum(result.skipped)} 行（已有相同或更新的内容）。`,
              `Wrote ${sum(result.written)} rows (${result.written.notes ?? 0} notes); kept ${sum(result.skipped)} rows that were already here or newer.`,
            )}
          </p>
        </>
      ) : (
        <>
          <h2>{tr('未恢复：文件有问题，资料库没有任何改动', 'Not restored: the file has problems, and nothing in your library was changed')}</h2>
          <ul class="errors">
            {result.errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </>
      )}
      <button type="button" onClick={onClose}>
        {tr('关闭', 'Close')}
      </button>
    </section>
  );
}
