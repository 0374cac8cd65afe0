/**
 * The kind table's colours for an extension page: `--kind-actual`… on :root (light and dark) and
 * one `.kind-<kind>` class each setting `--kind`, so views.css and notes.css never list a kind or
 * a colour of their own. Added once, before the first render.
 */
import { kindClassCss, kindColourCss } from '../lib/kinds';

function kindStylesheet(): string {
  return kindColourCss(':root') + kindClassCss('kind-');
}

export function addKindStyle(doc: Document): void {
  if (doc.querySelector('style[data-zhibiao-kinds]')) return;
  const style = doc.createElement('style');
  style.setAttribute('data-zhibiao-kinds', '');
  style.textContent = kindStylesheet();
  (doc.head ?? doc.documentElement).prepend(style);
}
