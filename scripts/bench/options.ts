/** Command-line flags of `npm run bench`. */
import { parseArgs } from 'node:util';

export interface BenchOptions {
  sizes: number[];
  /** Sizes on which validate-all is timed too (the slow part). */
  allSizes: number[];
  runs: number;
  allRuns: number;
  warmups: number;
  allWarmups: number;
  quickOnly: boolean;
  keep: boolean;
  /** Where the repositories go (default: a new directory in the OS temp dir). */
  dir: string | undefined;
  out: string | undefined;
  profile: boolean;
  /** The per-check benchmarks to run after the pipelines (float, secrets, debt). */
  checks: CheckBench[];
  help: boolean;
}

export const CHECK_BENCHES = ['float', 'secrets', 'debt', 'coverage', 'deploy', 'steps', 'migrate'] as const;
export type CheckBench = (typeof CHECK_BENCHES)[number];

function checkList(value: string | undefined): CheckBench[] {
  if (value === undefined) return [...CHECK_BENCHES];
  if (value === 'none') return [];
  const list = value.split(',').map((s) => s.trim());
  const bad = list.filter((c) => !(CHECK_BENCHES as readonly string[]).includes(c));
  if (bad.length > 0) throw new Error(`--checks takes some of ${CHECK_BENCHES.join(',')} or "none", not "${bad.join(',')}"`);
  return list as CheckBench[];
}

export const USAGE = `npm run bench -- [flags]

Generates TypeScript repositories, stages a 5-file change and times tollgate against its peers
(lint-staged with ESLint; eslint . && tsc --noEmit), in the same run, interleaved.

  --sizes 1000,5000,20000   repository sizes in TypeScript files (default: 1000,5000,20000)
  --all-sizes 1000,5000     sizes on which validate-all is timed too (default: 1000,5000)
  --runs 5                  timed runs of each validate-quick command (default: 5)
  --all-runs 3              timed runs of each validate-all command (default: 3)
  --warmups 1               untimed warm-up rounds before validate-quick (default: 1)
  --all-warmups 0           untimed warm-up rounds before validate-all (default: 0)
  --quick-only              skip validate-all and its peer
  --profile                 afterwards, break validate-quick down on the 5,000-file repository
  --keep                    keep the generated repositories (their paths are printed)
  --dir DIR                 put the working directory in DIR instead of the OS temp dir
  --out FILE                results JSON (default: .tollgate-bench/results.json)
  --checks float,secrets,debt,coverage   per-check benchmarks run afterwards, each beside its peer
                            (float: typescript-eslint type-aware; secrets: secretlint; debt: betterer;
                            coverage: a diff-cover-style lcov script); "none" skips them (default: all)
  (deploy: local proxy and nginx socket mode beside nginx -s reload, under autocannon load)
  (steps: one command given 20,000 staged files as {files}, beside lint-staged)
  (migrate: a 50-migration run on a real PostgreSQL, beside node-pg-migrate on the same server)
`;

function count(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} takes a whole number of at least ${min}, not "${value}"`);
  return n;
}

function sizeList(name: string, value: string | undefined, fallback: number[]): number[] {
  if (value === undefined) return fallback;
  const sizes = value.split(',').map((s) => Number(s.trim().replace(/k$/i, '000')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 20)) throw new Error(`--${name} takes sizes such as 1000,5000 (at least 20 files each), not "${value}"`);
  return [...new Set(sizes)].sort((a, b) => a - b);
}

/**
 * The flags of a check bench run alone (`node scripts/bench/steps.ts --files 3000 --keep`):
 * `--keep`, `--dir D`, and the whole numbers it names (`--files`, `--runs`, `--warmups`, …).
 */
export function standaloneBenchArgs<K extends string>(numbers: readonly K[], argv: readonly string[] = process.argv.slice(2)): { keep: boolean; dir?: string; numbers: Partial<Record<K, number>> } {
  const { values } = parseArgs({
    args: [...argv],
    options: { ...Object.fromEntries(numbers.map((n) => [n, { type: 'string' as const }])), keep: { type: 'boolean', default: false }, dir: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  // The option names are the caller's, so parseArgs cannot type them: every value is a string or a boolean.
  const raw = values as Record<string, string | boolean | undefined>;
  const given: Partial<Record<K, number>> = {};
  for (const name of numbers) {
    const value = raw[name];
    if (typeof value === 'string') given[name] = count(name, value, 0, name === 'warmups' ? 0 : 1);
  }
  return { keep: values.keep === true, ...(typeof values.dir === 'string' ? { dir: values.dir } : {}), numbers: given };
}

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: 'string' },
      'all-sizes': { type: 'string' },
      runs: { type: 'string' },
      'all-runs': { type: 'string' },
      warmups: { type: 'string' },
      'all-warmups': { type: 'string' },
      'quick-only': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      dir: { type: 'string' },
      out: { type: 'string' },
      profile: { type: 'boolean', default: false },
      checks: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const sizes = sizeList('sizes', values.sizes, [1000, 5000, 20000]);
  return {
    sizes,
    allSizes: sizeList('all-sizes', values['all-sizes'], [1000, 5000]).filter((s) => sizes.includes(s)),
    runs: count('runs', values.runs, 5, 1),
    allRuns: count('all-runs', values['all-runs'], 3, 1),
    warmups: count('warmups', values.warmups, 1, 0),
    allWarmups: count('all-warmups', values['all-warmups'], 0, 0),
    quickOnly: values['quick-only'],
    keep: values.keep,
    dir: values.dir,
    out: values.out,
    profile: values.profile,
    checks: checkList(values.checks),
    help: values.help,
  };
}
