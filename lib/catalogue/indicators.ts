/**
 * The indicator catalogue: the indicators reports set targets for, as data.
 *
 * Each entry names one indicator once, whatever the wording of a report: "国内生产总值增长",
 * "地区生产总值增长", "经济增长", "GDP增长" are all `gdp-growth`. Patterns are tested against the
 * canonical phrase of a figure (lib/linking/indicator.ts `canonicalPhrase`: hedges, time words and
 * the closing direction word already removed), together with its unit family and whether the
 * figure is a rate of change; an entry matches only when all three agree, so 粮食产量 in 斤 is
 * `grain-output` while a 粮食产量 rate is not.
 *
 * Fields a verdict needs (lib/linking/assess.ts):
 * - `direction`: which way is good. 'up' (more is better: growth, jobs, grain), 'down' (less is
 *   better: unemployment, prices, PM2.5), 'neither' (an arrangement: deficit ratio, bond quotas).
 * - `reading`: how a target without a bounding qualifier is read. 'about' (a level to be near),
 *   'floor' (at least), 'ceiling' (at most), 'plan' (an amount the government arranges itself).
 * - `tolerance`: half the width of the band a 左右 target allows; percentage points for the
 *   'rate' and 'percent' families, else a share of the target value.
 * - `fiscal`: an arrangement the government makes (deficit, bond quotas, budget spending): its
 *   target is not assessable unless a later report gives an outcome for it.
 *
 * Coverage: every headline target of the national reports 2017–2025 and of the 2025 provincial
 * reports, plus the commonest district and county indicators. `headline` marks the indicators of
 * the 主要预期目标 sentences. Add an entry here rather than a special case in code.
 */

/** What a figure's unit measures. Figures of one family compare; of two families, never. */
export type UnitFamily = 'rate' | 'percent' | 'points' | 'money' | 'people' | 'mass' | 'count' | 'area' | 'length' | 'concentration' | 'productivity' | 'days';
export type IndicatorDirection = 'up' | 'down' | 'neither';
export type TargetReading = 'about' | 'floor' | 'ceiling' | 'plan';

export interface IndicatorEntry {
  id: string;
  /** The name reports use most. */
  zh: string;
  en: string;
  /** Tested against the canonical phrase (whole phrase unless the pattern says otherwise). */
  patterns: RegExp[];
  family: UnitFamily;
  /** True for a rate of change (增长5%); false for a level (失业率5.5%, 1.3万亿斤). */
  growth: boolean;
  /** For a rate: the change word the phrase must end in ('down' for 能耗降低 …). For a level: the
   * level is an amount of change; a phrase that ended in that word is tested with "↓"/"↑" in its
   * place (农村贫困人口减少1000万 → "农村贫困人口↓"). */
  change?: 'up' | 'down';
  direction: IndicatorDirection;
  reading: TargetReading;
  tolerance: number;
  headline: boolean;
  fiscal?: boolean;
}

/** Units by family. '' is a bare count ("减少1000万"). */
export const UNIT_FAMILIES: Record<UnitFamily, readonly string[]> = {
  rate: ['%'],
  percent: ['%'],
  points: ['个百分点', '百分点'],
  money: ['元', '美元'],
  people: ['人', '人次', '名', '万人', ''],
  mass: ['斤', '吨', '公斤', '千克'],
  count: ['', '个', '家', '所', '座', '处', '项', '户', '套', '间', '张', '台', '条', '件', '只', '栋', '幢', '辆', '部'],
  area: ['亩', '平方米', '平方公里', '公顷'],
  length: ['公里', '千米', '米'],
  concentration: ['微克/立方米'],
  productivity: ['元/人'],
  days: ['天'],
};

const rate = (id: string, zh: string, en: string, patterns: RegExp[], rest: Partial<IndicatorEntry> = {}): IndicatorEntry => ({
  id,
  zh,
  en,
  patterns,
  family: 'rate',
  growth: true,
  direction: 'up',
  reading: 'about',
  tolerance: 0.5,
  headline: true,
  ...rest,
});
const level = (id: string, zh: string, en: string, family: UnitFamily, patterns: RegExp[], rest: Partial<IndicatorEntry> = {}): IndicatorEntry => ({
  id,
  zh,
  en,
  patterns,
  family,
  growth: false,
  direction: 'up',
  reading: 'floor',
  tolerance: 0.05,
  headline: false,
  ...rest,
});

/** Region words a province, city or district puts before a national indicator's name. */
const R = '(?:国内|地区|全区|全市|全省|全县|全国|区域|区级|市级|县级|省级|本级|地方)?';

/** The entries in the order matching tries them (built by `indicators()`). */
const entries = (): IndicatorEntry[] => [
  // --- Growth and output. Energy and carbon intensity first: their names contain 生产总值.
  rate(
    'energy-intensity',
    '单位国内生产总值能耗降低',
    'Energy use per unit of GDP, reduction',
    [new RegExp(`^(?:单位|万元)${R}(?:生产总值|GDP)(?:能耗|能源消耗)(?:强度)?$`), /^能耗强度$/, /^能源消耗强度$/],
    { change: 'down', reading: 'floor' },
  ),
  rate(
    'carbon-intensity',
    '单位国内生产总值二氧化碳排放降低',
    'CO2 emissions per unit of GDP, reduction',
    [new RegExp(`^(?:单位|万元)${R}(?:生产总值|GDP)二氧化碳排放(?:量)?$`), /^(?:碳排放|二氧化碳排放)强度$/],
    { change: 'down', reading: 'floor' },
  ),
  rate('gdp-growth', '国内生产总值增长', 'GDP growth', [new RegExp(`^${R}(?:生产总值|GDP)$`), /^经济(?:总量)?$/]),
  level('gdp', '国内生产总值', 'GDP', 'money', [new RegExp(`^${R}(?:生产总值|GDP)$`), /^经济总量$/], { reading: 'about' }),
  rate('industrial-value-added-growth', '规模以上工业增加值增长', 'Value added of industry above designated size, growth', [
    /^(?:规模以上|规上|规模)工业增加值$/,
    /^工业增加值$/,
  ]),
  rate('labour-productivity-growth', '全员劳动生产率增长', 'Labour productivity growth', [/^全员劳动生产率$/], { headline: false }),
  level('labour-productivity', '全员劳动生产率', 'Labour productivity', 'productivity', [/^全员劳动生产率$/], { reading: 'about', headline: true }),
  // --- Demand.
  rate('fixed-investment-growth', '固定资产投资增长', 'Fixed-asset investment growth', [new RegExp(`^${R}(?:全社会)?固定资产投资(?:总额)?$`)]),
  rate('industrial-investment-growth', '工业投资增长', 'Industrial investment growth', [/^工业投资$/], { headline: false }),
  rate('retail-sales-growth', '社会消费品零售总额增长', 'Retail sales of consumer goods, growth', [/^社会消费品零售(?:总)?额$/, /^社零(?:总额)?$/]),
  level('retail-sales', '社会消费品零售总额', 'Retail sales of consumer goods', 'money', [/^社会消费品零售(?:总)?额$/], { reading: 'about' }),
  rate('trade-growth', '进出口总额增长', 'Foreign trade growth', [/^(?:外贸|货物|货物贸易)?进出口(?:贸易)?(?:总额|总值)?$/, /^外贸$/]),
  level('trade', '进出口总额', 'Foreign trade', 'money', [/^(?:外贸|货物|货物贸易)?进出口(?:贸易)?(?:总额|总值)?$/], { reading: 'about' }),
  rate('exports-growth', '出口增长', 'Exports growth', [/^(?:外贸)?出口(?:总额|总值)?$/], { headline: false }),
  level('foreign-investment', '实际使用外资', 'Foreign direct investment used', 'money', [/^实际(?:使用|利用)外资(?:金额)?$/, /^实到外资$/]),
  level('contracted-foreign-investment', '合同外资', 'Contracted foreign investment', 'money', [/^合同(?:利用)?外资$/]),
  level('sales-of-goods', '商品销售总额', 'Sales of goods', 'money', [/^商品销售(?:总)?额$/]),
  rate('sales-of-goods-growth', '商品销售总额增长', 'Sales of goods, growth', [/^商品销售(?:总)?额$/], { headline: false }),
  // --- Public finance.
  rate('budget-revenue-growth', '一般公共预算收入增长', 'General public budget revenue, growth', [
    new RegExp(`^${R}一般公共预算收入(?:同口径)?$`),
    /^(?:区级|地方|县级|市级|本级)?财政收入$/,
  ]),
  level(
    'budget-revenue',
    '一般公共预算收入',
    'General public budget revenue',
    'money',
    [new RegExp(`^${R}一般公共预算收入$`), /^(?:区级|地方|县级|市级|本级)财政收入$/],
    { reading: 'about' },
  ),
  level('tax-revenue', '税收收入', 'Tax revenue', 'money', [/^(?:区级|地方)?税收(?:收入)?$/, /^税收总收入$/], { reading: 'about' }),
  level('budget-expenditure', '一般公共预算支出', 'General public budget expenditure', 'money', [new RegExp(`^${R}一般公共预算支出$`), /^财政支出$/], {
    reading: 'plan',
    direction: 'neither',
    fiscal: true,
  }),
  level('deficit-ratio', '赤字率', 'Deficit ratio', 'percent', [/^(?:财政|一般公共预算)?赤字率$/], {
    reading: 'plan',
    direction: 'neither',
    tolerance: 0.1,
    headline: true,
    fiscal: true,
  }),
  level('deficit', '财政赤字', 'Budget deficit', 'money', [/^(?:财政)?赤字(?:规模)?$/], { reading: 'plan', direction: 'neither', fiscal: true }),
  level('central-deficit', '中央财政赤字', 'Central government deficit', 'money', [/^中央财政赤字$/], { reading: 'plan', direction: 'neither', fiscal: true }),
  level('local-deficit', '地方财政赤字', 'Local government deficit', 'money', [/^地方财政赤字$/], { reading: 'plan', direction: 'neither', fiscal: true }),
  level(
    'special-bonds',
    '地方政府专项债券',
    'Local government special-purpose bonds',
    'money',
    [/^(?:发行|安排|拟发行)?(?:地方政府|地方)?专项债(?:券)?(?:额度|规模)?$/],
    { reading: 'plan', direction: 'neither', headline: true, fiscal: true },
  ),
  level('ultra-long-special-bonds', '超长期特别国债', 'Ultra-long special treasury bonds', 'money', [/^(?:发行|安排|拟发行)?超长期特别国债(?:先发行|发行)?$/], {
    reading: 'plan',
    direction: 'neither',
    headline: true,
    fiscal: true,
  }),
  level('special-treasury-bonds', '特别国债', 'Special treasury bonds', 'money', [/^(?:发行|安排|拟发行)?特别国债$/], {
    reading: 'plan',
    direction: 'neither',
    fiscal: true,
  }),
  level('central-budget-investment', '中央预算内投资', 'Central budget investment', 'money', [/^(?:安排|拟安排)?中央预算内投资$/], {
    reading: 'plan',
    direction: 'neither',
    fiscal: true,
  }),
  level('tax-fee-cuts', '减税降费', 'Tax and fee cuts', 'money', [/^(?:新增)?减税降费$/, /^减轻企业税收和社会保险缴费负担$/], { reading: 'about' }),
  // --- Jobs and prices.
  level('urban-jobs', '城镇新增就业', 'New urban jobs', 'people', [/^城镇(?:新增)?就业(?:人数|岗位)?$/, /^新增(?:城镇)?就业(?:岗位)?$/, /^就业岗位$/], {
    headline: true,
  }),
  level('surveyed-unemployment', '城镇调查失业率', 'Surveyed urban unemployment rate', 'percent', [/^(?:城镇)?调查失业率$/], {
    direction: 'down',
    reading: 'ceiling',
    tolerance: 0.5,
    headline: true,
  }),
  level('registered-unemployment', '城镇登记失业率', 'Registered urban unemployment rate', 'percent', [/^城镇登记失业率$/], {
    direction: 'down',
    reading: 'ceiling',
    tolerance: 0.5,
    headline: true,
  }),
  rate('cpi', '居民消费价格涨幅', 'Consumer prices (CPI), rise', [/^(?:居民)?消费价格(?:指数|总水平)?$/, /^CPI$/, /^物价(?:总水平)?$/], {
    change: 'up',
    direction: 'down',
    reading: 'ceiling',
  }),
  rate('income-growth', '居民人均可支配收入增长', 'Per-capita disposable income, growth', [/^(?:全体|城乡)?居民(?:人均)?(?:可支配)?收入$/]),
  rate('urban-income-growth', '城镇居民人均可支配收入增长', 'Urban per-capita disposable income, growth', [/^城镇(?:常住)?居民(?:人均)?(?:可支配)?收入$/]),
  rate('rural-income-growth', '农村居民人均可支配收入增长', 'Rural per-capita disposable income, growth', [
    /^农村(?:常住)?居民(?:人均)?(?:可支配)?收入$/,
    /^农民(?:人均)?(?:可支配)?收入$/,
  ]),
  level('poverty-reduction', '农村贫困人口减少', 'Reduction of the rural poor', 'people', [/^(?:再)?减少农村贫困人口$/, /^农村贫困人口↓$/], {
    change: 'down',
    headline: true,
  }),
  level('rural-labour-transfer', '农村劳动力转移就业', 'Rural labour moved into jobs', 'people', [/^(?:农村|农牧区)劳动力转移就业$/]),
  // --- Farming, land, environment.
  level('grain-output', '粮食产量', 'Grain output', 'mass', [/^粮食(?:总)?产(?:量)?$/, /^粮食生产$/], { tolerance: 0.01, headline: true }),
  level('grain-area', '粮食播种面积', 'Grain sown area', 'area', [/^粮食(?:播种|种植)面积$/], { tolerance: 0.01 }),
  level('high-standard-farmland', '高标准农田', 'High-standard farmland built', 'area', [
    /^(?:新建|建设|建成)?(?:和|或)?(?:改造|改造提升)?(?:提升)?高标准农田$/,
  ]),
  level('afforestation', '营造林', 'Afforestation', 'area', [/^(?:完成)?营造林$/, /^造林(?:绿化)?$/]),
  level('pm25', '细颗粒物(PM2.5)浓度', 'Fine particulate (PM2.5) concentration', 'concentration', [/^(?:细颗粒物|PM2\.?5)(?:平均|年均)?浓度$/], {
    direction: 'down',
    reading: 'ceiling',
  }),
  level('good-air-days', '空气质量优良天数比例', 'Share of days with good air', 'percent', [/^(?:空气质量)?优良天数(?:比例|比率)$/], { tolerance: 0.5 }),
  rate('pm25-reduction', '细颗粒物(PM2.5)浓度下降', 'Fine particulate (PM2.5) concentration, reduction', [/^(?:细颗粒物|PM2\.?5)(?:平均|年均)?浓度$/], {
    change: 'down',
    reading: 'floor',
    headline: false,
  }),
  // --- Innovation, people, towns.
  level(
    'rd-intensity',
    '研究与试验发展经费投入强度',
    'R&D spending as a share of GDP',
    'percent',
    [/^(?:全社会)?(?:研究与试验发展|研发|R&D)经费(?:投入)?强度$/, /^(?:全社会)?研发投入强度$/],
    { reading: 'about', tolerance: 0.05, headline: true },
  ),
  rate('rd-spending-growth', '全社会研发经费投入增长', 'R&D spending growth', [/^(?:全社会)?(?:研究与试验发展|研发|R&D)经费(?:投入)?$/], { headline: false }),
  level('urbanisation', '常住人口城镇化率', 'Urbanisation rate', 'percent', [/^(?:常住人口)?城镇化率$/], { reading: 'about', tolerance: 0.5 }),
  level('high-tech-firms', '高新技术企业', 'High-tech enterprises', 'count', [
    /^(?:国家)?高新技术企业(?:总量|数量|总数)?$/,
    /^(?:新认定|培育)(?:国家)?高新技术企业$/,
  ]),
  level('technology-contracts', '技术合同成交额', 'Value of technology contracts', 'money', [/^技术合同成交(?:额|金额)$/]),
  level('old-community-renovation', '城镇老旧小区改造', 'Old urban residential communities renovated', 'count', [
    /^(?:开工)?(?:改造)?(?:城镇)?老旧小区(?:改造)?$/,
    /^(?:新开工|开工)改造(?:城镇)?老旧小区$/,
  ]),
  level('shantytown-renovation', '棚户区住房改造', 'Shantytown housing renovated', 'count', [/^棚户区(?:住房)?改造$/, /^完成棚户区住房改造$/]),
  level('rural-roads', '新改建农村公路', 'Rural roads built or upgraded', 'length', [/^(?:新建|新改建|新建改建|新建改造|改造)农村公路$/]),
  level('elderly-care-beds', '养老床位', 'Elderly-care beds', 'count', [/^(?:新增)?养老(?:服务)?床位$/]),
  level('public-rental-housing', '公租房供应', 'Public rental housing supplied', 'count', [/^(?:新增)?(?:供应)?公租房(?:供应)?$/]),
  level('tourists', '接待游客', 'Tourist visits', 'people', [/^接待(?:国内外)?游客$/, /^游客接待量$/]),
];

let built: { list: readonly IndicatorEntry[]; byId: ReadonlyMap<string, IndicatorEntry> } | null = null;

/**
 * The catalogue, built on first use rather than when a script loads: its entries and their
 * patterns were a tenth of the in-page script's start-up work, and most pages (every page that is
 * not a report) never read it.
 */
function catalogue(): NonNullable<typeof built> {
  if (!built) {
    const list = entries();
    built = { list, byId: new Map(list.map((e) => [e.id, e])) };
  }
  return built;
}

/** The entries, in the order matching tries them. */
export const indicators = (): readonly IndicatorEntry[] => catalogue().list;

/** The entry with this id. */
export const indicatorById = (id: string): IndicatorEntry | undefined => catalogue().byId.get(id);

/** The family of a unit as a figure prints it (full-width ％ and a trailing "(间)" folded). */
export function unitFamilies(unit: string): UnitFamily[] {
  const u = (unit ?? '')
    .replace(/％/g, '%')
    .replace(/[（(][^)）]*[)）]/g, '')
    .trim();
  const out: UnitFamily[] = [];
  for (const [family, units] of Object.entries(UNIT_FAMILIES) as [UnitFamily, readonly string[]][]) if (units.includes(u)) out.push(family);
  return out;
}
