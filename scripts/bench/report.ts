/** The benchmark's results as data, the table and target verdicts printed from them. */
import type { MachineInfo } from './preflight.ts';
import type { QuickBreakdown } from './profile-quick.ts';
import type { Pipeline } from './scenarios.ts';

export interface ResultRow {
  /** TypeScript files in the generated repository. */
  size: number;
  scenario: string;
  pipeline: Pipeline;
  tool: 'tollgate' | 'peer';
  command: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  samplesMs: number[];
  cpuMedianMs?: number;
  /** For a sequence (eslint . && tsc --noEmit): the median of each step. */
  steps: { label: string; medianMs: number }[];
  /** The peer this row is compared with, and how many times faster this row is (below 1: slower). */
  peer?: { command: string; speedup: number };
  /** tollgate's own per-check durations from its JSON report (last run); wall time, checks overlap. */
  checkTimesMs?: Record<string, number>;
}

export interface RepoInfo {
  size: number;
  sourceFiles: number;
  sourceLines: number;
  generateMs: number;
  stagedFiles: string[];
  eslint: { eslintVersion: string; parser: string };
}

export interface Target {
  name: string;
  limitMs: number;
  measuredMs: number | undefined;
  met: boolean | undefined;
  rule: string;
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  command: string;
  machine: MachineInfo;
  loadAverageAtEnd: number;
  tools: Record<string, string>;
  tollgate: { version: string; revision: string };
  options: { sizes: number[]; allSizes: number[]; runs: number; allRuns: number; warmups: number; allWarmups: number; quickOnly: boolean };
  repos: RepoInfo[];
  rows: ResultRow[];
  failures: { size: number; pipeline: Pipeline; message: string }[];
  targets: Target[];
  notes: string[];
  /** With --profile: where validate-quick's time goes. */
  profile?: QuickBreakdown;
}

export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${Math.round(ms)} ms`;
}

function formatRange(min: number, max: number): string {
  return `${formatMs(min)} – ${formatMs(max)}`;
}

/** One timed command in a check bench's report: `  label   median 1.23 s  (min – max, N runs)`. */
export function timingLine(label: string, t: { medianMs: number; minMs: number; maxMs: number; runs: number }, width: number): string {
  return `  ${label.padEnd(width)} median ${formatMs(t.medianMs).padStart(8)}  (${formatMs(t.minMs)} – ${formatMs(t.maxMs)}, ${t.runs} runs)`;
}

export function formatSpeedup(speedup: number): string {
  return speedup >= 1 ? `${speedup.toFixed(2)}× faster` : `${(1 / speedup).toFixed(2)}× slower`;
}

/** Fills in `peer` on every row that names the scenario it is compared with. */
export function compareWithPeers(rows: ResultRow[], comparedTo: ReadonlyMap<string, string>): void {
  for (const row of rows) {
    const peerId = comparedTo.get(row.scenario);
    const peer = peerId === undefined ? undefined : rows.find((r) => r.size === row.size && r.scenario === peerId);
    if (peer) row.peer = { command: peer.command, speedup: peer.medianMs / row.medianMs };
  }
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

export function renderTable(rows: readonly ResultRow[]): string {
  const header = ['files', 'command', 'median', 'min – max', 'cpu', 'runs', 'vs peer'];
  const body = rows.map((r) => [
    r.size.toLocaleString('en-US'),
    r.command,
    formatMs(r.medianMs),
    formatRange(r.minMs, r.maxMs),
    r.cpuMedianMs === undefined ? '–' : formatMs(r.cpuMedianMs),
    String(r.runs),
    r.tool === 'peer' ? '(peer)' : r.peer ? `${formatSpeedup(r.peer.speedup)} than ${r.peer.command}` : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const right = [true, false, true, true, true, true, false];
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, right[i])).join('  ').trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  ')];
  let lastSize: number | undefined;
  for (const [i, cells] of body.entries()) {
    if (lastSize !== undefined && rows[i]!.size !== lastSize) out.push('');
    lastSize = rows[i]!.size;
    out.push(line(cells));
    for (const step of rows[i]!.steps) out.push(line(['', `  of which ${step.label}`, formatMs(step.medianMs), '', '', '', '']));
  }
  return out.join('\n');
}

export const TARGET_REPO_SIZE = 5000;
export const QUICK_LIMIT_MS = 500;
export const ALL_LIMIT_MS = 60_000;
/** "Well under 60 s" read as at most three quarters of it. */
export const ALL_WELL_UNDER_MS = 45_000;

export function evaluateTargets(rows: readonly ResultRow[]): Target[] {
  const median = (scenario: string) => rows.find((r) => r.size === TARGET_REPO_SIZE && r.scenario === scenario)?.medianMs;
  const quick = median('quick.tollgate');
  const warm = median('quick.tollgate-daemon');
  const all = median('all.tollgate');
  const size = TARGET_REPO_SIZE.toLocaleString('en-US');
  return [
    {
      name: `validate-quick, 5-file commit, ${size}-file repository, served by the warm daemon (the hook's default)`,
      limitMs: QUICK_LIMIT_MS,
      measuredMs: warm,
      met: warm === undefined ? undefined : warm < QUICK_LIMIT_MS,
      rule: `median under ${formatMs(QUICK_LIMIT_MS)}`,
    },
    {
      name: `validate-quick, 5-file commit, ${size}-file repository, in a fresh process (TOLLGATE_DAEMON=0, CI, or the first commit)`,
      limitMs: QUICK_LIMIT_MS,
      measuredMs: quick,
      met: quick === undefined ? undefined : quick < QUICK_LIMIT_MS,
      rule: `median under ${formatMs(QUICK_LIMIT_MS)}`,
    },
    {
      name: `validate-all, ${TARGET_REPO_SIZE.toLocaleString('en-US')}-file repository`,
      limitMs: ALL_WELL_UNDER_MS,
      measuredMs: all,
      met: all === undefined ? undefined : all <= ALL_WELL_UNDER_MS,
      rule: `well under ${formatMs(ALL_LIMIT_MS)} (read as a median of at most ${formatMs(ALL_WELL_UNDER_MS)})`,
    },
  ];
}

export function renderTargets(targets: readonly Target[]): string {
  return targets
    .map((t) => {
      const verdict = t.met === undefined ? 'not measured in this run' : `${formatMs(t.measuredMs!)}: ${t.met ? 'MET' : 'NOT MET'}`;
      return `  ${t.name}: ${t.rule} → ${verdict}`;
    })
    .join('\n');
}

export function renderMachine(machine: MachineInfo, tools: Record<string, string>, tollgate: BenchResults['tollgate']): string {
  return [
    `machine: ${machine.cpus} CPU(s) (${machine.cpuModel}), ${machine.memoryGb} GB, ${machine.platform}`,
    `node ${machine.node}, git ${machine.git}, load average ${machine.loadAverage} at start`,
    `tollgate ${tollgate.version} (${tollgate.revision}); ${Object.entries(tools)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  ].join('\n');
}

/**
 * The pre-commit hook `tollgate init` installs runs lint-staged, then validate-quick: its cost is
 * the sum (derived from the medians, not timed as one).
 */
export function renderHookTotals(rows: readonly ResultRow[]): string {
  const sizes = [...new Set(rows.map((r) => r.size))];
  const lines: string[] = [];
  for (const size of sizes) {
    const median = (scenario: string) => rows.find((r) => r.size === size && r.scenario === scenario)?.medianMs;
    const lintStaged = median('quick.lint-staged');
    const quick = median('quick.tollgate');
    const quickNoEslint = median('quick.tollgate-no-eslint');
    if (lintStaged === undefined || quick === undefined || quickNoEslint === undefined) continue;
    lines.push(
      `  ${size.toLocaleString('en-US').padStart(6)} files: lint-staged + validate-quick ${formatMs(lintStaged + quick)} (ESLint runs twice); ` +
        `with checks.eslint.quick false ${formatMs(lintStaged + quickNoEslint)}; validate-quick alone ${formatMs(quick)}`,
    );
  }
  return lines.join('\n');
}
