/**
 * Indicator phrases (`metric`) of figures whose own words do not name the indicator: subjects
 * shared across a 分别 list, bare actions, running totals, attributes and comparisons that point
 * back at the figure before, and verbs whose object follows the unit.
 */
import { describe, expect, it } from 'vitest';
import { analyseReport } from '../../lib/analysis';

/** [text, metric, growth] of the figures of a one-paragraph review. */
function metrics(body: string): [string, string, boolean][] {
  const text = `一、2024年工作回顾\n${body}\n二、2025年主要任务\n今年将继续推进。\n`;
  return analyseReport(text).figures.map((f) => [f.text, f.metric, f.growth === true]);
}
const metricOf = (body: string, figure: string): string | undefined => metrics(body).find((m) => m[0] === figure)?.[1];

describe('subjects listed before 分别', () => {
  it('gives every subject the words printed once after the last one', () => {
    expect(metrics('城镇居民、农村居民人均可支配收入分别增长4.6%、6.7%。')).toEqual([
      ['4.6%', '城镇居民人均可支配收入增长', true],
      ['6.7%', '农村居民人均可支配收入增长', true],
    ]);
    expect(metrics('先进制造业、高技术制造业增加值分别增长9.1%、8.4%。').map((m) => m[1])).toEqual(['先进制造业增加值增长', '高技术制造业增加值增长']);
    expect(metrics('一、二、三产业增加值分别增长4%、5.3%、3.4%。').map((m) => m[1])).toEqual(['一产业增加值增长', '二产业增加值增长', '三产业增加值增长']);
  });

  it('leaves whole subjects whole', () => {
    expect(metrics('一般公共预算收入、税收收入分别增长3.1%、2.5%。').map((m) => m[1])).toEqual(['一般公共预算收入增长', '税收收入增长']);
    expect(metrics('进口、出口分别增长2%、3%。').map((m) => m[1])).toEqual(['进口增长', '出口增长']);
  });

  it('reads one subject compared two ways', () => {
    expect(metrics('商品房销售面积环比、同比分别增长51.3%、15.3%。').map((m) => m[1])).toEqual(['商品房销售面积环比增长', '商品房销售面积增长']);
  });

  it('takes the figures before as subjects when 分别 opens its clause, and the unit printed once', () => {
    expect(metrics('甲类产品占出口比重78.7%，乙类产品占出口比重62.6%，分别提高11.1、11.2个百分点。').slice(2)).toEqual([
      ['11.1', '甲类产品占出口比重提高', true],
      ['11.2个百分点', '乙类产品占出口比重提高', true],
    ]);
    const units = analyseReport('一、2024年工作回顾\n甲类产品占出口比重78.7%，乙类产品占出口比重62.6%，分别提高11.1、11.2个百分点。\n').figures.map(
      (f) => f.unit,
    );
    expect(units).toEqual(['%', '%', '个百分点', '个百分点']);
  });
});

describe('figures that point back at the figure before', () => {
  it('reads a change of an amount as a change of the previous indicator', () => {
    expect(metricOf('财政赤字2.38万亿元，比去年增加2000亿元。', '2000亿元')).toBe('财政赤字增加');
  });

  it('reads running totals, attributes and comparisons as those of the previous indicator', () => {
    expect(metricOf('新增全国重点实验室15家、总数达23家。', '23家')).toBe('全国重点实验室总数');
    expect(metricOf('新获批国家先进制造业集群4个，累计14个。', '14个')).toBe('国家先进制造业集群累计');
    expect(metricOf('实施省重点项目1000个，完成投资1万亿元。', '1万亿元')).toBe('省重点项目完成投资');
    expect(metricOf('争取两重项目136个、总投资2747亿元。', '2747亿元')).toBe('两重项目总投资');
    expect(metricOf('制造业技改投资增长20.4%、高于全国12.4个百分点。', '12.4个百分点')).toBe('制造业技改投资增长高于全国');
    expect(metricOf('新能源汽车产量增长43%、占全国18%。', '18%')).toBe('新能源汽车产量占全国');
  });

  it('keeps a total that names its own indicator', () => {
    expect(metricOf('新增托育机构20家，累计建成托位3000个。', '3000个')).toBe('累计建成托位');
  });

  it('does not borrow across different units for a running total', () => {
    expect(metricOf('新增规上企业535户，总数达到12%。', '12%')).not.toBe('规上企业总数');
  });
});

describe('phrases that are only an action', () => {
  it('takes the counted noun after the unit for combined actions', () => {
    expect(metricOf('布局建设76个国家区域医疗中心。', '76个')).toBe('布局建设国家区域医疗中心');
    expect(metricOf('扎实推进20项民生实事。', '20项')).toBe('扎实推进民生实事');
    expect(metricOf('新开通5条国际航线。', '5条')).toBe('新开通国际航线');
  });

  it('takes the noun of the clause before when nothing follows the unit', () => {
    expect(metricOf('设立省青年科学基金、首批立项513个。', '513个')).toBe('省青年科学基金首批立项');
    expect(metricOf('全年开工300万平方米、完工100万平方米。', '100万平方米')).toBe('完工');
    expect(metricOf('片区综合改造治理开工300万平方米、完工100万平方米。', '100万平方米')).toBe('片区综合改造治理完工');
  });

  it('reads 惠及 as a verb, with the clause before as its subject and the words after as its object', () => {
    expect(metricOf('改造城镇老旧小区5万个，惠及900多万家庭。', '900多万家庭')).toBe('改造城镇老旧小区惠及');
    expect(metricOf('建立重度残疾人护理补贴制度，惠及1100多万人。', '1100多万人')).toBe('重度残疾人护理补贴制度惠及');
    expect(metricOf('营养改善计划惠及3600多万农村学生。', '3600多万')).toBe('营养改善计划惠及农村学生');
  });

  it('drops an enumeration and a scope that open the phrase', () => {
    expect(metricOf('十一是维修农村供水工程1800处。', '1800处')).toBe('维修农村供水工程');
    expect(metricOf('全省范围内469个政务服务事项实现网上办理。', '469个')).toBe('政务服务事项实现网上办理');
  });
});

describe('units', () => {
  it('keeps a monthly or yearly amount a rate', () => {
    const units = analyseReport('一、2024年工作回顾\n城乡低保标准提高到740元/月和6818元/年。\n').figures.map((f) => f.unit);
    expect(units).toEqual(['元/月', '元/年']);
  });
});

describe('comparisons with last year, linking verbs and numbering', () => {
  const planMetrics = (body: string): [string, string, boolean][] =>
    analyseReport(`一、2024年工作回顾\n全年工作取得成效。\n二、2025年主要任务\n${body}\n`).figures.map((f) => [f.text, f.metric, f.growth === true]);

  it('reads a change against last year’s budget as a change of the indicator before', () => {
    expect(planMetrics('今年赤字率拟按2.6%安排，比去年预算低0.4个百分点。')).toEqual([
      ['2.6%', '赤字率', false],
      ['0.4个百分点', '赤字率低', true],
    ]);
    expect(planMetrics('赤字规模4.06万亿元，比上年年初预算增加1800亿元。')[1][1]).toBe('赤字规模增加');
  });

  it('drops a linking verb after the counted noun but keeps 达 of 下达', () => {
    // The age is no figure (lib/meaning/kinds.ts); it names whose number the 2.5亿 is.
    expect(planMetrics('我国60岁以上人口已达2.5亿。').map((m) => m[1])).toEqual(['60岁以上人口']);
    expect(metricOf('超额完成国家下达的110万人目标任务。', '110万人')).toBe('超额完成国家下达');
  });

  it('does not read list numbering run into a year as a figure', () => {
    const figures = analyseReport(
      '一、2024年工作回顾\n全年工作取得成效。\n二、2025年主要任务\n今年将继续推进。\n附件\n14.2025年10件民生实事：加大就业扶持力度。\n',
    ).figures;
    expect(figures.map((f) => [f.text, f.metric])).toEqual([['10件', '民生实事']]);
  });

  it('reads a deadline year outside the review and plan as a target cue', () => {
    const figures = analyseReport(
      '一、2024年工作回顾\n全年工作取得成效。\n二、2025年主要任务\n今年将继续推进。\n名词解释\n4.“先锋工程”：到2030年，布局20个左右重大专项。\n5.“数字工程”：现有重点园区12个。\n',
    ).figures;
    expect(figures.map((f) => [f.text, f.kind])).toEqual([
      ['20个左右', 'target'],
      ['12个', 'actual'],
    ]);
  });
});

describe('asides, prepositions and verbs after the unit', () => {
  it('reads through a short aside inside a word, before and after the number', () => {
    expect(metricOf('农村生活污水治理（管控）率达58%。', '58%')).toBe('农村生活污水治理率');
    expect(metricOf('全省12个县（市、区）入选国家县域商业领跑县。', '12个')).toBe('县入选国家县域商业领跑县');
  });

  it('keeps an aside that closes a clause a clause mark', () => {
    expect(metricOf('完成投资（含新开工项目），新建农村公路300公里。', '300公里')).toBe('新建农村公路');
  });

  it('drops 为 and 的 that open the phrase', () => {
    expect(metricOf('为企业减税降费1.3万亿元。', '1.3万亿元')).toBe('企业减税降费');
    // "税率" alone is a fragment: the meaning layer gives it what the 16% qualified.
    expect(metricOf('将制造业等行业现行16%的税率降至13%。', '13%')).toBe('制造业等行业现行税率');
    expect(metricOf('将现行16%的税率降至13%。', '13%')).toBe('现行税率');
  });

  it('takes the clause before as what reached the people a bare verb after the unit counts', () => {
    expect(metricOf('向低收入群众发放价格补贴，约6700万人受益。', '约6700万人')).toBe('价格补贴受益');
  });
});

describe('from–to pairs listed after 分别', () => {
  it('pairs each new value with its baseline and subject', () => {
    const figures = analyseReport(
      '一、2024年工作回顾\n全年工作取得成效。\n二、2025年主要任务\n困难残疾人生活补贴、重度残疾人护理补贴标准分别从每人每月202元、270元提高到209元、280元。\n',
    ).figures;
    expect(figures.map((f) => [f.text, f.kind, f.metric])).toEqual([
      ['202元', 'baseline', '困难残疾人生活补贴标准'],
      ['270元', 'baseline', '重度残疾人护理补贴标准'],
      ['209元', 'target', '困难残疾人生活补贴标准'],
      ['280元', 'target', '重度残疾人护理补贴标准'],
    ]);
  });
});

describe('lists of subjects without 分别', () => {
  it('pairs subjects with a run of changes printed right after the verb', () => {
    expect(metrics('新一代信息技术、高端装备产业增加值增长13.6%、9.8%。')).toEqual([
      ['13.6%', '新一代信息技术增加值增长', true],
      ['9.8%', '高端装备产业增加值增长', true],
    ]);
    expect(metrics('生产安全事故起数、死亡人数下降17.6%、11.6%。').map((m) => m[1])).toEqual(['生产安全事故起数下降', '死亡人数下降']);
  });

  it('leaves levels alone, and a run whose subjects do not pair up', () => {
    expect(metrics('高新技术企业达到3万家、3.2万家。').map((m) => m[1])).toEqual(['高新技术企业', '高新技术企业']);
    expect(metrics('工业投资增长5%、6%。').map((m) => m[1])).toEqual(['工业投资增长', '工业投资增长']);
  });

  it('completes a subject with the measure the last one ends with', () => {
    expect(metrics('家电、新能源汽车零售额分别增长23.9%、35.8%。').map((m) => m[1])).toEqual(['家电零售额增长', '新能源汽车零售额增长']);
  });

  it('reads 均 (both) as no part of the indicator, and 提高到 as a level', () => {
    expect(metricOf('接待游客、旅游总花费均增长10%以上。', '10%以上')).toBe('旅游总花费增长');
    expect(metrics('低保、特困人均月标准分别提高到1167元、1937元。').map((m) => m[1])).toEqual(['低保人均月标准', '特困人均月标准']);
  });
});

describe('measures and words that open with a noise word', () => {
  it('gives a bare measure the subject of the figure before', () => {
    expect(metricOf('粮食播种面积1266.6万亩、产量514.4万吨。', '514.4万吨')).toBe('粮食产量');
    expect(metricOf('粮食播种面积1570.5万亩、总产130亿斤。', '130亿斤')).toBe('粮食总产');
  });

  it('keeps 共同, 和美, 及时 whole', () => {
    expect(metricOf('和美乡村覆盖率达51.7%。', '51.7%')).toBe('和美乡村覆盖率');
    expect(metricOf('共同富裕领域国家改革试点7项。', '7项')).toBe('共同富裕领域国家改革试点');
    expect(metricOf('全年共建成口袋公园12个。', '12个')).toBe('建成口袋公园');
  });

  it('does not read a span looked back over as a figure', () => {
    expect(metrics('70年来，兵团发挥了重要作用，新增就业10万人。').map((m) => m[0])).toEqual(['10万人']);
  });
});

describe('verb and unit edges', () => {
  it('drops a whole 上升到 and reads 人口 as people', () => {
    expect(metricOf('科技进步贡献率上升到56.2%。', '56.2%')).toBe('科技进步贡献率');
    const figures = analyseReport('一、2024年工作回顾\n作为一个13亿多人口的发展中大国，就业稳定。\n').figures;
    expect(figures.map((f) => [f.text, f.unit, f.value])).toEqual([['13亿多人口', '人', 1.3e9]]);
  });
});

describe('levels after a change or an increment', () => {
  it('reads a level after a rate as the level of the indicator', () => {
    expect(metricOf('货邮吞吐量增长33%、突破100万吨。', '突破100万吨')).toBe('货邮吞吐量');
    expect(metricOf('经营主体新增105万户、突破920万户。', '突破920万户')).toBe('经营主体');
  });

  it('names a milestone figure after the clause before, not after 大关', () => {
    expect(metricOf('粮食总产量再上新台阶，突破1600亿斤大关。', '突破1600亿斤')).toBe('粮食总产量');
    expect(metricOf('地区生产总值增长6.1%、突破2万亿元大关。', '突破2万亿元')).toBe('地区生产总值');
  });

  it('does not read a voltage class as a figure', () => {
    expect(metrics('塔城至乌苏750千伏输变电工程开工，新建线路300公里。').map((m) => m[0])).toEqual(['300公里']);
  });
});

describe('per-person bases, 保持 and long phrases', () => {
  it('keeps a per-person base and drops the verb before it', () => {
    expect(metricOf('城乡居民医保补助标准提高到每人每年670元。', '670元')).toBe('城乡居民医保补助标准每人每年');
  });

  it('drops 保持 and 继续保持 before the number', () => {
    expect(metricOf('粮食产量继续保持500亿斤以上。', '500亿斤以上')).toBe('粮食产量');
    expect(metricOf('行政村清洁覆盖率保持100%。', '100%')).toBe('行政村清洁覆盖率');
  });

  it('starts a shortened long phrase at a word boundary', () => {
    const metric = metricOf('高水平开放扎实推进，亚洲唯一的专业货运机场鄂州花湖机场开通国际国内货线91条。', '91条') ?? '';
    expect(metric.startsWith('专业货运机场')).toBe(true);
    expect(metric.length).toBeLessThanOrEqual(24);
  });
});

describe('units printed once after a list', () => {
  it('gives every figure of a 分别 run the unit of the last when their magnitudes agree', () => {
    const figures = analyseReport('一、2024年工作回顾\n水土流失、荒漠化、沙化土地面积分别净减少10.6万、3.8万、3.3万平方公里。\n').figures;
    expect(figures.map((f) => [f.text, f.unit, f.metric])).toEqual([
      ['10.6万', '平方公里', '水土流失净减少'],
      ['3.8万', '平方公里', '荒漠化土地面积净减少'],
      ['3.3万平方公里', '平方公里', '沙化土地面积净减少'],
    ]);
    const mixed = analyseReport('一、2024年工作回顾\n甲、乙补贴分别提高3、5万元。\n').figures;
    expect(mixed[0].unit).toBe('');
  });
});

describe('a bare action that repeats an earlier verb', () => {
  it('takes the object that verb had earlier in the sentence', () => {
    const figures = analyseReport(
      '一、2024年工作回顾\n全年工作取得成效。\n二、2025年主要任务\n从今年开始拟连续几年发行超长期特别国债，专项用于国家重大战略实施和重点领域安全能力建设，今年先发行1万亿元。\n',
    ).figures;
    expect(figures.map((f) => f.metric)).toEqual(['超长期特别国债先发行']);
  });
});

describe('thresholds and codes', () => {
  it('lets a threshold figure qualify the noun the next figure counts', () => {
    expect(metricOf('新引进落地总投资10亿元以上项目102个。', '102个')).toBe('新引进落地总投资10亿元以上项目');
  });

  it('reads through a code after the unit, and takes 及以上 as a bound', () => {
    expect(metricOf('新增国家级5G工厂22家。', '22家')).toBe('新增国家级5G工厂');
    const figures = analyseReport('一、2024年工作回顾\n65岁及以上老年人健康管理率达到65%以上。\n').figures;
    // The age range is read with its 及以上 bound, then dropped as no figure (lib/meaning/kinds.ts).
    expect(figures.map((f) => [f.text, f.qualifier])).toEqual([['65%以上', '以上']]);
    expect(figures[0].metric).toBe('老年人健康管理率');
  });
});

describe('subjects of a measure and runs of years', () => {
  it('takes a measure’s subjects from the list or the run of figures in the clause before', () => {
    expect(metrics('整治节庆、论坛、展会，数量分别压减75%、95%、73%。').map((m) => m[1])).toEqual(['节庆数量压减', '论坛数量压减', '展会数量压减']);
    expect(metrics('地区总部、研发中心分别新认定60家和30家，累计分别达到1016家和591家。').map((m) => m[1])).toEqual([
      '地区总部',
      '研发中心',
      '地区总部累计',
      '研发中心累计',
    ]);
  });

  it('reads the total after a rate as the indicator’s level', () => {
    expect(metricOf('国内生产总值增长6.6%，总量突破90万亿元。', '突破90万亿元')).toBe('国内生产总值');
  });

  it('does not let a run of years cut the clause of the figure after it', () => {
    expect(metricOf('耕地面积连续4年净增累计超过170万亩。', '超过170万亩')).toBe('耕地面积净增累计');
    expect(metricOf('城镇新增就业连续5年超过90万人。', '超过90万人')).toBe('城镇新增就业');
  });

  it('strips leading actions of two characters but keeps nouns that open like one', () => {
    expect(metricOf('新开工装机600万千瓦，新投产300万千瓦。', '300万千瓦')).toBe('装机新投产');
    expect(metricOf('服务业增加值增长5%，总量达到3万亿元。', '3万亿元')).toBe('服务业增加值');
  });
});

describe('list items that share the action opening the list', () => {
  it('gives a bare noun item the action of the item before', () => {
    expect(metrics('改造老旧小区4000个以上、城市危旧房3万套、城中村10万户。').map((m) => m[1])).toEqual(['改造老旧小区', '改造城市危旧房', '改造城中村']);
  });

  it('leaves items that are amounts, totals or actions of their own', () => {
    expect(metricOf('接待游客3亿人次、旅游总花费3595亿元。', '3595亿元')).toBe('旅游总花费');
    expect(metricOf('新增省级境外经贸合作区1个、累计达8个。', '8个')).toBe('省级境外经贸合作区累计');
    expect(metricOf('制定政府规章2件、废止22件。', '22件')).toBe('政府规章废止');
  });

  it('drops a circled number that opens the phrase', () => {
    expect(metricOf('③培训乡村医生5000名。', '5000名')).toBe('培训乡村医生');
  });
});

describe('拥有 and changes before a count', () => {
  it('drops 拥有 whole', () => {
    expect(metricOf('拥有8个万亿元级产业集群。', '8个')).toBe('万亿元级产业集群');
  });

  it('gives a change word before a count the noun after it', () => {
    expect(metricOf('增加超350个行政村通双车道公路。', '超350个')).toBe('增加行政村通双车道公路');
  });
});

describe('an action after a list item with its own action', () => {
  it('drops the first item’s action with the 新 that opens it', () => {
    expect(metrics('既有多层住宅加装电梯新签约500台、新开工300台。').map((m) => m[1])).toEqual(['既有多层住宅加装电梯新签约', '既有多层住宅加装电梯新开工']);
  });
});

describe('target wording and 均 before the number', () => {
  it('drops 目标设定 and 预期目标 so the change word closes the phrase', () => {
    expect(metrics('经济增长目标设定为6%左右。')).toEqual([['6%左右', '经济增长', true]]);
  });

  it('drops a closing 均 but keeps 人均', () => {
    expect(metricOf('药品抽检合格率均超99%。', '超99%')).toBe('药品抽检合格率');
    expect(metricOf('居民人均8000元。', '8000元')).toBe('居民人均');
  });

  it('completes a subject with a shared 补助标准 and reads 再提高 as the change', () => {
    expect(metrics('居民医保和基本公共卫生服务经费人均财政补助标准分别再提高30元和5元。').map((m) => m[1])).toEqual([
      '居民医保人均财政补助标准再提高',
      '基本公共卫生服务经费人均财政补助标准再提高',
    ]);
  });
});

describe('longer asides', () => {
  it('reads through an aside of up to a dozen characters', () => {
    expect(metricOf('散居孤儿（含艾滋病病毒感染儿童）从每人每月1484元提高到1536元。', '1536元')).toBe('散居孤儿每人每月');
  });
});
