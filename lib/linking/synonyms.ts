/**
 * Synonyms for the headline indicators every report names, each under one key.
 *
 * Similarity (lib/linking/indicator.ts) groups most wordings on its own; this table is for the
 * indicators whose names share few characters across reports ("GDP" / "地区生产总值" /
 * "经济增长"; "能耗强度" / "单位国内生产总值能耗"; "物价" / "居民消费价格") and for the few where
 * the same characters mean different indicators (城镇调查失业率 vs 城镇登记失业率). Patterns match
 * the whole canonical phrase (hedges, time words and the direction of change already removed), so
 * "财政性教育经费占国内生产总值比例" never reads as GDP.
 */

interface Synonym {
  key: string;
  pattern: RegExp;
}

const SYNONYMS: Synonym[] = [
  // Checked before 生产总值: its phrase contains it.
  { key: '单位生产总值能耗', pattern: /^(单位|万元)(国内|地区)?(生产总值|GDP)能耗$|^能耗强度$|^能源消耗强度$|^单位GDP能源消耗$/ },
  { key: '生产总值', pattern: /^(国内|地区|全区|全市|全省)?生产总值$|^GDP$|^经济$|^经济总量$/ },
  { key: '居民消费价格', pattern: /^(居民)?消费价格(指数|总水平)?$|^CPI$|^物价(总水平)?$/ },
  { key: '城镇新增就业', pattern: /^城镇(新增)?就业(人数|岗位)?$/ },
  { key: '城镇调查失业率', pattern: /^(城镇)?调查失业率$/ },
  { key: '城镇登记失业率', pattern: /^城镇登记失业率$/ },
  { key: '粮食产量', pattern: /^粮食(总)?产量$|^粮食生产$/ },
  { key: '赤字率', pattern: /^(财政|一般公共预算)?赤字率$/ },
  { key: '地方政府专项债券', pattern: /^(地方政府)?专项债券(额度)?$|^(地方政府)?专项债$/ },
  { key: '一般公共预算收入', pattern: /^(地方|区级|市级|本级)?一般公共预算收入$|^(区级|地方)财政收入$/ },
  { key: '社会消费品零售总额', pattern: /^社会消费品零售(总)?额$/ },
  { key: '固定资产投资', pattern: /^(全社会)?固定资产投资(总额)?$/ },
  { key: '进出口总额', pattern: /^(外贸|货物)?进出口(总额|总值)?$/ },
];

/** The synonym key of a canonical phrase, or null when the table does not know it. */
export function synonymKey(phrase: string): string | null {
  const known = cache.get(phrase);
  if (known !== undefined) return known;
  let key: string | null = null;
  for (const s of SYNONYMS) {
    if (s.pattern.test(phrase)) {
      key = s.key;
      break;
    }
  }
  // Linking compares every plan figure with every review figure of its unit, so the same few
  // hundred phrases are looked up thousands of times; the cache is cleared rather than grown
  // without bound when a long-running page analyses many reports.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(phrase, key);
  return key;
}

const CACHE_LIMIT = 20000;
const cache = new Map<string, string | null>();
