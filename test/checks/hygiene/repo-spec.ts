import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { TempRepo } from '../../helpers/temp-repo.ts';

/** A file in a repository spec: content, or a symbolic link's target. */
export interface SpecFile {
  path: string;
  content?: string;
  symlink?: string;
  executable?: boolean;
}

/**
 * A repository described as data, for the repository rules' fixtures (which cannot be real
 * files in tollgate's own tree: a broken symlink or two names differing only in case would
 * break tollgate's checkout).
 */
export interface RepoSpec {
  mode: 'quick' | 'all';
  branch?: string;
  /** Written and committed first. */
  commit?: SpecFile[];
  /** Then written and staged. */
  stage?: SpecFile[];
  /** Then written, not staged. */
  worktree?: SpecFile[];
  /** Files to write inside the git directory (relative to it). */
  gitDir?: Record<string, string>;
  /** Written as tollgate.config.json, not committed. */
  config?: unknown;
}

async function writeSpecFile(repo: TempRepo, file: SpecFile): Promise<void> {
  if (file.symlink !== undefined) await repo.symlink(file.path, file.symlink);
  else await repo.write(file.path, file.content ?? '', { executable: file.executable ?? false });
}

export async function buildRepo(spec: RepoSpec): Promise<TempRepo> {
  const repo = await TempRepo.create({ branch: spec.branch ?? 'feature' });
  if (spec.commit && spec.commit.length > 0) {
    for (const f of spec.commit) await writeSpecFile(repo, f);
    repo.stage();
    repo.commit('fixture');
  }
  for (const f of spec.stage ?? []) await writeSpecFile(repo, f);
  if (spec.stage && spec.stage.length > 0) repo.stage(...spec.stage.map((f) => f.path));
  for (const f of spec.worktree ?? []) await writeSpecFile(repo, f);
  for (const [rel, content] of Object.entries(spec.gitDir ?? {})) {
    const abs = path.join(repo.dir, '.git', rel);
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, content);
  }
  if (spec.config !== undefined) await repo.write('tollgate.config.json', `${JSON.stringify(spec.config)}\n`);
  return repo;
}
