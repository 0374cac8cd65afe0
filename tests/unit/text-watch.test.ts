// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchTextChanges } from '../../lib/page/text-watch';

const tick = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('watchTextChanges', () => {
  it('runs once after a burst of text changes settles', async () => {
    vi.useFakeTimers();
    const runs: number[] = [];
    const watch = watchTextChanges(document.body, () => runs.push(Date.now()), { quietMs: 100, maxWaitMs: 1000 });
    for (let i = 0; i < 5; i++) {
      document.body.appendChild(document.createElement('p')).textContent = `第${i}页`;
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(runs).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(120);
    expect(runs).toHaveLength(1);
    watch.stop();
  });

  it('runs within maxWait on a page that never stops changing', async () => {
    vi.useFakeTimers();
    let runs = 0;
    const p = document.body.appendChild(document.createElement('p'));
    p.textContent = '0';
    const watch = watchTextChanges(document.body, () => void runs++, { quietMs: 100, maxWaitMs: 300, runCostFactor: 0 });
    for (let i = 0; i < 20; i++) {
      (p.firstChild as Text).data = String(i + 1);
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(runs).toBeGreaterThanOrEqual(2);
    watch.stop();
  });

  it('ignores our own layer, attribute changes and empty elements', async () => {
    const own = document.body.appendChild(document.createElement('zhibiao-layer'));
    let runs = 0;
    const watch = watchTextChanges(document.body, () => void runs++, { quietMs: 10, ignore: (n) => n === own || own.contains(n) });
    own.appendChild(document.createElement('div')).textContent = '卡片';
    document.body.setAttribute('class', 'x');
    document.body.appendChild(document.createElement('div'));
    await new Promise((r) => setTimeout(r, 40));
    expect(runs).toBe(0);
    document.body.appendChild(document.createTextNode('新的文字'));
    await new Promise((r) => setTimeout(r, 40));
    expect(runs).toBe(1);
    watch.stop();
    document.body.appendChild(document.createTextNode('停止之后'));
    await new Promise((r) => setTimeout(r, 40));
    await tick();
    expect(runs).toBe(1);
  });

  it('spaces runs by their cost', async () => {
    vi.useFakeTimers();
    const starts: number[] = [];
    const watch = watchTextChanges(
      document.body,
      async () => {
        starts.push(Date.now());
        await new Promise((r) => setTimeout(r, 100)); // a run that takes 100 ms
      },
      { quietMs: 10, maxWaitMs: 10, runCostFactor: 5 },
    );
    document.body.appendChild(document.createTextNode('a'));
    await vi.advanceTimersByTimeAsync(200);
    document.body.appendChild(document.createTextNode('b'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(starts).toHaveLength(2);
    // The second run waits until 5 × 100 ms after the first ended.
    expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(600);
    watch.stop();
  });
});
