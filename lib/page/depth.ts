/**
 * A guard before Readability. Real report pages nest 20–40 elements deep; Readability's scoring
 * walks the ancestors of every paragraph, so a page nested 1,000 deep kept it busy for 54 s (in
 * the reader's tab as in the CLI). Pages deeper than MAX_READABLE_DEPTH are read whole (the body
 * text), as a short or odd page is when Readability finds nothing.
 */
export const MAX_READABLE_DEPTH = 150;

/** Whether any element under `root` sits deeper than `limit`; stops at the first that does. */
export function nestedDeeperThan(root: Node, limit: number): boolean {
  const stack: [Node, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (let child = node.firstChild; child; child = child.nextSibling) if (child.nodeType === 1) stack.push([child, depth + 1]);
  }
  return false;
}
