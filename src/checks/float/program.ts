/**
 * The TypeScript program the float rules ask: the project from its tsconfig, with the files in
 * scope placed into it with the content the check was given (index bytes in quick mode), so
 * that a staged file is analysed as it will be committed while its imports resolve against
 * the rest of the project.
 *   - full mode ('all'): every file of the tsconfig; the files in scope are analysed.
 *   - quick and paths modes: only the files in scope, their imports (resolved transitively)
 *     and the tsconfig's ambient `.d.ts` files, which is what keeps quick mode fast.
 *   - no tsconfig: the TypeScript files in scope with default compiler options (a note says so).
 */
import { existsSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { Project, ts } from 'ts-morph';
import type { Mode, SourceFile } from '../check.ts';
import { UserError } from '../../errors/user-error.ts';
import type { AnalysisTarget } from './analyze.ts';

const TS_FILE = /\.(?:[cm]?tsx?)$/i;
const DECLARATION = /\.d\.[cm]?tsx?$/i;
/** Where content from standard input is placed in the program. */
const STDIN_PATH = '(stdin)';
const STDIN_FILE = '__tollgate_stdin__.ts';

export const DEFAULT_COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  allowImportingTsExtensions: true,
};

export interface ProgramInput {
  root: string;
  mode: Mode;
  files: readonly SourceFile[];
  /** tsconfig path relative to root. */
  tsconfig: string;
  signal?: AbortSignal;
}

export interface LoadedProgram {
  program: ts.Program | undefined;
  targets: AnalysisTarget[];
  notes: string[];
  /** How many source files the program holds (for the timing note). */
  programFiles: number;
}

export function isAnalysable(relPath: string): boolean {
  return relPath === STDIN_PATH || (TS_FILE.test(relPath) && !DECLARATION.test(relPath) && !relPath.split('/').includes('node_modules'));
}

export async function loadProgram(input: ProgramInput): Promise<LoadedProgram> {
  const { root } = input;
  const candidates = input.files.filter((f) => f.mode !== '120000' && isAnalysable(f.path));
  const declarations = input.files.filter((f) => f.mode !== '120000' && DECLARATION.test(f.path) && !f.path.split('/').includes('node_modules'));
  if (candidates.length === 0) return { program: undefined, targets: [], notes: [], programFiles: 0 };

  const notes: string[] = [];
  const tsconfigPath = path.join(root, input.tsconfig);
  const hasConfig = existsSync(tsconfigPath);
  const full = input.mode === 'all';
  let project: Project;
  // Ambient `types` packages (@types/node is most of a small program's parse time) are left out
  // in quick mode unless a staged file imports a Node built-in: money types come from the project.
  const texts = new Map<string, string>();
  if (!full) {
    for (const file of candidates) {
      const content = await file.read();
      if (content !== undefined) texts.set(file.path, content.toString('utf8'));
    }
  }
  const lean = input.mode === 'quick' && ![...texts.values()].some(importsNodeBuiltin);
  if (hasConfig) {
    const cached = input.mode === 'quick' ? warmQuickProject(tsconfigPath, lean) : undefined;
    if (cached) {
      project = cached;
    } else {
      try {
        project = new Project({
          tsConfigFilePath: tsconfigPath,
          skipAddingFilesFromTsConfig: !full,
          skipFileDependencyResolution: !full,
          ...(lean ? { compilerOptions: { types: [] } } : {}),
        });
      } catch (error) {
        const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new UserError(`${input.tsconfig}: cannot load the TypeScript project for the float check (${why}). Fix it, or set checks.float.project to the tsconfig to use.`);
      }
      if (!full) {
        for (const ambient of ambientFilesOf(tsconfigPath)) project.addSourceFileAtPathIfExists(ambient);
      }
      if (input.mode === 'quick') keepQuickProject(tsconfigPath, lean, project);
    }
  } else {
    project = new Project({ compilerOptions: DEFAULT_COMPILER_OPTIONS });
    notes.push(`no ${input.tsconfig}: analysed the TypeScript files in scope with default compiler options, so types from files outside the scope may be missing`);
    for (const d of declarations) {
      const content = await d.read();
      if (content !== undefined) project.createSourceFile(path.join(root, d.path), content.toString('utf8'), { overwrite: true });
    }
  }

  const wanted: { path: string; abs: string }[] = [];
  let outside = 0;
  for (const file of candidates) {
    if (input.signal?.aborted) break;
    const abs = file.path === STDIN_PATH ? path.join(root, STDIN_FILE) : path.join(root, file.path);
    const existing = project.getSourceFile(abs);
    if (full && existing && file.path !== STDIN_PATH) {
      wanted.push({ path: file.path, abs }); // full mode reads the working tree, which the project already holds
      continue;
    }
    const text = texts.get(file.path) ?? (await file.read())?.toString('utf8');
    if (text === undefined) continue;
    if (!existing || existing.getFullText() !== text) project.createSourceFile(abs, text, { overwrite: true });
    if (!existing && full) outside++;
    wanted.push({ path: file.path, abs });
  }
  if (!full || !hasConfig) project.resolveSourceFileDependencies();

  const program = project.getProgram().compilerObject;
  const targets: AnalysisTarget[] = [];
  for (const w of wanted) {
    const sourceFile = program.getSourceFile(w.abs);
    if (sourceFile) targets.push({ sourceFile, path: w.path });
  }
  if (hasConfig && full && outside > 0) {
    notes.push(`${outside} TypeScript file(s) in scope are not in ${input.tsconfig} and were analysed with its options`);
  }
  if (lean && hasConfig) notes.push('quick mode: ambient type packages (tsconfig "types") left out, no staged file imports a Node built-in');
  return { program, targets, notes, programFiles: program.getSourceFiles().length };
}

/**
 * Quick-mode projects kept between runs in one process (the validate-quick daemon serves commit
 * after commit): TypeScript then reuses every unchanged source file, lib files included, instead
 * of parsing them again. Keyed by the tsconfig as it is on disk and the lean setting.
 */
const QUICK_PROJECTS = new Map<string, Project>();
const QUICK_PROJECT_CAP = 2;

function quickKey(tsconfigPath: string, lean: boolean): string | undefined {
  try {
    const stat = statSync(tsconfigPath);
    return `${tsconfigPath}\0${stat.mtimeMs}\0${stat.size}\0${lean}`;
  } catch {
    return undefined;
  }
}

function keepQuickProject(tsconfigPath: string, lean: boolean, project: Project): void {
  const key = quickKey(tsconfigPath, lean);
  if (!key) return;
  for (const old of [...QUICK_PROJECTS.keys()].filter((k) => k.startsWith(`${tsconfigPath}\0`))) QUICK_PROJECTS.delete(old);
  if (QUICK_PROJECTS.size >= QUICK_PROJECT_CAP) QUICK_PROJECTS.delete(QUICK_PROJECTS.keys().next().value!);
  QUICK_PROJECTS.set(key, project);
}

/**
 * A kept project, brought back in line with the working tree: every file it holds is re-read
 * from disk (a file staged last time, or edited since, gets today's content; a deleted one
 * leaves). The caller then puts this run's staged content in.
 */
function warmQuickProject(tsconfigPath: string, lean: boolean): Project | undefined {
  const key = quickKey(tsconfigPath, lean);
  const project = key ? QUICK_PROJECTS.get(key) : undefined;
  if (!project) return undefined;
  for (const file of project.getSourceFiles()) {
    if (file.isInNodeModules() || file.isFromExternalLibrary()) continue;
    file.refreshFromFileSystemSync();
  }
  return project;
}

const BUILTINS = new Set(builtinModules);

/** `import … from 'node:fs'`, `require('fs')`: the file needs the Node type declarations. */
export function importsNodeBuiltin(text: string): boolean {
  if (/\bfrom\s+['"]node:|\bimport\s*\(\s*['"]node:|\brequire\s*\(\s*['"]node:|\bimport\s+['"]node:/.test(text)) return true;
  for (const m of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)) {
    if (BUILTINS.has(m[1]!)) return true;
  }
  return /\b(?:process|Buffer|__dirname|NodeJS)\b/.test(text);
}

/** The `.d.ts` files a tsconfig includes (global types a staged file may use without importing them). */
function ambientFilesOf(tsconfigPath: string): string[] {
  const read = ts.readConfigFile(tsconfigPath, (p) => ts.sys.readFile(p));
  if (read.error) return [];
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(tsconfigPath), undefined, tsconfigPath);
  return parsed.fileNames.filter((f) => DECLARATION.test(f));
}
