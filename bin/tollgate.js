#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in build/ (npm run build, run by `prepare` on install).
// The V8 compile cache roughly halves start-up, which the pre-commit hook pays on every commit.
import module from 'node:module';

module.enableCompileCache?.();
const { main } = await import('../build/src/cli/main.js');
await main(process.argv);
