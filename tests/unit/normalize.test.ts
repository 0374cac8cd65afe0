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
});
