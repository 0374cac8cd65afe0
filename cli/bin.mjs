#!/usr/bin/env node
// `zhibiao` launcher: runs the bundle scripts/build-cli.mjs writes to cli/dist/ at `npm install`
// (plain Node, no TypeScript compiler at start-up). For development, `npm run -s cli …` runs the
// sources through tsx instead.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('./dist/main.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('zhibiao: the command is not built yet; run `npm run build:cli` in the project folder\n');
  process.exit(1);
}
const { main } = await import(bundle.href);
await main(process.argv.slice(2));
