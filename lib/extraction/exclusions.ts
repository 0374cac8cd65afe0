/**
 * Numbers that are printed with digits but are not figures: dates, names and codes, ranks,
 * ordinals, list numbering, per-capita bases, ratios. Each rule looks only at the characters
 * right around the quantity, so it is cheap and its reason can be read off the text.
 */
import type { Quantity } from './numbers';

const ASCII_LETTER = /[A-Za-z]/;
const OPEN_QUOTES = new Set(['“', '"', '‘', '「', '『', '《', '〈']);
const CLOSE_QUOTES = new Set(['”', '"', '’', '」', '』', '》', '〉']);
/** Joiners of names and schedules: "5+1+X", "1+N", "7×24小时". */
const NAME_JOINERS = new Set(['+', '＋', '×', '*', '＊', '/', '·']);
/** Ratio colons ("4.0∶37.7∶58.3"): skipped as a whole — a ratio has no single value or unit. */
const RATIO_COLONS = new Set(['∶', ':', '：']);

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** The char before `at`, skipping spaces and line ends ("PM\n2.5"). */
function prevVisible(text: string, at: number): string {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\n' || text[i] === '\t')) i--;
  return i >= 0 ? text[i] : '';
}

/**
 * Why the quantity is not a figure, or null when it is one. `numeralEnd` is where the digits
 * stop (before 多/余, magnitude and unit).
 */
export function whyNotFigure(text: string, q: Quantity, numeralEnd: number): string | null {
  const before = text[q.start - 1] ?? '';
  const afterNumeral = text[numeralEnd] ?? '';
  const after = text[q.end] ?? '';

  // Codes and model names: C919, PM2.5, 5G, 3A级, T1.
  if (ASCII_LETTER.test(before) || (ASCII_LETTER.test(prevVisible(text, q.start)) && before === '\n')) return 'code';
  if (ASCII_LETTER.test(afterNumeral)) return 'code';
  if (NAME_JOINERS.has(before) || NAME_JOINERS.has(afterNumeral)) {
    // "微克/立方米" is a unit, read before we get here; a slash after the numeral is a name or a
    // fraction written as text ("1/3"), neither a figure.
    return 'name';
  }
  if (RATIO_COLONS.has(before) && isDigit(text[q.start - 2])) return 'ratio';
  if (RATIO_COLONS.has(afterNumeral) && isDigit(text[numeralEnd + 1])) return 'ratio';
  if (RATIO_COLONS.has(after) && isDigit(text[q.end + 1])) return 'ratio';

  // A number inside a short quoted phrase is part of a name: “12345”热线, “3461”体系, “27条”,
  // “3个100”, “科创100”, “渝味360碗”. Quoted figures are rare in reports; quoted names are common.
  if (insideShortQuote(text, q.start, q.end)) return 'name';

  // Footnote markers: "五张清单［3］" (full-width brackets fold to [ ] in normalisation).
  if ((before === '[' || before === '【') && (after === ']' || after === '】')) return 'footnote';

  // Service numbers: 12345便民热线, 12355热线.
  if (q.unit === '' && !q.magnitude && /^\d{4,}$/.test(q.numeral) && /^[^，。；、\n]{0,6}?(?:热线|专线)/.test(text.slice(q.end, q.end + 10))) {
    return 'name';
  }

  // Ordinals and ranks: 第十七届 / 第2批, 全球50强, 前10位.
  if (before === '第') return 'ordinal';
  // Annex and table numbers: 附件1, 附表2.
  if (/(?:附件|附表|附录)\s*$/.test(text.slice(Math.max(0, q.start - 3), q.start))) return 'numbering';
  if (after === '强' || afterNumeral === '强') return 'rank';
  if (before === '前' && (q.unit === '' || q.unit === '位' || q.unit === '名' || q.unit === '%' || q.unit === '‰')) return 'rank';
  // Places in a ranking and moves in it: "全国排名53位", "排名上升3位", "位次前移5位".
  if ((q.unit === '位' || q.unit === '名') && /(?:排名|排位|位次|名次)[^，。；]{0,12}$/.test(text.slice(Math.max(0, q.start - 20), q.start))) return 'rank';
  // Counted labels: "5大领域", "7大产业集群", "10大类" name a grouping, not an amount.
  if (q.unit === '' && !q.magnitude && after === '大' && /[\u4e00-\u9fff]/.test(text[q.end + 1] ?? '')) return 'name';

  // Anniversaries and versions: 成立75周年, 自贸区3.0版.
  if (q.unit === '周' && after === '年') return 'anniversary';
  if (after === '版' || afterNumeral === '版') return 'version';

  // Names with 号: 轨道交通23号线, 1号文件, and the list before one: "3、4号机组".
  if (afterNumeral === '号' || after === '号') return 'name';
  if (q.unit === '' && /^(?:[、和及至到~—－-]\d+)+号/.test(text.slice(q.end, q.end + 12))) return 'name';

  // Classes and specifications: "26兆瓦级海上风力发电机组", "10万吨级泊位".
  if (after === '级') return 'class';
  // Voltage classes: "750千伏输变电工程", "500千伏变电站".
  if (q.unit === '千伏' && /[\u4e00-\u9fff]/.test(after) && after !== '以') return 'class';
  // Versions written without 版: "扩大开放3.0方案", "数字政府2.0".
  if (q.unit === '' && !q.magnitude && /^\d+\.0$/.test(q.numeral) && /[\u4e00-\u9fff]/.test(after)) return 'version';
  // Reach named by travel time: "15分钟社区生活圈", "1小时通勤圈", "2小时交通圈".
  if ((q.unit === '分钟' || q.unit === '小时') && /^[^，。；、\n]{0,6}圈/.test(text.slice(q.end, q.end + 8))) return 'name';
  // Spans of time looked back over: "70年来", "10多年来".
  if (q.unit === '年' && after === '来') return 'duration';
  // Centuries: 21世纪.
  if (text.startsWith('世纪', q.end)) return 'date';

  // Dates: 2023年1月4日, 2021—2025年, 1—11月, 80年代.
  const isWhole = !q.numeral.includes('.') && !q.magnitude;
  if (isWhole && q.unit === '年') {
    if (q.value >= 1900 && q.value <= 2100) return 'date';
    if (after === '代') return 'date';
  }
  if (isWhole && q.unit === '' && (after === '月' || after === '日')) return 'date';
  if (isWhole && q.unit === '' && q.value >= 1900 && q.value <= 2100 && (q.valueMax === undefined || q.valueMax <= 2100)) {
    // A bare year ("〔2018〕", "2024—2025学年").
    return 'date';
  }
  if (isWhole && q.unit === '天' && before === '月') return 'date';

  // List numbering run into a year at a line start: "14.2025年10件民生实事" reads as 14.2025年.
  if (q.unit === '年' && /^\d{1,2}\.(?:19|20)\d\d$/.test(q.numeral) && !q.magnitude) {
    let i = q.start - 1;
    while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
    if (i < 0 || text[i] === '\n') return 'numbering';
  }

  // List numbering at a line start: "1.", "2、", "(3)".
  if (q.unit === '' && isWhole) {
    const atLineStart = (() => {
      let i = q.start - 1;
      while (i >= 0 && (text[i] === ' ' || text[i] === '(' || text[i] === '（')) i--;
      return i < 0 || text[i] === '\n';
    })();
    if (atLineStart && (after === '.' || after === '、' || after === ')' || after === '）')) return 'numbering';
    if ((before === '(' || before === '（') && (after === ')' || after === '）')) return 'numbering';
  }

  // The base of a per-capita rate ("每10万人近20张") is part of the metric, not a figure.
  if (before === '每') return 'per-capita base';

  return null;
}

/** Whether [start, end) sits inside a quoted phrase of at most a dozen characters with no clause
 * mark in it (a name), rather than in a quoted sentence. */
function insideShortQuote(text: string, start: number, end: number): boolean {
  let open = -1;
  for (let i = start - 1; i >= 0 && i >= start - 8; i--) {
    const c = text[i];
    if (OPEN_QUOTES.has(c)) {
      open = i;
      break;
    }
    if (CLOSE_QUOTES.has(c) || /[，。；：、,;:\n]/.test(c)) return false;
  }
  if (open < 0) return false;
  for (let i = end; i < text.length && i <= end + 8; i++) {
    const c = text[i];
    if (CLOSE_QUOTES.has(c)) return i - open <= 13;
    if (OPEN_QUOTES.has(c) || /[，。；：,;:\n]/.test(c)) return false;
  }
  return false;
}
