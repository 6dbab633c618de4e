/**
 * The stdout of one git command, for commands that may print nothing. simple-git waits 50 ms
 * after a command that wrote no output at all before it settles (its completion plugin, to let
 * late output arrive), and `git ls-files --others` in a clean tree, `git diff-index --cached` with
 * nothing staged or `git diff` with no change print exactly nothing: every validate-all in a
 * clean repository paid it. These commands run through execFile instead; the rest of the git
 * layer stays on simple-git.
 */
import { execFile } from 'node:child_process';

export class GitCommandError extends Error {
  readonly exitCode: number | undefined;

  constructor(args: readonly string[], exitCode: number | undefined, stderr: string) {
    super(stderr.trim() || `git ${args.join(' ')} failed${exitCode === undefined ? '' : ` with exit code ${exitCode}`}`);
    this.name = 'GitCommandError';
    this.exitCode = exitCode;
  }
}

export function gitOutput(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, windowsHide: true }, (error, stdout, stderr) => {
      if (!error) {
        resolve(stdout);
        return;
      }
      const code = typeof error.code === 'number' ? error.code : undefined;
      reject(new GitCommandError(args, code, stderr || error.message));
    });
  });
}
