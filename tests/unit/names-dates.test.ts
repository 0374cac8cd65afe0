// @vitest-environment jsdom
/**
 * Reports named with region and year, and a page's publication date standing in for a delivery
 * date the text does not print (the 2025 national report has no date line).
 */
import { describe, expect, it } from 'vitest';
import { readReportMeta } from '../../lib/report/meta';
import { publishedDate } from '../../lib/page/published';
import { reportLabel, shortRegion } from '../../lib/report/name';

const NO_DATE_LINE =
  '各位代表：\n\n现在，我代表国务院，向大会报告政府工作。\n\n一、2024年工作回顾\n\n国内生产总值增长5%。\n\n二、2025年政府工作任务\n\n国内生产总值增长5%左右。\n';

function page(head: string, body = ''): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');
}

describe('publication date of a page', () => {
  it('reads the usual meta tags', () => {
    expect(publishedDate(page('<meta property="article:published_time" content="2025-03-12T10:00:00+08:00">'))).toBe('2025-03-12');
    expect(publishedDate(page('<meta name="firstpublishedtime" content="2025-3-5 09:30:00">'))).toBe('2025-03-05');
  });

  it('reads a 发布时间 line near the top, and nothing from a page without one', () => {
    expect(publishedDate(page('', '<div class="info">来源：新华社　发布时间：2025年03月12日 10:00</div><p>正文</p>'))).toBe('2025-03-12');
    expect(publishedDate(page('<meta name="pubdate" content="not a date">', '<p>今天天气晴。</p>'))).toBeNull();
  });
});

describe('delivery date from the publication date', () => {
  it('fills a missing delivery date when the page was published the year the report plans', () => {
    expect(readReportMeta(NO_DATE_LINE, {}).delivered).toBeNull();
    const meta = readReportMeta(NO_DATE_LINE, { published: '2025-03-12' });
    expect(meta.delivered).toBe('2025-03-12');
    expect(meta.planYear).toBe(2025);
    expect(meta.warnings.join(' ')).toMatch(/publication date 2025-03-12/);
  });

  it('ignores a publication date of another year (a later repost)', () => {
    const meta = readReportMeta(NO_DATE_LINE, { published: '2027-01-02' });
    expect(meta.delivered).toBeNull();
    expect(meta.planYear).toBe(2025);
  });
});

describe('report names', () => {
  it('put the year and the region in front of a bare title', () => {
    expect(reportLabel({ title: '政府工作报告', region: '全国', level: 'national', planYear: 2025 })).toBe('2025年政府工作报告');
    expect(reportLabel({ title: null, region: '广东省', level: 'province', planYear: 2024 })).toBe('广东省2024年政府工作报告');
    expect(reportLabel({ title: '2025年新疆政府工作报告', region: '新疆维吾尔自治区', level: 'province', planYear: 2025 })).toBe('2025年新疆政府工作报告');
    expect(shortRegion('广西壮族自治区')).toBe('广西');
    expect(shortRegion('上海市徐汇区')).toBe('上海市徐汇区');
  });
});
