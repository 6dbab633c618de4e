#!/usr/bin/env node
// Thin launcher: the CLI is compiled and bundled into build/cli/ (npm run build, run by `prepare`
// on install; see scripts/bundle-cli.ts).
// The V8 compile cache roughly halves start-up, which the pre-commit hook pays on every commit.
// validate-quick goes to the repository's warm daemon when one answers (see src/daemon/), and
// otherwise runs here and starts one for the next commit.
import module from 'node:module';
import { fileURLToPath } from 'node:url';

module.enableCompileCache?.();
const daemon = process.argv[2] === 'validate-quick' ? await import('../build/cli/client.js') : undefined;
const plan = daemon?.daemonPlan(process.argv, process.env, process.cwd());
const served = plan ? await daemon.askDaemon(plan, process.argv, process.env) : undefined;
if (served !== undefined) {
  process.exitCode = served;
} else {
  const { main } = await import('../build/cli/main.js');
  await main(process.argv);
  if (plan) await daemon.startDaemon(plan, fileURLToPath(import.meta.url));
}
