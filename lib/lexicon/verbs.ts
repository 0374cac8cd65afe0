/**
 * Verbs and modifiers: level verbs that put a figure at a value, reach verbs whose object is
 * printed after the number, actions that name what was done but not to what, the action words
 * that are also noun modifiers, and the stages of a project's life.
 */

/** Level verbs: the figure is where the indicator stands, not a change ("控制在3%以内", "稳定在6500万吨以上"). */
export const LEVEL_VERBS = ['控制在', '保持在', '稳定在', '维持在'];

/** Change verbs with the level they arrive at ("下降到3%", "提高至80%"): what follows is a level, so
 * neither a figure's phrase nor an indicator's name ends in one. */
export const CHANGE_TO_VERBS = ['提高', '提升', '增加', '增长', '下降', '降低', '上升'].flatMap((verb) => [`${verb}到`, `${verb}至`]);

/** Verbs whose object, printed after the unit, says who or what the figure counts
 * ("营养改善计划惠及3600多万农村学生"). */
export const REACH_VERBS = ['惠及', '覆盖', '带动', '帮助', '吸引', '服务', '救助', '受益', '培训', '资助', '接待'];

/** Manner and order adverbs: how or when something was done ("加快推进", "首批", "累计"). */
export const MANNER_WORDS = [
  '加快',
  '加速',
  '持续',
  '大力',
  '全面',
  '积极',
  '分批',
  '稳步',
  '有序',
  '深入',
  '着力',
  '扎实',
  '滚动',
  '继续',
  '连续',
  '首批',
  '首次',
  '再',
  '先',
  '新',
  '累计',
  '已',
  '全部',
  '基本',
  '率先',
  '集中',
];

/**
 * Words that name an action but not what it acts on. A phrase made of nothing but these (one to
 * three of them: "新增", "开工建设", "扎实推进", "首批立项", "新引进") names no indicator by
 * itself. Listing words rather than whole phrases covers the combinations reports make up
 * ("滚动实施", "启动剩余").
 */
export const ACTIONS = [
  '推进',
  '推动',
  '实施',
  '启动',
  '建设',
  '完成',
  '开展',
  '打造',
  '增',
  '建',
  '建成',
  '新增',
  '新建',
  '新设',
  '净增',
  '引入',
  '引进',
  '开工',
  '完工',
  '竣工',
  '改造',
  '提升',
  '筹措',
  '布设',
  '设置',
  '拆除',
  '改扩建',
  '签约',
  '培育',
  '创建',
  '提供',
  '支出',
  '救助',
  '加装',
  '发放',
  '投入',
  '安排',
  '设',
  '设立',
  '建立',
  '举办',
  '吸引',
  '带动',
  '帮助',
  '惠及',
  '覆盖',
  '涉及',
  '认定',
  '命名',
  '推选',
  '转化',
  '引导',
  '组建',
  '培训',
  '开设',
  '开通',
  '改建',
  '整治',
  '清退',
  '治理',
  '修缮',
  '实现',
  '达',
  '达到',
  '超过',
  '布局',
  '立项',
  '发行',
  '投运',
  '投产',
  '投用',
  '落地',
  '获批',
  '入选',
  '组织',
  '推出',
  '出台',
  '受益',
  '开行',
  '剩余',
  '储备',
  '谋划',
  '争取',
  '招引',
  '服务',
  '接收',
  '接待',
  '解决',
  '扩建',
  '续建',
  '在建',
  '批复',
  '审批',
  '下达',
  '拨付',
  '制定',
  '修改',
  '修订',
  '废止',
  '审议',
  '清理',
  '规范',
];

/** Every action word, adverbs first. */
export const ACTION_WORDS = [...MANNER_WORDS, ...ACTIONS];

/** Action words that also modify nouns ("服务业", "在建项目", "基本养老保险", "储备项目"): never
 * stripped from the head of a phrase. */
export const NOUN_MODIFIERS = ['基本', '全部', '服务', '储备', '剩余', '在建', '规范', '治理', '集中', '改造', '培训'];

/** Of the noun modifiers, those a list still shares as its action ("改造老旧小区…、城市危旧房…"). */
export const LIST_SHARED_MODIFIERS = ['规范', '治理', '集中', '改造', '培训'];

/** Effort words of the plan sections ("加快推进…", "推动…"): how hard, not what. */
export const EFFORT_WORDS = ['加快推进', '加速推进', '加快', '加速', '推进', '推动', '大力', '着力', '积极', '深入', '全面', '稳步', '有序', '分批'];

/** Project-lifecycle stages. Two phrases naming disjoint stages measure different things even when
 * every other word agrees; 新开工 is 开工, 竣工 is 完工. */
export const LIFECYCLE_STAGES: ReadonlyArray<readonly [string, string]> = [
  ['新签约', 'sign'],
  ['签约', 'sign'],
  ['新开工', 'start'],
  ['开工', 'start'],
  ['动工', 'start'],
  ['开建', 'start'],
  ['完工', 'finish'],
  ['竣工', 'finish'],
  ['建成', 'finish'],
  ['投用', 'finish'],
  ['交付', 'finish'],
  ['收储', 'acquire'],
  ['出让', 'sell'],
  // Work under way on an existing building: neither its start nor its completion.
  ['新改扩建', 'rebuild'],
  ['改扩建', 'rebuild'],
];
