import type { Detection } from '../model';

/** Placeholder until the detector lands: says no to everything. */
export function detectReport(_text: string, _hints: { title?: string; url?: string } = {}): Detection {
  return { isReport: false, score: 0, reasons: [] };
}
