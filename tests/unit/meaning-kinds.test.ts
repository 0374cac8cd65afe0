import { describe, expect, it } from 'vitest';
import { analyseReport } from '../../lib/analysis';
import { isFragmentMetric } from '../../lib/meaning/fragments';

const report = (review: string, plan: string) => analyseReport(`政府工作报告\n一、2024年工作回顾\n${review}\n二、2025年主要任务\n${plan}\n`);
const byText = (a: ReturnType<typeof analyseReport>, text: string) => a.figures.filter((f) => f.text === text);

describe('numbers that are not figures', () => {
  const a = report(
    '人均预期寿命达到79.3岁，长江干流水质连续8年保持Ⅱ类，扎实办好9方面民生实事，企业开办压缩至2小时。',
    '为全省65岁及以上老年人免费体检，为0-6岁儿童免费开展筛查，支持幼儿园招收3岁以下幼儿。启动第二轮土地承包到期后再延长30年试点。用好240小时过境免签政策，推动公园24小时开放。认真抓好11方面重点工作。新增养老床位3000张。',
  );
  it('drops ages, policy durations, runs of years, clock times used as names and counts of areas', () => {
    for (const t of ['65岁及以上', '0-6岁', '3岁以下', '30年', '8年', '240小时', '24小时', '9方面', '11方面']) expect(byText(a, t), t).toEqual([]);
  });
  it('keeps life expectancy, a time something is cut to, and ordinary figures', () => {
    for (const t of ['79.3岁', '2小时', '3000张']) expect(byText(a, t), t).toHaveLength(1);
  });
});

describe('facts and forecasts in a plan section are not targets', () => {
  const a = report(
    '城镇新增就业1256万人。',
    '预计今年高校毕业生超过1222万人，要强化就业服务。我们完全有能力保障好14亿人的粮食安全。我国有2.9亿在校学生。全省实时人口1.5亿左右。城镇新增就业1200万人以上。',
  );
  it('reads a forecast as an estimate', () => {
    expect(byText(a, '超过1222万人')[0].kind).toBe('estimate');
    expect(byText(a, '1.5亿左右')[0].kind).toBe('estimate');
  });
  it('reads the population as a fact', () => {
    expect(byText(a, '14亿人')[0].kind).toBe('actual');
    expect(byText(a, '2.9亿')[0].kind).toBe('actual');
  });
  it('keeps a real target a target, and links only it', () => {
    expect(byText(a, '1200万人以上')[0].kind).toBe('target');
    expect(a.links.map((l) => a.figures[l.to].text)).toEqual(['1200万人以上']);
  });
});

describe('分别 lists with 和 inside a name', () => {
  it('gives each value its own subject', () => {
    const a = report('信息传输软件和信息技术服务业、租赁和商务服务业增加值分别增长10.9%、10.4%。', '');
    expect(byText(a, '10.9%')[0].metric).toBe('信息传输软件和信息技术服务业增加值增长');
    expect(byText(a, '10.4%')[0].metric).toBe('租赁和商务服务业增加值增长');
  });
  it('splits a 和 between two measured names, the first item taking the next measure', () => {
    const a = report('农村卫生户厕、生活垃圾处理设施覆盖率和生活污水治理率分别达75%、92%、57%。', '');
    expect(['75%', '92%', '57%'].map((t) => byText(a, t)[0].metric)).toEqual(['农村卫生户厕覆盖率', '生活垃圾处理设施覆盖率', '生活污水治理率']);
  });
  it('splits 城乡 into urban and rural', () => {
    const a = report('', '城乡居民人均可支配收入分别增长5%、6%。');
    expect(byText(a, '5%')[0].indicator).toBe('urban-income-growth');
    expect(byText(a, '6%')[0].indicator).toBe('rural-income-growth');
  });
});

describe('fragment metrics', () => {
  it('counts a phrase of two characters or fewer as a fragment', () => {
    expect(isFragmentMetric('')).toBe(true);
    expect(isFragmentMetric('增长')).toBe(true);
    expect(isFragmentMetric('城镇新增就业')).toBe(false);
  });
  it('completes short metrics from the sentence', () => {
    const a = report('交通、水利分别完成投资3252亿元、748亿元。粮食产量1.4万亿斤，增产221亿斤。汽车以旧换新超40万辆、家电超450万台。', '');
    expect(byText(a, '3252亿元')[0].metric).toBe('交通完成投资');
    expect(byText(a, '221亿斤')[0].metric).toBe('粮食产量增产');
    expect(byText(a, '超450万台')[0].metric).toBe('家电以旧换新');
  });
});
