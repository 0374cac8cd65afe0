import { describe, expect, it } from 'vitest';
import { decodeBytes, declaredHtmlCharset, DecodingError, firstInvalidUtf8, looksLikeHtml } from '../../lib/decoding';

const hex = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'));
const utf8 = (s: string) => new TextEncoder().encode(s);

// "政府工作报告\n一、2022年工作回顾\n全年新增公租房供应2000套，同比增长5.5%。\n" in GBK, encoded once
// with iconv-lite (Node cannot encode GBK itself); the decoded string is compared below.
const GBK_TEXT = '政府工作报告\n一、2022年工作回顾\n全年新增公租房供应2000套，同比增长5.5%。\n';
const GBK_BYTES = hex(
  'd5feb8aeb9a4d7f7b1a8b8e60ad2bba1a232303232c4eab9a4d7f7bbd8b9cb0ac8abc4ead0c2d4f6b9abd7e2b7bfb9a9d3a632303030ccd7a3accdacb1c8d4f6b3a4352e3525a1a30a',
);

function failure(bytes: Uint8Array, declared?: string): DecodingError {
  try {
    decodeBytes(bytes, { declared });
  } catch (err) {
    expect(err).toBeInstanceOf(DecodingError);
    return err as DecodingError;
  }
  throw new Error('expected a DecodingError');
}

describe('decodeBytes', () => {
  it('reads plain UTF-8', () => {
    const r = decodeBytes(utf8('预计商品销售总额完成7695亿元'));
    expect(r).toEqual({ text: '预计商品销售总额完成7695亿元', encoding: 'utf-8', bom: false });
  });

  it('strips a UTF-8 BOM so offsets count from the first real character', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('增长5.5%')]);
    const r = decodeBytes(bytes);
    expect(r.bom).toBe(true);
    expect(r.text).toBe('增长5.5%');
    expect(r.text.indexOf('5.5%')).toBe(2);
  });

  it('reads UTF-16 LE and BE with their BOMs', () => {
    const s = '新增公租房供应2000套';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeBytes(le)).toEqual({ text: s, encoding: 'utf-16le', bom: true });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ text: s, encoding: 'utf-16be', bom: true });
  });

  it('detects GBK without being told', () => {
    const r = decodeBytes(GBK_BYTES);
    expect(r.encoding).toBe('gb18030');
    expect(r.text).toBe(GBK_TEXT);
  });

  it('reads GB18030 four-byte sequences (characters outside GBK)', () => {
    // U+20000 (𠀀) is 95 32 82 36 in GB18030, followed by "年".
    const r = decodeBytes(hex('95328236c4ea'));
    expect(r.text).toBe('\u{20000}年');
  });

  it('reads UTF-8 as UTF-8 even when a page declares gb2312 (UTF-8 Chinese is often valid GB18030)', () => {
    expect(decodeBytes(GBK_BYTES, { declared: 'gb2312' }).text).toBe(GBK_TEXT);
    // These UTF-8 bytes decode as GB18030 too ("鏀垮簻…"): trying the declaration first would be wrong.
    expect(new TextDecoder('gb18030', { fatal: true }).decode(utf8('政府工作报告'))).not.toBe('政府工作报告');
    const lying = utf8('政府工作报告');
    const r = decodeBytes(lying, { declared: 'GB2312' });
    expect(r.text).toBe('政府工作报告');
  });

  it('refuses empty and blank input', () => {
    expect(failure(new Uint8Array()).reason).toBe('empty');
    expect(failure(new Uint8Array()).message).toBe('file is empty');
    expect(failure(utf8(' \n\t\u3000\n')).reason).toBe('blank');
    expect(failure(new Uint8Array([0xef, 0xbb, 0xbf])).reason).toBe('blank');
  });

  it('refuses binary input with NUL bytes, naming the offset', () => {
    const err = failure(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]));
    expect(err.reason).toBe('binary');
    expect(err.message).toContain('offset 7');
  });

  it('refuses binary input without NULs that GB18030 would otherwise accept', () => {
    // Control bytes every few bytes: decodable as GB18030, but no text file looks like this.
    const bytes = new Uint8Array(400);
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 4 === 0 ? 0x01 + (i % 7) : 0x41 + (i % 26);
    expect(failure(bytes).reason).toBe('binary');
  });

  it('says which encodings it tried when nothing fits', () => {
    // 0x80 alone is invalid UTF-8 and invalid GB18030; 0xff too.
    const err = failure(new Uint8Array([0x41, 0x42, 0x80, 0xff, 0x43]));
    expect(err.reason).toBe('unknown-encoding');
    expect(err.message).toMatch(/UTF-8.*0x80 at offset 2.*GBK\/GB18030/);
  });

  it('reports a UTF-8 BOM on bytes that are not UTF-8', () => {
    const err = failure(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xc3]));
    expect(err.reason).toBe('unknown-encoding');
    expect(err.message).toContain('byte-order mark');
  });

  it('honours another declared charset only when UTF-8 and GB18030 fail', () => {
    // Big5 for "年" is A6 7E, which is also valid GBK (another character), so GB18030 wins...
    expect(decodeBytes(hex('a67e'), { declared: 'big5' }).encoding).toBe('gb18030');
    // ...while bytes GB18030 rejects (0x80) fall to the declared windows-1252 (0x80 = €).
    expect(decodeBytes(hex('3130803031'), { declared: 'windows-1252' }).text).toBe('10€01');
  });
});

describe('firstInvalidUtf8', () => {
  it('finds the first bad byte, and -1 for valid text', () => {
    expect(firstInvalidUtf8(utf8('增长5%'))).toBe(-1);
    expect(firstInvalidUtf8(GBK_BYTES)).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xe5, 0xa2]))).toBe(1); // truncated
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0x80]))).toBe(0); // overlong
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
  });
});

describe('declaredHtmlCharset and looksLikeHtml', () => {
  it('reads <meta charset> and http-equiv declarations', () => {
    expect(declaredHtmlCharset(utf8('<html><head><meta charset="GB2312"><title>x</title>'))).toBe('gb2312');
    expect(declaredHtmlCharset(utf8('<meta http-equiv="Content-Type" content="text/html; charset=gbk">'))).toBe('gbk');
    expect(declaredHtmlCharset(utf8('<html><head><title>无声明</title></head>'))).toBeNull();
  });

  it('tells HTML from text by its start', () => {
    expect(looksLikeHtml(utf8('  <!DOCTYPE html><html>'))).toBe(true);
    expect(looksLikeHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<html lang="zh">')]))).toBe(true);
    expect(looksLikeHtml(utf8('政府工作报告 <b>不是</b>'))).toBe(false);
  });
});
