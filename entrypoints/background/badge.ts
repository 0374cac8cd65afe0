/**
 * The toolbar button's badge: on a tab whose page was indexed as a report, the number of targets
 * in it (the figures a reader comes for), in the target's colour. Tab-specific, so it goes when
 * the tab navigates or closes.
 */
import { browser } from 'wxt/browser';
import { KIND_META } from '../../lib/kinds';

/** The badge text for a request the background answered successfully (`value`), or null when it sets none. */
export function targetBadgeText(message: unknown, value: unknown): string | null {
  const m = message as { type?: unknown } | null;
  const v = value as { reportId?: unknown; analysis?: { figures?: unknown } } | null;
  // Only a page the index took as a report: a forced analysis of another page leaves the badge alone.
  if (m?.type !== 'index/analyse' || typeof v?.reportId !== 'string' || !Array.isArray(v.analysis?.figures)) return null;
  const targets = (v.analysis.figures as { kind?: unknown }[]).filter((f) => f?.kind === 'target').length;
  return targets > 0 ? String(Math.min(targets, 999)) : '';
}

export function showTargetBadge(tabId: number, text: string): void {
  // The toolbar button is an `action` in MV3 and a `browserAction` in Firefox's MV2.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  if (!action) return;
  void action.setBadgeBackgroundColor({ tabId, color: KIND_META.target.text.light }).catch(() => {});
  void action.setBadgeText({ tabId, text }).catch(() => {});
}
