/**
 * The browser side of lib/import's readers, for extension pages: the page's own DOMParser for
 * HTML, pdf.js's modern build, and mammoth's browser build (package.json "browser" field).
 *
 * pdf.js parses in a worker of its own, which an extension page may only start from a file of the
 * extension (no remote code, and MV3's CSP allows 'self' scripts only). `?url` makes Vite copy
 * pdf.worker.min.mjs into the build and give its address; pdf.js and mammoth are imported when the
 * first file of their kind arrives, so the library page loads none of it up front.
 */
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { DocumentReaders, MammothLike, PdfJsLike } from '../lib/import/document';
import { readableText } from '../lib/page';

export const BROWSER_READERS: DocumentReaders = {
  htmlToText(html) {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return readableText(doc);
  },
  async pdfjs() {
    const pdfjs = await import('pdfjs-dist');
    pdfjs.GlobalWorkerOptions.workerSrc = pdfWorkerUrl;
    return pdfjs as unknown as PdfJsLike;
  },
  async mammoth() {
    const mammoth = (await import('mammoth')) as unknown as { default?: MammothLike } & MammothLike;
    return mammoth.default ?? mammoth;
  },
};
