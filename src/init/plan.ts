import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import tollgatePackage from '../../package.json' with { type: 'json' };
import { CONFIG_FILES } from '../config/load.ts';
import { UserError } from '../errors/user-error.ts';
import { Repo } from '../git/repo.ts';
import { VERSION } from '../version.ts';
import {
  hookFileNotes,
  LINT_STAGED_COMMAND,
  mergeHookScript,
  mergePrepareScript,
  missingCommands,
  VALIDATE_ALL_COMMAND,
  VALIDATE_QUICK_COMMAND,
  type HookCommand,
} from './husky-hooks.ts';
import { detectJsonStyle, insertKey, isJsonObject, parseJson, stringifyJson, type JsonObject } from './json-style.ts';
import { addYamlTasks, decideLintStagedTasks, ESLINT_TASK, findLintStagedConfig, runsEslint, type LintStagedSource } from './lint-staged-config.ts';
import { gateWorkflow, GATE_JOB_NAME, STARTER_CONFIG_FILE, starterConfig, WORKFLOW_FILE } from './templates.ts';
import { detectSteps, type SuggestedStep } from '../steps/detect.ts';

export type FileStatus = 'created' | 'updated' | 'unchanged' | 'skipped';

/** What `tollgate init` does (or would do) to one file. */
export interface FileAction {
  /** Repository-relative POSIX path. */
  path: string;
  status: FileStatus;
  /** Current content, when the file exists. */
  before: string | undefined;
  /** Content to write, for created and updated files. */
  after: string | undefined;
  /** Short phrases: what changes, or why the file is left alone. */
  details: string[];
}

export interface InitPlan {
  root: string;
  files: FileAction[];
  /** Things the user should know: what was not done and why, setups to migrate. */
  notes: string[];
  /** Commands and clicks left to the user, in order. */
  nextSteps: string[];
}

const ESLINT_CONFIG_FILES = [
  'eslint.config.js',
  'eslint.config.mjs',
  'eslint.config.cjs',
  'eslint.config.ts',
  'eslint.config.mts',
  'eslint.config.cts',
  '.eslintrc',
  '.eslintrc.js',
  '.eslintrc.cjs',
  '.eslintrc.json',
  '.eslintrc.yaml',
  '.eslintrc.yml',
];

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function dependsOn(pkg: JsonObject, name: string): boolean {
  return DEPENDENCY_FIELDS.some((field) => {
    const deps = pkg[field];
    return isJsonObject(deps) && name in deps;
  });
}

function hasEslint(root: string, pkg: JsonObject): boolean {
  return dependsOn(pkg, 'eslint') || pkg.eslintConfig !== undefined || ESLINT_CONFIG_FILES.some((f) => existsSync(path.join(root, f)));
}

/** The version ranges tollgate itself is tested with. */
function devDependencyRange(name: 'husky' | 'lint-staged' | 'tollgate'): string {
  if (name === 'tollgate') return `^${VERSION}`;
  return tollgatePackage.devDependencies[name];
}

function packageManager(root: string): { name: string; install: string } {
  if (existsSync(path.join(root, 'pnpm-lock.yaml'))) return { name: 'pnpm', install: 'pnpm install' };
  if (existsSync(path.join(root, 'yarn.lock'))) return { name: 'yarn', install: 'yarn install' };
  if (existsSync(path.join(root, 'bun.lock')) || existsSync(path.join(root, 'bun.lockb'))) return { name: 'bun', install: 'bun install' };
  return { name: 'npm', install: 'npm install' };
}

interface GitFacts {
  root: string;
  /** The default branch, for the workflow's push trigger. */
  branch: string;
  current: string | undefined;
  hooksPath: string | undefined;
}

async function gitFacts(cwd: string): Promise<GitFacts> {
  const repo = await Repo.open(cwd);
  try {
    const fromRemote = (await repo.defaultBranch())?.replace(/^origin\//, '');
    const current = await repo.currentBranch();
    const branch = fromRemote ?? current ?? 'main';
    let hooksPath: string | undefined;
    try {
      hooksPath = (await repo.git.raw(['config', '--get', 'core.hooksPath'])).trim() || undefined;
    } catch {
      hooksPath = undefined;
    }
    return { root: repo.root, branch, current, hooksPath };
  } finally {
    repo.close();
  }
}

async function readPackageJson(root: string, cwd: string): Promise<{ text: string; pkg: JsonObject }> {
  const file = path.join(root, 'package.json');
  const text = await readText(file);
  if (text === undefined) {
    const here = path.resolve(cwd) !== root && existsSync(path.join(cwd, 'package.json')) ? ` (${path.join(cwd, 'package.json')} is in a subdirectory: husky needs package.json next to .git)` : '';
    throw new UserError(`No package.json at the repository root ${root}${here}. tollgate init sets up husky and lint-staged, which live in package.json: run \`npm init -y\` there first.`, { file });
  }
  let pkg: unknown;
  try {
    pkg = parseJson(text);
  } catch (error) {
    throw new UserError(`Could not parse package.json: ${error instanceof Error ? error.message : String(error)}. Fix it and run tollgate init again.`, { file, cause: error });
  }
  if (!isJsonObject(pkg)) throw new UserError('package.json must hold a JSON object; tollgate init did not change anything.', { file });
  return { text, pkg };
}

function fileAction(relPath: string, before: string | undefined, after: string, details: string[]): FileAction {
  if (before === undefined) return { path: relPath, status: 'created', before, after, details };
  if (before === after) return { path: relPath, status: 'unchanged', before, after: undefined, details: [] };
  return { path: relPath, status: 'updated', before, after, details };
}

/** Edits collected for package.json, written once at the end. */
class PackageJsonEdit {
  pkg: JsonObject;
  readonly details: string[] = [];
  readonly addedDevDependencies: string[] = [];

  constructor(pkg: JsonObject) {
    this.pkg = pkg;
  }

  setIn(field: string, key: string, value: string, detail: string): void {
    const current = this.pkg[field];
    if (current !== undefined && !isJsonObject(current)) {
      throw new UserError(`package.json "${field}" must be an object; found ${JSON.stringify(current)}. Fix it and run tollgate init again.`, { file: 'package.json' });
    }
    // a new field goes at the end; existing keys keep their order
    this.pkg = { ...this.pkg, [field]: insertKey(current ?? {}, key, value, (DEPENDENCY_FIELDS as readonly string[]).includes(field)) };
    this.details.push(detail);
  }

  replaceField(field: string, value: unknown, ...details: string[]): void {
    this.pkg = { ...this.pkg, [field]: value };
    this.details.push(...details);
  }
}

interface LintStagedPlan {
  /** Whether the pre-commit hook should run lint-staged. */
  used: boolean;
  /** Whether a lint-staged task runs ESLint (after the merge), so validate-quick need not. */
  runsEslint: boolean;
  file: FileAction | undefined;
  notes: string[];
}

function planLintStaged(source: LintStagedSource, eslint: boolean, edit: PackageJsonEdit): LintStagedPlan {
  const wanted: Record<string, string> = eslint ? { [ESLINT_TASK.glob]: ESLINT_TASK.command } : {};
  const added = (add: Record<string, string>) => Object.entries(add).map(([glob, command]) => `+ "${glob}": "${command}"`);
  switch (source.kind) {
    case 'none': {
      if (!eslint) {
        return {
          used: false,
          runsEslint: false,
          file: undefined,
          notes: [
            'lint-staged: not set up. The repository has no ESLint and no lint-staged config, and lint-staged fails without a task. ' +
              '`tollgate validate-quick` still runs on every commit; add ESLint (or a lint-staged config) and run `tollgate init` again to get `eslint --fix` on staged files.',
          ],
        };
      }
      edit.replaceField('lint-staged', { ...wanted }, `lint-staged: "${ESLINT_TASK.glob}": "${ESLINT_TASK.command}"`);
      return { used: true, runsEslint: true, file: undefined, notes: [] };
    }
    case 'package-json': {
      const decision = decideLintStagedTasks('package.json "lint-staged"', source.config, wanted);
      if (Object.keys(decision.add).length === 0 || !isJsonObject(source.config)) {
        return { used: true, runsEslint: runsEslint(source.config), file: undefined, notes: decision.notes };
      }
      const merged = { ...source.config, ...decision.add };
      edit.replaceField('lint-staged', merged, ...added(decision.add).map((d) => `lint-staged: ${d}`));
      return { used: true, runsEslint: runsEslint(merged), file: undefined, notes: decision.notes };
    }
    case 'json': {
      const decision = decideLintStagedTasks(source.file, source.config, wanted);
      if (Object.keys(decision.add).length === 0 || !isJsonObject(source.config)) {
        return { used: true, runsEslint: runsEslint(source.config), file: fileAction(source.file, source.text, source.text, []), notes: decision.notes };
      }
      const merged = { ...source.config, ...decision.add };
      const after = stringifyJson(merged, detectJsonStyle(source.text));
      return { used: true, runsEslint: runsEslint(merged), file: fileAction(source.file, source.text, after, added(decision.add)), notes: decision.notes };
    }
    case 'yaml': {
      const decision = decideLintStagedTasks(source.file, source.config ?? {}, wanted);
      const after = Object.keys(decision.add).length > 0 ? addYamlTasks(source.text, decision.add) : source.text;
      const merged = isJsonObject(source.config) ? { ...source.config, ...decision.add } : decision.add;
      return { used: true, runsEslint: runsEslint(merged), file: fileAction(source.file, source.text, after, added(decision.add)), notes: decision.notes };
    }
    case 'unsupported': {
      const notes = [`lint-staged config ${source.file} is left as it is (tollgate does not rewrite code or package.yaml).`];
      if (eslint) notes[0] += ` If it does not run ESLint yet, add "${ESLINT_TASK.glob}": "${ESLINT_TASK.command}" yourself.`;
      const file: FileAction = { path: source.file, status: 'skipped', before: undefined, after: undefined, details: ['code config; not edited'] };
      return { used: true, runsEslint: false, file, notes };
    }
  }
}

function otherHookManagerNotes(root: string, pkg: JsonObject, hooksPath: string | undefined, huskyHooksPath: string): string[] {
  const notes: string[] = [];
  const husky = pkg.husky;
  if (isJsonObject(husky) && husky.hooks !== undefined) {
    notes.push('package.json has a husky 4 "husky.hooks" block; husky 9 ignores it. Move each command into .husky/<hook> and delete the block (see "Migrating from plain husky + lint-staged" in the README).');
  }
  for (const file of ['.huskyrc', '.huskyrc.json', '.huskyrc.js', 'husky.config.js']) {
    if (existsSync(path.join(root, file))) notes.push(`${file} is a husky 4 config; husky 9 ignores it. Move its hooks into .husky/<hook> files and delete it.`);
  }
  for (const file of ['lefthook.yml', '.lefthook.yml', '.pre-commit-config.yaml']) {
    if (existsSync(path.join(root, file))) notes.push(`${file} belongs to another hook manager; husky and it both want core.hooksPath, so keep only one.`);
  }
  if (pkg['simple-git-hooks'] !== undefined) notes.push('package.json configures simple-git-hooks; keep only one hook manager (husky or simple-git-hooks).');
  // husky ≤ 8 pointed core.hooksPath at the hooks directory itself; husky 9 keeps running those hooks
  const huskyLayouts = [huskyHooksPath, `${huskyHooksPath}/`, huskyHooksPath.replace(/\/_$/, '')];
  if (hooksPath !== undefined && !huskyLayouts.includes(hooksPath)) {
    notes.push(`git config core.hooksPath is "${hooksPath}" now; husky will set it to "${huskyHooksPath}" on the next install, so hooks in "${hooksPath}" will stop running.`);
  }
  return notes;
}

/**
 * The starter config, or nothing when a config exists. Command steps found in the scripts are
 * offered switched off: in the starter config, or in a note when the config has no steps yet.
 */
async function planTollgateConfig(root: string, pkg: JsonObject, lintStagedRunsEslint: boolean, steps: SuggestedStep[]): Promise<{ action: FileAction; notes: string[] }> {
  const names = steps.map((s) => s.name).join(', ');
  const offer = (where: string) => [
    `package.json scripts suggest command steps (${names}). Add them under "steps" in ${where} to run them in validate-all beside the checks (see "Command steps" in the README):` +
      steps.map(({ enabled: _off, ...step }) => `\n      ${JSON.stringify(step)}`).join(','),
  ];
  if (pkg.tollgate !== undefined) {
    const notes = steps.length > 0 && !(isJsonObject(pkg.tollgate) && pkg.tollgate.steps !== undefined) ? offer('the "tollgate" key of package.json') : [];
    return { action: { path: STARTER_CONFIG_FILE, status: 'skipped', before: undefined, after: undefined, details: ['package.json already has a "tollgate" config'] }, notes };
  }
  for (const name of CONFIG_FILES) {
    if (name === 'package.json') continue;
    const text = await readText(path.join(root, name));
    if (text === undefined) continue;
    const notes = steps.length > 0 && !/\bsteps\b/.test(text) ? offer(name) : [];
    if (name === STARTER_CONFIG_FILE) return { action: fileAction(name, text, text, []), notes };
    return { action: { path: STARTER_CONFIG_FILE, status: 'skipped', before: undefined, after: undefined, details: [`tollgate config already in ${name}`] }, notes };
  }
  const details = [lintStagedRunsEslint ? 'starter config; checks.eslint.quick is false because lint-staged runs ESLint' : 'starter config'];
  if (steps.length > 0) details.push(`steps ${names} from package.json scripts, "enabled": false`);
  const notes =
    steps.length > 0
      ? [`${STARTER_CONFIG_FILE} lists command steps found in package.json scripts (${names}), switched off: set "enabled": true on the ones validate-all should run beside the checks.`]
      : [];
  return { action: fileAction(STARTER_CONFIG_FILE, undefined, starterConfig({ lintStagedRunsEslint, steps }), details), notes };
}

async function planHook(root: string, relPath: string, commands: HookCommand[]): Promise<{ action: FileAction; notes: string[] }> {
  const before = await readText(path.join(root, relPath));
  const after = mergeHookScript(before, commands);
  const details = missingCommands(before, commands).map((c) => `+ ${c.line}`);
  return { action: fileAction(relPath, before, after, details), notes: hookFileNotes(relPath, before) };
}

/**
 * Works out everything `tollgate init` would create or change in the repository at `cwd`,
 * reading only. `applyPlan` writes it; `renderPlan` describes it.
 */
export async function planInit(cwd: string): Promise<InitPlan> {
  const { root, branch, current, hooksPath } = await gitFacts(cwd);
  const { text: pkgText, pkg } = await readPackageJson(root, cwd);
  const notes: string[] = [];
  const edit = new PackageJsonEdit(pkg);

  // lint-staged first: whether it is used decides the devDependency and the pre-commit line.
  const lintStaged = planLintStaged(await findLintStagedConfig(root, pkg), hasEslint(root, pkg), edit);
  notes.push(...lintStaged.notes);

  // husky: the prepare script decides where the hooks live.
  const scripts = pkg.scripts;
  const existingPrepare = isJsonObject(scripts) && typeof scripts.prepare === 'string' ? scripts.prepare : undefined;
  const prepare = mergePrepareScript(existingPrepare);
  notes.push(...prepare.notes);
  if (prepare.script !== existingPrepare) {
    edit.setIn('scripts', 'prepare', prepare.script, existingPrepare === undefined ? 'scripts.prepare: "husky"' : `scripts.prepare: "${prepare.script}"`);
  }

  const wantedDeps = ['husky', ...(lintStaged.used ? ['lint-staged' as const] : []), 'tollgate'] as const;
  for (const name of wantedDeps) {
    if (name === 'tollgate' && pkg.name === 'tollgate') continue;
    if (dependsOn(pkg, name)) continue;
    edit.setIn('devDependencies', name, devDependencyRange(name), `devDependencies: + ${name} ${devDependencyRange(name)}`);
    edit.addedDevDependencies.push(name);
  }

  const huskyHooksPath = `${prepare.hooksDir}/_`;
  notes.push(...otherHookManagerNotes(root, pkg, hooksPath, huskyHooksPath));

  const pkgAfter = edit.details.length > 0 ? stringifyJson(edit.pkg, detectJsonStyle(pkgText)) : pkgText;
  const files: FileAction[] = [fileAction('package.json', pkgText, pkgAfter, edit.details)];
  if (lintStaged.file) files.push(lintStaged.file);

  const preCommitCommands = lintStaged.used ? [LINT_STAGED_COMMAND, VALIDATE_QUICK_COMMAND] : [VALIDATE_QUICK_COMMAND];
  for (const [hook, commands] of [['pre-commit', preCommitCommands], ['pre-push', [VALIDATE_ALL_COMMAND]]] as const) {
    const { action, notes: hookNotes } = await planHook(root, `${prepare.hooksDir}/${hook}`, [...commands]);
    files.push(action);
    notes.push(...hookNotes);
  }

  const configPlan = await planTollgateConfig(root, pkg, lintStaged.runsEslint, detectSteps(isJsonObject(scripts) ? scripts : {}, packageManager(root).name));
  files.push(configPlan.action);
  notes.push(...configPlan.notes);

  const workflowBefore = await readText(path.join(root, WORKFLOW_FILE));
  const workflow = gateWorkflow(branch);
  files.push(
    workflowBefore === undefined || workflowBefore === workflow
      ? fileAction(WORKFLOW_FILE, workflowBefore, workflow, [`one job "${GATE_JOB_NAME}" on pull requests and pushes to ${branch}`])
      : { path: WORKFLOW_FILE, status: 'skipped', before: workflowBefore, after: undefined, details: ['exists and differs; not overwritten'] },
  );

  const pm = packageManager(root);
  if (pm.name !== 'npm' && files.some((f) => f.path === WORKFLOW_FILE && f.status === 'created')) {
    notes.push(`This repository uses ${pm.name}; ${WORKFLOW_FILE} installs with \`npm ci\`. Change that step (and the setup-node cache) to ${pm.name}.`);
  }

  return { root, files, notes, nextSteps: nextSteps({ root, files, edit, pm, hooksPath, huskyHooksPath, onDefaultBranch: current === branch }) };
}

interface NextStepFacts {
  root: string;
  files: FileAction[];
  edit: PackageJsonEdit;
  pm: { name: string; install: string };
  hooksPath: string | undefined;
  huskyHooksPath: string;
  onDefaultBranch: boolean;
}

function nextSteps(facts: NextStepFacts): string[] {
  const steps: string[] = [];
  const addedDeps = facts.edit.addedDevDependencies;
  const huskyInstalled = existsSync(path.join(facts.root, 'node_modules', 'husky', 'package.json'));
  if (addedDeps.length > 0 || !huskyInstalled) {
    const what = addedDeps.length > 0 ? `installs ${addedDeps.join(', ')}; ` : '';
    steps.push(`${facts.pm.install}    # ${what}the "prepare" script then runs husky, which turns the hooks on (core.hooksPath=${facts.huskyHooksPath})`);
  } else if (facts.hooksPath !== facts.huskyHooksPath) {
    steps.push(`${facts.pm.name} run prepare    # turns the hooks on in this clone (sets core.hooksPath=${facts.huskyHooksPath})`);
  }
  const touched = facts.files.filter((f) => f.status === 'created' || f.status === 'updated').map((f) => f.path);
  if (touched.length > 0) {
    // hygiene/no-commit-to-branch blocks commits straight to main/master by default
    const branchOff = facts.onDefaultBranch ? 'git switch -c set-up-tollgate && ' : '';
    steps.push(`${branchOff}git add ${touched.join(' ')} && git commit -m "Set up tollgate"    # the new pre-commit hook checks this commit too`);
  }
  if (facts.files.some((f) => f.path === STARTER_CONFIG_FILE && f.status === 'created')) {
    steps.push(`edit ${STARTER_CONFIG_FILE} (rules, overrides, ignore); the "$schema" line gives editor completion once tollgate is installed`);
  }
  if (facts.files.some((f) => f.path === WORKFLOW_FILE && f.status !== 'skipped')) {
    steps.push(`on GitHub, make "${GATE_JOB_NAME}" a required status check (Settings → Rules or Branches → Require status checks to pass): local hooks can be skipped, this check cannot`);
  }
  return steps;
}
