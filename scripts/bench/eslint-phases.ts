// Times the phases of ESLint inside one process the way tollgate's eslint check drives it (the
// repository's own ESLint, `new ESLint({ cwd })`, `lintText` on staged content), and prints them
// as JSON. Run in a repository: `node scripts/bench/eslint-phases.ts <staged files…>`.
import { execFileSync } from 'node:child_process';
import module, { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ESLint as ESLintClass } from 'eslint';

module.enableCompileCache?.(); // as bin/tollgate.js does

const root = process.cwd();
const files = process.argv.slice(2);
if (files.length === 0) throw new Error('name the staged files to lint');
const texts = files.map((f) => execFileSync('git', ['show', `:${f}`], { cwd: root, encoding: 'utf8' }));
const phases: { phase: string; ms: number }[] = [];
let mark = performance.now();
const lap = (phase: string) => {
  const now = performance.now();
  phases.push({ phase, ms: now - mark });
  mark = now;
};

const requireFromRepo = createRequire(path.join(root, 'package.json'));
const { ESLint } = (await import(pathToFileURL(requireFromRepo.resolve('eslint')).href)) as { ESLint: typeof ESLintClass };
lap('import eslint');
const eslint = new ESLint({ cwd: root });
await eslint.calculateConfigForFile(path.join(root, files[0]!));
lap('load eslint.config.js (typescript-eslint) and normalise it');
await eslint.lintText(texts[0]!, { filePath: path.join(root, files[0]!) });
lap('lintText, first file (parser warm-up)');
for (let i = 1; i < files.length; i++) await eslint.lintText(texts[i]!, { filePath: path.join(root, files[i]!) });
lap(`lintText, ${files.length - 1} more file(s)`);
process.stdout.write(`${JSON.stringify(phases)}\n`);
