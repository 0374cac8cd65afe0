/**
 * Which government a report speaks for, and at which level, from the lines every report opens with:
 * the meeting line ("在上海市徐汇区第十七届人民代表大会第三次会议上", "在第十四届全国人民代表大会…"),
 * the speaker line ("上海市徐汇区区长 钟晓咏", "国务院总理 李 强", "广东省省长 王伟中") and the title
 * ("2025年安徽省政府工作报告").
 */
import type { Level } from '../model';

/** Provincial-level units, so that a short name in a title ("广西") becomes the official one. */
const PROVINCES: ReadonlyArray<[short: string, full: string]> = [
  ['北京', '北京市'],
  ['天津', '天津市'],
  ['上海', '上海市'],
  ['重庆', '重庆市'],
  ['河北', '河北省'],
  ['山西', '山西省'],
  ['辽宁', '辽宁省'],
  ['吉林', '吉林省'],
  ['黑龙江', '黑龙江省'],
  ['江苏', '江苏省'],
  ['浙江', '浙江省'],
  ['安徽', '安徽省'],
  ['福建', '福建省'],
  ['江西', '江西省'],
  ['山东', '山东省'],
  ['河南', '河南省'],
  ['湖北', '湖北省'],
  ['湖南', '湖南省'],
  ['广东', '广东省'],
  ['海南', '海南省'],
  ['四川', '四川省'],
  ['贵州', '贵州省'],
  ['云南', '云南省'],
  ['陕西', '陕西省'],
  ['甘肃', '甘肃省'],
  ['青海', '青海省'],
  ['台湾', '台湾省'],
  ['内蒙古', '内蒙古自治区'],
  ['广西', '广西壮族自治区'],
  ['西藏', '西藏自治区'],
  ['宁夏', '宁夏回族自治区'],
  ['新疆', '新疆维吾尔自治区'],
];

const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);

/** Expands a provincial short name to its official name; leaves anything else as it is. */
export function officialRegionName(name: string): string {
  for (const [short, full] of PROVINCES) {
    if (name === short || name === full) return full;
    // "广西壮族自治区" is already full; "新疆自治区" is not a real name but appears in careless copies.
    if (name === short + '自治区') return full;
  }
  return name;
}

/**
 * The level of a named region: the nation; provinces, autonomous regions and the four
 * municipalities (`province`); cities, prefectures and leagues (`city`); a city's 区 (`district`);
 * 县, 自治县, 旗 and a 市 under a city or prefecture, a county-level city (`county`).
 */
export function levelOf(region: string): Level | null {
  if (region === '全国') return 'national';
  if (MUNICIPALITIES.has(region)) return 'province';
  if (PROVINCES.some(([, full]) => full === region)) return 'province';
  // Strip a leading province or municipality to see what the rest is ("江苏省苏州市", "上海市徐汇区").
  let rest = region;
  for (const [, full] of PROVINCES) {
    if (rest.startsWith(full) && rest.length > full.length) {
      rest = rest.slice(full.length);
      break;
    }
  }
  if (/(?:县|旗)$/.test(rest)) return 'county';
  // "苏州市昆山市", "恩施土家族苗族自治州利川市": a 市 inside a city or prefecture is county-level.
  if (/(?:市|州|盟|地区).+市$/.test(rest)) return 'county';
  if (/区$/.test(rest) && !/(?:自治区|地区)$/.test(rest)) return 'district';
  if (/(?:市|自治州|州|盟|地区)$/.test(rest)) return 'city';
  return null;
}

/** Removes spaces typed inside names ("李 强", "青海省第十四届 人民代表大会"). */
export function squeeze(s: string): string {
  return s.replace(/\s+/g, '');
}

// The region named in a meeting line: "在<region>第十七届人民代表大会…". The region is the Chinese
// run right before 第…届; the lookbehind-free form keeps it usable in every engine.
const MEETING = /(?:在|于)?([\u4e00-\u9fff]{2,24}?)第[一二三四五六七八九十]+\s*届\s*人\s*民\s*代\s*表\s*大\s*会/;
const NATIONAL_MEETING = /第[一二三四五六七八九十]+\s*届\s*全\s*国\s*人\s*民\s*代\s*表\s*大\s*会/;

// Speaker line: "<region>区长 钟晓咏", "广东省省长 王伟中", "<region>人民政府省长". The title word is
// matched last so "省长" in "广东省省长" is not eaten by the region.
const SPEAKER = /([\u4e00-\u9fff]{2,24}?)(?:人民政府)?(?:代理|代)?(省长|市长|区长|县长|州长|盟长|旗长|主席)/;

export interface RegionFinding {
  region: string;
  /** What the region was read from, for warnings and tests. */
  source: 'meeting' | 'speaker' | 'title' | 'national' | 'body';
}

/** Finds the region in the opening of a report (the caller passes the first couple of thousand characters). */
export function findRegion(head: string, titles: string[]): RegionFinding | null {
  // The meeting line is the most reliable: whichever congress is named first is the one addressed
  // (a provincial report may mention the national congress later on, never before its own).
  const national = NATIONAL_MEETING.exec(head);
  const meeting = MEETING.exec(head);
  const local = meeting ? cleanRegion(meeting[1]) : null;
  if (national && (!meeting || !local || national.index <= meeting.index)) return { region: '全国', source: 'national' };
  if (local) return { region: local, source: 'meeting' };
  // The State Council's report is spoken by the premier "on behalf of the State Council".
  if (/国务院总理|我代表国务院/.test(squeeze(head))) return { region: '全国', source: 'national' };
  for (const line of head.split('\n')) {
    const m = SPEAKER.exec(squeeze(line));
    if (!m) continue;
    const region = cleanRegion(m[1]);
    if (region) return { region, source: 'speaker' };
  }
  for (const title of titles) {
    const region = regionFromTitle(title);
    if (region) return { region, source: 'title' };
  }
  // The body's opening formula, when it names the government: "我代表临湖区人民政府，向大会报告工作".
  const opening = /我代表([\u4e00-\u9fff]{2,24}?)人民政府[，,]?\s*向大会/.exec(squeeze(head));
  const fromBody = opening ? cleanRegion(opening[1]) : null;
  if (fromBody) return { region: fromBody, source: 'body' };
  return null;
}

/** Cuts what precedes the region in a captured run ("日在", "日", "上午在") and checks it ends like a place. */
function cleanRegion(raw: string): string | null {
  let r = squeeze(raw);
  // Captures can start with the tail of a date or a verb: "4日在上海市徐汇区" → "上海市徐汇区".
  const at = Math.max(r.lastIndexOf('在'), r.lastIndexOf('日'));
  if (at >= 0) r = r.slice(at + 1);
  r = r.replace(/^(召开的|举行的|召开|举行)/, '');
  if (r.length < 2) return null;
  const official = officialRegionName(r);
  if (!/(省|市|区|县|州|盟|旗|地区)$/.test(official)) return null;
  return official;
}

/** "2025年安徽省政府工作报告", "2025年广西政府工作报告", "上海市徐汇区2023年政府工作报告" → the region. */
export function regionFromTitle(title: string): string | null {
  const t = squeeze(title);
  const m = /(?:\d{4}年)?([\u4e00-\u9fff]{2,20}?)(?:\d{4}年)?(?:人民)?政府工作报告/.exec(t);
  if (!m) return null;
  let name = m[1].replace(/^\d{4}年/, '');
  if (name === '国务院' || name === '中央') return '全国';
  name = officialRegionName(name);
  return /(省|市|区|县|州|盟|旗|地区)$/.test(name) ? name : null;
}
