/**
 * The engine on inputs built to hurt it (issue 9, item 14), through the CLI at 1×, 2× and 4× the
 * size: output stays under 300 bytes per input byte, and the command exits 0 or prints one line on
 * stderr. No timing here (benchmarks measure it: `npm run bench -- engine`); before the fixes these
 * inputs ran out of memory or wrote hundreds of megabytes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../cli/main';
import { PATHOLOGICAL } from '../pathological';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhibiao-patho-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => void (out += s), stderr: (s) => void (err += s), readStdin: async () => new Uint8Array(), cwd: dir });
  return { code, out, err };
}

describe('pathological input', () => {
  for (const p of PATHOLOGICAL) {
    it(`${p.name}: bounded output and a clean exit at 1×, 2× and 4×`, async () => {
      for (const k of [1, 2, 4]) {
        const input = p.make(p.size * k);
        writeFileSync(join(dir, p.file), input);
        const bytes = Buffer.byteLength(input);
        // JSON at every size (the largest output); CSV once.
        for (const format of k === 1 ? ['json', 'csv'] : ['json']) {
          const { code, out, err } = await run(['extract', p.file, '--format', format]);
          if (code === 0) expect(err).toBe('');
          else expect(err.trimEnd().split('\n')).toHaveLength(1);
          expect(Buffer.byteLength(out) / bytes, `${p.name} ${k}× ${format}`).toBeLessThan(300);
        }
      }
    }, 300_000);
  }

  it('links a plan of thousands of identical targets once: the first to the first review figure, the rest restate it', async () => {
    const p = PATHOLOGICAL.find((x) => x.file === 'growth.txt')!;
    writeFileSync(join(dir, p.file), p.make(p.size));
    const json = JSON.parse((await run(['extract', p.file])).out);
    const plan: { section: string; restates?: number }[] = json.figures.filter((f: { section: string }) => f.section === 'plan');
    expect(plan.length).toBeGreaterThan(300);
    const firstPlan = json.figures.findIndex((f: { section: string }) => f.section === 'plan');
    expect(plan.filter((f) => f.restates === undefined)).toHaveLength(1);
    expect(plan.slice(1).every((f) => f.restates === firstPlan)).toBe(true);
    const first = json.figures.findIndex((f: { section: string }) => f.section === 'review');
    expect(json.links).toEqual([expect.objectContaining({ from: first, to: firstPlan })]);
  }, 60_000);

  it('keeps every figure sentence an excerpt of at most 300 characters that holds the figure', async () => {
    const p = PATHOLOGICAL.find((x) => x.file === 'line.txt')!;
    const input = p.make(p.size);
    writeFileSync(join(dir, p.file), input);
    const json = JSON.parse((await run(['extract', p.file, '--with-text'])).out);
    expect(json.figures.length).toBeGreaterThan(500);
    for (const f of json.figures) {
      expect(f.sentence.length).toBeLessThanOrEqual(300);
      expect(f.sentence).toContain(f.text);
    }
  }, 60_000);
});
