/**
 * The evidence a detector weighs: each signal looks for one trait of a government work report (or
 * of a text that only resembles one) and returns a weight with a readable reason.
 *
 * Weights are additive log-odds-like points. The scale was set so that:
 * - a full report collects 10+ points (opening "我代表…向大会报告", 各位代表, year headings, a
 *   delivery line, the target sentence, the register), so any one negative cannot sink it;
 * - a single page of a paginated report, with no title or headings, still collects ~3–6 points
 *   from its register alone (今年, 我们要, 主要预期目标, target phrasings, 各位代表！);
 * - texts that imitate the register get decisive negatives for their own defining wording: an NPC
 *   resolution (听取和审议…决定批准), a plan-execution or budget report (…计划执行情况…的报告, 受国务院委托),
 *   a policy notice (各省、自治区、直辖市人民政府, 国发〔…〕), a statistics release (统计公报, 初步核算),
 *   news (记者, 新华社, "政府工作报告提出…"), a speech (同志们, "在…工作会议上的讲话").
 */
import { findHeadings } from '../report';
import { findTitleLine } from '../report';
import { yearFromPhrase } from '../report';

export interface Evidence {
  weight: number;
  reason: string;
}

export interface DetectionHints {
  title?: string;
  url?: string;
  /** The page before this one was a report and linked here as its next page. */
  continues?: { url: string };
}

/** How much text the signals read: reports put their defining lines in the opening, and the
 * register is measured on a sample long enough to be stable but cheap on a 100k-character page. */
const SAMPLE = 40000;

function count(re: RegExp, s: string): number {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  return (s.match(g) ?? []).length;
}

/** A capped linear contribution: `per` points for each occurrence up to `cap`. */
function graded(n: number, per: number, cap: number): number {
  return Math.min(cap, n * per);
}

export function collectEvidence(fullText: string, hints: DetectionHints): Evidence[] {
  const text = fullText.length > SAMPLE ? fullText.slice(0, SAMPLE) : fullText;
  const out: Evidence[] = [];
  const add = (weight: number, reason: string) => out.push({ weight, reason });

  // ---- Positive: the report's fixed lines ----
  const opening = /我代表(国务院|[^，。\n]{0,16}人民政府|省政府|市政府|区政府|县政府)[，,]?\s*向大会(?:作)?报告/.exec(text);
  if (opening) add(3, `opening line "我代表${opening[1]}…向大会报告"`);

  const address = count(/各位代表[：:！!，,]/, text);
  if (address > 0) add(address >= 3 ? 2.5 : 2, `addresses 各位代表 (${address}×)`);

  const delivery =
    /(?:\d{4}|[一二][〇零○oO一二三四五六七八九]{3})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日[^。\n]{0,40}?在[^。\n]{0,30}?人\s*民\s*代\s*表\s*大\s*会[^。\n]{0,12}会议/.exec(
      text.slice(0, 6000),
    );
  if (delivery) add(2, `delivery line "${delivery[0].slice(0, 40)}"`);

  const title = findTitleLine(text);
  if (title) add(1, `title line ${title.title}`);

  const headings = findHeadings(text);
  const review = headings.find((h) => h.kind === 'review' && /回顾/.test(h.title));
  if (review) add(2, `heading ${review.title}`);
  // Policy documents also have "二、主要任务"; only a plan heading that names the year (or 今年),
  // or speaks of 工作安排/工作建议, is the report's.
  const plan = headings.find((h) => h.kind === 'plan' && (h.year !== null || /今年|工作安排|工作建议|安排建议/.test(h.title)));
  if (plan) add(1.5, `heading ${plan.title}`);
  // A digest names its parts otherwise ("一、2025年发展亮点"), but still by the year before the plan's.
  const lastYear = !review && plan?.year ? headings.find((h) => h.year === (plan.year as number) - 1 && h.kind !== 'plan') : undefined;
  if (lastYear) add(1.5, `heading ${lastYear.title} before the plan of ${plan!.year}`);

  // "今年是“十四五”规划收官之年": how a report places its year, also on a page with no heading.
  const yearPhrase = yearFromPhrase(text);
  if (yearPhrase) add(2, `the year's place "${yearPhrase.phrase}"`);

  const targets = count(/(?:今年|经济社会)发展的?主要预期目标/, text);
  if (targets > 0) add(1, 'target sentence 主要预期目标');

  // ---- Positive: the register, for pages that lack the fixed lines ----
  const thisYear = count(/今年/, text);
  if (thisYear > 0) add(graded(thisYear, 0.15, 1.5), `speaks of 今年 (${thisYear}×)`);
  const resolve = count(/我们要|我们将|要坚持|要着力|要加快|要深入|要持续|加快推进|扎实推进|持续推进|深入实施|大力推进/, text);
  if (resolve > 0) add(graded(resolve, 0.1, 1.5), `commitments 我们要/要坚持/加快推进 (${resolve}×)`);
  const lookBack = count(/过去一年|一年来|全年|比上年|同比增长|五年来/, text);
  if (lookBack > 0) add(graded(lookBack, 0.08, 0.8), `looks back 过去一年/全年/比上年 (${lookBack}×)`);
  // A bounded number ("增长5.5%左右", "2万人以上", "130个以上") is how a plan states a target.
  const targetPhrases = count(/\d+(?:\.\d+)?\s*(?:%|万|亿|个百分点)?[^。；，、\n\d]{0,4}?(?:左右|以上|以内)|力争|不低于|不高于|预期目标/, text);
  if (targetPhrases > 0) add(graded(targetPhrases, 0.12, 1.5), `target phrasings 左右/以上/力争/不低于 (${targetPhrases}×)`);

  // First person plural: the government speaking of itself. Policy notices ("各地区、各部门要"),
  // statistics releases and resolutions never say 我们; news says it only inside quotations.
  const we = count(/我们/, text);
  if (we > 0) add(graded(we, 0.15, 1.5), `speaks as 我们 (${we}×)`);
  // A provincial or local government speaks of its whole territory (全省, 全市, 全区).
  const territory = count(/全省|全市|全区|全县|全州|全旗|全疆|全自治区/, text);
  if (territory > 0) add(graded(territory, 0.1, 0.8), `speaks of 全省/全市/全区 (${territory}×)`);
  const chores = count(/民生实事|惠民实事|为民办实事|政府自身建设|人民满意|服务型政府|法治政府|廉洁政府/, text);
  if (chores > 0) add(graded(chores, 0.25, 0.75), `report topics 民生实事/政府自身建设 (${chores}×)`);

  // ---- Negative: what other documents are ----
  const otherReport =
    /我代表(?:最高)?人民(?:法院|检察院)|我代表[^，。\n]{0,12}(?:人民代表大会常务委员会|人大常委会)|常务委员会工作报告|(?:法院|检察院)工作报告/.exec(
      text.slice(0, 3000),
    );
  if (otherReport) add(-4, `another body's report to the congress: ${otherReport[0]}`);

  // The same formula (各位代表 … 向大会报告工作) before a school's, a company's or a union's own congress.
  // Read in the opening only (before the first part heading): a template site's links to other
  // templates ("下一篇：学校教代会工作报告范文") follow the text.
  const firstPart = headings.find((h) => h.kind === 'review' || h.kind === 'plan');
  const opening3000 = text.slice(0, Math.min(3000, firstPart ? firstPart.start : 1500));
  const assembly =
    /(?:教职工|职工|会员|团员|党员|妇女|青年|学生)代表大会|教代会|职代会|工会[^。\n]{0,12}代表大会/.exec(opening3000) ??
    /我代表(?:学校|公司|集团|[^，。\n]{0,20}(?:工会|公司|集团|学校|大学|学院|医院|协会|商会|董事会))/.exec(opening3000);
  if (assembly) add(-6, `another assembly's report: ${assembly[0]}`);
  // "我代表公司，向大会报告工作": the formula spoken for someone other than a government.
  const speaker = /我代表([^，。\n]{1,24}?)[，,]?\s*向大会(?:作)?报告/.exec(opening3000);
  if (speaker && !opening && !/人民政府|国务院|[省市区县州旗盟]政府/.test(speaker[1])) add(-3, `speaks for ${speaker[1]}, not a government`);
  // The political consultative conference meets beside the congress and hears its own work report.
  const cppcc = /我代表[^，。\n]{0,8}政协|政协[^。\n]{0,24}常务委员会工作报告|各位委员[：:！!，,]/.exec(opening3000);
  if (cppcc) add(-4, `the CPPCC's report: ${cppcc[0]}`);

  // A listing page names the reports of year after year, a line each ("2025年临湖区政府工作报告
  // 2025-01-14"); a report's page header repeats one year only.
  const listed = new Set<string>();
  for (const line of text.split('\n')) {
    if (line.length > 60 || !/政府工作报告/.test(line)) continue;
    const year = /(?:19|20)\d{2}(?=年)/.exec(line);
    if (year) listed.add(year[0]);
  }
  if (listed.size >= 3) add(-4, `listing page: short lines name 政府工作报告 of ${listed.size} years`);

  const resolution = [/关于[^。\n]{0,30}政府工作报告的决议/, /听取和审议了?/, /(?:决定)?批准这个报告/, /会议充分肯定/].filter((re) => re.test(text)).length;
  if (resolution > 0) add(resolution >= 2 ? -6 : -2.5, `NPC resolution wording 决议/听取和审议/批准这个报告 (${resolution} of 4)`);

  const planExecution = /(?:计划|预算)执行情况[^。\n]{0,60}(?:计划|预算)(?:草案)?的报告|关于[^。\n]{0,40}(?:计划|预算)执行情况/.exec(text.slice(0, 3000));
  if (planExecution) add(-6, `plan or budget execution report "${planExecution[0].slice(0, 30)}"`);
  else if (count(/(?:计划|预算)执行情况/, text) >= 2) add(-2.5, 'speaks of 计划执行情况/预算执行情况 repeatedly');
  if (/受(?:国务院|[^，。\n]{0,12}人民政府)委托/.test(text.slice(0, 3000))) add(-3, 'delivered "受…委托" (a department\'s report, not the government\'s)');

  const addressees = /各省、自治区、直辖市人民政府|国务院各部委、各直属机构|各市、县(?:（区）|\(区\))?人民政府/.exec(text);
  if (addressees) add(-4, `policy notice addressees ${addressees[0]}`);
  const docNumber = /发文字号|[国省市]?[办政]?发\s*[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号/.exec(text.slice(0, 5000));
  if (docNumber) add(-2, `document number ${docNumber[0].slice(0, 20)}`);
  const noticeTitle = /关于[^。\n]{2,60}的(?:通知|意见|指导意见|实施意见|若干意见|决定|办法|方案)/.exec(text.slice(0, 600));
  if (noticeTitle && !opening) add(-1.5, `notice title "${noticeTitle[0].slice(0, 30)}"`);

  const stats = [/统计公报/, /国家统计局|[省市区县]统计局/, /初步核算/].filter((re) => re.test(text)).length;
  if (stats > 0) add(-2 * stats, `statistics release wording 统计公报/统计局/初步核算 (${stats} of 3)`);

  let news = 0;
  const newsReasons: string[] = [];
  for (const [re, w, label] of [
    [/记者/, 1.5, '记者'],
    [/新华社|中新社|人民网|央视网/, 1.5, '新华社'],
    [/\d{1,2}月\d{1,2}日电|日电\s*[（(]/, 1, '…日电'],
    [/据介绍|据了解|据悉/, 1, '据介绍'],
    [/报道/, 0.5, '报道'],
    [/政府工作报告(?:提出|指出|明确|显示|强调|称|要求)|报告(?:提出|指出|显示)/, 1.5, '政府工作报告提出'],
    [/代表(?:表示|说|认为|介绍)/, 1, '代表表示'],
  ] as Array<[RegExp, number, string]>) {
    if (re.test(text)) {
      news += w;
      newsReasons.push(label);
    }
  }
  if (news > 0) add(-Math.min(4, news), `news wording ${newsReasons.join('/')}`);

  // Essays written about the report ("学习政府工作报告心得体会") and officials' own reports (述职报告).
  const essay = /心得体会|学习体会|读后感|观后感|述职(?:述廉)?报告|述职如下/.exec(opening3000);
  if (essay) add(-4, `an essay or a duty report: ${essay[0]}`);

  const comrades = count(/同志们/, text);
  const speechLine = /在[^。\n]{2,40}(?:工作会议|座谈会|推进会|动员会|工作会|全会|研讨会|论坛)[^。\n]{0,6}上的讲话/.exec(text.slice(0, 3000));
  if (comrades > 0 || speechLine) {
    // A speech at a work meeting uses the report's whole register (今年, 我们要, targets), so its
    // own wording must outweigh all of it: a title "在…会议上的讲话" is decisive, and so is 同志们
    // said more than once (a report addresses 各位代表).
    add(
      -(comrades >= 2 ? 3.5 : comrades > 0 ? 2.5 : 0) - (speechLine ? 2.5 : 0),
      `speech wording ${[comrades ? `同志们 (${comrades}×)` : '', speechLine ? speechLine[0].slice(0, 30) : ''].filter(Boolean).join(', ')}`,
    );
  }

  // A snippet says too little to be sure of; a page of a paginated report is rarely under 500
  // characters, so the penalty is light above 300 and gone from 800.
  const length = fullText.trim().length;
  if (length < 300) add(-1.5, `short text (${length} characters)`);
  else if (length < 800) add(-0.5, `short text (${length} characters)`);

  // ---- Hints from the page ----
  // The reader followed the 下一页 (or rel=next) link of a page detected as a report.
  if (hints.continues) add(3, `next page of the report at ${hints.continues.url}`);
  if (hints.title) {
    if (/解读|热词|图解|读懂|要点|聚焦|速览|评论|决议/.test(hints.title)) add(-1, `page title is about the report: ${hints.title}`);
    else if (/政府工作报告/.test(hints.title)) add(1, `page title ${hints.title}`);
  }
  return out;
}
