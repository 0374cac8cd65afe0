/**
 * Lets the page's own tasks (input, rendering) run before ours goes on. The content script's
 * stages (its setup, the cheap check, the text index, serialising the HTML, placing the answer's
 * ranges, painting) are milliseconds to tens of milliseconds each on a long report, several times
 * that in a browser that has just started; run back to back they were long tasks (over 50 ms) on
 * a report page's first load that the page does not have without the extension.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
