import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ESLint as ESLintClass } from 'eslint';
import type { DraftFinding } from '../../findings/finding.ts';
import type { Check, CheckContext, CheckResult } from '../check.ts';
import { resolveRepositoryTool } from '../project/resolve-tool.ts';

const FLAT_CONFIGS = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];
const LINTABLE = /\.(?:[cm]?[jt]sx?)$/;

type EslintModule = { ESLint: typeof ESLintClass };

function toFindings(results: ESLintClass.LintResult[], root: string): DraftFinding[] {
  const findings: DraftFinding[] = [];
  for (const result of results) {
    const rel = path.relative(root, result.filePath).split(path.sep).join('/');
    for (const m of result.messages) {
      const ruleId = m.ruleId ? `eslint/${m.ruleId}` : m.fatal ? 'eslint/parse-error' : 'eslint/unknown';
      findings.push({
        checkId: 'eslint',
        ruleId,
        severity: m.severity === 2 || m.fatal ? 'error' : 'warning',
        message: m.message,
        location: {
          path: rel,
          line: m.line ?? 0,
          column: m.column ?? 0,
          ...(m.endLine === undefined ? {} : { endLine: m.endLine }),
          ...(m.endColumn === undefined ? {} : { endColumn: m.endColumn }),
        },
        ...(m.ruleId && !m.ruleId.includes('/') ? { help: `https://eslint.org/docs/latest/rules/${m.ruleId}` } : {}),
        ...(m.fix || m.suggestions?.length ? { fix: { description: m.fix ? 'eslint --fix can fix this' : (m.suggestions?.[0]?.desc ?? 'see the rule') } } : {}),
      });
    }
  }
  return findings;
}

/**
 * ESLint instances for validate-quick, kept while their config file is unchanged: building one
 * (loading the config, its plugins and parsers) costs more than linting five files, and the
 * validate-quick daemon serves commit after commit from one process. A few at most.
 */
const QUICK_INSTANCES = new Map<string, ESLintClass>();
const QUICK_INSTANCE_CAP = 4;

function quickInstance(root: string, ESLint: typeof ESLintClass, configFile: string): ESLintClass {
  const stat = statSync(path.join(root, configFile));
  const key = `${root}\0${configFile}\0${stat.mtimeMs}\0${stat.size}`;
  let eslint = QUICK_INSTANCES.get(key);
  if (!eslint) {
    for (const old of [...QUICK_INSTANCES.keys()].filter((k) => k.startsWith(`${root}\0`))) QUICK_INSTANCES.delete(old);
    if (QUICK_INSTANCES.size >= QUICK_INSTANCE_CAP) QUICK_INSTANCES.delete(QUICK_INSTANCES.keys().next().value!);
    eslint = new ESLint({ cwd: root, errorOnUnmatchedPattern: false });
    QUICK_INSTANCES.set(key, eslint);
  }
  return eslint;
}

/** The daemon's warm-up: load the repository's ESLint, its config and plugins before the first commit. */
export async function warmEslint(root: string): Promise<void> {
  const configFile = FLAT_CONFIGS.find((f) => existsSync(path.join(root, f)));
  if (!configFile) return;
  const tool = await resolveRepositoryTool<EslintModule>(root, 'eslint');
  if (!tool) return;
  // Linting a line loads what a commit's lint needs: the config, parsers, plugins and their rules.
  const eslint = quickInstance(root, tool.module.ESLint, configFile);
  for (const name of ['__tollgate_warm_up__.ts', '__tollgate_warm_up__.js']) {
    await eslint.lintText('export const warm = 1;\n', { filePath: path.join(root, 'src', name), warnIgnored: false });
  }
}

function supportsConcurrency(version: string | undefined): boolean {
  const [major = 0, minor = 0] = (version ?? '0.0').split('.').map(Number);
  return major > 9 || (major === 9 && minor >= 34);
}

async function run(context: CheckContext): Promise<CheckResult> {
  const root = context.repo.root;
  if (context.mode === 'quick' && !context.config.checks.eslint.quick) {
    return { findings: [], notes: ['skipped in validate-quick (checks.eslint.quick is false)'] };
  }
  const configFile = FLAT_CONFIGS.find((f) => existsSync(path.join(root, f)));
  if (!configFile) {
    return { findings: [], notes: ['no eslint.config.* at the repository root; ESLint not run'] };
  }
  const tool = await resolveRepositoryTool<EslintModule>(root, 'eslint');
  if (!tool) {
    return { findings: [], notes: ['ESLint is not installed in this repository (npm i -D eslint); ESLint not run'] };
  }
  // ESLint 9.34+ lints in worker threads when asked: the whole-repository run then uses every core.
  const parallel = context.mode === 'all' && supportsConcurrency(tool.version);
  const eslint =
    context.mode === 'quick'
      ? quickInstance(root, tool.module.ESLint, configFile)
      : new tool.module.ESLint({ cwd: root, errorOnUnmatchedPattern: false, ...(parallel ? { concurrency: 'auto' } : {}) });
  const notes = [`ESLint ${tool.version ?? ''} from the repository`.replace('  ', ' ')];
  if (context.mode === 'all') {
    context.progress('linting the repository');
    return { findings: toFindings(await eslint.lintFiles(['.']), root), notes };
  }
  const targets = context.files.filter((f) => LINTABLE.test(f.path));
  const results: ESLintClass.LintResult[] = [];
  for (const file of targets) {
    const abs = path.join(root, file.path);
    if (await eslint.isPathIgnored(abs)) continue;
    const content = await file.read();
    if (content === undefined) continue;
    // lintText on the bytes the check was given: in quick mode that is the staged content.
    results.push(...(await eslint.lintText(content.toString('utf8'), { filePath: abs, warnIgnored: false })));
  }
  return { findings: toFindings(results, root), notes };
}

export const eslintCheck: Check = {
  id: 'eslint',
  title: "ESLint with the repository's own config and version",
  run,
};
