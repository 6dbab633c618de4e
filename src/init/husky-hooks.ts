/**
 * The husky 9 side of `tollgate init`: the `prepare` script and the hook files in `.husky/`.
 * Husky 9 hook files are plain shell scripts (no shebang, no `husky.sh` line) that husky runs
 * with `sh -e` and `node_modules/.bin` on PATH, so a hook line is just the command.
 */

/** One command tollgate wants in a hook, and how to tell it is already there in any spelling. */
export interface HookCommand {
  line: string;
  present: RegExp;
}

/**
 * Commands without `npx`: husky ≥ 9.1 puts node_modules/.bin on PATH, and every `npx` costs
 * a Node start-up (about 0.6 s measured here) on every commit, which the pre-commit budget
 * cannot afford. The `present` patterns accept the `npx …` spellings too.
 */
export const LINT_STAGED_COMMAND: HookCommand = {
  line: 'lint-staged',
  present: /(?:^|[\s;&|(])lint-staged(?=$|[\s;&|)])/,
};
export const VALIDATE_QUICK_COMMAND: HookCommand = {
  line: 'tollgate validate-quick',
  present: /(?:^|[\s;&|(/])tollgate(?:\.js)?\s+validate-quick(?=$|[\s;&|)])/,
};
export const VALIDATE_ALL_COMMAND: HookCommand = {
  line: 'tollgate validate-all',
  present: /(?:^|[\s;&|(/])tollgate(?:\.js)?\s+validate-all(?=$|[\s;&|)])/,
};

export const DEFAULT_HUSKY_DIR = '.husky';

/** The husky ≤ 8 preamble that husky 9 warns about and husky 10 will reject. */
const DEPRECATED_HUSKY_SH = /^\s*\.\s+"\$\(dirname\s+(?:--\s+)?"\$0"\)\/_\/husky\.sh"/m;

export interface PrepareMerge {
  /** The prepare script to write (unchanged when husky already runs in it). */
  script: string;
  /** The hooks directory husky will use, from `husky <dir>` in the script, default `.husky`. */
  hooksDir: string;
  notes: string[];
}

/** Words that may come before the husky command in a script (`npx husky`, `pnpm exec husky`…). */
const RUNNER_WORDS = new Set(['npx', 'pnpm', 'yarn', 'bunx', 'npm', 'exec', '--no', '--no-install', '--']);

function huskyInvocation(script: string): string[] | undefined {
  for (const command of script.split(/&&|\|\||;|\|/)) {
    const words = command.trim().split(/\s+/);
    let k = 0;
    while (k < words.length && RUNNER_WORDS.has(words[k]!)) k++;
    if (words[k] === 'husky') return words.slice(k + 1);
    // husky's documented production-safe variant: "prepare": "node .husky/install.mjs"
    if (words[k] === 'node' && /(?:^|\/)install\.m?js$/.test(words[k + 1] ?? '') && (words[k + 1] ?? '').includes('husky')) return [];
  }
  return undefined;
}

/** Merges `husky` into an existing `prepare` script without dropping what it already does. */
export function mergePrepareScript(existing: string | undefined): PrepareMerge {
  if (existing === undefined || existing.trim() === '') return { script: 'husky', hooksDir: DEFAULT_HUSKY_DIR, notes: [] };
  const args = huskyInvocation(existing);
  if (!args) return { script: `${existing} && husky`, hooksDir: DEFAULT_HUSKY_DIR, notes: [] };
  const notes: string[] = [];
  let dirArg = args[0];
  if (dirArg === 'install') {
    notes.push('package.json "prepare" runs `husky install`, which husky 9 deprecates: change it to `husky`.');
    dirArg = args[1];
  }
  const hooksDir = dirArg && !dirArg.startsWith('-') ? dirArg.replace(/\/+$/, '') : DEFAULT_HUSKY_DIR;
  return { script: existing, hooksDir, notes };
}

function isCommandLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && !trimmed.startsWith('#');
}

function hasCommand(lines: string[], command: HookCommand): boolean {
  return lines.some((line) => isCommandLine(line) && command.present.test(line));
}

/** The commands a hook file does not run yet (all of them for a file that does not exist). */
export function missingCommands(existing: string | undefined, commands: HookCommand[]): HookCommand[] {
  const lines = (existing ?? '').split(/\r?\n/);
  return commands.filter((command) => !hasCommand(lines, command));
}

/**
 * The hook file with each of `commands` present exactly once. Existing lines are kept as they
 * are; a missing command goes right before the first of the later commands that is already
 * there (so lint-staged still runs before tollgate), else at the end.
 */
export function mergeHookScript(existing: string | undefined, commands: HookCommand[]): string {
  if (existing === undefined || existing.trim() === '') return commands.map((c) => c.line).join('\n') + '\n';
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const lines = existing.split(/\r?\n/);
  const hadFinalNewline = lines[lines.length - 1] === '';
  if (hadFinalNewline) lines.pop();
  commands.forEach((command, index) => {
    if (hasCommand(lines, command)) return;
    const later = commands.slice(index + 1);
    const before = lines.findIndex((line) => isCommandLine(line) && later.some((c) => c.present.test(line)));
    if (before >= 0) lines.splice(before, 0, command.line);
    else lines.push(command.line);
  });
  return lines.join(eol) + eol;
}

/** Warnings about an existing hook file that tollgate leaves alone. */
export function hookFileNotes(relPath: string, content: string | undefined): string[] {
  if (content === undefined || !DEPRECATED_HUSKY_SH.test(content)) return [];
  return [`${relPath} still sources \`_/husky.sh\` (husky ≤ 8): husky 9 warns about it and husky 10 will fail; delete the shebang and that line.`];
}
