import type { Repo } from '../git/repo.ts';
import type { Comparison } from './compare.ts';
import { lastBaselineCommit } from './renames.ts';
import { formatFingerprint, parseFingerprint, splitLines, warningFingerprint } from './warning-fingerprint.ts';

/**
 * For `debt explain`: the line each fixed warning was on, found by fingerprinting every line
 * of the file as it was in the commit that last changed the baseline. Only line numbers come
 * out, never the old text (it may hold a secret the scanner masked).
 */
export async function locateFixed(repo: Repo, baselinePath: string, comparison: Comparison): Promise<{ lines: Map<string, (number | undefined)[]>; commit?: string }> {
  const lines = new Map<string, (number | undefined)[]>();
  const withFixed = comparison.entries.filter((e) => e.fixed.length > 0);
  if (withFixed.length === 0) return { lines };
  const commit = await lastBaselineCommit(repo, baselinePath);
  if (!commit) return { lines };
  for (const entry of withFixed) {
    const blob = await repo.readObject(`${commit}:${entry.renamedFrom ?? entry.path}`);
    if (!blob) continue;
    const text = splitLines(blob.toString('utf8'));
    const candidates = text.map((_, i) => formatFingerprint(warningFingerprint(entry.ruleId, text, i + 1)));
    const used = new Set<number>();
    const find = (same: (candidate: string) => boolean) => candidates.findIndex((c, i) => !used.has(i) && same(c));
    entry.fixed.forEach((fp, k) => {
      const { line, context } = parseFingerprint(fp);
      let index = find((c) => c === fp);
      if (index < 0) index = find((c) => parseFingerprint(c).context === context);
      if (index < 0) index = find((c) => parseFingerprint(c).line === line);
      const found = lines.get(`${entry.path}\0${entry.ruleId}`) ?? [];
      found[k] = index < 0 ? undefined : index + 1;
      if (index >= 0) used.add(index);
      lines.set(`${entry.path}\0${entry.ruleId}`, found);
    });
  }
  return { lines, commit };
}
