import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Two projects: `unit` runs the engine, storage and components in Node/jsdom;
// `e2e` drives real Chromium with the built extension loaded and runs one file at a time.
export default defineConfig({
  test: {
    // The second reporter says at the end how many tests skipped for want of the corpus.
    reporters: ['default', './tests/corpus-reporter.ts'],
    projects: [
      {
        plugins: [preact()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}', 'lib/**/*.test.{ts,tsx}', 'components/**/*.test.{ts,tsx}'],
          environment: 'node',
          // Corpus-wide tests take a few seconds alone and far longer on a busy shared machine.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/profiles-setup.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
