#!/usr/bin/env node
// `zhibiao` launcher: the CLI is TypeScript run through tsx (a dev dependency), so this works in
// a clone after `npm install` (npx zhibiao, npm link). A published package would need a compiled
// build instead; the project is private, so it ships none.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
await main(process.argv.slice(2));
