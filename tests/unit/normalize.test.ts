import { describe, expect, it } from 'vitest';
import { normalizeText, toOriginalRange } from '../../lib/text/normalize';

describe('normalizeText', () => {
  it('folds full-width digits and percent signs one for one', () => {
    const n = normalizeText('增长５．２％');
    expect(n.text).toBe('增长5.2%');
    expect(n.toOriginal(2)).toBe(2);
  });

  it('drops zero-width spaces and maps offsets past them', () => {
    const original = '政府\u200b工作报告增长5%';
    const n = normalizeText(original);
    expect(n.text).toBe('政府工作报告增长5%');
    const at = n.text.indexOf('5%');
    const [s, e] = toOriginalRange(n, at, at + 2);
    expect(original.slice(s, e)).toBe('5%');
  });

  it('removes spaces a PDF conversion puts around numbers, keeps others', () => {
    const n = normalizeText('总量 5.67 万亿元, GDP growth');
    expect(n.text).toBe('总量5.67万亿元, GDP growth');
  });

  it('turns CRLF into LF', () => {
    expect(normalizeText('一\r\n二').text).toBe('一\n二');
  });

  it('joins lines a fixed-width layout broke inside words and numbers, and keeps paragraph ends', () => {
    const paragraph =
      '过去一年，全市地区生产总值增长5.3%，一般公共预算收入增长3.1%，城镇新增就业2.1万人，居民人均可支配收入增长5.6%。我们着力扩大有效投资，实施重点项目126个，完成投资318亿元，新增规模以上工业企业58家，高新技术企业达到412家。';
    const wrapped = (paragraph + '\n\n' + paragraph)
      .split('\n')
      .map((l) => l.match(/.{1,24}/g)?.join('\n') ?? l)
      .join('\n');
    const n = normalizeText(wrapped);
    expect(n.text).toBe(normalizeText(paragraph + '\n\n' + paragraph).text);
    const at = n.text.indexOf('318亿元');
    const [s, e] = toOriginalRange(n, at, at + '318亿元'.length);
    expect(wrapped.slice(s, e).replace(/\n/g, '')).toBe('318亿元');
  });

  it('leaves a ragged list with one item per line as it is', () => {
    const list = [
      '引入首店160家',
      '预计商品销售总额完成7695亿元',
      '新增跨国公司地区总部15家,累计外资总部及研发中心145家,位居中心城区第一',
      '年税收超亿元楼宇达60幢',
      '新增公共泊位4370个,公共充电桩599个',
      '启动52条景观道路建设',
      '全年共完成30公里架空线入地,完成量居全市第一',
      '实现4.6公里河道岸线贯通和景观提升',
      '空气质量指数优良率达90%',
      '新增各类绿地11.28公顷',
    ].join('\n');
    expect(normalizeText(list).text).toBe(list);
  });

  it('joins a number to its magnitude across a line break, but not a word that starts a line', () => {
    expect(normalizeText('总值达到74.4\n\u200b\n万亿元').text).toBe('总值达到74.4万亿元');
    expect(normalizeText('示范点12\n万众创新').text).toBe('示范点12\n万众创新');
  });
});
