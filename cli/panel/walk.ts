/**
 * FILES|DIRS… → the files to analyse: folders are walked depth first, taking files whose name
 * ends in a document extension (lib/import/document.ts) and skipping hidden entries (".git",
 * ".DS_Store"); a file named on the command line is taken whatever its name. The list is sorted
 * within each folder, so runs are reproducible, and a file reached twice is taken once.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DOCUMENT_EXTENSIONS, extensionOf } from '../../lib/import/document';

export interface WalkedFile {
  /** Absolute path. */
  path: string;
  /** As shown in the output: the input as named on the command line, plus the path inside a folder. */
  name: string;
}

export interface Walk {
  files: WalkedFile[];
  /** Inputs that could not be read at all ("no such file"). */
  missing: { input: string; reason: string }[];
}

export async function walkInputs(inputs: string[], cwd: string): Promise<Walk> {
  const files: WalkedFile[] = [];
  const missing: Walk['missing'] = [];
  const seen = new Set<string>();
  const add = async (path: string, name: string) => {
    const real = await realpath(path).catch(() => path);
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ path, name });
  };
  // Names as the user would type them: the input as given, joined with the path inside it.
  const visit = async (dir: string, shown: string, depth: number): Promise<void> => {
    if (depth > 32) return; // a symlink loop
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const path = join(dir, e.name);
      const name = join(shown, e.name);
      const info = e.isSymbolicLink() ? await stat(path).catch(() => null) : e;
      if (!info) continue;
      if (info.isDirectory()) await visit(path, name, depth + 1);
      else if (info.isFile() && DOCUMENT_EXTENSIONS.includes(extensionOf(e.name))) await add(path, name);
    }
  };
  for (const input of inputs) {
    const path = resolve(cwd, input);
    const info = await stat(path).catch((err: NodeJS.ErrnoException) => err);
    if (info instanceof Error) {
      missing.push({ input, reason: info.code === 'ENOENT' ? 'no such file or folder' : info.message.split('\n')[0] });
    } else if (info.isDirectory()) await visit(path, input, 0);
    else await add(path, input);
  }
  return { files, missing };
}
