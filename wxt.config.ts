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
    // The index lives in IndexedDB, which needs no permission. `unlimitedStorage` because it holds
    // the user's notes and library: without it the extension's origin has an ordinary quota and,
    // under disk pressure, best-effort storage that the browser may evict; with it Chrome neither
    // caps nor evicts it (it shows no install warning there). No host permissions, no `tabs`: the
    // popup finds the active tab's id with tabs.query and asks its content script (page/status),
    // which needs neither. The extension makes no network requests and loads no remote code.
    // `contextMenus`: "Zhibiao: highlight with note" on a selection (shows no install warning).
    // `storage`: the per-installation suffix of highlight names (lib/highlights/install-names.ts),
    // which pages must not be able to guess (no install warning either).
    permissions: ['unlimitedStorage', 'contextMenus', 'storage'],
    // Icons drawn by scripts/icons.ts (npm run icons); the toolbar button uses the same ones.
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' } },
    commands: {
      'annotate-selection': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Note on the selected text',
      },
    },
    browser_specific_settings: {
      gecko: {
        // Firefox needs a stable id for IndexedDB to survive restarts of a temporarily loaded add-on.
        id: 'zhibiao@zhibiao.example',
        strict_min_version: '115.0',
      },
    },
  },
});
