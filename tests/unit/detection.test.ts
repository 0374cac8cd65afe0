/**
 * Detection on texts written for these tests in the shapes real pages take: a report in full, one
 * page of a paginated report, a report inside portal and forum chrome; and the documents that
 * look like one without being one (news about a report quoting its targets, a statistics release,
 * a speech, an NPC resolution, a plan-execution report, a policy notice).
 */
import { describe, expect, it } from 'vitest';
import { detectReport, mayBeReport } from '../../lib/detection';
import { analyseReport } from '../../lib/analysis';

const REVIEW = `一、2024年工作回顾
过去一年，我们坚持稳中求进工作总基调，全力以赴拼经济、促发展、惠民生，全年地区生产总值增长5.3%，一般公共预算收入增长3.1%，城镇新增就业2.1万人，城镇调查失业率控制在5.2%以内，居民人均可支配收入增长5.6%。
我们着力扩大有效投资，实施重点项目126个，完成投资318亿元。我们加快产业转型，新增规模以上工业企业58家，高新技术企业达到412家。我们持续改善民生，新建改建中小学12所，新增养老床位860张，完成老旧小区改造43个。
一年来，我们自觉接受人大法律监督和政协民主监督，办理人大代表建议156件、政协提案203件。`;

const PLAN = `二、2025年主要任务
今年是“十四五”规划收官之年。今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，一般公共预算收入增长3%以上，城镇新增就业2万人以上，城镇调查失业率5.5%以内，居民人均可支配收入增长与经济增长同步。
我们要坚持项目为王，力争全年实施重点项目130个以上，加快推进产业园区扩容提质。我们要加快建设现代化产业体系，深入实施创新驱动发展战略。我们将扎实办好十件民生实事，新增普惠托位600个，改造农村公路120公里。
各位代表！做好今年工作，使命光荣、责任重大。我们要全面加强政府自身建设，建设人民满意的服务型政府。`;

const FULL_REPORT = `2025年东川县政府工作报告
——2025年1月8日在东川县第十八届人民代表大会第五次会议上
东川县人民政府县长 林志远
各位代表：
现在，我代表县人民政府，向大会报告工作，请予审议，并请县政协委员和列席人员提出意见。
${REVIEW}
${PLAN}`;

/** One page from the middle of a paginated report: no title, no headings, no delivery line. */
const REPORT_PAGE = `我们要坚持项目为王，力争全年实施重点项目130个以上，完成投资330亿元，加快推进产业园区扩容提质。今年要加快建设现代化产业体系，深入实施创新驱动发展战略，新增高新技术企业40家以上，规模以上工业增加值增长6%左右。
我们将持续扩大内需，大力提振消费，社会消费品零售总额增长5%左右。我们要加快推进城乡融合发展，全面推进乡村振兴，粮食产量稳定在30万吨以上，新建高标准农田2万亩。
我们要深化重点领域改革，持续优化营商环境，全面落实减税降费政策，新增经营主体5000户以上。要坚持“两个毫不动摇”，依法保护民营企业产权和企业家权益，支持民营经济发展壮大。要扩大高水平对外开放，进出口总额增长8%左右，实际使用外资稳中有升。
我们要全面推进乡村振兴，毫不放松抓好粮食生产，稳定粮食播种面积，新建高标准农田2万亩，发展特色产业，农村居民人均可支配收入增长6%以上。要深入实施乡村建设行动，新改建农村公路100公里，新增农村自来水普及人口1万人，持续改善农村人居环境。
我们要加强生态文明建设，深入打好蓝天、碧水、净土保卫战，空气质量优良天数比例保持在90%以上，县级集中式饮用水水源地水质达标率保持100%，单位地区生产总值能耗完成上级下达任务。
我们要持续保障和改善民生，扎实办好十件民生实事。新增普惠托位600个，改造农村公路120公里，新建改建中小学校舍5万平方米，城镇新增就业2万人以上。要坚持尽力而为、量力而行，把每一件实事办好。
上一页 1 2 3 4 下一页`;

const PORTAL_CHROME_TOP = `首页 | 政务公开 | 政务服务 | 互动交流 | 走进东川
当前位置：首页 > 政务公开 > 政府工作报告
字号：大 中 小 打印本页 关闭窗口
`;
const PORTAL_CHROME_BOTTOM = `
【打印本页】【关闭窗口】
相关链接：国务院 省政府 市政府
主办单位：东川县人民政府办公室 版权所有 ICP备12345678号
`;
const FORUM_CHROME_TOP = `东川论坛 » 时政民生 » 【转帖】东川县政府工作报告全文
楼主 发表于 2025-1-9 10:12 只看该作者
`;
const FORUM_CHROME_BOTTOM = `
回复 引用 举报
沙发
支持，今年的目标很实在！
`;

const NEWS = `新华社东川1月8日电（记者 王明）东川县第十八届人民代表大会第五次会议8日开幕。县长林志远在政府工作报告中提出，今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业2万人以上，城镇调查失业率5.5%以内。
报告指出，过去一年，东川地区生产总值增长5.3%，完成重点项目投资318亿元。据介绍，今年东川将实施重点项目130个以上，新增普惠托位600个。
与会代表表示，政府工作报告目标明确、措施有力，令人振奋。记者了解到，大会将持续到1月11日。
（责任编辑：李华）`;

const STATS_RELEASE = `东川县2024年国民经济和社会发展统计公报
东川县统计局
2025年3月20日
一、综合
初步核算，全年地区生产总值286.4亿元，比上年增长5.3%。其中，第一产业增加值30.2亿元，增长3.5%；第二产业增加值112.6亿元，增长6.1%；第三产业增加值143.6亿元，增长5.0%。三次产业结构为10.5∶39.3∶50.2。
年末全县户籍人口52.3万人。全年城镇新增就业2.1万人，城镇调查失业率5.2%。全年居民消费价格比上年上涨0.3%。
二、农业
全年粮食产量30.8万吨，比上年增长1.2%。全年新建高标准农田2.3万亩。`;

const SPEECH = `在全县经济工作会议上的讲话
（2025年1月20日）
同志们：
这次会议的主要任务是，贯彻落实县人代会精神，部署今年经济工作。刚才，几位同志作了很好的发言，我都赞成。下面，我讲三点意见。
一、准确把握当前形势
过去一年，全县地区生产总值增长5.3%，完成重点项目投资318亿元。我们要清醒看到，发展不平衡不充分的问题依然突出。
二、扎实做好今年经济工作
今年全县地区生产总值增长5.5%左右，要加快推进重点项目建设，力争实施重点项目130个以上。同志们，任务艰巨，使命光荣，我们要坚定信心、真抓实干。`;

const RESOLUTION = `东川县第十八届人民代表大会第五次会议关于政府工作报告的决议
（2025年1月11日东川县第十八届人民代表大会第五次会议通过）
东川县第十八届人民代表大会第五次会议听取和审议了县长林志远所作的政府工作报告。会议充分肯定县人民政府过去一年的工作，同意报告提出的今年经济社会发展的主要预期目标、总体要求和重点工作，决定批准这个报告。
会议号召，全县各族人民要坚定信心、真抓实干，为完成今年各项目标任务而努力奋斗。`;

const PLAN_EXECUTION = `关于东川县2024年国民经济和社会发展计划执行情况与2025年计划草案的报告
——2025年1月8日在东川县第十八届人民代表大会第五次会议上
东川县发展和改革局局长 陈立
各位代表：
受县人民政府委托，现将东川县2024年国民经济和社会发展计划执行情况与2025年计划草案提请大会审议。
一、2024年国民经济和社会发展计划执行情况
过去一年，全县地区生产总值增长5.3%，一般公共预算收入增长3.1%，城镇新增就业2.1万人。我们加快推进重点项目建设，实施重点项目126个，完成投资318亿元。
二、2025年国民经济和社会发展的总体要求和主要目标
今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业2万人以上，城镇调查失业率5.5%以内。我们要坚持项目为王，力争全年实施重点项目130个以上。`;

const POLICY_NOTICE = `东川县人民政府关于印发东川县促进就业三年行动方案的通知
东政发〔2025〕3号
各乡（镇）人民政府，县政府各部门：
现将《东川县促进就业三年行动方案》印发给你们，请认真贯彻执行。
一、主要目标
到2027年，全县城镇新增就业累计达到6万人以上，城镇调查失业率控制在5.5%以内，力争实现零就业家庭动态清零。
二、重点任务
（一）加快推进创业带动就业。每年新增创业担保贷款2亿元以上，支持创业1000人以上。
（二）加强职业技能培训。每年开展补贴性职业技能培训1万人次以上。
各地区、各部门要加强组织领导，确保各项任务落到实处。`;

describe('detectReport: reports', () => {
  it('accepts a full report, with its fixed lines as reasons', () => {
    const d = detectReport(FULL_REPORT);
    expect(d.isReport).toBe(true);
    expect(d.score).toBeGreaterThan(0.9);
    expect(d.reasons.join('\n')).toMatch(/我代表/);
    expect(d.reasons.join('\n')).toMatch(/各位代表/);
  });

  it('accepts one page of a paginated report that has neither title nor headings', () => {
    expect(mayBeReport(REPORT_PAGE)).toBe(true);
    expect(detectReport(REPORT_PAGE).isReport).toBe(true);
  });

  it('accepts a report wrapped in portal or forum chrome', () => {
    for (const page of [PORTAL_CHROME_TOP + FULL_REPORT + PORTAL_CHROME_BOTTOM, FORUM_CHROME_TOP + FULL_REPORT + FORUM_CHROME_BOTTOM]) {
      const a = analyseReport(page);
      expect(a.report.isReport).toBe(true);
      expect(a.report).toMatchObject({ region: '东川县', level: 'county', planYear: 2025, reviewYear: 2024 });
      // Chrome after the report is never a plan: the forum's "今年的目标" reply carries no target.
      expect(a.figures.filter((f) => f.kind === 'target').every((f) => page.indexOf(f.sentence) < page.indexOf(PLAN.slice(-20)) + 20)).toBe(true);
    }
  });
});

describe('detectReport: documents that only look like one', () => {
  const cases: [string, string][] = [
    ['news article quoting the targets', NEWS],
    ['statistics release', STATS_RELEASE],
    ['speech', SPEECH],
    ['NPC resolution', RESOLUTION],
    ['plan-execution report', PLAN_EXECUTION],
    ['policy notice', POLICY_NOTICE],
  ];
  for (const [name, text] of cases) {
    it(`rejects a ${name}`, () => {
      const d = detectReport(text);
      expect(d.isReport, d.reasons.join('\n')).toBe(false);
      expect(d.score).toBeLessThan(0.5);
      // Something in the reasons says why.
      expect(d.reasons.some((r) => r.startsWith('-'))).toBe(true);
    });
  }

  it("rejects a long speech that speaks in the report's own register", () => {
    const speech = `${SPEECH}\n${REPORT_PAGE.replace(/上一页.*$/, '')}\n同志们，新的一年，让我们更加紧密地团结在一起，为完成全年目标任务而努力奋斗！`;
    expect(detectReport(speech).isReport).toBe(false);
  });

  it('rejects empty and blank text with a reason', () => {
    expect(detectReport('')).toEqual({ isReport: false, score: 0, reasons: ['empty text'] });
    expect(detectReport('  \n ').isReport).toBe(false);
  });

  it('lets a page title about the report count against it', () => {
    const withTitle = detectReport(REPORT_PAGE, { title: '图解：2025年东川县政府工作报告' });
    const plain = detectReport(REPORT_PAGE);
    expect(withTitle.score).toBeLessThan(plain.score);
  });
});

describe('mayBeReport: the cheap gate', () => {
  it('passes every report shape and rejects an ordinary page', () => {
    expect(mayBeReport(FULL_REPORT)).toBe(true);
    expect(mayBeReport(REPORT_PAGE)).toBe(true);
    expect(mayBeReport('今日天气晴，最高气温12度。本店新到一批冬装，欢迎选购。营业时间9:00-21:00。')).toBe(false);
  });
});
