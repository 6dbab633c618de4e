import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { colorAllowed } from '../reporters/color.ts';
import { failsAt } from '../reporters/counts.ts';
import { FORMATS, type Format } from '../reporters/reporter.ts';
import { writeReport } from '../reporters/write.ts';
import { ruleMetaFor } from '../rules/catalog-loader.ts';
import { UserError } from '../errors/user-error.ts';
import { validate } from '../validate.ts';
import { VERSION } from '../version.ts';
import { DEMO_FILES, type PlantedFile } from './payments-repo.ts';

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 'Demo', GIT_AUTHOR_EMAIL: 'demo@example.com', GIT_COMMITTER_NAME: 'Demo', GIT_COMMITTER_EMAIL: 'demo@example.com' } });
}

async function writeFiles(dir: string, files: readonly PlantedFile[]): Promise<void> {
  for (const file of files) {
    const abs = path.join(dir, file.path);
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, file.content);
    if (file.executable) await chmod(abs, 0o755);
  }
}

function commit(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, '-c', 'core.hooksPath=/dev/null', 'commit', '-q', '--no-verify', '-m', message);
}

/**
 * Writes the planted payments repository into `dir`: main, whose warnings are locked in a
 * warning-debt baseline, then a feature branch that adds more files (and new debt).
 */
export async function createDemoRepository(dir: string): Promise<void> {
  git(dir, 'init', '-q', '-b', 'main');
  await writeFiles(dir, DEMO_FILES.filter((f) => !f.onFeatureBranch));
  commit(dir, 'acme-payments: initial import');
  // planted: debt. main's warnings (all hygiene ones) go into .tollgate/debt.json, as
  // `tollgate debt update` would write it, so validate-all passes them and fails the new one.
  await validate({ cwd: dir, mode: 'all', checks: ['hygiene'], debt: { action: 'update', ci: false } });
  commit(dir, 'Lock the warning debt');
  git(dir, 'checkout', '-q', '-b', 'feature/refunds');
  await writeFiles(dir, DEMO_FILES.filter((f) => f.onFeatureBranch));
  commit(dir, 'Payouts');
}

/** `tollgate demo`: the main job on an embedded default, offline, in a temp directory. */
export async function runDemo(options: { keep: boolean; format: string }): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(options.format)) {
    throw new UserError(`--format must be one of ${FORMATS.join(', ')}; got "${options.format}"`);
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tollgate-demo-'));
  try {
    await createDemoRepository(dir);
    process.stderr.write(`tollgate demo: a payments repository with planted problems in ${dir}\n`);
    process.stderr.write('tollgate demo: running `tollgate validate-all` on it…\n\n');
    const result = await validate({ cwd: dir, mode: 'all' });
    const color = options.format === 'text' && colorAllowed({ env: process.env, isTTY: process.stdout.isTTY, toFile: false });
    const ruleMeta = await ruleMetaFor(options.format as Format, undefined);
    await writeReport(result.report, options.format as Format, { toolVersion: VERSION, color, failOn: result.config.failOn, ruleMeta, timings: true });
    const failed = failsAt(result.report.findings, result.config.failOn);
    process.stderr.write(`\ntollgate demo: ${result.report.findings.length} finding(s); a real gate would exit ${failed ? 1 : 0}. The demo itself exits 0.\n`);
    if (options.keep) process.stderr.write(`tollgate demo: kept ${dir}\n`);
    return 0;
  } finally {
    if (!options.keep) await rm(dir, { recursive: true, force: true });
  }
}
