import path from 'node:path';
import pLimit from 'p-limit';
import type { Repo } from '../../git/repo.ts';
import type { Finding } from '../../findings/finding.ts';
import { ruleDocPath, type RuleMeta } from '../../rules/rule.ts';
import { SECRET_BASELINE_RULE, SECRET_CONTENT_RULES, SECRET_PATH_RULES } from '../../../rules/secrets/index.ts';
import type { Check, CheckContext, CheckPlan, CheckResult, SourceFile } from '../check.ts';
import { compareWithBaseline, readBaseline, serializeBaseline, writeBaseline } from './baseline.ts';
import type { SecretsOptions } from './config.ts';
import { SecretDetector } from './detector.ts';
import { FindingSink, secretFingerprint } from './finding-sink.ts';
import { walkHistory, type HistoryCommit } from './history.ts';
import { scanContent, scanFromDisk, type FileScan } from './file-scan.ts';
import { FileReader } from './file-reader.ts';
import { lineRangeFilter } from './line-index.ts';
import { autoThreads, ScanPool, threadCount, workerModule } from './scan-pool.ts';

/** Paths that `git diff --cached --numstat` reports as binary ("-\t-\t<path>"). */
async function stagedBinaryPaths(repo: Repo): Promise<Set<string>> {
  const out = await repo.diffIndexCached(['--numstat', '-z', '-M', '--no-ext-diff']);
  const binary = new Set<string>();
  const parts = out.split('\0');
  for (let i = 0; i < parts.length; i++) {
    const record = parts[i];
    if (!record) continue;
    const m = /^(-|\d+)\t(-|\d+)\t(.*)$/s.exec(record);
    if (!m) continue;
    // A rename or copy leaves the path empty and puts old and new paths in the next two parts.
    let filePath = m[3]!;
    if (filePath === '') {
      filePath = parts[i + 2] ?? '';
      i += 2;
    }
    if (m[1] === '-') binary.add(filePath);
  }
  return binary;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function listPaths(paths: readonly string[]): string {
  const shown = paths.slice(0, 3).join(', ');
  return paths.length > 3 ? `${shown} and ${paths.length - 3} more` : shown;
}

/** One run of the secrets check: the sources, the detector, the baseline. */
class SecretsScan {
  private readonly context: CheckContext;
  private readonly options: SecretsOptions;
  private readonly detector: SecretDetector;
  private readonly sink: FindingSink;
  private readonly maxBytes: number;
  private readonly skippedBinary: string[] = [];
  private readonly skippedLarge: string[] = [];
  private readonly notes: string[] = [];
  private binaryStaged: Promise<Set<string>> | undefined;

  constructor(context: CheckContext, options: SecretsOptions) {
    this.context = context;
    this.options = options;
    this.detector = new SecretDetector(SECRET_CONTENT_RULES, options);
    this.sink = new FindingSink(context.redactor);
    this.maxBytes = options.maxFileSizeKb * 1024;
  }

  async scanFiles(files: readonly SourceFile[]): Promise<void> {
    const scannable = files.filter((f) => f.mode !== '120000' && f.mode !== '160000');
    const threads = this.context.mode === 'quick' ? 1 : threadCount(this.options.threads, scannable.length);
    const onDisk = scannable.every((f) => f.absPath !== undefined);
    const pool = threads > 1 && onDisk ? this.pool(threads) : undefined;
    if (pool) {
      const reader = new FileReader(this.maxBytes);
      await pool.scan({
        files: scannable.map((f) => ({ path: f.path, absPath: f.absPath! })),
        signal: this.context.signal,
        scanHere: (file) => scanFromDisk(file, reader, this.detector, this.options),
        onScan: (scan) => this.absorb(scan),
        onProgress: (done) => this.context.progress(`${done}/${scannable.length} files`),
      });
      this.notes.push(`scanned ${plural(scannable.length, 'file')} on ${pool.threads} threads`);
      return;
    }
    const limit = pLimit(16);
    let done = 0;
    await Promise.all(
      scannable.map((file) =>
        limit(async () => {
          if (this.context.signal.aborted) return;
          await this.scanFile(file);
          if (++done % 2000 === 0) this.context.progress(`${done}/${scannable.length} files`);
        }),
      ),
    );
  }

  /** The threads started by prepare() when they fit, else new ones (none when the worker module is missing). */
  private pool(threads: number): ScanPool | undefined {
    const { prepared } = this.context;
    if (prepared instanceof ScanPool && prepared.threads === threads) return prepared;
    const module = workerModule();
    return module ? new ScanPool(module, threads, this.options) : undefined;
  }

  private async scanFile(file: SourceFile): Promise<void> {
    const content = await file.read();
    if (content === undefined) return;
    let lineFilter: ((line: number) => boolean) | undefined;
    let blockedOnly = false;
    if (this.context.mode === 'quick') {
      if (file.addedLines && file.addedLines.length > 0) lineFilter = lineRangeFilter(file.addedLines);
      // A pure rename or mode change adds no lines, unless git flagged the file binary (an
      // attribute), which hides its lines: then all of it is scanned.
      else blockedOnly = !(await this.stagedBinary()).has(file.path);
    }
    this.absorb(scanContent({ path: file.path, content, blockedOnly, ...(lineFilter ? { lineFilter } : {}) }, this.detector, this.options));
  }

  private absorb(scan: FileScan): void {
    for (const blocked of scan.blocked) this.sink.addFile(SECRET_PATH_RULES[blocked.rule]!.meta, scan.path, blocked.message);
    if (scan.skipped === 'large') this.skippedLarge.push(scan.path);
    if (scan.skipped === 'binary') this.skippedBinary.push(scan.path);
    for (const detected of scan.secrets) this.sink.addSecret({ detected, path: scan.path, line: detected.line, endLine: detected.endLine });
  }

  private stagedBinary(): Promise<Set<string>> {
    this.binaryStaged ??= stagedBinaryPaths(this.context.repo);
    return this.binaryStaged;
  }

  /**
   * What one history pass adds: secrets and blocked files added by commits, each reported once,
   * at the oldest commit that added it (git log lists newest first, so later ones overwrite).
   * With `skipKnown`, secrets the tree scan already reported at the same path are left out.
   */
  async scanHistory(range: string | true, skipKnown: boolean): Promise<void> {
    const commits = new Set<string>();
    const inTree = new Set(skipKnown ? this.sink.findings.map((f) => f.fingerprint) : []);
    const blocked = new Map<string, { meta: RuleMeta; path: string; message: string; commit: HistoryCommit }>();
    const paths = this.context.request.historyPaths ?? [];
    for await (const change of walkHistory(this.context.repo.root, range, this.context.signal, paths)) {
      if (!commits.has(change.commit.sha)) {
        commits.add(change.commit.sha);
        if (commits.size % 500 === 0) this.context.progress(`history: ${commits.size} commits`);
      }
      if (!change.path || change.deleted) continue;
      const text = change.added.map((l) => l.text).join('\n');
      for (const rule of SECRET_PATH_RULES) {
        rule.create({
          path: change.path,
          content: Buffer.from(text),
          options: this.options,
          report: (r) => blocked.set(`${rule.meta.id}\0${change.path}`, { meta: rule.meta, path: change.path, message: r.message, commit: change.commit }),
        });
      }
      if (change.binary || change.added.length === 0 || this.detector.allowlist.pathAllowed(change.path)) continue;
      if (text.length > this.maxBytes) {
        this.skippedLarge.push(`${change.path}@${change.commit.sha.slice(0, 12)}`);
        continue;
      }
      for (const detected of this.detector.scan({ path: change.path, text })) {
        if (inTree.has(secretFingerprint(detected.rule.meta.id, change.path, detected.secret))) continue;
        const line = change.added[detected.line - 1]?.line ?? detected.line;
        const endLine = change.added[detected.endLine - 1]?.line ?? line;
        this.sink.addSecret({ detected, path: change.path, line, endLine, commit: change.commit });
      }
    }
    for (const b of blocked.values()) {
      if (!inTree.has(secretFingerprint(b.meta.id, b.path, ''))) this.sink.addFile(b.meta, b.path, b.message, b.commit);
    }
    const under = paths.length > 0 ? ` (changes under ${listPaths(paths.map((p) => path.relative(this.context.repo.root, p) || '.'))})` : '';
    this.notes.push(`history: scanned ${plural(commits.size, 'commit')}${range === true ? ' of every branch' : ` in ${range}`}${under}`);
  }

  /** The history a whole-repository scan adds, per `checks.secrets.history`. */
  async branchHistory(): Promise<string | true | undefined> {
    if (this.options.history === 'off') return undefined;
    if (this.options.history === 'all') return true;
    const { repo } = this.context;
    if (!(await repo.hasHead())) return undefined;
    const base = await repo.defaultBranch();
    if (!base) return undefined;
    try {
      const mergeBase = await repo.mergeBase(base, 'HEAD');
      const head = (await repo.git.raw(['rev-parse', 'HEAD'])).trim();
      return mergeBase === head ? undefined : `${mergeBase}..HEAD`;
    } catch {
      this.notes.push(`history: not scanned (no merge base with ${base}; in CI, fetch with fetch-depth: 0)`);
      return undefined;
    }
  }

  async finish(scope: { full: boolean }): Promise<CheckResult> {
    if (this.skippedBinary.length > 0) this.notes.push(`skipped ${plural(this.skippedBinary.length, 'binary file')} (${listPaths(this.skippedBinary.sort())}); blocked-file rules still apply`);
    if (this.skippedLarge.length > 0) this.notes.push(`skipped ${plural(this.skippedLarge.length, 'file')} larger than ${this.options.maxFileSizeKb} KiB (${listPaths(this.skippedLarge.sort())}); raise checks.secrets.maxFileSizeKb to scan them`);
    const { repo, request } = this.context;
    const findings = this.sink.findings;
    const baseline = await readBaseline(repo.root, this.options.baseline);

    if (request.updateBaseline) {
      // A full scan sees everything, so it replaces the baseline; a partial one only adds to it.
      const entries = [...(scope.full ? [] : baseline.entries), ...this.sink.baselineEntries()];
      const before = new Set(baseline.entries.map((e) => e.fingerprint));
      const after = new Set(entries.map((e) => e.fingerprint));
      const added = [...after].filter((fp) => !before.has(fp)).length;
      const removed = [...before].filter((fp) => !after.has(fp)).length;
      const unchanged = baseline.exists && serializeBaseline(baseline.entries) === serializeBaseline(entries);
      if (!unchanged) await writeBaseline(repo.root, this.options.baseline, entries);
      const count = after.size === 1 ? '1 entry' : `${after.size} entries`;
      this.notes.push(`${unchanged ? 'kept' : 'wrote'} ${this.options.baseline}: ${count} (+${added}, -${removed})`);
      return { findings: [], notes: this.notes };
    }

    const comparison = compareWithBaseline(baseline, findings);
    if (comparison.accepted > 0) this.notes.push(`${plural(comparison.accepted, 'finding')} accepted by ${this.options.baseline}`);
    const result: Finding[] = comparison.fresh;
    if (scope.full && comparison.stale.length > 0) {
      const rule = SECRET_BASELINE_RULE;
      rule.create({
        baselinePath: this.options.baseline,
        stale: comparison.stale,
        report: (r) =>
          result.push({
            checkId: 'secrets',
            ruleId: rule.meta.id,
            severity: rule.meta.severity,
            message: r.message,
            location: { path: this.options.baseline, line: r.line, column: r.line > 0 ? 1 : 0 },
            fingerprint: secretFingerprint(rule.meta.id, this.options.baseline, comparison.stale.find((s) => s.line === r.line)?.fingerprint ?? String(r.line)),
            fix: { description: rule.meta.fixHint },
            help: ruleDocPath(rule.meta.id),
          }),
      });
    }
    return { findings: result, notes: this.notes };
  }
}

async function run(context: CheckContext): Promise<CheckResult> {
  const options = context.config.checks.secrets;
  const scan = new SecretsScan(context, options);
  const history = context.request.history;
  if (history !== undefined) {
    await scan.scanHistory(history, false);
    return scan.finish({ full: false });
  }
  await scan.scanFiles(context.files);
  const full = context.mode === 'all';
  if (full) {
    const range = await scan.branchHistory();
    if (range !== undefined) await scan.scanHistory(range, true);
  }
  return scan.finish({ full });
}

/**
 * A whole-tree scan starts its threads before the files are listed. Whether the tree is large
 * enough for them is known only after; if not, the runner releases them unused (they ran on
 * cores the listing left idle).
 */
function prepare(plan: CheckPlan): ScanPool | undefined {
  const options = plan.config.checks.secrets;
  if (plan.mode !== 'all' || plan.request.history !== undefined) return undefined;
  const threads = options.threads === 'auto' ? autoThreads() : options.threads;
  const module = threads > 1 ? workerModule() : undefined;
  return module ? new ScanPool(module, threads, options) : undefined;
}

export const secretsCheck: Check = {
  id: 'secrets',
  title: 'Secret scanning: tokens, keys, passwords and blocked files, redacted in every output',
  accepts: ['history', 'historyPaths', 'updateBaseline'],
  prepare,
  run,
};
