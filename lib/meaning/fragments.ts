/**
 * Metric phrases that are fragments: words around the indicator that extraction kept, or clauses
 * that name nothing ("我们一定要下力气也完全有能力保障好", "对新增", "坚决守住"). A fragment names no
 * indicator, so it must never link, enter a series or read as a catalogue id by chance.
 *
 * - Announcing verbs before a target name ("提出经济增长预期目标为5%左右" → 经济增长) are dropped.
 * - A bare verb whose noun stands after the figure in quotes ("新建和提升11个“生活盒子”") takes
 *   that noun.
 * - A metric of two characters or fewer is completed from its sentence (`completeShort`):
 *   - a subject of a 分别 list takes the measure printed after 分别 ("交通、能源、水利分别完成投资
 *     3252亿元、…" → 交通完成投资);
 *   - a bare change ("粮食产量1.37万亿斤，增产74亿斤", "增长77.6%") takes the subject of the figure
 *     before it, in its sentence or, for a sentence that opens with the change, the one before;
 *   - a bare measure ("粮食生产再获丰收，总产达到557亿斤") takes the noun of the clause before;
 *   - "其中企业8.4万户" names a part of the figure before: 新设经营主体中的企业;
 *   - a list item after a figure and 、 takes the action that opened the list ("新建绿道130公里、
 *     绿地1000公顷" → 新建绿地).
 */
import type { Figure } from '../model';
import { clauseStartBefore, cleanMetric, leadingAction, nounOfClauseBefore } from '../extraction';

/** Verbs that announce a target rather than name it. */
const ANNOUNCING = /^(?:我们)?(?:提出|设定)(?=.{2,})/;

/** Building and counting verbs that leave a metric without its noun. */
const BARE_VERB = /^(?:年内|今年|全年)?(?:新建|改建|扩建|提升|改造|建成|建设|完成|新增|打造|实施|启动|新建和提升|新建改建|新建和改造)+$/;

/** A quoted or bracketed name right after the figure ("11个“生活盒子”", "3个《…》"). */
const QUOTED_AFTER = /^(?:的)?[“"‘《]([^”"’》]{2,12})[”"’》]/;

export function repairFragments(text: string, figures: Figure[]): void {
  figures.forEach((f, i) => {
    const m = f.metric;
    if (ANNOUNCING.test(m)) f.metric = m.replace(ANNOUNCING, '');
    if (BARE_VERB.test(f.metric)) {
      const q = QUOTED_AFTER.exec(text.slice(f.end, f.end + 16));
      if (q) f.metric = f.metric + q[1];
    }
    if (isFragmentMetric(f.metric)) {
      const completed = completeShort(text, figures, i);
      if (completed && !isFragmentMetric(completed)) f.metric = completed;
    }
  });
}

/** One more item of a counted list: "、15名个人", "和6个科技创新团队". */
const LIST_ITEM = /^[、和及][0-9.]+[万亿]?[名个家所支项人户座]?[^，。；、,;0-9]{1,4}?(?=[、和及]|荣|获|入|被|进|成|实|达|为)/;
const ACTION_ONLY = /^(?:受益|启动|参与|参|提前|惠及|覆盖)$/;
/** Two-character heads that are verbs, not nouns ("更新汽车", "新建绿道"). */
const VERB_HEAD = /^(?:更新|新建|建成|新增|改造|培育|支持|引进|开行|建设|实施|完成|打造|推动|开展|发放|培训|帮扶)$/;
const CHANGE_ONLY = /^(?:同比|比上年|再)?(?:增长|增加|增产|增收|下降|减少|降低|提高|提升|上涨|回落|净增|降费|减税)?$/;
const BARE_MEASURE = /^(?:总产|产量|单产|产值|营收|收入|收益|占比|比重|规模|总量|增速)$/;

/** The metric of the nearest figure before `i` that names something, within `reach` characters. */
function namedBefore(figures: Figure[], i: number, reach: number): Figure | null {
  for (let j = i - 1; j >= 0 && figures[i].start - figures[j].end <= reach; j--) {
    if (!isFragmentMetric(figures[j].metric)) return figures[j];
  }
  return null;
}

function completeShort(text: string, figures: Figure[], i: number): string | null {
  const f = figures[i];
  const metric = f.metric.trim();
  const before = text.slice(f.sentenceStart, f.start);
  // 分别 list: "交通、能源、水利分别完成投资3252亿元、2140亿元".
  const resp = /分别([^，。；0-9]{1,8}?)(?:[0-9]|$)/.exec(text.slice(f.sentenceStart, f.sentenceStart + f.sentence.length));
  if (resp && metric && before.includes('分别')) {
    const measure = cleanMetric(resp[1]);
    if (measure && !metric.endsWith(measure)) return metric + measure;
  }
  if (CHANGE_ONLY.test(metric)) {
    const prev = namedBefore(figures, i, 60);
    if (prev) return prev.metric.replace(/(?:增长|增加|下降|减少|提高|降低)$/, '') + metric;
    return null;
  }
  if (BARE_MEASURE.test(metric)) {
    const clause = clauseStartBefore(text, f.start, f.sentenceStart);
    const noun = nounOfClauseBefore(text, clause, f.sentenceStart);
    if (noun) return noun.replace(/(?:生产|建设|发展|工作)$/, '') + metric;
  }
  const next = figures[i + 1]?.sentenceStart === f.sentenceStart ? figures[i + 1] : null;
  if (ACTION_ONLY.test(metric)) {
    // "启动9万平方米、2700余户老旧房屋成套改造": the next item names what was started.
    if (next && text[f.end] === '、' && next.metric.startsWith(metric) && !isFragmentMetric(next.metric)) return next.metric;
    // "…资助力度，4.3亿人次受益": who benefited is named by the clause before.
    const noun = nounOfClauseBefore(text, clauseStartBefore(text, f.start, f.sentenceStart), f.sentenceStart);
    if (noun) return noun + metric;
  }
  const at = metric ? text.lastIndexOf(metric, f.start) : -1;
  if (at > f.sentenceStart && at >= f.start - metric.length - 6) {
    const lead = text.slice(Math.max(f.sentenceStart, at - 40), at);
    // "国内生产总值\n\u200b\n之比达到2.08%": a line broken inside the name (texts from PDF).
    const broken = /([^，。；、,;：:\s\u200b]{2,30})[\s\u200b]+$/.exec(lead);
    if (broken && /[\n\u200b]/.test(lead.slice(broken.index + broken[1].length))) return cleanMetric(broken[1] + metric);
    // "全省高校增至80所": a region word the metric lost.
    const region = /(全省|全市|全区|全县|全国)$/.exec(lead);
    if (region) return region[1] + metric;
  }
  const prevFig = i > 0 && figures[i - 1].sentenceStart === f.sentenceStart ? figures[i - 1] : null;
  if (prevFig && !isFragmentMetric(prevFig.metric) && text.startsWith(`的${metric}`, prevFig.end)) {
    // "现行16%的税率降至13%": the measure of what the figure before qualified.
    return prevFig.metric.replace(/^将/, '') + metric;
  }
  if (metric.length === 2 && text.startsWith(metric, f.end)) {
    // "14个集体、15名个人荣获…表彰", "10家单位、10名个人获…": a counted noun read after the
    // figure, completed by what the list of them did.
    let k = f.end + metric.length;
    for (let m: RegExpExecArray | null; (m = LIST_ITEM.exec(text.slice(k, k + 16)));) k += m[0].length;
    const predicate = /^[^，。；、,;：:（(0-9“”]{2,10}/.exec(text.slice(k));
    if (predicate && k > f.end + metric.length) return metric + predicate[0];
  }
  const prev = i > 0 && figures[i - 1].sentenceStart === f.sentenceStart ? figures[i - 1] : null;
  if (prev && !isFragmentMetric(prev.metric) && text[prev.end] === '、' && metric.length === 2 && prev.metric.length > 2) {
    // "汽车以旧换新超40万辆、家电超450万台" → 家电以旧换新; "更新汽车50万辆、家电800万台" → 更新家电.
    const head = prev.metric.slice(0, 2);
    if (!VERB_HEAD.test(head) && !leadingAction(prev.metric)) return metric + prev.metric.slice(2);
  }
  if (prev && !isFragmentMetric(prev.metric)) {
    if (/其中$/.test(before.slice(0, before.length - metric.length).replace(/[，,]$/, '') || before)) return `${prev.metric}中的${metric}`;
    if (/其中/.test(text.slice(prev.end, f.start))) return `${prev.metric}中的${metric}`;
    if (text[prev.end] === '、' && metric) {
      const action = leadingAction(prev.metric);
      if (action) return action + metric;
    }
  }
  return null;
}

/** A metric that names nothing: empty or two characters or fewer. */
export function isFragmentMetric(metric: string): boolean {
  return metric.trim().length <= 2;
}
