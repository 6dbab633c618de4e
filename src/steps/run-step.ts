import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CheckContext, CheckResult } from '../checks/check.ts';
import { UserError } from '../errors/user-error.ts';
import type { DraftFinding } from '../findings/finding.ts';
import { fingerprint } from '../findings/fingerprint.ts';
import { formatMs } from '../reporters/duration.ts';
import { describeCommand, invocation, planChunks, takesFiles } from './command.ts';
import type { StepConfig } from './config.ts';
import { OutputCapture } from './output-capture.ts';
import { OutputSecrets } from './output-secrets.ts';
import { parseOutput, plainLines, type ParsedProblem } from './parse/index.ts';
import { spawnStep, type SpawnOutcome } from './spawn-step.ts';
import { globMatcher } from '../runner/glob-matcher.ts';

/** Receives each output line (masked) while the step runs: the CLI prints it live on a TTY. */
export type StepOutputListener = (step: string, line: string) => void;

/** Lines of output quoted in the failure finding: fewer when the user already saw them live. */
const TAIL_CAPTURED = 150;
const TAIL_LIVE = 20;
/** Located findings per step beyond this are counted in a note instead. */
const MAX_LOCATED = 2_000;

export const STEPS_CHECK_ID = 'steps';

export function stepRuleId(step: Pick<StepConfig, 'name'>): `steps/${string}` {
  return `steps/${step.name}`;
}

interface Totals {
  exitCode: number | undefined;
  signal: string | undefined;
  startError: string | undefined;
  timedOut: boolean;
  aborted: boolean;
  killedLeftovers: boolean;
  pipesCutOff: boolean;
  chunksRun: number;
}

function stepCwd(step: StepConfig, root: string): string {
  const cwd = path.resolve(root, step.cwd);
  if (!existsSync(cwd) || !statSync(cwd).isDirectory()) {
    throw new UserError(`Step "${step.name}": cwd "${step.cwd}" is not a directory in the repository (${cwd}). Fix steps[].cwd in the tollgate config.`);
  }
  return cwd;
}

/** The files in scope that the step's glob matches (all of them without a glob). */
function matchedFiles(step: StepConfig, context: CheckContext): string[] {
  const paths = context.files.map((f) => f.path);
  if (!step.glob) return paths;
  const matches = globMatcher(step.glob);
  return paths.filter((p) => matches(p));
}

/** A path as printed by the tool, as a repository-relative POSIX path; undefined outside the repository. */
function repoPath(file: string, cwd: string, root: string): string | undefined {
  const rel = path.relative(root, path.resolve(cwd, file));
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

function toFinding(step: StepConfig, p: ParsedProblem, cwd: string, root: string): DraftFinding {
  const located = repoPath(p.file, cwd, root);
  const where = located === undefined ? `${p.file}${p.line > 0 ? `:${p.line}${p.column > 0 ? `:${p.column}` : ''}` : ''}: ` : '';
  return {
    checkId: STEPS_CHECK_ID,
    ruleId: stepRuleId(step),
    severity: p.severity,
    message: `${where}${p.message}`,
    location: located === undefined
      ? { path: '', line: 0, column: 0 }
      : { path: located, line: p.line, column: p.column, ...(p.endLine ? { endLine: p.endLine } : {}), ...(p.endColumn ? { endColumn: p.endColumn } : {}) },
  };
}

const START_ERRORS: Record<string, string> = {
  ENOENT: 'command not found',
  EACCES: 'permission denied',
  E2BIG: 'argument list too long',
  ENOEXEC: 'not an executable',
};

function failureHeadline(command: string, totals: Totals, timeoutSeconds: number, elapsedMs: number): string {
  if (totals.startError) return `\`${command}\` could not start: ${START_ERRORS[totals.startError] ?? totals.startError} (${totals.startError}).`;
  if (totals.timedOut) return `\`${command}\` timed out after ${timeoutSeconds} s; tollgate killed its whole process tree (SIGTERM, then SIGKILL).`;
  if (totals.aborted) return `\`${command}\` was stopped before it finished (the run was cancelled).`;
  if (totals.signal) return `\`${command}\` was killed by ${totals.signal} after ${formatMs(elapsedMs)}.`;
  const hint = totals.exitCode === 127 ? ' (127: the shell did not find the command)' : '';
  return `\`${command}\` failed with exit code ${totals.exitCode}${hint} after ${formatMs(elapsedMs)}.`;
}

function outputExcerpt(capture: OutputCapture, live: boolean): string {
  if (capture.count === 0) return 'It printed nothing.';
  const lines = capture.tail(live ? TAIL_LIVE : TAIL_CAPTURED);
  const shown = lines.length < capture.count ? `last ${lines.length} of ${capture.count} lines` : `${capture.count} line${capture.count === 1 ? '' : 's'}`;
  return `Output (${shown}${live ? ', all of it shown above' : ''}):\n${lines.join('\n')}`;
}

interface ChunkRun {
  step: StepConfig;
  chunks: string[][];
  cwd: string;
  env: Record<string, string>;
  context: CheckContext;
  onLine(raw: string): void;
}

/** Runs the chunks one after another until the time is up; later chunks still run after a failing one. */
async function runChunks(run: ChunkRun): Promise<Totals> {
  const { step, chunks, context } = run;
  const deadline = Date.now() + step.timeout * 1000;
  const totals: Totals = { exitCode: 0, signal: undefined, startError: undefined, timedOut: false, aborted: false, killedLeftovers: false, pipesCutOff: false, chunksRun: 0 };
  for (const [index, chunk] of chunks.entries()) {
    if (chunks.length > 1) context.progress(`chunk ${index + 1}/${chunks.length} (${chunk.length} files)`);
    const outcome: SpawnOutcome = await spawnStep(invocation(step.run, chunk), { cwd: run.cwd, env: run.env, deadline, signal: context.signal, onLine: run.onLine });
    totals.chunksRun++;
    totals.killedLeftovers ||= outcome.killedLeftovers;
    totals.pipesCutOff ||= outcome.pipesCutOff;
    totals.timedOut ||= outcome.timedOut;
    totals.aborted ||= outcome.aborted;
    const chunkFailed = outcome.startError || outcome.signal || outcome.exitCode !== 0;
    // The first failing chunk decides the headline.
    if (chunkFailed && totals.exitCode === 0 && !totals.signal && !totals.startError) {
      totals.exitCode = outcome.exitCode;
      totals.signal = outcome.signal;
      totals.startError = outcome.startError;
    }
    if (outcome.timedOut || outcome.aborted || outcome.startError) break;
  }
  return totals;
}

/**
 * In validate-quick a step runs on the working tree, not on the index: the matched files that
 * also have unstaged edits, which the step saw and the commit will not record.
 */
async function unstagedAmong(context: CheckContext, files: readonly string[]): Promise<string[]> {
  if (context.mode !== 'quick' || files.length === 0) return [];
  const changed = new Set((await context.repo.output(['diff', '--name-only', '-z'])).split('\0').filter(Boolean));
  return files.filter((f) => changed.has(f));
}

function failedRun(totals: Totals): boolean {
  return Boolean(totals.startError || totals.timedOut || totals.aborted || totals.signal || totals.exitCode !== 0);
}

/**
 * Runs one step in the runner: picks the files, runs the command in chunks, reads its output
 * into findings. A failure with nothing located becomes one error finding quoting the output.
 */
export async function runStep(step: StepConfig, context: CheckContext, listener: StepOutputListener | undefined): Promise<CheckResult> {
  const root = context.repo.root;
  const cwd = stepCwd(step, root);
  const command = describeCommand(step.run);
  const files = matchedFiles(step, context);
  const scope = context.mode === 'quick' ? 'staged file' : 'file';
  if (step.glob && files.length === 0) return { findings: [], notes: [`skipped: no ${scope} matches ${step.glob.join(', ')}`] };
  if (takesFiles(step.run) && files.length === 0) return { findings: [], notes: [`skipped: no ${scope} to pass as {files}`] };

  const env = { ...step.env, TOLLGATE_STEP: step.name };
  const args = files.map((f) => path.relative(cwd, path.join(root, f)).split(path.sep).join('/'));
  const chunks = planChunks(step.run, args, { ...process.env, ...env });
  const secrets = new OutputSecrets(context.config.checks.secrets, context.redactor);
  secrets.registerStep(command, step.env);
  const capture = new OutputCapture();
  const started = Date.now();
  const totals = await runChunks({
    step,
    chunks,
    cwd,
    env,
    context,
    onLine: (raw) => {
      const line = secrets.line(raw);
      capture.push(line);
      listener?.(step.name, line);
    },
  });
  const elapsed = Date.now() - started;
  const failed = failedRun(totals);

  const kept = capture.lines();
  secrets.scanAll(kept.join('\n'));
  const findings: DraftFinding[] = [];
  const notes: string[] = [];
  const format = step.format;
  // "auto" reads only a failing run's output; a named format always (warnings of a passing step).
  if (format !== 'none' && !totals.startError && (format !== 'auto' || failed)) {
    const parsed = parseOutput(format, plainLines(kept.join('\n')));
    const problems = parsed.needsExistingFile ? parsed.problems.filter((p) => existsSync(path.resolve(cwd, p.file))) : parsed.problems;
    for (const p of problems.slice(0, MAX_LOCATED)) findings.push(toFinding(step, p, cwd, root));
    if (problems.length > MAX_LOCATED) notes.push(`${problems.length - MAX_LOCATED} more problems in its output were not reported (limit ${MAX_LOCATED} per step)`);
    if (problems.length > 0) notes.push(`read ${problems.length} problem${problems.length === 1 ? '' : 's'} from its ${parsed.formats.join(' + ')} output`);
  }

  const headline = failureHeadline(command, totals, step.timeout, elapsed);
  const locatedError = findings.some((f) => f.severity === 'error');
  if (failed && (!locatedError || totals.timedOut || totals.aborted)) {
    findings.push({
      checkId: STEPS_CHECK_ID,
      ruleId: stepRuleId(step),
      severity: 'error',
      message: `${headline}\n${outputExcerpt(capture, listener !== undefined)}`,
      location: { path: '', line: 0, column: 0 },
      // The step, not its output, identifies this finding: the same fingerprint run after run.
      fingerprint: fingerprint({ ruleId: stepRuleId(step), path: '', content: command }),
    });
  } else if (failed) {
    notes.push(headline.replace(/\.$/, '; the findings above say why'));
  }
  const unstaged = await unstagedAmong(context, files);
  if (unstaged.length > 0) {
    const some = unstaged.slice(0, 3).join(', ') + (unstaged.length > 3 ? ', …' : '');
    notes.push(`${unstaged.length} of its files have unstaged edits (${some}): it ran on the working tree, not on what the commit records`);
  }
  if (chunks.length > 1) notes.push(`passed ${files.length} files in ${totals.chunksRun} of ${chunks.length} chunks (the OS limits a command line's length)`);
  if (capture.dropped > 0) notes.push(`printed ${capture.count} lines; ${capture.dropped} in the middle were not kept`);
  if (totals.killedLeftovers) notes.push('it exited but left processes holding its output open; tollgate stopped them');
  if (totals.pipesCutOff) notes.push('a process that left its process group kept the output open; tollgate stopped reading it');
  return { findings, notes };
}
