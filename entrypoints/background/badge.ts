/**
 * The toolbar button's badge: on a tab whose page was indexed as a report, the number of targets
 * in it (the figures a reader comes for), in the target's colour. Tab-specific, so it goes when
 * the tab navigates or closes.
 */
import { browser } from 'wxt/browser';
import { KIND_META } from '../../lib/kinds';

/** The badge text for a message the background answered successfully, or null when it sets none. */
export function targetBadgeText(message: unknown): string | null {
  const m = message as { type?: unknown; analysis?: { figures?: unknown } } | null;
  if (!m || m.type !== 'index/report' || !Array.isArray(m.analysis?.figures)) return null;
  const targets = (m.analysis.figures as { kind?: unknown }[]).filter((f) => f?.kind === 'target').length;
  return targets > 0 ? String(Math.min(targets, 999)) : '';
}

export function showTargetBadge(tabId: number, text: string): void {
  // The toolbar button is an `action` in MV3 and a `browserAction` in Firefox's MV2.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  if (!action) return;
  void action.setBadgeBackgroundColor({ tabId, color: KIND_META.target.text.light }).catch(() => {});
  void action.setBadgeText({ tabId, text }).catch(() => {});
}
