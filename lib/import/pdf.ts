/**
 * The text of a PDF, read with pdf.js. The pdf.js module is passed in: Node loads
 * `pdfjs-dist/legacy/build/pdf.mjs`, extension pages the modern build with its worker bundled.
 *
 * Text items come in reading order for the reports' single-column pages. Items are joined without
 * a space (Chinese has none between words; a space pdf.js reports as its own item is kept), an item
 * that ends a line (`hasEOL`) ends the line, and every page ends one. Figures split across items
 * ("5.67" "万亿元") are rejoined by the engine, which reads PDF-converted texts with "spaces around
 * numbers" already.
 */

/** The slice of pdf.js this module uses, so that both builds fit. */
export interface PdfJsLike {
  getDocument(src: { data: Uint8Array; isEvalSupported?: boolean; useSystemFonts?: boolean; disableFontFace?: boolean }): {
    promise: Promise<PdfDocumentLike>;
  };
}

interface PdfDocumentLike {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(): Promise<{ items: unknown[] }>; cleanup(): unknown }>;
  getMetadata?(): Promise<{ info?: unknown }>;
  destroy(): Promise<void>;
}

export interface PdfText {
  text: string;
  /** The document's own title (Info dictionary), when it has one. */
  title?: string;
  pages: number;
}

/** A PDF with this many pages is not a report (national reports run to about 40). */
const MAX_PDF_PAGES = 2000;

export class DocumentReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentReadError';
  }
}

function itemText(item: unknown): { str: string; eol: boolean } | null {
  if (typeof item !== 'object' || item === null || typeof (item as { str?: unknown }).str !== 'string') return null;
  return { str: (item as { str: string }).str, eol: (item as { hasEOL?: unknown }).hasEOL === true };
}

export async function pdfText(pdfjs: PdfJsLike, bytes: Uint8Array): Promise<PdfText> {
  let doc: PdfDocumentLike;
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given: pass a copy.
    doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true }).promise;
  } catch (err) {
    const name = (err as { name?: string } | null)?.name;
    if (name === 'PasswordException') throw new DocumentReadError('the PDF is protected by a password');
    throw new DocumentReadError(`not a readable PDF (${(err as Error)?.message ?? String(err)})`);
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw new DocumentReadError(`the PDF has ${doc.numPages} pages; reports have far fewer (limit ${MAX_PDF_PAGES})`);
    const lines: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let line = '';
      for (const raw of content.items) {
        const item = itemText(raw);
        if (!item) continue;
        line += item.str;
        if (item.eol) {
          lines.push(line);
          line = '';
        }
      }
      if (line) lines.push(line);
      page.cleanup();
    }
    const text = lines
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .join('\n');
    if (text === '') throw new DocumentReadError('the PDF holds no text (a scan needs OCR first)');
    const info = doc.getMetadata ? (await doc.getMetadata().catch(() => null))?.info : undefined;
    const title = typeof (info as { Title?: unknown } | undefined)?.Title === 'string' ? (info as { Title: string }).Title.trim() || undefined : undefined;
    return { text: text + '\n', title, pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}
