/**
 * Generates the benchmark repository: `files` TypeScript files under src/ (shared money code plus
 * feature modules that import each other), a package.json, tsconfig.json, an eslint.config.js with
 * typescript-eslint's recommended config and a lint-staged config, committed in one commit on main.
 * node_modules is a symlink to tollgate's own, so ESLint, typescript-eslint, TypeScript and
 * lint-staged resolve from the repository the way they would in a real project.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  editPricingFile,
  EXTRA_FIELDS,
  MODULE_FILE_KINDS,
  renderModuleFile,
  SHARED_FILES,
  type ExtraField,
  type ModuleNames,
  type ModuleSpec,
} from './source-templates.ts';

const DOMAINS = ['billing', 'payments', 'ledger', 'payouts', 'invoicing', 'subscriptions', 'risk', 'treasury', 'fx', 'tax', 'reporting', 'accounts', 'customers', 'disputes', 'webhooks', 'settlements'];
const ENTITIES = ['invoice', 'charge', 'refund', 'payout', 'ledger-entry', 'settlement', 'dispute', 'subscription', 'plan', 'coupon', 'transfer', 'fee', 'statement', 'mandate', 'receipt', 'quote', 'order', 'credit-note', 'adjustment', 'hold', 'reserve', 'chargeback', 'remittance', 'batch'];

/** The git identity and settings every benchmark git call uses (no user or system config). */
export const BENCH_GIT_ENV = {
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
} as const;

/** The branch the staged change sits on (main is protected by tollgate's defaults). */
export const CHANGE_BRANCH = 'feature/bench-change';

export interface GeneratedRepo {
  dir: string;
  /** TypeScript files under src/, as asked for. */
  sourceFiles: number;
  /** Every path written and committed (node_modules excluded). */
  paths: string[];
  modules: ModuleSpec[];
  sourceLines: number;
}

export interface GenerateOptions {
  dir: string;
  /** How many TypeScript files src/ holds in total. */
  files: number;
  /** node_modules to link into the repository. */
  nodeModules: string;
  seed?: number;
}

/** mulberry32: a small seeded generator, so a size always gives the same repository. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pascal(kebab: string): string {
  return kebab
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function moduleNames(index: number): ModuleNames {
  const domain = DOMAINS[index % DOMAINS.length]!;
  const entity = ENTITIES[Math.floor(index / DOMAINS.length) % ENTITIES.length]!;
  const slug = `${entity}-${index}`;
  const type = pascal(slug);
  return {
    dir: `src/${domain}/${slug}`,
    type,
    value: type.charAt(0).toLowerCase() + type.slice(1),
    constant: slug.replaceAll('-', '_').toUpperCase(),
  };
}

function pickFields(random: () => number): ExtraField[] {
  const count = 1 + Math.floor(random() * 4);
  const pool = [...EXTRA_FIELDS];
  const chosen: ExtraField[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return chosen;
}

/** Plans the modules: enough feature modules to reach `files` TypeScript files with the shared ones. */
export function planModules(files: number, seed = 1): ModuleSpec[] {
  const shared = Object.keys(SHARED_FILES).length;
  if (!Number.isInteger(files) || files < shared + MODULE_FILE_KINDS.length) {
    throw new Error(`a benchmark repository needs at least ${shared + MODULE_FILE_KINDS.length} files, not ${files}`);
  }
  const random = seededRandom(seed);
  const modules: ModuleSpec[] = [];
  let left = files - shared;
  for (let index = 0; left > 0; index++) {
    const kinds = MODULE_FILE_KINDS.slice(0, Math.min(left, MODULE_FILE_KINDS.length));
    left -= kinds.length;
    // Most services use the pricing of an earlier module (imports stay acyclic); some stand alone.
    const dependsOn = index > 0 && random() < 0.8 ? Math.max(0, index - 1 - Math.floor(random() * 40)) : undefined;
    modules.push({
      names: moduleNames(index),
      extraFields: pickFields(random),
      feeBps: 25 + Math.floor(random() * 375),
      dependency: dependsOn === undefined ? undefined : modules[dependsOn]!.names,
      kinds,
    });
  }
  return modules;
}

function projectFiles(name: string): Record<string, string> {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    'package.json': json({
      name,
      version: '1.0.0',
      private: true,
      type: 'module',
      scripts: { lint: 'eslint .', typecheck: 'tsc --noEmit' },
      devDependencies: { eslint: '^10.0.0', 'typescript-eslint': '^8.0.0', typescript: '~6.0.0', 'lint-staged': '^17.0.0' },
    }),
    'tsconfig.json': json({
      compilerOptions: {
        target: 'es2022',
        lib: ['es2022'],
        module: 'nodenext',
        moduleResolution: 'nodenext',
        types: ['node'],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
      },
      include: ['src'],
    }),
    'eslint.config.js': [
      "import js from '@eslint/js';",
      "import { defineConfig } from 'eslint/config';",
      "import tseslint from 'typescript-eslint';",
      '',
      'export default defineConfig(',
      "  { ignores: ['node_modules/', 'dist/'] },",
      '  js.configs.recommended,',
      '  tseslint.configs.recommended,',
      ');',
      '',
    ].join('\n'),
    '.lintstagedrc.json': json({ '*.ts': 'eslint' }),
    '.gitignore': 'node_modules\ndist/\n',
    'README.md': `# ${name}\n\nA generated payments service used by \`npm run bench\` in tollgate.\n`,
  };
}

function git(dir: string, args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: { ...process.env, ...BENCH_GIT_ENV }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

/** Writes the repository and commits it on main. */
export async function generateRepo(options: GenerateOptions): Promise<GeneratedRepo> {
  const modules = planModules(options.files, options.seed);
  const contents = new Map<string, string>(Object.entries(projectFiles(`bench-payments-${options.files}`)));
  for (const [p, text] of Object.entries(SHARED_FILES)) contents.set(p, text);
  for (const m of modules) {
    for (const kind of m.kinds) contents.set(`${m.names.dir}/${kind}.ts`, renderModuleFile(kind, m));
  }

  await mkdir(options.dir, { recursive: true });
  const dirs = new Set([...contents.keys()].map((p) => path.dirname(p)));
  for (const d of dirs) await mkdir(path.join(options.dir, d), { recursive: true });
  const paths = [...contents.keys()];
  // Bounded batches: fast, without opening 20k files at once.
  for (let i = 0; i < paths.length; i += 256) {
    await Promise.all(paths.slice(i, i + 256).map((p) => writeFile(path.join(options.dir, p), contents.get(p)!)));
  }
  await symlink(options.nodeModules, path.join(options.dir, 'node_modules'), 'dir');

  git(options.dir, ['init', '-q', '-b', 'main']);
  git(options.dir, ['config', 'core.autocrlf', 'false']);
  git(options.dir, ['config', 'user.name', BENCH_GIT_ENV.GIT_AUTHOR_NAME]);
  git(options.dir, ['config', 'user.email', BENCH_GIT_ENV.GIT_AUTHOR_EMAIL]);
  git(options.dir, ['add', '-A']);
  git(options.dir, ['-c', 'core.hooksPath=/dev/null', 'commit', '-q', '--no-verify', '-m', `Generated payments service (${options.files} TypeScript files)`]);

  const sourceFiles = paths.filter((p) => p.startsWith('src/') && p.endsWith('.ts')).length;
  let sourceLines = 0;
  for (const p of paths) if (p.startsWith('src/')) sourceLines += contents.get(p)!.split('\n').length - 1;
  return { dir: options.dir, sourceFiles, paths: paths.sort(), modules, sourceLines };
}

/** The modules whose pricing.ts the staged change edits: `count` of them, spread over the repository. */
export function changedModules(repo: GeneratedRepo, count: number): ModuleSpec[] {
  const complete = repo.modules.filter((m) => m.kinds.includes('pricing'));
  if (complete.length < count) throw new Error(`only ${complete.length} modules to change, ${count} asked for`);
  return Array.from({ length: count }, (_, i) => complete[Math.floor(((i + 0.5) * complete.length) / count)]!);
}

/**
 * Stages the benchmark change on a feature branch: `count` modified pricing files (one changed
 * line, one new function each). Returns the staged paths.
 */
export async function stageChange(repo: GeneratedRepo, count = 5): Promise<string[]> {
  git(repo.dir, ['checkout', '-q', '-b', CHANGE_BRANCH]);
  const staged: string[] = [];
  for (const m of changedModules(repo, count)) {
    const rel = `${m.names.dir}/pricing.ts`;
    const abs = path.join(repo.dir, rel);
    await writeFile(abs, editPricingFile(await readFile(abs, 'utf8'), m.names));
    staged.push(rel);
  }
  git(repo.dir, ['add', '--', ...staged]);
  return staged;
}

/** The staged paths right now (to check that a peer left the index as it found it). */
export function stagedPaths(dir: string): string[] {
  return git(dir, ['diff', '--cached', '--name-only', '-z'])
    .split('\0')
    .filter(Boolean)
    .sort();
}
