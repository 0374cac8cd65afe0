/**
 * A stylesheet of ours in the page's own document: `::highlight()` rules must live there (a rule
 * in our shadow root cannot reach the page's ranges). Nothing is added until `ensure()` (the first
 * paint), it carries no attribute or class of ours (a page must not learn which extension wrote
 * it), and it comes back if the page replaced its head.
 */
export interface PageSheet {
  ensure(): void;
  set(css: string): void;
  remove(): void;
  /** Whether a node is the sheet or inside it (so a watcher of page changes can pass over it). */
  owns(node: Node): boolean;
}

export function pageSheet(doc: Document, css: string): PageSheet {
  const style = doc.createElement('style');
  style.textContent = css;
  return {
    ensure() {
      if (!style.isConnected) (doc.head ?? doc.documentElement).appendChild(style);
    },
    set(next) {
      style.textContent = next;
    },
    remove: () => style.remove(),
    owns: (node) => node === style || style.contains(node),
  };
}
