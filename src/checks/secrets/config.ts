import { z } from 'zod';
import { checkUserPattern } from './safe-pattern.ts';

/** Files blocked regardless of content (globs, matched against the repository-relative path). */
export const DEFAULT_BLOCKED_FILES = [
  '**/.env',
  '**/.env.*',
  '**/*.pem',
  '**/id_rsa',
  '**/id_rsa_*',
  '**/id_dsa',
  '**/id_ecdsa',
  '**/id_ed25519',
  '**/id_ed25519_*',
  '**/*.p12',
  '**/*.pfx',
  '**/*.jks',
  '**/*.keystore',
  '**/credentials.json',
  '**/.git-credentials',
  '**/*.tfstate',
  '**/*.tfstate.backup',
] as const;

/** Exceptions to the blocked files: documented templates that hold no real values. */
export const DEFAULT_ALLOWED_FILES = ['**/.env.example', '**/.env.template', '**/.env.sample', '**/*.pub'] as const;

const userPattern = (what: string) =>
  z
    .string()
    .min(1)
    .superRefine((source, ctx) => {
      const problem = checkUserPattern(source);
      if (problem) ctx.addIssue({ code: 'custom', message: `${what} ${JSON.stringify(source)} is not usable: ${problem}` });
    });

export const SecretsAllowlistSchema = z
  .object({
    paths: z
      .array(z.string().min(1))
      .default([])
      .describe('Globs of files the secret rules never look at (test fixtures, vendored code). Blocked-file rules still apply unless the path is also in allowedFiles.'),
    regexes: z
      .array(userPattern('allowlist regex'))
      .default([])
      .describe('Regular expressions (JavaScript syntax, no flags); a finding whose secret matches one is dropped. Checked for catastrophic backtracking when the config loads.'),
    lineRegexes: z
      .array(userPattern('allowlist line regex'))
      .default([])
      .describe('Regular expressions matched against the whole line holding the secret (at most 4,096 characters of it); a match drops the finding.'),
    stopwords: z
      .array(z.string().min(3))
      .default([])
      .describe('Words that mark a value as not secret: a finding whose secret contains one (case-insensitive) is dropped.'),
    placeholders: z
      .array(z.string().min(3))
      .default([])
      .describe('Extra placeholder markers on top of the built-in ones (EXAMPLE, xxxx, <your-key>, ${VAR}, changeme, …); a secret containing one is dropped.'),
  })
  .strict();

export const SecretsConfigSchema = z
  .object({
    enabled: z.boolean().default(true).describe('Run the secret scanner.'),
    maxFileSizeKb: z
      .number()
      .int()
      .positive()
      .default(5120)
      .describe('Files larger than this (in KiB) are skipped with a note. History scans apply it to each added hunk.'),
    decodeDepth: z
      .number()
      .int()
      .min(0)
      .max(3)
      .default(2)
      .describe('How many layers of base64, hex or percent encoding are decoded to look for secrets hidden inside (0 = none).'),
    genericMinEntropy: z
      .number()
      .min(0)
      .max(8)
      .default(3.5)
      .describe('Shannon entropy (bits per character) a value must reach for secrets/generic-secret to report it; values shorter than 16 characters need 0.5 less.'),
    blockedFiles: z
      .array(z.string().min(1))
      .default([...DEFAULT_BLOCKED_FILES])
      .describe('Globs of files that must never be committed, whatever they contain (secrets/blocked-file). .npmrc and .pypirc are blocked only when they hold credentials.'),
    allowedFiles: z
      .array(z.string().min(1))
      .default([...DEFAULT_ALLOWED_FILES])
      .describe('Globs exempt from blockedFiles (templates such as .env.example).'),
    threads: z
      .union([z.literal('auto'), z.number().int().min(1).max(64)])
      .default('auto')
      .describe("Threads a tree or path scan uses, the check's own among them (n - 1 worker threads): 'auto' = one per CPU (at most 8) when there are at least 400 files, else the check's own thread; 1 = always the check's own thread. Staged and history scans use one thread."),
    allowlist: SecretsAllowlistSchema.prefault({}).describe('What the secret rules must not report.'),
    history: z
      .enum(['branch', 'all', 'off'])
      .default('branch')
      .describe("What a whole-repository scan (validate-all, `tollgate check secrets` without paths) reads of git history besides the tree: 'branch' = the commits of the current branch that the default branch lacks (a secret committed and then deleted on a branch is still in what you push), 'all' = every commit of every branch, 'off' = none. `--history` scans history alone."),
    baseline: z
      .string()
      .min(1)
      .default('.tollgate/secrets-baseline.json')
      .describe('Baseline of accepted findings, keyed by rule + secret hash + path (never line numbers). Written by `tollgate check secrets --update-baseline`.'),
  })
  .strict();

export type SecretsOptions = z.output<typeof SecretsConfigSchema>;
