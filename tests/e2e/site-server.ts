/**
 * A static server on 127.0.0.1 for end-to-end pages: serves a map of path → {body, contentType},
 * so tests can build pages in memory (including from ../shared/corpus when it is present).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedPage {
  body: string | Buffer;
  contentType?: string;
}

export interface SiteServer {
  origin: string;
  pages: Map<string, ServedPage>;
  close(): Promise<void>;
}

export async function startSiteServer(pages = new Map<string, ServedPage>()): Promise<SiteServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const page = pages.get(path);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': page.contentType ?? 'text/html; charset=utf-8' });
    res.end(page.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    pages,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
