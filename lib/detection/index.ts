/**
 * Is this text a government work report? `detectReport` weighs the evidence of lib/detection/signals;
 * `mayBeReport` is the cheap gate run on every page before anything else.
 */
import type { Detection } from '../model';
import { collectEvidence, type DetectionHints } from './signals';

export type { DetectionHints } from './signals';

/**
 * Points at which the score crosses 0.5. Three points is what a bare page of report register earns
 * (see signals.ts), and what a news article quoting targets cannot reach once its own wording counts.
 */
const THRESHOLD = 3;
/** Spread of the logistic: ±3 points around the threshold moves the score to about 0.12 / 0.88. */
const SPREAD = 1.5;

export function detectReport(text: string, hints: DetectionHints = {}): Detection {
  if (!text || !text.trim()) return { isReport: false, score: 0, reasons: ['empty text'] };
  const evidence = collectEvidence(text, hints);
  const points = evidence.reduce((sum, e) => sum + e.weight, 0);
  const score = Math.round(1000 / (1 + Math.exp(-(points - THRESHOLD) / SPREAD))) / 1000;
  const reasons = evidence.map((e) => `${e.weight > 0 ? '+' : ''}${round(e.weight)} ${e.reason}`);
  reasons.push(`total ${round(points)} points (threshold ${THRESHOLD})`);
  return { isReport: score >= 0.5, score, reasons };
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** How much of a page the cheap gate reads. */
const GATE_CHARS = 20000;

/**
 * A cheap first test on page text: true when the page might be a report and deserves a full
 * analysis. It must never reject a report, including one page of a paginated report that has
 * neither title nor headings: such a page still says 各位代表 or 今年 and carries the report's
 * commitments and targets, so the gate also accepts a few occurrences of that register.
 * False positives only cost one full analysis.
 */
export function mayBeReport(text: string): boolean {
  const head = text.length > GATE_CHARS ? text.slice(0, GATE_CHARS) : text;
  if (/政\s*府\s*工\s*作\s*报\s*告|工作回顾|各位代表|主要预期目标|向大会报告|人民代表大会/.test(head)) return true;
  // A page from inside a report: the government speaking of this year or last year in the first person.
  const register = (head.match(/今年|我们|一年来|过去一年|五年来|全年|比上年|同比|全省|全市|全区/g) ?? []).length;
  if (register >= 2) return true;
  // A page deep inside the task list may say none of those: it is still government prose, dense
  // with work verbs and the nouns of development (a policy notice passes too; the detector rejects it).
  const verbs = (head.match(/推进|推动|加快|深化|实施|加强|完善|健全|提升|促进|支持|打造|开展|建成|培育/g) ?? []).length;
  const nouns = (head.match(/发展|建设|改革|经济|产业|民生|服务|创新|项目|企业/g) ?? []).length;
  return verbs >= 5 && nouns >= 4;
}
