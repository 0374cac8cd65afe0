/**
 * 分别 lists whose subjects hold 和, 及 or 、 inside a name.
 *
 * "信息传输软件和信息技术服务业、租赁和商务服务业增加值分别增长10.9%、10.4%": extraction pairs
 * subjects and figures only when it can split the subjects into as many parts as there are figures;
 * when a name holds 和 it cannot, and every figure keeps the last subject. Here each figure of such a
 * run (figures after 分别 sharing one metric) gets its own subject:
 * 1. split the subjects at 、; when too few parts, split parts at 和/及/与 ("生活垃圾和污水治理率"),
 *    and a 城乡 subject into 城镇 and 农村 ("城乡居民人均可支配收入分别增长5%、6%");
 * 2. a part without a measure of its own takes the measure the nearest later part ends in
 *    (增加值, 营业收入, 人均可支配收入, 覆盖率 …);
 * 3. each figure's metric is its part and the words the shared metric had after the last part
 *    ("增长"). Nothing changes unless the parts number as many as the figures.
 */
import type { Figure } from '../model';
import { cleanMetric } from '../extraction';

const MEASURES = [
  '居民人均可支配收入',
  '人均可支配收入',
  '增加值',
  '营业收入',
  '收入',
  '产量',
  '产销量',
  '投资',
  '零售额',
  '销售额',
  '普及率',
  '覆盖率',
  '治理率',
  '交付率',
  '达标率',
  '占比',
  '比重',
  '比例',
  '标准',
  '增速',
  '规模',
];
const HAS_MEASURE = /(?:值|额|量|率|入|资|款|润|数|比|重|幅|价|耗|准|速|模)$/;
const CHANGE_END = /(?:增长|下降|降低|提高|上涨|增加|减少|回落)$/;
const STOPS = /[，,；;：:。（(\n]/;

function measureOf(part: string): string {
  for (const m of MEASURES) if (part.endsWith(m) && part.length > m.length) return m;
  return '';
}

function splitParts(subjects: string, count: number): string[] | null {
  let parts = subjects
    .split('、')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 1 && count === 2 && /^(?:城乡)/.test(parts[0])) {
    const rest = parts[0].slice(2);
    const urban = /^居民/.test(rest) ? '城镇' : '城市';
    return [urban + rest, '农村' + rest];
  }
  for (let k = parts.length - 1; parts.length < count && k >= 0; k--) {
    const pieces = parts[k].split(/和|及|与/).filter(Boolean);
    if (pieces.length > 1 && parts.length - 1 + pieces.length <= count) parts = [...parts.slice(0, k), ...pieces, ...parts.slice(k + 1)];
  }
  return parts.length === count ? parts : null;
}

export function splitRespectiveLists(text: string, figures: Figure[]): void {
  let i = 0;
  while (i < figures.length) {
    let j = i;
    while (
      j + 1 < figures.length &&
      figures[j + 1].sentenceStart === figures[i].sentenceStart &&
      figures[j + 1].metric === figures[i].metric &&
      figures[j + 1].unit === figures[i].unit
    )
      j++;
    if (j > i) assignRun(text, figures.slice(i, j + 1));
    i = j + 1;
  }
  lendMeasures(text, figures);
}

/** Figures of one 分别 run (joined by one list mark) whose subjects extraction already split: a
 * subject with no measure takes the nearest later one's ("农村卫生户厕" → 农村卫生户厕覆盖率). */
function lendMeasures(text: string, figures: Figure[]): void {
  let i = 0;
  while (i < figures.length) {
    let j = i;
    while (j + 1 < figures.length && figures[j + 1].start - figures[j].end === 1 && '、和及与'.includes(text[figures[j].end])) j++;
    const run = figures.slice(i, j + 1);
    i = j + 1;
    if (run.length < 2 || !text.slice(run[0].sentenceStart, run[0].start).includes('分别')) continue;
    const cores = run.map((f) => f.metric.replace(CHANGE_END, ''));
    const measures = cores.map((c) => measureOf(c) || (/率$/.test(c) ? '率' : ''));
    run.forEach((f, k) => {
      if (HAS_MEASURE.test(cores[k]) || cores[k].length < 2) return;
      const later = measures.slice(k + 1).find((m) => m);
      if (later) f.metric = cores[k] + later + f.metric.slice(cores[k].length);
    });
  }
}

function assignRun(text: string, run: Figure[]): void {
  const first = run[0];
  // Short asides inside a name ("生活污水治理（管控）率") are no list marks.
  const sentence = text.slice(first.sentenceStart, first.start).replace(/[（(][^（）()]{1,6}[）)]/g, '');
  const at = sentence.lastIndexOf('分别');
  if (at < 0) return;
  let from = at;
  while (from > 0 && !STOPS.test(sentence[from - 1])) from--;
  let raw = sentence.slice(from, at).replace(/[“”"]/g, '');
  if (/^(?:全省|全市|全区|全县|全国)?城乡/.test(raw)) raw = raw.replace(/^(?:全省|全市|全区|全县|全国)/, '');
  if (!/[、和及与]|^城乡/.test(raw)) return;
  const parts = splitParts(raw, run.length);
  if (!parts) return;
  const cleaned = parts.map((p) => cleanMetric(p));
  if (cleaned.some((p) => p.length < 2)) return;
  // A part without a measure takes the measure of the nearest later part that has one
  // ("农村卫生户厕、生活垃圾处理设施覆盖率和生活污水治理率" → 农村卫生户厕覆盖率).
  const measures = cleaned.map((p) => measureOf(p) || (/率$/.test(p) ? '率' : ''));
  const subjects = cleaned.map((p, k) => {
    if (HAS_MEASURE.test(p)) return p;
    const later = measures.slice(k + 1).find((m) => m);
    return later ? p + later : p;
  });
  // The change word the shared metric ends in ("增长") stays on every item.
  // What the shared metric says after the last subject ("完成年度目标任务"), else its change word.
  const last = cleaned[cleaned.length - 1];
  const suffix = first.metric.startsWith(last) ? first.metric.slice(last.length) : (CHANGE_END.exec(first.metric)?.[0] ?? '');
  run.forEach((f, k) => {
    f.metric = subjects[k].endsWith(suffix) ? subjects[k] : subjects[k] + suffix;
  });
}
