import { argumentCost, chunkFiles, commandLineBudget, environmentCost } from './arg-chunks.ts';

/** Stands for the matched files: a whole argv element, or anywhere in a shell string. */
export const FILES_PLACEHOLDER = '{files}';

/** One process to start. */
export interface Invocation {
  file: string;
  args: string[];
  /** Let execa run `file` through the platform shell (Windows shell strings only). */
  shell: boolean;
}

export function takesFiles(run: string | readonly string[]): boolean {
  return typeof run === 'string' ? run.includes(FILES_PLACEHOLDER) : run.includes(FILES_PLACEHOLDER);
}

/** The command as a person reads it: `npx eslint {files}`. */
export function describeCommand(run: string | readonly string[]): string {
  return typeof run === 'string' ? run : run.map((a) => (/[\s"'$`\\]/.test(a) ? JSON.stringify(a) : a)).join(' ');
}

/** cmd.exe quoting for one file name (Windows shell strings only). */
function windowsQuote(file: string): string {
  return `"${file.replace(/"/g, '""')}"`;
}

/**
 * The process for one chunk of files. A POSIX shell string gets the files as positional
 * parameters (`sh -c '… "$@" …' sh file…`), so no file name is ever parsed by the shell.
 */
export function invocation(run: string | readonly string[], files: readonly string[], platform: NodeJS.Platform = process.platform): Invocation {
  if (typeof run !== 'string') {
    const args = run.flatMap((a) => (a === FILES_PLACEHOLDER ? [...files] : [a]));
    return { file: args[0]!, args: args.slice(1), shell: false };
  }
  if (platform === 'win32') {
    return { file: run.split(FILES_PLACEHOLDER).join(files.map(windowsQuote).join(' ')), args: [], shell: true };
  }
  if (!takesFiles(run)) return { file: '/bin/sh', args: ['-c', run], shell: false };
  return { file: '/bin/sh', args: ['-c', run.split(FILES_PLACEHOLDER).join('"$@"'), 'sh', ...files], shell: false };
}

/**
 * The file chunks for a command: each fits the platform's argument limit together with the
 * command itself and the environment it runs with. A command without `{files}` runs once.
 */
export function planChunks(run: string | readonly string[], files: readonly string[], env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string[][] {
  if (!takesFiles(run)) return [[]];
  const shell = typeof run === 'string';
  const base = invocation(run, [], platform);
  const fixed = [base.file, ...base.args].reduce((sum, a) => sum + argumentCost(a, platform), 0);
  // A Windows shell string repeats the placeholder once per occurrence.
  const repeats = shell && platform === 'win32' ? run.split(FILES_PLACEHOLDER).length - 1 : typeof run === 'string' ? 1 : run.filter((a) => a === FILES_PLACEHOLDER).length;
  const room = commandLineBudget(platform, shell) - fixed - environmentCost(env, platform);
  return chunkFiles(files, Math.max(1, Math.floor(room / Math.max(1, repeats))), (f) => argumentCost(f, platform));
}
