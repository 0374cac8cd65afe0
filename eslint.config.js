// ESLint (npm run lint): typescript-eslint's recommended rules without type information (fast
// enough to run on every change), and the engine's fence: the engine runs in Node, workers and
// content scripts alike, so it may not use extension APIs (dependency-cruiser checks its imports;
// this also catches WXT's auto-imported globals, which have no import to check).
import tseslint from 'typescript-eslint';

const ENGINE = ['lib/text/**', 'lib/detection/**', 'lib/report/**', 'lib/extraction/**', 'lib/linking/**', 'lib/model.ts', 'lib/analysis.ts'];

export default tseslint.config(
  { ignores: ['.output/', '.output-*/', '.wxt/', 'node_modules/', 'cli/dist/', 'test-artifacts/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore marks a binding kept on purpose: `const { id: _id, ...rest } = row` drops a field.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Tests and benchmarks forge malformed input on purpose (`{ ...row, id: 42 } as any`).
    files: ['tests/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', module: 'writable', require: 'readonly' },
    },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ENGINE,
    rules: {
      'no-restricted-globals': ['error', 'browser', 'chrome', 'document', 'window', 'indexedDB'],
      'no-restricted-imports': ['error', { patterns: ['wxt', 'wxt/*', '#imports', 'dexie', 'preact', 'preact/*', '@preact/*', 'node:*'] }],
    },
  },
);
