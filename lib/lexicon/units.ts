/**
 * Units and counters. Units are matched longest first after a number; compound units
 * (微克/立方米, 元/人) stay whole because the reader needs the rate. Counters of one family count the
 * same kind of thing and reports use them interchangeably ("新建学校12所" / "12个", "医院3家" /
 * "3个", "公园5座" / "5个"): figures in counters of one family can be compared.
 */

/** Families of interchangeable counters. A counter outside these, and every measure unit, is a
 * family of its own. */
export const COUNTER_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  // Places and institutions: schools, hospitals, parks, centres, projects.
  entity: ['个', '家', '所', '座', '处', '项'],
  people: ['人', '名', '位'],
  households: ['户', '家庭'],
  dwellings: ['套', '间', '幢', '栋'],
  vehicles: ['辆', '台', '艘', '架', '列'],
  visits: ['人次', '户次', '家次', '车次', '架次', '艘次'],
  sessions: ['次', '场', '场次', '批', '批次', '期', '届', '轮'],
};

const FAMILY_OF = new Map<string, string>();
for (const [family, counters] of Object.entries(COUNTER_FAMILIES)) for (const c of counters) FAMILY_OF.set(c, family);

/** The family a unit belongs to ("所" → "entity"); a unit of no family is its own ("公里" → "公里"). */
export function unitFamily(unit: string): string {
  return FAMILY_OF.get(unit) ?? unit;
}

/** Every unit the number reader knows. "千瓦"/"千米" must be listed so the 千 is never mistaken for a magnitude. */
export const UNITS: readonly string[] = [
  '个百分点', '百分点', '%', '‰',
  '微克/立方米', '毫克/立方米', '元/平方米', '元/吨', '元/人', '元/亩', '公斤/亩', '斤/亩', '公里/小时', '千米/小时',
  '分/千瓦时', '元/千瓦时', '元/公斤', '元/斤', '元/月', '元/年',
  '吨标准煤', '吨标煤', '标准煤', '标准箱',
  '平方公里', '平方千米', '平方米', '立方米', '公顷', '亩',
  '千瓦时', '千瓦', '兆瓦', '吉瓦', '千伏', '瓦',
  '公里', '千米', '米',
  '千克', '公斤', '微克', '毫克', '吨', '斤', '英寸', '纳米',
  '美元', '欧元', '港元', '元',
  '个工作日', '工作日', '个小时', '小时', '分钟', '个月', '周岁', '岁', '天', '年', '周', '秒',
  '人次', '户次', '家次', '车次', '架次', '艘次', '场次', '批次', '人',
  '家庭', '标箱', '辆', '艘', '架', '列', '台', '套', '幢', '栋', '间', '张', '床', '户', '家', '所', '条', '项',
  '座', '处', '位', '名', '个', '件', '批', '次', '场', '期', '只', '头', '株', '棵', '宗', '类', '部', '种',
  '款', '支', '队', '组', '轮', '起', '笔', '片', '块', '幅', '倍', '度', '篇', '册', '本', '门', '口', '根',
  '份', '对', '届', '方面', '颗', '枚', '盏', '成', '分', '方', '摄氏度', '℃', '国',
];

/** Units that make a figure a rate or a ratio rather than a level. */
export const RATE_UNITS = ['%', '个百分点', '百分点', '‰', '倍'];
