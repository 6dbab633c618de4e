import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

/** A real git repository in a temp dir, for tests that need one. */
export class TempRepo {
  readonly dir: string;

  private constructor(dir: string) {
    this.dir = dir;
  }

  static async create(options: { branch?: string } = {}): Promise<TempRepo> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tollgate-test-'));
    const repo = new TempRepo(dir);
    repo.git('init', '-q', '-b', options.branch ?? 'main');
    repo.git('config', 'core.autocrlf', 'false');
    return repo;
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** Runs git and returns the whole result (for commands expected to fail, like a blocked commit). */
  gitResult(...args: string[]): SpawnSyncReturns<string> {
    return spawnSync('git', args, { cwd: this.dir, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
  }

  path(rel: string): string {
    return path.join(this.dir, rel);
  }

  async write(rel: string, content: string | Buffer, options: { executable?: boolean } = {}): Promise<void> {
    const abs = this.path(rel);
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, content);
    if (options.executable) await chmod(abs, 0o755);
  }

  async symlink(rel: string, target: string): Promise<void> {
    const abs = this.path(rel);
    await mkdir(path.dirname(abs), { recursive: true });
    await symlink(target, abs);
  }

  async read(rel: string): Promise<Buffer> {
    return readFile(this.path(rel));
  }

  /** The staged (index) bytes of a path. */
  readIndex(rel: string): Buffer {
    return execFileSync('git', ['show', `:${rel}`], { cwd: this.dir });
  }

  stage(...paths: string[]): void {
    if (paths.length > 0) this.git('add', '--', ...paths);
    else this.git('add', '-A');
  }

  commit(message = 'test commit'): void {
    this.git('-c', 'core.hooksPath=/dev/null', 'commit', '-q', '--no-verify', '--allow-empty', '-m', message);
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI from source (Node 24 strips the types) in `cwd`, the way a user would.
 * Use for exit codes, streams and hooks; call the engine functions directly for everything else.
 */
export function runCli(args: string[], options: { cwd: string; env?: Record<string, string | undefined>; input?: string }): CliResult {
  const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'src/cli/bin.ts'), ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, ...GIT_ENV, NO_COLOR: '1', GITHUB_ACTIONS: '', CI: '', ...options.env },
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The environment a developer's git would have for hook runs: this Node first on PATH, no CI, no HUSKY. */
export function hookEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
    ...GIT_ENV,
    NO_COLOR: '1',
    GITHUB_ACTIONS: '',
    CI: '',
    ...extra,
  };
  if (!('HUSKY' in extra)) delete env.HUSKY;
  return env;
}
