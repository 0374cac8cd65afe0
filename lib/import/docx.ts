/**
 * The text of a Word (.docx) file, read with mammoth (passed in: Node and the browser load
 * different builds). Paragraphs become lines, which is what the engine needs to see headings
 * ("一、2024年工作回顾") at the start of a line.
 */
import { DocumentReadError } from './pdf';

export interface MammothLike {
  extractRawText(input: { arrayBuffer: ArrayBuffer } | { buffer: Uint8Array }): Promise<{ value: string }>;
}

export async function docxText(mammoth: MammothLike, bytes: Uint8Array): Promise<string> {
  // A .docx is a zip file: "PK\3\4". An old binary .doc is not, and mammoth cannot read it.
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new DocumentReadError(bytes[0] === 0xd0 && bytes[1] === 0xcf ? 'an old Word .doc file; save it as .docx' : 'not a .docx file (not a zip archive)');
  }
  let value: string;
  try {
    const copy = bytes.slice();
    ({ value } = await mammoth.extractRawText({ arrayBuffer: copy.buffer }));
  } catch (err) {
    throw new DocumentReadError(`not a readable .docx file (${(err as Error)?.message?.split('\n')[0] ?? String(err)})`);
  }
  const text = value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
  if (text === '') throw new DocumentReadError('the document holds no text');
  return text + '\n';
}
