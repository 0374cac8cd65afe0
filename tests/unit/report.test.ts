/**
 * Report metadata (region, level, delivery date, plan and review years, warnings) and sections,
 * on openings written in the shapes real reports use.
 */
import { describe, expect, it } from 'vitest';
import { readReportMeta, findSections } from '../../lib/report';
import { levelOf } from '../../lib/report/region';
import { normalizeText } from '../../lib/text/normalize';

function meta(text: string, hints = {}) {
  return readReportMeta(normalizeText(text).text, hints);
}

const BODY_REVIEW = '过去一年，全市地区生产总值增长5.1%，城镇新增就业3.2万人。\n';
const BODY_PLAN = '今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n';

describe('readReportMeta', () => {
  it('reads a city report from its meeting and speaker lines', () => {
    const m = meta(
      `政府工作报告\n——2024年1月10日在江州市第十六届人民代表大会第四次会议上\n江州市市长 张 明\n各位代表：\n一、2023年工作回顾\n${BODY_REVIEW}二、2024年工作安排\n${BODY_PLAN}`,
    );
    expect(m).toMatchObject({ region: '江州市', level: 'city', delivered: '2024-01-10', planYear: 2024, reviewYear: 2023 });
    expect(m.warnings).toEqual(['years from plan heading "二、2024年工作安排": plans 2024, reviews 2023']);
  });

  it('reads a district under a municipality, with the date in Chinese numerals', () => {
    const m = meta(`政府工作报告\n——二〇二三年一月四日在上海市长宁区第十七届人民代表大会第三次会议上\n一、2022年工作回顾\n${BODY_REVIEW}`);
    expect(m).toMatchObject({ region: '上海市长宁区', level: 'district', delivered: '2023-01-04', planYear: 2023, reviewYear: 2022 });
  });

  it("reads the State Council's report as national", () => {
    const m = meta(`政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理 李 强\n一、2023年工作回顾\n${BODY_REVIEW}`);
    expect(m).toMatchObject({ region: '全国', level: 'national', planYear: 2024, reviewYear: 2023 });
  });

  it("expands a province's short name from the title", () => {
    const m = meta(`2025年广西政府工作报告\n各位代表：\n一、2024年工作回顾\n${BODY_REVIEW}`);
    expect(m).toMatchObject({ region: '广西壮族自治区', level: 'province', planYear: 2025, reviewYear: 2024 });
  });

  it('takes the review year from the delivery date and warns when a heading disagrees', () => {
    const m = meta(
      `政府工作报告\n——2023年1月4日在江州市某某区第十七届人民代表大会第三次会议上\n二〇二三年工作回顾\n${BODY_REVIEW}二〇二三年主要任务\n${BODY_PLAN}`,
    );
    expect(m.reviewYear).toBe(2022);
    expect(m.planYear).toBe(2023);
    expect(m.warnings).toEqual([
      expect.stringMatching(/^years from plan heading "二〇二三年主要任务"/),
      expect.stringMatching(/review heading "二〇二三年工作回顾" names 2023 but the report reviews 2022/),
    ]);
  });

  it('reads a year typed with a Latin o, and falls back to the headings without a date', () => {
    const m = meta(`某县人民政府工作报告\n二o二四年工作回顾\n${BODY_REVIEW}二o二五年工作安排\n${BODY_PLAN}`);
    expect(m).toMatchObject({ planYear: 2025, reviewYear: 2024, delivered: null });
  });

  it('says what it could not find', () => {
    const m = meta('各位代表：今年我们要继续努力。');
    expect(m.region).toBeNull();
    expect(m.planYear).toBeNull();
    expect(m.warnings).toEqual(expect.arrayContaining(['region not found', 'plan year not found']));
  });

  it("reads a review heading naming the year of its date line as the report's year", () => {
    const m = meta(`政府工作报告\n——2023年1月4日在江州市某某区第十七届人民代表大会第三次会议上\n二〇二三年工作回顾\n${BODY_REVIEW}`);
    expect(m).toMatchObject({ planYear: 2023, reviewYear: 2022 });
    expect(m.warnings[0]).toMatch(/^years from review heading "二〇二三年工作回顾" naming the year of the date line/);
  });

  it('never takes a date inside a sentence for the delivery date', () => {
    const m = meta(`区长 周建华\n2025年工作回顾\n2025年4月29日，省委主要领导来我区调研。${BODY_REVIEW}`);
    expect(m).toMatchObject({ delivered: null, planYear: 2026, reviewYear: 2025 });
  });

  it('fixes the year from 收官之年 and 开局之年 when no heading names it', () => {
    expect(meta(`今年是“十四五”规划收官之年。${BODY_PLAN}`)).toMatchObject({ planYear: 2025, reviewYear: 2024 });
    expect(meta(`今年是‘十五五’规划的开局之年。${BODY_PLAN}`)).toMatchObject({ planYear: 2026 });
    // 开局之年 of something other than a plan period says no year.
    expect(meta(`今年是全面贯彻党的二十大精神的开局之年。${BODY_PLAN}`).planYear).toBeNull();
  });

  it('reports delivered in December plan the next year', () => {
    const m = meta(`政府工作报告\n——2024年12月26日在江州市某某区第五届人民代表大会第六次会议上\n${BODY_PLAN}`);
    expect(m).toMatchObject({ delivered: '2024-12-26', planYear: 2025, reviewYear: 2024 });
  });
});

describe('levelOf', () => {
  it('tells counties, districts, cities, provinces and the nation apart', () => {
    const cases: Array<[string, string | null]> = [
      ['青山县', 'county'],
      ['龙溪瑶族自治县', 'county'],
      ['内蒙古自治区某某盟某某旗', 'county'],
      ['江苏省苏州市昆山市', 'county'],
      ['上海市徐汇区', 'district'],
      ['江城市临湖区', 'district'],
      ['深圳市', 'city'],
      ['恩施土家族苗族自治州', 'city'],
      ['广东省', 'province'],
      ['广西壮族自治区', 'province'],
      ['重庆市', 'province'],
      ['全国', 'national'],
    ];
    for (const [region, level] of cases) expect(levelOf(region), region).toBe(level);
  });
});

describe('findSections', () => {
  function sections(text: string) {
    const t = normalizeText(text).text;
    return findSections(t, readReportMeta(t)).map((s) => ({ kind: s.kind, year: s.year, period: s.period, title: s.title }));
  }

  it('splits a first-of-term review into last year and the five years', () => {
    const s = sections(
      `政府工作报告\n——2023年1月12日在江州市第十七届人民代表大会第一次会议上\n一、过去一年和五年工作回顾\n${BODY_REVIEW}过去五年，全市经济总量跨过两个千亿台阶。\n二、今后五年目标和2023年工作安排\n${BODY_PLAN}`,
    );
    expect(s.map((x) => [x.kind, x.year, x.period])).toEqual([
      ['review', 2022, null],
      ['review', null, { from: 2018, to: 2022 }],
      ['plan', 2023, null],
    ]);
  });

  it('reads narrative headings from the words of their opening', () => {
    const s = sections(
      `政府工作报告\n——2025年1月13日在江州省第十四届人民代表大会第三次会议上\n一、牢记嘱托，在接续奋斗中取得新成效\n一年来，我们坚持稳中求进。${BODY_REVIEW}二、锚定目标，奋力谱写新篇章\n今年是关键之年。${BODY_PLAN}我们将重点做好以下工作。\n`,
    );
    expect(s.map((x) => [x.kind, x.year])).toEqual([
      ['review', 2024],
      ['plan', 2025],
    ]);
  });

  it('keeps a page footer after the report out of the plan', () => {
    const s = sections(
      `政府工作报告\n——2025年1月13日在江州市第十四届人民代表大会第三次会议上\n一、2024年工作回顾\n${BODY_REVIEW}二、2025年工作安排\n${BODY_PLAN}\n责任编辑：王五\n相关新闻：今年目标增长10%以上\n`,
    );
    expect(s.map((x) => x.kind)).toEqual(['review', 'plan', 'other']);
  });
});

describe('region from the body', () => {
  it('reads the government named in the opening formula when no other line names it', () => {
    const m = meta(`各位代表：\n现在，我代表江城市临湖区人民政府，向大会报告工作。\n一、2025年工作回顾\n${BODY_REVIEW}`);
    expect(m).toMatchObject({ region: '江城市临湖区', level: 'district', planYear: 2026 });
  });
});
