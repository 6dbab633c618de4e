/** Runs commands repeatedly as a user would (a fresh process each time) and summarises wall time. */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface CommandSpec {
  /** What the table calls it. */
  label: string;
  /** argv[0] and the rest; run without a shell. */
  argv: readonly string[];
  cwd: string;
  env?: Record<string, string | undefined>;
  /** Exit codes that count as a normal run (default: only 0). */
  okExitCodes?: readonly number[];
}

/** One timed unit: a command, or several run one after the other (`npm run lint && npm run typecheck`). */
export interface Task {
  label: string;
  steps: readonly CommandSpec[];
}

export interface RunOutcome {
  ms: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface Stats {
  runs: number;
  samplesMs: number[];
  medianMs: number;
  minMs: number;
  maxMs: number;
}

export interface TaskStats extends Stats {
  /** Median CPU time (user + system, the process and its children), where the OS reports it. */
  cpuMedianMs?: number;
  /** Per step, when the task has more than one. */
  steps: { label: string; medianMs: number }[];
  /** The outcome of each step in the last run (for sanity checks on the output). */
  last: RunOutcome[];
}

export class CommandFailed extends Error {
  readonly outcome: RunOutcome;

  constructor(spec: CommandSpec, outcome: RunOutcome) {
    const tail = (text: string) => text.trim().split('\n').slice(-15).join('\n');
    super(`${spec.label} exited ${outcome.exitCode} in ${spec.cwd}\n--- stdout ---\n${tail(outcome.stdout)}\n--- stderr ---\n${tail(outcome.stderr)}`);
    this.name = 'CommandFailed';
    this.outcome = outcome;
  }
}

/** One run of the command, timed from spawn to exit. */
export function runOnce(spec: CommandSpec): Promise<RunOutcome> {
  const [file, ...args] = spec.argv;
  if (!file) throw new Error(`${spec.label}: empty command`);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, args, { cwd: spec.cwd, env: { ...process.env, ...spec.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = performance.now() - started;
      resolve({ ms, exitCode: code ?? (signal ? 128 : -1), stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

export function summarise(samplesMs: readonly number[]): Stats {
  if (samplesMs.length === 0) throw new Error('no samples');
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const medianMs = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { runs: sorted.length, samplesMs: [...samplesMs], medianMs, minMs: sorted[0]!, maxMs: sorted[sorted.length - 1]! };
}

export interface MeasureOptions {
  runs: number;
  warmups: number;
}

export interface Measured {
  task: Task;
  /** Throws when a run's output shows it did not do the work (called after every run). */
  verify?: (outcomes: RunOutcome[]) => void;
}

/** CPU time (user + system) of every child process waited for so far, in ms; undefined off Linux. */
function childrenCpuMs(ticksPerSecond: number): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may hold spaces) start at ")"; cutime and cstime are fields 16 and 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

async function runTask(task: Task): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = [];
  for (const step of task.steps) {
    const outcome = await runOnce(step);
    if (!(step.okExitCodes ?? [0]).includes(outcome.exitCode)) throw new CommandFailed(step, outcome);
    outcomes.push(outcome);
  }
  return outcomes;
}

/**
 * Times several tasks in rounds (A B C, A B C, …) so that background load on a shared machine
 * falls on all of them alike. Warm-up rounds come first: they fill the OS file cache and V8's
 * compile cache, as everyday use does. A step that exits with an unexpected code, or a run whose
 * output fails `verify`, fails the measurement: a tool that stopped early would look fast for the
 * wrong reason.
 */
export async function measureInterleaved(items: readonly Measured[], options: MeasureOptions): Promise<TaskStats[]> {
  if (options.runs < 1) throw new Error('at least one run');
  const ticks = clockTicks();
  const totals = items.map((): number[] => []);
  const cpu = items.map((): number[] => []);
  const perStep = items.map((item) => item.task.steps.map((): number[] => []));
  const last: RunOutcome[][] = items.map(() => []);
  for (let round = 0; round < options.warmups + options.runs; round++) {
    for (const [k, item] of items.entries()) {
      const cpuBefore = childrenCpuMs(ticks);
      const outcomes = await runTask(item.task);
      const cpuAfter = childrenCpuMs(ticks);
      item.verify?.(outcomes);
      last[k] = outcomes;
      if (round < options.warmups) continue;
      totals[k]!.push(outcomes.reduce((sum, o) => sum + o.ms, 0));
      outcomes.forEach((o, s) => perStep[k]![s]!.push(o.ms));
      if (cpuBefore !== undefined && cpuAfter !== undefined) cpu[k]!.push(cpuAfter - cpuBefore);
    }
  }
  return items.map((item, k) => ({
    ...summarise(totals[k]!),
    ...(cpu[k]!.length === totals[k]!.length ? { cpuMedianMs: summarise(cpu[k]!).medianMs } : {}),
    steps: item.task.steps.length > 1 ? item.task.steps.map((s, i) => ({ label: s.label, medianMs: summarise(perStep[k]![i]!).medianMs })) : [],
    last: last[k]!,
  }));
}
