import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { DEFAULT_KEYS, NOTE_COMMAND } from './lib/page/keys';
import { addInpageResources, buildInpage } from './scripts/build-inpage';

const GECKO = {
  // Firefox needs a stable id for IndexedDB to survive restarts of a temporarily loaded add-on.
  id: 'zhibiao@zhibiao.example',
  // 142: the CSS Custom Highlight API, which paints every figure and note, arrived in Firefox 140,
  // and Firefox for Android reads data_collection_permissions from 142.
  strict_min_version: '142.0',
  // Firefox asks add-ons to declare what they collect: nothing leaves the reader's machine.
  data_collection_permissions: { required: ['none'] },
};

// Preact enters through Vite: WXT has no Preact module, and @preact/preset-vite
// must share WXT's Vite (package.json pins vite@7 for that reason).
export default defineConfig({
  // ZHIBIAO_OUT_DIR lets parallel builds (end-to-end runs, benchmarks) keep their own output.
  outDir: process.env.ZHIBIAO_OUT_DIR ?? '.output',
  vite: () => ({
    plugins: [preact()],
    // linkedom (the background's DOM for Readability) parses stylesheets only when asked for a
    // <style>'s `sheet`, which nothing here does: its CSS parser stays out of the bundle.
    resolve: { alias: { 'cssomnom/parse': fileURLToPath(new URL('./entrypoints/background/no-stylesheets.ts', import.meta.url)) } },
  }),
  // The in-page modules that the content script loads (scripts/build-inpage.ts says why WXT does not build them).
  hooks: {
    'build:done': (wxt) => buildInpage(wxt.config.outDir),
    'build:manifestGenerated': (wxt, manifest) => addInpageResources(manifest, wxt.config.browser),
  },
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
    // which pages must not be able to guess; the reader's interface language, one setting read by
    // pages, content scripts and the background; and, in session storage, per tab, the last report
    // read, so that its next page takes its region and years (no install warning).
    // `activeTab`: after the reader clicks the toolbar button on a tab showing a PDF, the popup may
    // read that tab's address and fetch the PDF ("Analyse this PDF"): the one request Zhibiao ever
    // makes, only on that click. No install warning.
    permissions: ['unlimitedStorage', 'contextMenus', 'storage', 'activeTab'],
    // Icons drawn by scripts/icons.ts (npm run icons); the toolbar button uses the same ones.
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' } },
    // The keys (lib/page/keys.ts says why these): changeable at chrome://extensions/shortcuts.
    // Four suggested keys is the most a manifest may give.
    commands: {
      'next-figure': {
        suggested_key: { default: DEFAULT_KEYS.next.label, mac: DEFAULT_KEYS.next.mac },
        description: 'Next figure and its card',
      },
      'previous-figure': {
        suggested_key: { default: DEFAULT_KEYS.previous.label, mac: DEFAULT_KEYS.previous.mac },
        description: 'Previous figure and its card',
      },
      'toggle-card': {
        suggested_key: { default: DEFAULT_KEYS.toggle.label, mac: DEFAULT_KEYS.toggle.mac },
        description: "Open or close the current figure's card",
      },
      [NOTE_COMMAND]: {
        suggested_key: { default: DEFAULT_KEYS.note.label, mac: DEFAULT_KEYS.note.mac },
        description: 'Note on the selected text',
      },
    },
    // A variable, not a literal: WXT's manifest type does not know data_collection_permissions yet.
    browser_specific_settings: { gecko: GECKO },
  },
});
