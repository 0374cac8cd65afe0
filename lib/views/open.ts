/**
 * `open/regions`: a figure's card asks the background to open the across-regions page for that
 * figure. A web page cannot navigate to an extension page, and the card lives in the page, so the
 * background opens the tab. The only input is a figure id, checked for shape before it goes into
 * the page's address.
 */
export interface OpenRegionsRequest {
  type: 'open/regions';
  /** `${reportId}:${index}`, as the index names figures. */
  figureId: string;
}

declare module '../messages/types' {
  interface BackgroundMessages {
    'open/regions': { request: OpenRegionsRequest; response: { opened: true } };
  }
}

const FIGURE_ID = /^[A-Za-z0-9_-]{1,100}:\d{1,6}$/;

/** The page address to open, or an error saying why not. */
export function regionsAddress(message: unknown, pageUrl: (path: string) => string): { url: string } | { error: string } {
  const figureId = (message as { figureId?: unknown } | null)?.figureId;
  if (typeof figureId !== 'string' || !FIGURE_ID.test(figureId)) return { error: 'open/regions needs a figure id such as "abc123:17"' };
  return { url: `${pageUrl('/regions.html')}?figure=${encodeURIComponent(figureId)}` };
}

export function isOpenRegions(message: unknown): boolean {
  return (message as { type?: unknown } | null)?.type === 'open/regions';
}
