import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Preact enters through Vite: WXT has no Preact module, and @preact/preset-vite
// must share WXT's Vite (package.json pins vite@7 for that reason).
export default defineConfig({
  // ZHIBIAO_OUT_DIR lets parallel builds (end-to-end runs, benchmarks) keep their own output.
  outDir: process.env.ZHIBIAO_OUT_DIR ?? '.output',
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: 'Zhibiao 指标',
    description: 'Figures of government work reports, highlighted and compared across years, kept on your machine.',
    permissions: ['storage'],
  },
});
