/**
 * The publication date a report page states about itself, for reports whose text has no date
 * line (the national report of 2025 on its portal page, for one). Read from the usual meta tags,
 * else from a "发布时间：2025-03-12" line near the top of the page. YYYY-MM-DD, or null.
 */
const META_NAMES = ['article:published_time', 'og:published_time', 'publishdate', 'pubdate', 'firstpublishedtime', 'publishtime', 'dc.date', 'dcterms.issued'];

const DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;

function iso(text: string | null | undefined): string | null {
  const m = text ? DATE.exec(text) : null;
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1949 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function publishedDate(doc: Document): string | null {
  for (const meta of doc.querySelectorAll('meta[name], meta[property]')) {
    const name = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').toLowerCase();
    if (META_NAMES.includes(name)) {
      const date = iso(meta.getAttribute('content'));
      if (date) return date;
    }
  }
  // "发布时间：2025-03-12 10:00" / "发布日期：2025年3月12日" in the page's first few thousand characters.
  const head = (doc.body?.textContent ?? '').slice(0, 5000);
  const line = /(?:发布时间|发布日期|发表时间|时间)\s*[:：]\s*([^\n]{8,24})/.exec(head);
  return line ? iso(line[1]) : null;
}
