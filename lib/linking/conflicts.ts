/**
 * When two phrases that read alike still name different indicators, and when two that read apart
 * name one. Similarity (indicator.ts) sees shared characters; these rules see what the phrase counts
 * and at which level of government.
 *
 * - Head nouns: "大型产业集聚区新投产亿元以上项目" counts projects inside the zones, "大型产业集聚区"
 *   counts zones. The last head noun a phrase names is what it counts; two different heads are two
 *   indicators however much else they share.
 * - Scope: "国家重大战略…建设项目" and "省重点建设项目" are projects of two levels of government.
 * - Stock and flow: "参保人数达到4526万人" is a total, "新增参保人数1500万人" an increment.
 * - One object: "菜市场整体改造" (5家) and "新建改建菜市场" (5个) are the same works on the same
 *   thing once the building verbs are set aside ("完成28个邻里汇生活盒子建设" / "新建和提升11个
 *   生活盒子"): such pairs score OBJECT_SCORE when the stages do not conflict (checked before).
 */

/** Nouns that say what is counted. Longer first where one contains another (产业园 before 园). */
const HEAD_NOUNS = ['集聚区', '产业园', '园区', '开发区', '示范区', '项目', '企业', '平台', '基地', '学校', '医院', '小区', '人数', '户数', '床位'];

function headNoun(phrase: string): string | null {
  let best: string | null = null;
  let at = -1;
  for (const h of HEAD_NOUNS) {
    const i = phrase.lastIndexOf(h);
    if (i > at || (i === at && i >= 0 && best !== null && h.length > best.length)) {
      best = h;
      at = i;
    }
  }
  return at >= 0 ? best : null;
}

const SCOPES: [RegExp, string][] = [
  [/^(?:国家|中央|全国)/, 'national'],
  [/^省(?!份)/, 'province'],
  [/^(?:市级|市属)/, 'city'],
  [/^(?:区级|区属)/, 'district'],
];

function scopeOf(phrase: string): string | null {
  for (const [re, scope] of SCOPES) if (re.test(phrase)) return scope;
  return null;
}

/** Whether the two phrases count different things or belong to different levels of government. */
export function phrasesConflict(a: string, b: string): boolean {
  const ha = headNoun(a);
  const hb = headNoun(b);
  if (ha && hb && ha !== hb) return true;
  const sa = scopeOf(a);
  const sb = scopeOf(b);
  return sa !== null && sb !== null && sa !== sb;
}

/** 'stock' for a total (达到, 累计, 总数 …), 'flow' for an increment (新增, 新建 …), else null. */
export type Amount = 'stock' | 'flow' | null;

export function amountOf(metric: string, qualifier: string | null): Amount {
  if (/^(?:年内|全年|今年)?(?:新增|新认定|新引进)/.test(metric)) return 'flow';
  if ((qualifier ?? '').includes('达到') || /累计|总数|总量|共有|余额/.test(metric)) return 'stock';
  return null;
}

/** Words of building and upgrading around the thing built ("新建改建", "整体改造", "建设"). */
const WORKS =
  /^(?:新建和提升|新建和改造|新建改建|改造提升|完成|新建|改建|扩建|提升|改造|建设|建成|打造|实施)+|(?:整体改造|改造提升|提升改造|改造|建设|提升|打造)+$/g;

/** What a building phrase works on, with its building words set aside; '' when none is left. */
export function objectOf(phrase: string): string {
  return phrase.replace(WORKS, '');
}

/** Score for two phrases whose objects agree (one holds the other, the shorter ≥ 3 characters). */
export const OBJECT_SCORE = 0.8;

export function sameObject(a: string, b: string): boolean {
  const oa = objectOf(a);
  const ob = objectOf(b);
  if (oa === a && ob === b) return false; // no building words: similarity decides
  const [short, long] = oa.length <= ob.length ? [oa, ob] : [ob, oa];
  return short.length >= 3 && long.endsWith(short);
}
