import { createHash } from 'node:crypto';

/**
 * A fingerprint identifies "the same problem" across edits that move it: it hashes the rule,
 * the file and the normalised content of the offending line, never the line number. A repeated
 * identical line in one file is told apart by its occurrence index.
 */
export interface FingerprintInput {
  ruleId: string;
  path: string;
  /** The text the finding is about (usually the offending line); whitespace is normalised. */
  content: string;
  /** 0 for the first identical (ruleId, path, content) in a file, 1 for the next, … */
  occurrence?: number;
}

export function normaliseContent(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function fingerprint(input: FingerprintInput): string {
  const hash = createHash('sha256');
  hash.update(input.ruleId);
  hash.update('\0');
  hash.update(input.path);
  hash.update('\0');
  hash.update(normaliseContent(input.content));
  hash.update('\0');
  hash.update(String(input.occurrence ?? 0));
  return hash.digest('hex').slice(0, 32);
}
