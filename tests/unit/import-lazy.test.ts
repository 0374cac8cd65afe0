// @vitest-environment jsdom
/**
 * The library's import and the popup's "Analyse this PDF" load their readers on first use
 * (components/import-lazy.ts): a file still arrives at the background as `import/text`, and a
 * reader that fails to load is one failed file, not an exception, and is tried again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackgroundClient } from '../../lib/messages';

afterEach(() => {
  vi.doUnmock('../../components/import-file');
  vi.resetModules();
});

function recordingClient() {
  const sent: { type: string; source?: string; text?: string }[] = [];
  const client = createBackgroundClient(async (m) => {
    sent.push(m as never);
    return { ok: true, value: { status: 'added', reportId: 'r1', figureCount: 2 } };
  });
  return { client, sent };
}

const textFile = (name: string, text: string) => {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.length, arrayBuffer: async () => bytes.buffer };
};

describe('lazyFileImporter', () => {
  it('reads a file with the readers it loads and hands its text to the background', async () => {
    const { lazyFileImporter } = await import('../../components/import-lazy');
    const { client, sent } = recordingClient();
    const result = await lazyFileImporter(client)(textFile('report.txt', '2024年政府工作报告\n国内生产总值增长5%左右。'));
    expect(result).toMatchObject({ name: 'report.txt', status: 'added', reportId: 'r1' });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'import/text', source: 'report.txt' });
    expect(sent[0].text).toContain('国内生产总值增长5%左右');
  });

  it('answers a file whose importer failed to load as failed, and loads it again for the next file', async () => {
    let loads = 0;
    vi.doMock('../../components/import-file', async (original) => {
      loads++;
      if (loads === 1) throw new Error('Failed to fetch dynamically imported module');
      return original();
    });
    const { lazyFileImporter } = await import('../../components/import-lazy');
    const { client, sent } = recordingClient();
    const importFile = lazyFileImporter(client);
    const first = await importFile(textFile('a.txt', '国内生产总值增长5%左右。'));
    expect(first).toMatchObject({ name: 'a.txt', status: 'failed' });
    // Vitest wraps the loader's error in its own words; a reason is given either way.
    expect(first.reason).toBeTruthy();
    expect(sent).toHaveLength(0);
    await expect(importFile(textFile('b.txt', '国内生产总值增长5%左右。'))).resolves.toMatchObject({ name: 'b.txt', status: 'added' });
  });
});
