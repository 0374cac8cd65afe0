/**
 * The extension side of the views: typed clients over runtime/tabs messaging and page addresses.
 * Only extension pages import this; components take the clients as props.
 */
import { browser } from 'wxt/browser';
import { createBackgroundClient, createPageClient, type BackgroundClient, type PageClient } from '../lib/messages';
import { takeEarly } from './early-request';

/** A client of the background; a request the page's early script already sent is answered by that one (./early-request.ts). */
export function backgroundClient(): BackgroundClient {
  return createBackgroundClient((m) => takeEarly(m) ?? browser.runtime.sendMessage(m));
}

export function pageClient(tabId: number): PageClient {
  return createPageClient((m) => browser.tabs.sendMessage(tabId, m));
}

export function reportPageUrl(reportId: string): string {
  return `${browser.runtime.getURL('/report.html')}?id=${encodeURIComponent(reportId)}`;
}

export function notesPageUrl(): string {
  return browser.runtime.getURL('/notes.html');
}

export function libraryPageUrl(): string {
  return browser.runtime.getURL('/library.html');
}

export function regionsPageUrl(): string {
  return browser.runtime.getURL('/regions.html');
}
