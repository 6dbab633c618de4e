#!/usr/bin/env node
// Run from source on Node 24 (types are stripped): `node src/cli/bin.ts`. The published bin is bin/tollgate.js.
import { main } from './main.ts';

await main(process.argv);
